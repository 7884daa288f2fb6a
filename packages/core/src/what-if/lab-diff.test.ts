import { describe, expect, it } from 'vitest'
import { runScenario } from '../engine/run-scenario.js'
import { diffLabs, isEmptyDiff } from './lab-diff.js'
import { renderLabDiff } from './render-lab-diff.js'
import { whatIf } from './what-if.js'

const LAB = `docker network create app
docker network create db
docker run -d --name web --network app -p 8080:80 nginx
docker run -d --name api --network app busybox
docker run -d --name pg --network db busybox
docker network connect db api`

describe('diffLabs', () => {
  it('finds nothing between two runs of one scenario, whatever names the second drew', () => {
    for (const engine of ['20.10', '28'] as const) {
      const a = runScenario(LAB, { engine }).lab
      // Another seed: other IDs, bridge names, veth names and (on 28) MACs.
      const b = runScenario(LAB, { engine, seed: 99 }).lab
      expect(b.networks.find((n) => n.name === 'app')?.device).not.toBe(
        a.networks.find((n) => n.name === 'app')?.device,
      )
      const d = diffLabs(a, b)
      expect(d, renderLabDiff(d)).toSatisfy(isEmptyDiff)
      expect(renderLabDiff(d)).toMatch(/^No difference/)
    }
  })

  it('sees what an extra network shifts: its bridge, its routes, its rules, and the subnet the next network gets', () => {
    const a = runScenario(LAB, { engine: '28' }).lab
    const b = runScenario(`docker network create extra\n${LAB}`, { engine: '28' }).lab
    const d = diffLabs(a, b)
    expect(d.networks.added).toEqual(['extra'])
    const app = d.networks.changed.find((c) => c.name === 'app')
    expect(app?.changes.find((c) => c.field === 'ipam 1')).toEqual({
      field: 'ipam 1',
      before: '172.18.0.0/16 gateway 172.18.0.1',
      after: '172.19.0.0/16 gateway 172.19.0.1',
    })
    expect(d.containers.changed.find((c) => c.name === 'web')?.changes).toContainEqual({
      field: 'app address',
      before: '172.18.0.2/16',
      after: '172.19.0.2/16',
    })
    const extraBridge = b.networks.find((n) => n.name === 'extra')?.device as string
    expect(
      d.interfaces
        .find((n) => n.namespace === 'host')
        ?.added.some((l) => l.startsWith(`${extraBridge} bridge`)),
    ).toBe(true)
    expect(d.iptables).toContain(`+-A DOCKER-ISOLATION-STAGE-1 -i ${extraBridge}`.slice(0, 30))
    // Nobody's reachability changes: the new network is empty.
    expect(d.matrices.flatMap((m) => m.cells)).toEqual([])
  })

  it('between engines: 28 writes a raw table and ip6tables, 20.10 neither', () => {
    const a = runScenario(LAB, { engine: '20.10' }).lab
    const b = runScenario(LAB, { engine: '28' }).lab
    const d = diffLabs(a, b, { labels: { from: '20.10', to: '28' } })
    expect(d.engine).toEqual({ before: '20.10', after: '28' })
    expect(d.iptables).toMatch(/^--- 20\.10\n\+\+\+ 28\n/)
    expect(d.iptables).toContain('+*raw')
    expect(d.ip6tables.split('\n').some((l) => l.startsWith('+*filter'))).toBe(true)
    // 20.10 derives MACs from the address, 28 draws them: a real difference, shown.
    expect(d.containers.changed.find((c) => c.name === 'web')?.changes.map((c) => c.field)).toContain(
      'app MAC',
    )
  })
})

describe('whatIf', () => {
  it('--icc=false: containers on docker0 stop reaching each other, user networks keep their own ICC', () => {
    const source = `${LAB}\ndocker run -d --name b1 busybox\ndocker run -d --name b2 busybox`
    const { diff } = whatIf({ source, engine: '28' }, { dockerd: '--icc=false' })
    expect(diff.daemon).toEqual([{ field: 'icc', before: '', after: 'false' }])
    expect(diff.iptables).toContain('+-A DOCKER-FORWARD -i docker0 -o docker0 -j DROP')
    const ping = diff.matrices.find((m) => m.protocol === 'icmp')
    expect(ping?.cells.map((c) => `${c.from}>${c.to}`).sort()).toEqual(['b1>b2', 'b2>b1'])
    const cut = ping?.cells[0]?.after
    expect(cut?.reachable === false && cut.reason).toMatch(/docker0/)
  })

  it('a network made internal: its containers lose the internet, each flip with its reason', () => {
    const { diff } = whatIf({ source: LAB, engine: '28' }, { network: { name: 'db', flags: '--internal' } })
    const zh = whatIf(
      { source: LAB, engine: '28' },
      { network: { name: 'db', flags: '--internal' } },
      { lang: 'zh-CN' },
    )
    expect(diff.networks.changed.find((c) => c.name === 'db')?.changes).toContainEqual({
      field: 'internal',
      before: 'false',
      after: 'true',
    })
    const ping = diff.matrices.find((m) => m.protocol === 'icmp')
    const pgOut = ping?.cells.find((c) => c.from === 'pg' && c.to === 'internet')
    expect(pgOut?.before.reachable).toBe(true)
    expect(pgOut?.after.reachable).toBe(false)
    expect(pgOut?.after.reachable === false && pgOut.after.reason).toBeTruthy()
    const text = renderLabDiff(diff)
    expect(text).toContain('pg → internet')
    expect(diff.routes).toEqual([
      { namespace: 'pg', removed: ['default via 172.19.0.1 dev eth0'], added: [] },
    ])
    const zhText = renderLabDiff(zh.diff, 'zh-CN')
    expect(zhText).toContain('不通：')
    // The reasons come from the tracer in the language asked: no English sentence is left in them.
    expect(zhText).not.toMatch(/cannot reach/)
  })

  it('refuses a network the scenario never creates, and a bad dockerd flag, in their own words', () => {
    expect(() => whatIf({ source: LAB }, { network: { name: 'nope', flags: '--internal' } })).toThrow(
      /no "docker network create \.\.\. nope" line/,
    )
    expect(() => whatIf({ source: LAB }, { dockerd: '--no-such-flag' })).toThrow(
      /unknown flag: --no-such-flag/,
    )
  })

  it('IPv6: on 28 ICC off holds in IPv6 too (ip6tables), on 20.10 it does not, and the IPv6 matrix says so', () => {
    const source =
      'docker network create --ipv6 --subnet fd00:77::/64 -o com.docker.network.bridge.enable_icc=true v6\ndocker run -d --name c1 --network v6 nginx\ndocker run -d --name c2 --network v6 nginx'
    const change = { network: { name: 'v6', flags: '-o com.docker.network.bridge.enable_icc=false' } }
    const flipsOf = (engine: '20.10' | '28', family?: 6) => {
      const r = whatIf({ source, engine }, change)
      // Both labs ran every line: the flips are the change's, not a refused command's.
      expect(Object.keys(r.after.containers)).toHaveLength(2)
      return r.diff.matrices
        .filter((m) => m.protocol === 'icmp' && m.family === family)
        .flatMap((m) => m.cells.map((c) => `${c.from}>${c.to}`))
        .sort()
    }
    expect(flipsOf('28')).toEqual(['c1>c2', 'c2>c1'])
    expect(flipsOf('28', 6)).toEqual(['c1>c2', 'c2>c1'])
    expect(flipsOf('20.10')).toEqual(['c1>c2', 'c2>c1'])
    expect(flipsOf('20.10', 6)).toEqual([])
  })
})
