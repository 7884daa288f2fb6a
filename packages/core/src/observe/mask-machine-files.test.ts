import { expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { TYPICAL_HOST } from '../engine/host-description.js'
import { createLab } from '../engine/lab.js'
import { normalizeObservation } from './normalize-observation.js'
import { observeLab } from './observe-lab.js'

/** The same scenario on a machine with this hostname, resolv.conf and hosts file. */
function observeOn(hostname: string, resolvConf: string, hostsFile: string) {
  const lab = createLab({ engine: '20.10', host: { ...TYPICAL_HOST, hostname, resolvConf, hostsFile } })
  const steps = [
    'docker network create --subnet 10.77.0.0/24 app',
    'docker run -d --name bc busybox',
    'docker run -d --name uc --network app --dns-search example.test busybox',
    'docker run -d --name hc --network host busybox',
    'docker inspect hc',
  ].map((command) => {
    const r = runDocker(lab, command)
    return { command, exit: r.exitCode, stdout: r.output, stderr: r.error ?? '' }
  })
  return observeLab(lab, steps)
}

test('two machines with their own hostname, resolv.conf and hosts file give the same facts (what Docker copies from them is masked)', () => {
  const a = observeOn('vm', 'nameserver 10.255.255.53\n', '127.0.0.1 localhost\n127.0.0.1 vm\n')
  const b = observeOn(
    'build-7',
    '# made by dhcp\nnameserver 198.51.100.53\nnameserver 198.51.100.54\nsearch corp.example\n',
    '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n198.51.100.9\tbuild-7\n',
  )
  // The raw files differ (each machine's own lines are there)...
  expect(a.files?.hc?.hosts).not.toBe(b.files?.hc?.hosts)
  expect(a.files?.bc?.resolvConf).not.toBe(b.files?.bc?.resolvConf)
  // ...and what Docker wrote around them still compares.
  expect(normalizeObservation(b)).toEqual(normalizeObservation(a))
  expect(normalizeObservation(a)['files/uc/etc/resolv.conf']).toContain('nameserver 127.0.0.11')
})

test('what Docker writes itself is still compared on any machine', () => {
  const a = observeOn('vm', 'nameserver 10.255.255.53\n', '127.0.0.1 localhost\n')
  const changed = structuredClone(a)
  if (changed.files?.uc)
    changed.files.uc.resolvConf = changed.files.uc.resolvConf.replace('ndots:0', 'ndots:1')
  expect(normalizeObservation(changed)['files/uc/etc/resolv.conf']).not.toEqual(
    normalizeObservation(a)['files/uc/etc/resolv.conf'],
  )
})
