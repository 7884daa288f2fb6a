/**
 * Every catalog speaks both languages for every key, and a translation says
 * the same facts: each name, address, rule and number the English sentence
 * carries is in the Chinese one too, and the Chinese has no English left in
 * its words. The cases are real traces of one lab with a drop of each kind
 * the scenario can give.
 */
import { describe, expect, test } from 'vitest'
import { describeHop } from '../dataplane/describe-hop.js'
import { matrixCell, reachabilityMatrix } from '../dataplane/reachability.js'
import { renderReason } from '../dataplane/reasons.js'
import { trace } from '../dataplane/trace.js'
import type { Hop, ReasonParams, TraceRequest } from '../dataplane/trace-types.js'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { explainContainer } from '../explain/explain.js'
import type { LabState } from '../model/state.js'
import { messagesFor } from './index.js'
import { LANGS } from './messages.js'

const LINES = [
  'docker network create a',
  'docker network create b',
  'docker network create --internal inner',
  'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
  'docker run -d --name a1 --network a nginx',
  'docker run -d --name b1 --network b nginx',
  'docker run -d --name i1 --network inner nginx',
  'docker run -d --name q1 --network quiet nginx',
  'docker run -d --name q2 --network quiet nginx',
  'docker run -d --name n1 --network none nginx',
  'docker run -d --name loc -p 127.0.0.1:8080:80 nginx',
  'docker run -d --name d1 nginx',
  'docker create --name c1 nginx',
]

/** The lab on both engines: 28's raw-table drops and 20.10's isolation chains are different reasons. */
const labs = (['20.10', '28'] as const).map((engine) => {
  const lab = createLab({ engine })
  for (const line of LINES) expect(runDocker(lab, line).ok, line).toBe(true)
  return lab
})
const [lab20, lab] = labs as [LabState, LabState]

const REQUESTS: TraceRequest[] = [
  { from: 'a1', to: 'b1', port: 80, resolve: 'address' },
  { from: 'q1', to: 'q2', port: 80 },
  { from: 'host', to: 'a1', port: 80 },
  { from: 'd1', to: 'internet', port: 443 },
  { from: 'lan', to: 'host:8080/tcp' },
  { from: 'i1', to: 'internet', port: 443 },
  { from: 'lan', to: 'host:9999/tcp' },
  { from: 'lan', to: 'host:8080/tcp' },
  { from: 'n1', to: 'a1', port: 80, resolve: 'address' },
  { from: 'a1', to: 'n1', port: 80, resolve: 'address' },
  { from: 'lan', to: 'a1', port: 80 },
  { from: 'internet', to: 'a1', port: 80 },
  { from: 'd1', to: 'a1', port: 80 },
  { from: 'c1', to: 'a1', port: 80 },
  { from: 'd1', to: 'nosuch.example', port: 80 },
  { from: 'd1', to: 'b1', port: 80, resolve: 'dns' },
]

const drops: ReasonParams[] = []
const hops: Hop[] = []
for (const request of labs.flatMap((l) => REQUESTS.map((r) => [l, r] as const))) {
  const r = trace(request[0], request[1])
  hops.push(...r.hops, ...(r.delivered ? r.reply.hops : []))
  if (!r.delivered) drops.push(r.reasonParams)
  else if (!r.reply.delivered) drops.push(r.reply.reasonParams)
}

/** What a sentence must keep in any language: names, addresses, numbers, rule text, flags. */
function facts(text: string): string[] {
  return (text.match(/[A-Za-z0-9_.:/=-]*[0-9][A-Za-z0-9_.:/=-]*|-[A-Za-z] [^\s(),]+|[a-z]+\d+/g) ?? []).map(
    (f) => f.replace(/[.,:;]+$/, ''),
  )
}

