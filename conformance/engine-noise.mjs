// What a real engine leaves to chance, so that the comparison of two runs
// (a recording and the engine again, or a recording and the simulator)
// accepts every outcome that engine produces, and only those. Each rule was
// seen on the engine (ENGINE-28.md section 9) and checked by recording every
// scenario twice on fresh engines.
//
// For 20.10, through its own docker CLI:
//
// - `docker port C` (no port asked) prints the container's ports in Go map
//   order, which is random (docker/cli 20.10 cli/command/container/port.go
//   ranges over NetworkSettings.Ports; 28's CLI sorts them). Each port's
//   lines stay together and in order, so the ports compare in port order.
// - `docker ps --format '{{.Networks}}'` joins a container's networks in Go
//   map order too (20.10's formatter ranges over NetworkSettings.Networks;
//   28's sorts them): a comma list of the lab's network names compares sorted.
//
// For 28:
//
// - MAC addresses. 28 gives every bridge, macvlan and ipvlan endpoint and
//   every bridge device a random MAC (moby 28 dropped the 02:42 + IPv4
//   derivation, libnetwork/netutils GenerateRandomMAC); 20.10 derived an
//   endpoint's MAC from its address. A random MAC is replaced, everywhere it
//   appears, by the role it plays (`<mac:CONTAINER/NETWORK>`), so that
//   where it shows (network and container inspect, `ip addr` inside the
//   container) is still compared; a bridge device's is `<mac:bridge>`. MACs
//   the scenario itself names (`--mac-address`) are kept as they are.
// - The IPv6 ULA prefix of a network created with `--ipv6` and no IPv6
//   subnet: random per network (fdXX:XXXX:XXXX::/64, RFC 4193 global ID);
//   it becomes `<ula:NETWORK>`.
// - `network rm` of a network in use names its endpoints by name and by the
//   first 12 digits of their random endpoint ID (`has active endpoints
//   (name:"first" id:"c53efee364bc")`): the ID compares as `<ep12:NAME>`.
// - Port conflicts: which of the two listeners (0.0.0.0 or ::) of a
//   published port the proxy binds first is random, so the error says
//   `Bind for 0.0.0.0:PORT failed` or `Bind for :::PORT failed`; both
//   compare as one.
// - ethN order. A container with several networks joins them concurrently at
//   each start (moby 28's daemon/container_operations.go connects in Go map
//   order), so its interfaces are named in one of the cyclic rotations of
//   the networks in name order. When the actual run's order is such a
//   rotation of the expected run's, its interface names are renamed to the
//   expected ones for that container, and so are put in order the two other
//   things written in join order: the container's own lines in its
//   /etc/hosts and its raw PREROUTING rules (when they stand in the same
//   order as its interfaces). Any other order stays a mismatch.
// - A refused `docker run --network container:X ...` (28 refuses --ip there)
//   was once seen, on a fresh 28.5.2, to leave its container for the next
//   line: `docker network connect NET NAME` then said "container sharing
//   network namespace ... cannot be connected to any other network" instead
//   of "No such container: NAME" (the recording, and every other run). Both
//   answers compare as one, for a name whose run was refused that way.

