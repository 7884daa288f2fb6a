/** `netmodes diagram`: the lab as Mermaid, DOT and SVG. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { netmodes, tempDir } from './helpers.js'

let labFile: string
const draw = (format: string) => netmodes(['diagram', '--lab', labFile, '--format', format])

beforeAll(() => {
  labFile = join(tempDir(), 'demo.json')
  expect(netmodes(['demo', '--save', '--lab', labFile]).code).toBe(0)
})

describe('mermaid (the default)', () => {
  test('a subgraph per namespace, a node per interface, the wires between them', () => {
    const r = netmodes(['diagram', '--lab', labFile])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(draw('mermaid').stdout)
    const m = r.stdout
    expect(m).toMatch(/^flowchart TB\n {2}subgraph host\["host docker-host · monitor \(--network host\)"\]\n/)
    expect(m).toContain('[["docker0 (bridge)<br/>172.17.0.1/16"]]')
    expect(m).toMatch(/\[\["br-[0-9a-f]{12} \(app\)<br\/>10\.88\.0\.1\/24"\]\]/)
    // container mode: sidecar lives in web's namespace
    expect(m).toMatch(/subgraph ns\d+\["container web \+ sidecar · web: app · sidecar: container:web"\]/)
    expect(m).toMatch(
      /subgraph ns\d+\["container vault · vault: none"\]\n {4}ns\d+_if1\["lo<br\/>127\.0\.0\.1\/8"\]/,
    )
    // veth pairs, bridge ports, the macvlan and ipvlan parents, the VXLAN tunnel
    expect(m.match(/ <-->\|veth pair\| /g)).toHaveLength(6)
    expect(m).toMatch(/^ {2}ns\d+_if\d+ -\.-\|macvlan bridge\| host_if2$/m)
    expect(m).toMatch(/^ {2}ns\d+_if\d+ -\.-\|ipvlan l2\| host_if\d+$/m)
    expect(m).toMatch(/^ {2}host_if\d+ -\.-\|VLAN 50\| host_if2$/m)
    expect(m).toMatch(/-\.-\|VXLAN 4097 udp\/4789\| host_if2$/m)
  })
})

describe('dot', () => {
  test('clusters and undirected edges Graphviz reads', () => {
    const d = draw('dot').stdout
    expect(d).toMatch(/^graph lab \{\n/)
    expect(d).toMatch(/\n\}\n$/)
    expect(d).toContain('subgraph cluster_host {')
    expect(d).toContain('label="container web + sidecar\\nweb: app\\nsidecar: container:web";')
    expect(d).toMatch(/host_if\d+ -- ns\d+_if\d+ \[penwidth=2, label="veth pair"\];/)
    expect(d.split('{').length).toBe(d.split('}').length)
  })
})

describe('svg', () => {
  test('a standalone image with every box and interface', () => {
    const s = draw('svg').stdout
    expect(s).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+" height="[\d.]+"/)
    expect(s.trimEnd().endsWith('</svg>')).toBe(true)
    for (const name of [
      'web + sidecar',
      'db',
      'legacy',
      'vault',
      'printer',
      'sensor',
      'svc',
      'monitor (--network host)',
    ])
      expect(s).toContain(name)
    expect(s.match(/<g class="box /g)).toHaveLength(10)
    expect(s.match(/<path class="edge veth"/g)).toHaveLength(6)
    // Well formed: every element opened is closed.
    const open = s.match(/<(g|text|title|svg)[\s>]/g)?.length
    const close = s.match(/<\/(g|text|title|svg)>/g)?.length
    expect(open).toBe(close)
    expect(s).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/)
  })
  test('an empty lab still draws the host', () => {
    const file = join(tempDir(), 'lab.json')
    netmodes(['--lab', file, 'docker', 'ps'])
    const s = netmodes(['diagram', '--lab', file, '--format', 'svg']).stdout
    expect(s).toContain('docker0 (bridge)')
    expect(s).not.toContain('class="edge')
  })
})

describe('bad input', () => {
  test('no lab file yet: exit 2', () => {
    const r = netmodes(['diagram'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no lab file at .netmodes/lab.json')
  })
  test('a corrupted lab file: exit 2', () => {
    const file = join(tempDir(), 'lab.json')
    writeFileSync(file, 'not json')
    const r = netmodes(['diagram', '--lab', file])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^netmodes: lab file .* is not valid JSON: /)
  })
  test('an unknown format: exit 2', () => {
    expect(netmodes(['diagram', '--format', 'png']).code).toBe(2)
  })
})