/** Latin words of three letters or more that are not names of the lab, commands or protocols. */
function englishWords(text: string): string[] {
  const allowed =
    /^(veth|pair|namespace|Network|bridge|host|none|container|macvlan|ipvlan|overlay|internal|DNAT|SNAT|MASQUERADE|NAT|DNS|ARP|VXLAN|UDP|TCP|tcp|udp|icmp|ping|conntrack|docker|proxy|inspect|link|hosts|etc|swarm|nat|raw|filter|mangle|FORWARD|PREROUTING|POSTROUTING|OUTPUT|INPUT|DOCKER|USER|ISOLATION|STAGE|ACCEPT|DROP|RETURN|com|network|enable|icc|false|true|vxlan|dev|via|src|default|scope|metric|kernel|proto|lan|LAN|IP|MAC|MTU|lo|sidecar|Kubernetes|pod|Docker|created|exited|running|paused|restarting|dead|gwbridge|id|eth\d*|[a-z]\d+|[a-z]+\d+)$/
  // A token with a digit in it is a fact (an address, an interface, a rule's text), not a word.
  // A quoted name is the user's, not a word of the sentence.
  const words = text
    .replace(/"[^"]*"/g, ' ')
    .split(/[\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/)
    .filter((t) => !/[0-9]/.test(t))
  return words
    .flatMap((t) => t.match(/[A-Za-z]{3,}/g) ?? [])
    .filter(
      (w) =>
        !allowed.test(w) &&
        !text.includes(`"${w}`) &&
        !lab.networks.some((n) => n.name === w) &&
        !LINES.some((l) => l.includes(`--name ${w} `)),
    )
}

describe('one catalog scheme, two languages', () => {
  test('the lab gives a drop of each kind the check relies on', () => {
    const codes = new Set(drops.map((d) => d.code))
    for (const code of [
      'isolated-networks',
      'icc-disabled',
      'internal-network',
      'port-not-published',
      'no-interface',
      'no-route',
      'container-not-running',
      'name-not-resolved',
    ])
      expect(codes, code).toContain(code)
  })

  test('a drop reason in Chinese keeps every fact of the English one, in Chinese words', () => {
    for (const p of drops) {
      const en = renderReason(p, 'en')
      const zh = renderReason(p, 'zh-CN')
      expect(zh, en).toMatch(/[\u4e00-\u9fff]/)
      expect(zh.endsWith('。'), zh).toBe(true)
      for (const f of facts(en)) expect(zh, `${p.code}: ${f}`).toContain(f)
      expect(englishWords(zh), zh).toEqual([])
    }
  })

  test('each hop in Chinese keeps the facts of the English hop', () => {
    const kinds = new Set<string>()
    for (const hop of hops) {
      kinds.add(hop.kind)
      const en = describeHop(hop, 'en')
      const zh = describeHop(hop, 'zh-CN')
      expect(zh, en).toMatch(/[\u4e00-\u9fff]/)
      for (const f of facts(en)) expect(zh, `${hop.kind}: ${f}`).toContain(f)
    }
    expect([...kinds]).toEqual(
      expect.arrayContaining(['route', 'veth', 'bridge', 'rule', 'nat', 'deliver', 'drop']),
    )
  })

  test('a trace asked in Chinese gives its reasons in Chinese, with the same data', () => {
    const en = trace(lab20, { from: 'a1', to: 'b1', port: 80, resolve: 'address' })
    const zh = trace(lab20, { from: 'a1', to: 'b1', port: 80, resolve: 'address', lang: 'zh-CN' })
    expect(zh.delivered || zh.reason).toMatch(/相互隔离/)
    expect({ ...zh, reason: '' }).toEqual({ ...en, reason: '' })
    const m = reachabilityMatrix(lab20, { protocol: 'tcp', port: 80 })
    const cell = matrixCell(m, 'a1', 'b1', 'zh-CN')
    expect(cell.reachable || cell.reason).toBe(zh.delivered || zh.reason)
  })

  test('every catalog has both languages', () => {
    for (const lang of LANGS) {
      expect(messagesFor(lang).modes.title).toBeTruthy()
      expect(explainContainer(lab, 'a1', lang).length).toBeGreaterThan(0)
    }
  })
})
