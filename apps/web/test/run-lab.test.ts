/** The editor's run: each line's outcome by line number, a refused line reported while the rest runs, the history cursor. */
import { describe, expect, test } from 'vitest'
import { operationsOf } from '../src/lib/operations.js'
import { insertAtCursor, runLab } from '../src/lib/run-lab.js'

const SCENARIO = [
  '# two containers on a user-defined network',
  'docker network create --subnet 10.88.0.0/24 app',
  'docker run -d --name web --network app nginx',
  'docker run -d --name db --network nope postgres',
  'trace web -> db',
  'frobnicate',
  'docker run -d --name cache --network app redis',
].join('\n')

describe('runLab', () => {
  const run = runLab(SCENARIO, { engine: '28' })

  test("a docker line that fails carries Docker's own error under its line", () => {
    const line4 = run.outcomes.get(4)
    expect(line4?.kind).toBe('docker')
    if (line4?.kind !== 'docker') return
    expect(line4.result.ok).toBe(false)
    expect(line4.result.error).toContain('network nope not found')
  })

  test('a line core refuses is reported under it, and the lines after it still run', () => {
    const line6 = run.outcomes.get(6)
    expect(line6).toMatchObject({ kind: 'refused', text: 'frobnicate' })
    if (line6?.kind === 'refused') expect(line6.message).toContain('unknown statement "frobnicate"')
    const line7 = run.outcomes.get(7)
    expect(line7?.kind === 'docker' && line7.result.ok).toBe(true)
    // As on a real engine, db was created before its start failed on the missing network.
    const running = Object.values(run.lab.containers).filter((c) => c.state === 'running')
    expect(running.map((c) => c.name)).toEqual(['web', 'cache'])
  })

  test("a trace line's result stands on its line, a drop with core's reason", () => {
    const line5 = run.outcomes.get(5)
    expect(line5?.kind === 'trace' && !line5.trace.delivered && line5.trace.reason).toContain(
      'db is not running',
    )
    const ok = runLab(
      'docker network create app\ndocker run -d --name alpha --network app busybox\ntrace alpha -> internet:443/tcp\ntrace a -> host',
      { engine: '28' },
    )
    const trace = ok.outcomes.get(3)
    expect(trace?.kind === 'trace' && trace.trace.delivered).toBe(true)
    // A name the tracer cannot read stops core's run at that line: here it is said there, the rest kept.
    const refused = ok.outcomes.get(4)
    expect(refused?.kind === 'refused' && refused.message).toContain('endpoint "a"')
  })

  test('each docker line lists the operations it caused', () => {
    const line2 = run.outcomes.get(2)
    if (line2?.kind !== 'docker') throw new Error('line 2 is a docker line')
    expect(operationsOf(line2.result).some((op) => op.startsWith('ip link add br-'))).toBe(true)
  })

  test('the cursor runs the first N statements only: undo and redo along the history', () => {
    expect(run.statements).toBe(5)
    const two = runLab(SCENARIO, { engine: '28', upTo: 2 })
    expect(two.ran).toBe(2)
    expect(Object.values(two.lab.containers).map((c) => c.name)).toEqual(['web'])
    expect(two.outcomes.has(4)).toBe(false)
    expect(runLab(SCENARIO, { engine: '28', upTo: 0 }).lab.networks.map((n) => n.name)).not.toContain('app')
  })

  test('daemon settings that cannot start a daemon are said, and the lab runs without them', () => {
    const r = runLab('docker network create app', { engine: '28', daemon: { bip: '10.99.0.1/33' } })
    expect(r.daemonError).toBeDefined()
    expect(r.lab.networks.map((n) => n.name)).toContain('app')
  })

  test('commands applied after undo go in at the cursor: they run on the lab there, the undone lines stay to redo', () => {
    const undone = runLab(SCENARIO, { engine: '28', upTo: 2 })
    expect(undone.nextLine).toBe(4)
    expect(runLab(SCENARIO, { engine: '28' }).nextLine).toBeUndefined()
    const next = insertAtCursor(SCENARIO, undone, [
      'docker rm -f web',
      'docker run -d --name web --network host nginx',
    ])
    const lines = next.split('\n')
    expect(lines.slice(3, 6)).toEqual([
      'docker rm -f web',
      'docker run -d --name web --network host nginx',
      'docker run -d --name db --network nope postgres',
    ])
    const after = runLab(next, { engine: '28', upTo: 4 })
    expect(Object.values(after.lab.containers).find((c) => c.name === 'web')?.networkMode).toBe('host')
    expect(after.nextLine).toBe(6)
    // At the end of the history the lines are appended.
    expect(insertAtCursor('a\n\n', {}, ['x'])).toBe('a\nx\n')
  })
})

describe('host lines in the editor', () => {
  test("a host line's answer stands on its line, as a docker line's does, and the trace after it keeps its own", () => {
    const run = runLab(
      [
        'host ip link add lan0 type bridge && ip link set lan0 up',
        'host ip addr add 10.1.1.1/24 dev nope',
        'docker run -d --name web nginx',
        'trace web -> internet',
      ].join('\n'),
      { engine: '28' },
    )
    const made = run.outcomes.get(1)
    expect(made?.kind === 'docker' && made.result.ok).toBe(true)
    expect(made?.kind === 'docker' && operationsOf(made.result).length).toBe(2)
    const refused = run.outcomes.get(2)
    expect(refused?.kind === 'docker' && refused.result.error).toBe('Cannot find device "nope"\n')
    expect(run.outcomes.get(4)?.kind).toBe('trace')
  })
})
