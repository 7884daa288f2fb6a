import { describe, expect, test } from 'vitest'
import { runSchedule } from '../src/lib/run-schedule.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('when an edit is run', () => {
  test('while runs are quick, each typed edit runs at once', () => {
    const ran: string[] = []
    const schedule = runSchedule((s) => ran.push(s))
    schedule.took(3)
    schedule.edited('a')
    schedule.edited('ab')
    expect(ran).toEqual(['a', 'ab'])
    expect(schedule.pending).toBe(false)
  })

  test('once a run was slow, typing waits for a pause and only the last edit runs', async () => {
    const ran: string[] = []
    const schedule = runSchedule((s) => ran.push(s), { pause: 40 })
    schedule.took(300)
    schedule.took(170, { add: true })
    schedule.edited('d')
    await sleep(10)
    schedule.edited('do')
    expect(ran).toEqual([])
    expect(schedule.pending).toBe(true)
    await sleep(80)
    expect(ran).toEqual(['do'])
    expect(schedule.pending).toBe(false)
  })

  test('the cost is the run and the graph together: two quick parts can make a slow run', () => {
    const ran: string[] = []
    const schedule = runSchedule((s) => ran.push(s), { quick: 50 })
    schedule.took(30)
    schedule.took(30, { add: true })
    schedule.edited('x')
    expect(ran).toEqual([])
  })

  test('undo flushes a pending edit first; a run asked for now drops it', async () => {
    const ran: string[] = []
    const schedule = runSchedule((s) => ran.push(s), { pause: 30 })
    schedule.took(500)
    schedule.edited('typed')
    schedule.flush()
    expect(ran).toEqual(['typed'])
    schedule.flush()
    expect(ran).toEqual(['typed'])
    schedule.edited('typed again')
    schedule.now('example')
    await sleep(60)
    expect(ran).toEqual(['typed', 'example'])
  })
})