const MAC = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/g
const BRIDGE = /^(docker0|docker_gwbridge|br-[0-9a-f]{12})$/
const BIND = /Bind for (?:0\.0\.0\.0|::):(\d+) failed/g
const ACTIVE_ENDPOINT = /name:"([^"]*)" id:"[0-9a-f]{12}"/g
const obj = (v) => (v && typeof v === 'object' ? v : {})
const nameOf = (c) => String(c.Name ?? '').replace(/^\//, '')

// Everything the scenario's own lines say (a --mac-address or --subnet given is no chance).
function named(raw) {
  return raw.steps.map((s) => s.command).join('\n')
}

function replaceAll(raw, pairs) {
  if (pairs.length === 0) return raw
  let text = JSON.stringify(raw)
  for (const [from, to] of pairs) text = text.split(from).join(to)
  return JSON.parse(text)
}

// Inspect documents a line printed: they show endpoints that are gone by the end.
function printedDocuments(raw) {
  return raw.steps.flatMap((s) => {
    if (!/^\s*\[/.test(s.stdout)) return []
    try {
      return JSON.parse(s.stdout).map(obj)
    } catch {
      return []
    }
  })
}

function macRoles(raw, given) {
  const roles = new Map()
  const add = (mac, role) => {
    if (typeof mac === 'string' && mac !== '' && !given.has(mac) && !roles.has(mac)) roles.set(mac, role)
  }
  const fromContainer = (c) => {
    for (const [network, ep] of Object.entries(obj(obj(c.NetworkSettings).Networks)))
      add(obj(ep).MacAddress, `<mac:${nameOf(c)}/${network}>`)
  }
  // swarm's gateway endpoints on docker_gwbridge are named gateway_<sandbox ID, 12 digits>.
  const sandboxes = [...raw.containers, ...printedDocuments(raw)].map((c) => [
    String(obj(c.NetworkSettings).SandboxID ?? ''),
    nameOf(c),
  ])
  const endpointName = (name) => {
    const sandbox = String(name).match(/^gateway_([0-9a-f]{12})$/)?.[1]
    const owner = sandbox && sandboxes.find(([id]) => id.startsWith(sandbox))?.[1]
    return owner ? `gateway_${owner}` : name
  }
  const fromNetwork = (n) => {
    for (const ep of Object.values(obj(n.Containers)))
      add(obj(ep).MacAddress, `<mac:${endpointName(obj(ep).Name)}/${n.Name}>`)
  }
  for (const c of raw.containers) fromContainer(c)
  for (const n of raw.networks) fromNetwork(n)
  for (const doc of printedDocuments(raw)) {
    if (doc.NetworkSettings) fromContainer(doc)
    else if (doc.Containers) fromNetwork(doc)
  }
  return roles
}

function withoutBridgeMacs(raw, given) {
  const namespaces = {}
  for (const [name, ns] of Object.entries(raw.namespaces)) {
    namespaces[name] = {
      ...ns,
      addr: ns.addr.map((l) =>
        BRIDGE.test(String(obj(l).ifname)) && !given.has(String(obj(l).address))
          ? { ...l, address: '<mac:bridge>' }
          : l,
      ),
    }
  }
  return { ...raw, namespaces }
}

function ulaPrefixes(raw, said) {
  const pairs = []
  for (const n of raw.networks) {
    for (const config of obj(n.IPAM).Config ?? []) {
      const m = String(obj(config).Subnet ?? '').match(/^(fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}):/)
      if (m && !said.includes(m[1])) pairs.push([`${m[1]}:`, `<ula:${n.Name}>:`])
    }
  }
  return pairs
}

function masked28(raw) {
  const said = named(raw)
  const given = new Set(said.match(MAC) ?? [])
  const pairs = [...macRoles(raw, given)].map(([mac, role]) => [mac, role])
  const out = replaceAll(withoutBridgeMacs(raw, given), [...pairs, ...ulaPrefixes(raw, said)])
  const refused = refusedSharers(out.steps)
  out.steps = out.steps.map((s) => ({
    ...s,
    stderr: leftSharer(
      s,
      refused,
      s.stderr
        .replace(BIND, 'Bind for <0.0.0.0 or ::>:$1 failed')
        .replace(ACTIVE_ENDPOINT, 'name:"$1" id:"<ep12:$1>"'),
    ),
  }))
  return out
}

// Names whose `docker run --network container:...` was refused (exit 125): see the top.
function refusedSharers(steps) {
  const names = new Set()
  for (const s of steps) {
    const m = s.command.match(/^docker run .*--name (\S+) .*--network container:/)
    if (m && s.exit === 125) names.add(m[1])
  }
  return names
}

const SHARER_CONNECT =
  'container sharing network namespace with another container or host cannot be connected to any other network'

// A connect of such a name: either answer reads as "No such container".
function leftSharer(step, refused, stderr) {
  const m = step.command.match(/^docker network connect \S+ (\S+)$/)
  if (!m || !refused.has(m[1])) return stderr
  return stderr === `Error response from daemon: ${SHARER_CONNECT}\n`
    ? `Error response from daemon: No such container: ${m[1]}\n`
    : stderr
}

// A container's ethN, in order, by the IPv4 address each holds.
function ethOrder(ns) {
  return ns.addr
    .map(obj)
    .filter((l) => /^eth\d+$/.test(String(l.ifname)))
    .sort((a, b) => Number(String(a.ifname).slice(3)) - Number(String(b.ifname).slice(3)))
    .map((l) => ({
      ifname: String(l.ifname),
      inet: (l.addr_info ?? [])
        .map(obj)
        .filter((a) => a.family === 'inet')
        .map((a) => a.local)
        .join(','),
    }))
}

// The rotation k with actual[i] = expected[(i + k) mod n], if there is one (k > 0: 0 needs no renaming).
function rotation(expected, actual) {
  const n = expected.length
  if (n < 2 || actual.length !== n) return undefined
  for (let k = 1; k < n; k++) {
    if (actual.every((a, i) => a.inet === expected[(i + k) % n]?.inet)) return k
  }
  return undefined
}

function renameLinks(ns, names) {
  const rename = (v) => names.get(v) ?? v
  return {
    addr: ns.addr.map((l) => ({ ...l, ifname: rename(obj(l).ifname) })),
    route: ns.route.map((r) => ({ ...r, dev: rename(obj(r).dev) })),
  }
}

// The lines among `lines` that hold one of `order`'s addresses, put in `want`'s
// order in the same slots, provided they stand in `order`'s order (the join
// order the interfaces show); in another order they are marked, so that they
// mismatch.
function inJoinOrder(lines, addressOf, order, want, mark) {
  const slots = []
  lines.forEach((line, i) => {
    if (order.includes(addressOf(line))) slots.push(i)
  })
  const seen = slots.map((i) => addressOf(lines[i]))
  if (seen.length !== order.length) return lines
  // Written at the same joins as the interfaces: in another order, the run is no outcome of the engine.
  if (seen.some((a, i) => a !== order[i])) return lines.flatMap((l, i) => (i === slots[0] ? [mark, l] : [l]))
  const out = [...lines]
  const byAddress = new Map(slots.map((i) => [addressOf(lines[i]), lines[i]]))
  slots.forEach((slot, i) => {
    out[slot] = byAddress.get(want[i])
  })
  return out
}

const OUT_OF_JOIN_ORDER = 'not in the order the interfaces were joined in (netmodes)'
// Marks as the comparison sees them: a line of the file; a rule (iptables-save comments are not compared).
const HOSTS_MARK = `# ${OUT_OF_JOIN_ORDER}`
const RAW_MARK = `-A PREROUTING ${OUT_OF_JOIN_ORDER}`
const hostsAddress = (line) => line.split(/\s/)[0]
const rawAddress = (line) => line.match(/^-A PREROUTING -d (\d+\.\d+\.\d+\.\d+)\/32 ! -i /)?.[1]

// The container joined its networks in another rotation: its interface
// names, its own lines in /etc/hosts and its raw rules (each written in join
// order) are put in the expected run's order.
function rotatedLikeExpected(expected, actual) {
  const namespaces = { ...actual.namespaces }
  const files = actual.files ? { ...actual.files } : undefined
  let raw = actual.iptables.raw
  for (const [name, ns] of Object.entries(actual.namespaces)) {
    const want = expected.namespaces[name]
    if (name === 'host' || !want) continue
    const e = ethOrder(want)
    const a = ethOrder(ns)
    const k = rotation(e, a)
    if (k === undefined) continue
    namespaces[name] = renameLinks(
      ns,
      new Map(a.map((link, i) => [link.ifname, e[(i + k) % e.length]?.ifname])),
    )
    const order = a.map((l) => l.inet)
    const wanted = e.map((l) => l.inet)
    if (files?.[name]) {
      const hosts = files[name].hosts.split('\n')
      files[name] = {
        ...files[name],
        hosts: inJoinOrder(hosts, hostsAddress, order, wanted, HOSTS_MARK).join('\n'),
      }
    }
    if (raw !== undefined) raw = inJoinOrder(raw.split('\n'), rawAddress, order, wanted, RAW_MARK).join('\n')
  }
  return {
    ...actual,
    namespaces,
    ...(files ? { files } : {}),
    iptables: { ...actual.iptables, ...(raw !== undefined ? { raw } : {}) },
  }
}

// `docker port C` of 20.10: its ports' groups of lines in port order (see the top).
function portsInOrder(raw) {
  if (!raw.steps.some((s) => /^docker port \S+$/.test(s.command.trim()))) return raw
  const steps = raw.steps.map((s) => {
    if (!/^docker port \S+$/.test(s.command.trim()) || s.stdout === '') return s
    const groups = new Map()
    for (const line of s.stdout.split('\n').filter(Boolean)) {
      const key = line.split(' ')[0]
      groups.set(key, [...(groups.get(key) ?? []), line])
    }
    const order = [...groups.keys()].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : 1))
    return { ...s, stdout: `${order.flatMap((k) => groups.get(k)).join('\n')}\n` }
  })
  return { ...raw, steps }
}

