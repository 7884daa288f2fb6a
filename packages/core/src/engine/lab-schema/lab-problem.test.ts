import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runDocker } from '../execute.js'
import { createLab } from '../lab.js'
import { fromJSON, toJSON } from '../serialize.js'
import { labProblem } from './lab-problem.js'

// biome-ignore lint/suspicious/noExplicitAny: saved labs are edited here as raw JSON, wrong on purpose
type Raw = any

const repo = fileURLToPath(new URL('../../../../../', import.meta.url))
const scenarioFiles = ['conformance/scenarios', 'examples'].flatMap((dir) =>
  readdirSync(`${repo}${dir}`)
    .filter((f) => f.endsWith('.sh'))
    .map((f) => `${dir}/${f}`),
)

/** A saved lab with a bit of everything: user networks, published ports, container mode, swarm. */
function savedLab(): Raw {
  const lab = createLab()
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name side --network container:web busybox',
    'docker swarm init --advertise-addr 10.0.2.15',
    'docker network create -d overlay --attachable ov',
    'docker run -d --name ovc --network ov busybox',
  ])
    expect(runDocker(lab, line).exitCode).toBe(0)
  return JSON.parse(toJSON(lab))
}

/** `fromJSON` of the saved lab after `edit`: the message it is refused with. */
function refusal(edit: (lab: Raw) => void): string {
  const lab = savedLab()
  edit(lab)
  try {
    fromJSON(JSON.stringify(lab))
  } catch (error) {
    return (error as Error).message.replace('lab file is not a netmodes lab (schema 1): ', '')
  }
  return 'loaded'
}

const firstContainer = (lab: Raw) => Object.values(lab.containers)[0] as Raw
const containerNamed = (lab: Raw, name: string) => lab.containers[lab.containerNames[name]] as Raw

describe('every lab netmodes makes is a valid lab', () => {
  test.each(scenarioFiles)('after each command of %s', (file) => {
    const lab = createLab()
    // Conformance scenarios also hold recorder statements (host ..., snapshot ...): only docker's lines here.
    const lines = readFileSync(`${repo}${file}`, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('docker '))
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      runDocker(lab, line)
      expect(labProblem(JSON.parse(toJSON(lab))), line).toBe(undefined)
    }
  })
})

describe('a lab with a field out of its type or range is refused, naming the field', () => {
  test.each<[string, (lab: Raw) => void, string]>([
    ['a counter past 2^53', (l) => (l.rng.counter = 1e300), 'rng.counter: must be an integer in 0..2^53-1'],
    ['a negative counter', (l) => (l.rng.counter = -1), 'rng.counter: must be an integer in 0..2^53-1'],
    [
      'a counter that is not an integer',
      (l) => (l.rng.counter = 2.5),
      'rng.counter: must be an integer in 0..2^53-1',
    ],
    ['a counter as a string', (l) => (l.rng.counter = '7'), 'rng.counter: must be an integer in 0..2^53-1'],
    ['a seed beyond 32 bits', (l) => (l.rng.seed = 2 ** 40), 'rng.seed: must be an integer in 0..2^32-1'],
    ['a clock past year 9999', (l) => (l.clock = 1e308), 'clock: must be an integer in 0..253402300799'],
    ['a clock of null', (l) => (l.clock = null), 'clock: must be an integer in 0..253402300799'],
    ['nextPid missing', (l) => delete l.nextPid, 'nextPid: is missing'],
    [
      'deep nesting where a string goes',
      (l) => (l.host.hostname = [[[[[[[[['x']]]]]]]]]),
      'host.hostname: must be a string',
    ],
    ['an unknown field', (l) => (l.rng.extra = 1), 'rng.extra: is not a field of a lab'],
    [
      'a port past 65535',
      (l) => (Object.values(l.hostPorts as Record<string, Raw[]>)[0]![0].hostPort = 70000),
      'hostPorts["tcp/8080"][0].hostPort: must be an integer in 0..65535',
    ],
    [
      'a wrong container state',
      (l) => (firstContainer(l).state = 'zombie'),
      `containers.${firstContainer(savedLab()).id}.state: must be one of "created", "running", "exited"`,
    ],
    [
      'a prefix length of 33',
      (l) => (l.namespaces.host.links[0].addrs[0].prefixlen = 33),
      'namespaces.host.links[0].addrs[0].prefixlen: must be an integer in 0..32',
    ],
    [
      'an interface name of 16 characters',
      (l) => (l.namespaces.host.links[0].ifname = 'a'.repeat(16)),
      'namespaces.host.links[0].ifname: must be at most 15 characters',
    ],
    ['a schema of 2', (l) => (l.schema = 2), 'schema: must be 1'],
    [
      'allocation runs cut in half (the engine then made a lab out of range)',
      (l) => (l.networks[0].pool.allocated = [0, 65535, 65536]),
      'networks[0].pool.allocated: must be ascending [start, end) runs inside 172.17.0.0/16',
    ],
    [
      'a pool subnet that is not one (the engine threw on it)',
      (l) => (l.networks[0].pool.subnet = '172.17.0.0/33'),
      'networks[0].pool.subnet: must be an IPv4 subnet (a.b.c.d/n)',
    ],
    [
      'a gateway that is not an address',
      (l) => (l.networks[0].gateway = 'x'),
      'networks[0].gateway: must be an IPv4 address',
    ],
  ])('%s', (_, edit, message) => {
    expect(refusal(edit)).toBe(message)
  })

  test('Infinity (a JSON number too large for a double) is refused', () => {
    const text = toJSON(createLab()).replace(/"counter":\d+/, '"counter":1e999')
    expect(() => fromJSON(text)).toThrow('rng.counter: must be an integer in 0..2^53-1')
  })

  test('JSON nested a hundred thousand levels deep is refused without a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const text = toJSON(createLab()).replace(/"hostname":"[^"]*"/, `"hostname":${deep}`)
    expect(() => fromJSON(text)).toThrow('host.hostname: must be a string')
  })

  test('a key from the file is quoted, shortened and escaped in the message', () => {
    expect(refusal((l) => (l.portCursor[`\u001b[31m${'x'.repeat(60)}`] = -1))).toBe(
      `portCursor["\\u001b[31m${'x'.repeat(35)}..."]: must be an integer in 0..65535`,
    )
  })
})

