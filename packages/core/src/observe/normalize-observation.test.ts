import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { normalizeObservation } from './normalize-observation.js'
import { observeLab } from './observe-lab.js'
import type { RawObservation } from './raw-observation.js'

test('two daemons that differ only in their --exec-root give the same facts (sandbox paths)', () => {
  const lab = createLab({ engine: '20.10' })
  const steps = [
    'docker run -d --name web busybox',
    'docker run -d --name hostc --network host busybox',
    'docker inspect web hostc',
    "docker inspect -f '{{.NetworkSettings.SandboxKey}}' web",
  ].map((command) => {
    const r = runDocker(lab, command)
    return { command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
  })
  const raw = observeLab(lab, steps)
  expect(JSON.stringify(raw)).toContain('/var/run/docker/netns/')
  const elsewhere = JSON.parse(
    JSON.stringify(raw).replaceAll('/var/run/docker/', '/run/docker28/'),
  ) as RawObservation
  expect(normalizeObservation(elsewhere)).toEqual(normalizeObservation(raw))
})

test('two daemons that differ only in their --data-root give the same facts (file paths a line prints)', () => {
  const lab = createLab()
  const steps = [
    'docker run -d --name web busybox',
    "docker inspect -f '{{.Config.Hostname}} {{.HostnamePath}}' web",
    'docker inspect web',
  ].map((command) => {
    const r = runDocker(lab, command)
    return { command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
  })
  const raw = observeLab(lab, steps)
  expect(raw.steps[1]?.stdout).toMatch(/ \/var\/lib\/docker\/containers\/[0-9a-f]{64}\/hostname\n$/)
  const elsewhere = JSON.parse(
    JSON.stringify(raw).replaceAll('/var/lib/docker/', '/var/lib/other-root/docker/'),
  ) as RawObservation
  const facts = normalizeObservation(elsewhere)
  expect(facts).toEqual(normalizeObservation(raw))
  expect(facts[`steps/02 ${steps[1]?.command}/stdout`]).toMatch(
    / <data-root>\/containers\/<ctr:web>\/hostname\n$/,
  )
  // A path outside a container's directory is no data root: it stays a fact.
  const moved = structuredClone(raw)
  moved.steps[1] = { ...steps[1]!, stdout: steps[1]!.stdout.replace('/containers/', '/volumes/') }
  expect(normalizeObservation(moved)).not.toEqual(normalizeObservation(raw))
})

test("FORWARD's jump to DOCKER-USER twice (libnetwork's race) compares as once; any other repeated rule still differs", () => {
  const raw = observeLab(createLab({ engine: '20.10' }))
  const twice = structuredClone(raw)
  twice.iptables.filter = twice.iptables.filter.replace(
    '-A FORWARD -j DOCKER-USER\n',
    '-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-USER\n',
  )
  expect(twice.iptables.filter).not.toBe(raw.iptables.filter)
  expect(normalizeObservation(twice)).toEqual(normalizeObservation(raw))
  const other = structuredClone(raw)
  other.iptables.filter = other.iptables.filter.replace(
    '-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n',
    '-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n',
  )
  expect(normalizeObservation(other)['iptables/filter/FORWARD']).not.toEqual(
    normalizeObservation(raw)['iptables/filter/FORWARD'],
  )
})

test('on 28 (random MACs, ENGINE-28.md section 9) two seeds give the same facts; on 20.10 the MACs stay facts', () => {
  const observe = (engine: '20.10' | '28', seed: number) => {
    const lab = createLab({ engine, seed })
    const steps = [
      'docker network create app',
      'docker run -d --name web --network app busybox',
      'docker network inspect app',
      'docker inspect web',
    ].map((command) => {
      const r = runDocker(lab, command)
      return { command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
    })
    return normalizeObservation(observeLab(lab, steps))
  }
  const a = observe('28', 1)
  expect(observe('28', 2)).toEqual(a)
  expect(a['containers/web/networks/app/MacAddress']).toBe('<mac>')
  expect(observe('20.10', 1)['containers/web/networks/app/MacAddress']).toBe('02:42:ac:12:00:02')
  // A real engine's observation names its version in full.
  const real = observeLab(createLab({ engine: '28' }))
  const docker0 = (o: ReturnType<typeof normalizeObservation>) => o['namespaces/host/links/docker0/address']
  expect(docker0(normalizeObservation({ ...real, engine: '28.5.2+dfsg4' }))).toBe('<mac>')
  expect(docker0(normalizeObservation(observeLab(createLab({ engine: '20.10' }))))).toBe('02:42')
})
