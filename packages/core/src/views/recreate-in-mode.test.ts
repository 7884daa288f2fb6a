import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { containerByName } from '../model/lookup.js'
import { recreateInMode } from './recreate-in-mode.js'

function lab(engine: '20.10' | '28') {
  const l = createLab({ engine })
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    "docker run -d --name web --network app -p 8080:80 -p 127.0.0.1:5353:53/udp nginx sh -c 'sleep 1; nginx'",
    'docker run -d --name db --network app postgres',
  ]) {
    expect(runDocker(l, line).exitCode, line).toBe(0)
  }
  return l
}

describe.each(['20.10', '28'] as const)('recreateInMode on %s', (engine) => {
  test('the same name, image, command and published ports, under another --network', () => {
    expect(recreateInMode(lab(engine), 'web', 'host')).toEqual([
      'docker rm -f web',
      "docker run -d --name web --network host -p 8080:80 -p 127.0.0.1:5353:53/udp nginx sh -c 'sleep 1; nginx'",
    ])
    expect(recreateInMode(lab(engine), 'nope', 'host')).toBeUndefined()
  })

  test('run on the lab, the container is in the new mode; host mode discards its ports with a warning', () => {
    const l = lab(engine)
    const [rm, run] = recreateInMode(l, 'web', 'host') ?? []
    expect(runDocker(l, rm ?? '').exitCode).toBe(0)
    const result = runDocker(l, run ?? '')
    expect(result.exitCode).toBe(0)
    expect(result.error).toContain('Published ports are discarded when using host network mode')
    expect(containerByName(l, 'web')?.networkMode).toBe('host')
    expect(containerByName(l, 'web')?.cmd).toEqual(['sh', '-c', 'sleep 1; nginx'])
  })

  test("container mode with published ports is refused in Docker's words, and the lab keeps the removal", () => {
    const l = lab(engine)
    const [rm, run] = recreateInMode(l, 'web', 'container:db') ?? []
    runDocker(l, rm ?? '')
    const result = runDocker(l, run ?? '')
    expect(result.exitCode).not.toBe(0)
    expect(result.error).toContain('conflicting options: port publishing and the container type network mode')
    const [, bare] = recreateInMode(l, 'db', 'none') ?? []
    expect(bare).toBe('docker run -d --name db --network none postgres')
  })
})