describe('a lab whose ids do not meet is refused', () => {
  test.each<[string, (lab: Raw) => void, RegExp]>([
    [
      'a container filed under another id',
      (l) => {
        const c = Object.values(l.containers).at(-1) as Raw
        delete l.containers[c.id]
        l.containers.constructor = c
      },
      /^containers\.constructor\.id: must be the key it is filed under$/,
    ],
    [
      'a name that is not in the name index',
      (l) => (firstContainer(l).name = 'other'),
      /\.name: must be filed under containerNames with this id$/,
    ],
    [
      'a name index entry for no container',
      (l) =>
        Object.defineProperty(l.containerNames, '__proto__', { value: 'f'.repeat(64), enumerable: true }),
      /^containerNames\.__proto__: must be the id of a container of that name$/,
    ],
    [
      'an endpoint on a network that is gone',
      (l) => (l.networks = l.networks.filter((n: Raw) => n.name !== 'app')),
      /\.endpoints\.[0-9a-f]{64}: no network has this id$/,
    ],
    [
      'two networks with one id',
      (l) => (l.networks[1].id = l.networks[0].id),
      /^networks\[1\]\.id: another network has the same id$/,
    ],
    [
      'a namespace filed under another id',
      (l) => (l.namespaces.host.id = 'x'),
      /^namespaces\.host\.id: must be the key it is filed under$/,
    ],
    ['no host namespace', (l) => delete l.namespaces.host, /^namespaces\.host: is missing/],
    [
      'a chain dockerd made is gone (the engine threw appending to it)',
      (l) => delete l.netfilter.filter.chains.DOCKER,
      /^netfilter\.filter\.chains\.DOCKER: is missing \(a chain dockerd creates at start\)$/,
    ],
    [
      // Fuzz seed 784187249: `docker stop web` then deleted the namespace side still ran in.
      'a container: mode container that lost its sharesWith',
      (l) => delete containerNamed(l, 'side').sharesWith,
      /^containers\.[0-9a-f]{64}\.sandbox: container [0-9a-f]{64} owns this namespace too \(a container that joins another's names it in sharesWith\)$/,
    ],
    [
      'a container that shares a namespace it is not in',
      (l) => (containerNamed(l, 'side').sandbox = containerNamed(l, 'ovc').sandbox),
      /^containers\.[0-9a-f]{64}\.sandbox: must be the namespace of the container it shares with$/,
    ],
  ])('%s', (_, edit, message) => {
    expect(refusal(edit)).toMatch(message)
  })
})

test('a lab that passes loads whole: the same lab, going on the same way', () => {
  const text = JSON.stringify(savedLab())
  const lab = fromJSON(text)
  expect(toJSON(lab)).toBe(text)
  const ids = new Set<string>()
  for (const name of ['aa', 'bb', 'cc'])
    ids.add(runDocker(lab, `docker run -d --name ${name} busybox`).output)
  expect(ids.size).toBe(3)
})

test('a lab with long strings the engine keeps (a 100,000-character command argument) loads back', () => {
  const lab = createLab()
  expect(runDocker(lab, `docker run -d --name long busybox echo ${'ab-'.repeat(33_334)}`).exitCode).toBe(0)
  expect(toJSON(fromJSON(toJSON(lab)))).toBe(toJSON(lab))
})
