/**
 * Invariants over random sequences of docker commands.
 */
import { fc, test } from '@fast-check/vitest'
import { expect } from 'vitest'
import type { LabState } from '../src/index.js'
import { countAddresses, createLab, fromJSON, parseCidr, runDocker, toJSON } from '../src/index.js'

const networkName = fc.constantFrom('a', 'b', 'c')
const containerName = fc.constantFrom('c1', 'c2', 'c3', 'c4')
const subnet = fc.constantFrom('10.50.0.0/29', '10.50.0.0/24', '10.60.0.0/28', '172.18.0.0/16')

const command = fc.oneof(
  fc
    .tuple(networkName, fc.option(subnet, { nil: undefined }), fc.boolean())
    .map(
      ([n, s, internal]) =>
        `docker network create${s ? ` --subnet ${s}` : ''}${internal ? ' --internal' : ''} ${n}`,
    ),
  networkName.map((n) => `docker network rm ${n}`),
  fc
    .tuple(
      containerName,
      fc.constantFrom('a', 'b', 'bridge', 'none', 'host', 'container:c1'),
      fc.option(fc.integer({ min: 2, max: 9 }), { nil: undefined }),
      fc.option(fc.constantFrom(8080, 8081), { nil: undefined }),
    )
    .map(
      ([c, n, ip, port]) =>
        `docker run -d --name ${c} --network ${n}${ip ? ` --ip 10.50.0.${ip}` : ''}${port ? ` -p ${port}:80` : ''} busybox sleep 3600`,
    ),
  fc
    .tuple(containerName, fc.constantFrom('stop', 'start', 'rm -f', 'restart'))
    .map(([c, verb]) => `docker ${verb} ${c}`),
  fc
    .tuple(fc.constantFrom('connect', 'disconnect'), networkName, containerName)
    .map(([v, n, c]) => `docker network ${v} ${n} ${c}`),
)

/** Every address a network holds, with who holds it. */
function checkAddresses(lab: LabState): void {
  for (const network of lab.networks) {
    const pool = network.pool
    if (!pool) continue
    const cidr = parseCidr(pool.subnet)!
    const size = 2 ** (32 - cidr.prefix)
    const toIp = (offset: number) =>
      `${(cidr.ip + offset) >>> 24}.${((cidr.ip + offset) >>> 16) & 255}.${((cidr.ip + offset) >>> 8) & 255}.${(cidr.ip + offset) & 255}`
    const reserved = new Set([toIp(0), toIp(size - 1), network.gateway])
    const seen = new Set<string>()
    const endpoints = Object.values(network.endpoints).filter((e) => e.ipv4)
    for (const ep of endpoints) {
      expect(seen.has(ep.ipv4), `${ep.ipv4} twice on ${network.name}`).toBe(false)
      seen.add(ep.ipv4)
      expect(reserved.has(ep.ipv4), `${ep.name} holds reserved ${ep.ipv4} on ${network.name}`).toBe(false)
    }
    const aux = Object.keys(network.ipam.config[0]?.auxAddresses ?? {}).length
    // Nothing leaks: the pool holds exactly network, broadcast, gateway, aux and the endpoints' addresses.
    expect(countAddresses(pool.allocated), `pool of ${network.name}`).toBe(endpoints.length + 3 + aux)
  }
}

test.prop([fc.array(command, { minLength: 1, maxLength: 25 })], { numRuns: 150 })(
  'addresses stay unique, unreserved and accounted for; failures change nothing; snapshots round-trip',
  (commands) => {
    const lab = createLab({ engine: '20.10' })
    for (const line of commands) {
      const before = structuredClone(lab)
      const result = runDocker(lab, line)
      if (!result.ok) {
        const created = result.output.trim()
        if (created) {
          // `docker run` = create + start: when start fails the container stays created, as in Docker.
          const expected = structuredClone(before)
          runDocker(expected, line.replace(/^docker run -d/, 'docker create'))
          // A start that failed once its sandbox existed leaves the files' paths in the record (Docker 20.10).
          const kept = lab.containers[created]?.filesOf
          const record = expected.containers[created]
          if (kept && record) record.filesOf = kept
          expect(lab).toEqual(expected)
        } else {
          // So does a `docker start` that failed once its sandbox existed (seed -452202620: a
          // container whose --ip on none refuses every start), and only that container's paths.
          for (const [id, c] of Object.entries(lab.containers)) {
            const was = before.containers[id]
            if (line.startsWith('docker start') && c.filesOf && was && !was.filesOf) was.filesOf = c.filesOf
          }
          expect(lab).toEqual(before)
        }
      }
      checkAddresses(lab)
      expect(fromJSON(toJSON(lab))).toEqual(lab)
    }
  },
  // 150 random sequences, fromJSON checking every field of the lab after each command: seconds on a shared machine.
  60_000,
)