// `docker ps --format` with .Networks on 20.10: each comma list of network names, sorted (see the top).
function networksInOrder(raw, names) {
  const listsNetworks = (s) => /^docker (container )?(ps|ls)\b.*\.Networks/.test(s.command.trim())
  if (!raw.steps.some(listsNetworks)) return raw
  const sortList = (word) => {
    const parts = word.split(',')
    return parts.length > 1 && parts.every((p) => names.has(p)) ? [...parts].sort().join(',') : word
  }
  const steps = raw.steps.map((s) =>
    listsNetworks(s) ? { ...s, stdout: s.stdout.replace(/[^\s|]+/g, sortList) } : s,
  )
  return { ...raw, steps }
}

/**
 * The two runs of one scenario on `engine`, with what that engine leaves to
 * chance made comparable: [expected, actual].
 *
 * @example
 * const [recorded, observed] = maskEngineNoise('28', recording, observation)
 */
export function maskEngineNoise(engine, expected, actual) {
  if (engine !== '28') {
    const names = new Set((expected.networks ?? []).map((n) => String(n.Name)))
    return [networksInOrder(portsInOrder(expected), names), networksInOrder(portsInOrder(actual), names)]
  }
  const e = masked28(expected)
  return [e, rotatedLikeExpected(e, masked28(actual))]
}
