import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { normalizeObservation } from './normalize-observation.js'
import { observeLab } from './observe-lab.js'
import type { RawObservation } from './raw-observation.js'

test('two daemons that differ only in their --exec-root give the same facts (sandbox paths)', () => {
  const lab = createLab()
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
