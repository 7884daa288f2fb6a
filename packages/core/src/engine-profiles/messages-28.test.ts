/**
 * Docker 28's texts and exit codes, byte for byte, through `runDocker` on a
 * lab whose engine is 28. "E28 Ln" cites the line of conformance/ENGINE-28.md
 * that records the text; "seen" marks a text checked with the docker 28.2.2
 * CLI against a 28.5.2 engine that ENGINE-28.md does not list.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { findContainer, findNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'

const IMG = 'netmodes/busybox:test'
const HINT = "\n\nRun 'docker run --help' for more information\n"

function lab28(profile: Partial<LabState['profile']> = {}): LabState {
  return createLab({ profile: { ...profile, version: '28' } })
}

/** Runs each line; every one but the last must succeed. Returns the last result. */
function run(lab: LabState, ...lines: string[]) {
  let last = runDocker(lab, lines[0] ?? '')
  for (const line of lines.slice(1)) {
    expect(last.error ?? '', last.command).not.toMatch(/Error|docker:/)
    last = runDocker(lab, line)
  }
  return last
}

const id = (lab: LabState, name: string) => findContainer(lab, name)?.id ?? 'missing'
const netId = (lab: LabState, name: string) => findNetwork(lab, name)?.id ?? 'missing'

describe('network create (E28 section 7.1, section 3)', () => {
  test('an overlapping --subnet is an invalid pool request (E28 L539)', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker network create --subnet 10.50.0.0/24 base',
      'docker network create --subnet 10.50.0.0/24 o',
    )
    expect(r.error).toBe(
      'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('a bad --subnet is an invalid network config (E28 L540, L541)', () => {
    const lab = lab28()
    expect(run(lab, 'docker network create --subnet 10.0.0.0/33 badmask').error).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.0.0.0/33: invalid CIDR block notation\n',
    )
    expect(run(lab, 'docker network create --subnet foo badsubnet').error).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet foo: invalid CIDR block notation\n',
    )
  })

  test('a --subnet with host bits set is refused, exit 1 (E28 L443, L542, L608)', () => {
    const lab = lab28()
    const r = run(lab, 'docker network create --subnet 10.56.0.5/24 nonaligned')
    expect(r.error).toBe(
      'Error response from daemon: invalid network config:\ninvalid subnet 10.56.0.5/24: it should be 10.56.0.0/24\n',
    )
    expect(r.exitCode).toBe(1)
    expect(findNetwork(lab, 'nonaligned')).toBeUndefined()
  })

  test('no predefined pool left: "all predefined address pools have been fully subnetted" (E28 L434, L560)', () => {
    const lab = lab28()
    let r = runDocker(lab, 'docker network create p1')
    for (let i = 2; r.ok && i < 100; i++) r = runDocker(lab, `docker network create p${i}`)
    expect(r.error).toBe(
      'Error response from daemon: all predefined address pools have been fully subnetted\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('a second macvlan network on a used parent is created (E28 L603-L605); ipvlan still refuses (E28 L606)', () => {
    const lab = lab28()
    const mv = run(
      lab,
      'docker network create -d macvlan --subnet 10.99.5.0/24 -o parent=eth0 mv',
      'docker network create -d macvlan --subnet 10.99.6.0/24 -o parent=eth0 mv2',
    )
    expect(mv.exitCode).toBe(0)
    expect(findNetwork(lab, 'mv2')?.driver).toBe('macvlan')
    const iv = run(
      lab,
      'docker network create -d ipvlan --subnet 10.98.5.0/24 -o parent=eth0 iv',
      'docker network create -d ipvlan --subnet 10.98.6.0/24 -o parent=eth0 iv2',
    )
    expect(iv.error).toBe(
      `Error response from daemon: network di-${netId(lab, 'iv').slice(0, 12)} is already using parent interface eth0\n`,
    )
  })
})

describe('rm and network rm (E28 L543, L544, L631-L637)', () => {
  test('network rm of a network in use names its endpoints, then "exit status 1"', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker network create --subnet 10.50.0.0/24 base',
      `docker run -d --name first --network base ${IMG} sleep 3600`,
      `docker run -d --name second --network base ${IMG} sleep 3600`,
      'docker network rm base',
    )
    const base = findNetwork(lab, 'base')
    const ep = (c: string) =>
      (base?.endpoints[findContainer(lab, c)?.endpoints[base.id] ?? '']?.id ?? '').slice(0, 12)
    // seen: with two endpoints, ", " between them.
    expect(r.error).toBe(
      `Error response from daemon: error while removing network: network base has active endpoints (name:"first" id:"${ep('first')}", name:"second" id:"${ep('second')}")\nexit status 1\n`,
    )
    expect(r.exitCode).toBe(1)
  })

  test('network rm of a missing or predefined network: the daemon\'s answer, then "exit status 1"', () => {
    const lab = lab28()
    expect(run(lab, 'docker network rm nosuchnet').error).toBe(
      'Error response from daemon: network nosuchnet not found\nexit status 1\n',
    )
    expect(run(lab, 'docker network rm host none').error).toBe(
      'Error response from daemon: host is a pre-defined network and cannot be removed\nError response from daemon: none is a pre-defined network and cannot be removed\nexit status 1\n',
    )
  })

  test('rm of a running container quotes it as the user named it', () => {
    const lab = lab28()
    const r = run(lab, `docker run -d --name first ${IMG} sleep 3600`, 'docker rm first')
    expect(r.error).toBe(
      'Error response from daemon: cannot remove container "first": container is running: stop the container before removing or force remove\n',
    )
    // seen: by short id, the short id.
    const short = id(lab, 'first').slice(0, 12)
    expect(run(lab, `docker rm ${short}`).error).toBe(
      `Error response from daemon: cannot remove container "${short}": container is running: stop the container before removing or force remove\n`,
    )
  })

  test("rm of a missing container is the daemon's answer", () => {
    const lab = lab28()
    const r = run(lab, 'docker rm nosuchcontainer')
    expect(r.error).toBe('Error response from daemon: No such container: nosuchcontainer\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('docker run: start failures are networking failures, with the new hint (E28 L545-L555, L616)', () => {
  test('an address in use (E28 L545)', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker network create --subnet 10.50.0.0/24 base',
      `docker run -d --name aa --network base --ip 10.50.0.1 ${IMG} sleep 3600`,
    )
    expect(r.error).toBe(
      `docker: Error response from daemon: failed to set up container networking: Address already in use${HINT}`,
    )
    expect(r.exitCode).toBe(125)
    expect(r.output).toBe(`${id(lab, 'aa')}\n`)
  })

  test('a missing network, at run (E28 L546) and at start (seen)', () => {
    const lab = lab28()
    const r = run(lab, `docker run -d --name cc --network nosuchnet ${IMG} sleep 3600`)
    expect(r.error).toBe(
      `docker: Error response from daemon: failed to set up container networking: network nosuchnet not found${HINT}`,
    )
    expect(run(lab, 'docker start cc').error).toBe(
      'Error response from daemon: failed to set up container networking: network nosuchnet not found\nError: failed to start containers: cc\n',
    )
  })

  test('no address left (E28 L547)', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker network create --subnet 10.60.0.0/30 tiny',
      `docker run -d --name t1 --network tiny ${IMG} sleep 3600`,
      `docker run -d --name t2 --network tiny ${IMG} sleep 3600`,
    )
    expect(r.error).toBe(
      `docker: Error response from daemon: failed to set up container networking: no available IPv4 addresses on this network's address pools: tiny (${netId(lab, 'tiny')})${HINT}`,
    )
  })

  test('ipvlan without kernel support (E28 L548), macvlan passthru taken (E28 L550)', () => {
    const lab = lab28({ kernel: { ipvlan: false, dummy: true, vlan: true } })
    const iv = run(
      lab,
      'docker network create -d ipvlan --subnet 10.98.0.0/24 -o parent=eth0 iv',
      `docker run -d --name i1 --network iv ${IMG} sleep 3600`,
    )
    expect(iv.error).toBe(
      `docker: Error response from daemon: failed to set up container networking: failed to create the ipvlan port: operation not supported${HINT}`,
    )
    const mv = run(
      lab,
      'docker network create -d macvlan --subnet 10.99.8.0/24 -o parent=eth0 -o macvlan_mode=passthru mvpass',
      `docker run -d --name m1 --network mvpass ${IMG} sleep 3600`,
      `docker run -d --name m2 --network mvpass ${IMG} sleep 3600`,
    )
    expect(mv.error).toBe(
      `docker: Error response from daemon: failed to set up container networking: failed to create the macvlan port: invalid argument${HINT}`,
    )
  })

  test('an overlay network that is not attachable (E28 L551)', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker swarm init --advertise-addr 127.0.0.1',
      'docker network create -d overlay notattach',
      `docker run -d --name o1 --network notattach ${IMG} sleep 3600`,
    )
    expect(r.error).toBe(
      `docker: Error response from daemon: failed to set up container networking: Could not attach to network notattach: rpc error: code = PermissionDenied desc = network notattach not manually attachable${HINT}`,
    )
  })

  test('sctp through the userland proxy (E28 L552) and a port already allocated (E28 L553)', () => {
    const lab = lab28()
    const sctp = run(lab, `docker run -d --name p11 -p 8081:80/sctp ${IMG} sleep 3600`)
    // The endpoint's id is gone with the failed start: matched by shape.
    expect(sctp.error?.replace(/\([0-9a-f]{64}\)/, '(<id>)')).toBe(
      `docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint p11 (<id>): error starting userland proxy: failed to listen on 0.0.0.0:8081: protocol not supported${HINT}`,
    )
    const conflict = run(
      lab,
      `docker run -d --name web -p 8080:80 ${IMG} sleep 3600`,
      `docker run -d --name conflict -p 8080:80 ${IMG} sleep 3600`,
    )
    expect(conflict.error).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint conflict \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    )
  })

  test('container: mode on a missing or a not running container (E28 L554, L555)', () => {
    const lab = lab28()
    expect(run(lab, `docker run -d --name e1 --network container:nosuch ${IMG} sleep 3600`).error).toBe(
      `docker: Error response from daemon: joining network namespace of container: No such container: nosuch${HINT}`,
    )
    const r = run(
      lab,
      `docker create --name createdonly ${IMG} sleep 3600`,
      `docker run -d --name e2 --network container:createdonly ${IMG} sleep 3600`,
    )
    expect(r.error).toBe(
      `docker: Error response from daemon: cannot join network namespace of a non running container: container createdonly is created${HINT}`,
    )
  })

  test('a daemon error before the container exists ends with the hint too (E28 L616)', () => {
    const lab = lab28()
    const r = run(lab, `docker run -d --name x ${IMG}`)
    expect(r.error).toBe(
      `docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed${HINT}`,
    )
    expect(r.exitCode).toBe(125)
    // seen: docker create prints a daemon error plainly, exit 1.
    expect(run(lab, `docker create --name x ${IMG}`)).toMatchObject({
      error:
        'Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n',
      exitCode: 1,
    })
  })

  test('seen: --network container: with nothing after the colon', () => {
    const lab = lab28()
    expect(run(lab, `docker run -d --network container: ${IMG}`).error).toBe(
      `docker: Error response from daemon: invalid network mode: invalid container format container:<name|id>${HINT}`,
    )
  })
})

describe('endpoint settings are checked at create: no container is left behind (E28 section 7.2)', () => {
  function refused(lines: string[], error: string) {
    const lab = lab28()
    const before = Object.keys(lab.containers).length
    const r = run(lab, ...lines)
    expect(r).toMatchObject({ error, exitCode: 125, output: '' })
    // The setup lines may have made containers; the refused one is not among them.
    expect(Object.keys(lab.containers).length).toBe(
      before + lines.filter((l) => /^docker (run|create) /.test(l)).length - 1,
    )
    return lab
  }

  test('--ip on the default bridge (E28 L576)', () => {
    refused(
      [`docker run -d --name xx2 --network bridge --ip 172.17.0.51 ${IMG} sleep 3600`],
      `docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets${HINT}`,
    )
  })

  test('--ip outside the subnet (E28 L579)', () => {
    refused(
      [
        'docker network create --subnet 10.50.0.0/24 base',
        `docker run -d --name b1 --network base --ip 10.51.0.5 ${IMG}`,
      ],
      `docker: Error response from daemon: invalid config for network base: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.51.0.5${HINT}`,
    )
  })

  test('--ip on a network whose subnet the daemon chose (E28 L583)', () => {
    refused(
      ['docker network create plain', `docker run -d --name p1 --network plain --ip 172.18.0.9 ${IMG}`],
      `docker: Error response from daemon: invalid config for network plain: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets${HINT}`,
    )
  })

  test('--ip on none (E28 L586) and on container: (E28 L588)', () => {
    refused(
      [`docker run -d --name n1 --network none --ip 10.1.1.1 ${IMG}`],
      `docker: Error response from daemon: invalid config for network none: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets${HINT}`,
    )
    refused(
      [
        `docker run -d --name web ${IMG} sleep 3600`,
        `docker run -d --name c1 --network container:web --ip 172.17.0.99 ${IMG}`,
      ],
      `docker: Error response from daemon: invalid config for network container:web: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only${HINT}`,
    )
  })

  test('seen: a bad address and its absence from the subnet, both reported', () => {
    refused(
      [
        'docker network create --subnet 10.50.0.0/24 base',
        `docker run -d --network base --ip 10.50.0.300 ${IMG}`,
      ],
      `docker: Error response from daemon: invalid config for network base: invalid endpoint settings:\n* invalid IPv4 address: 10.50.0.300\n* no configured subnet or ip-range contain the IP address 10.50.0.300${HINT}`,
    )
  })

  test('--ip without --network: the 28.2 CLI sends it for the default bridge (E28 L623-L625)', () => {
    refused(
      [`docker run -d --name xx --ip 172.17.0.50 ${IMG} sleep 3600`],
      `docker: Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets${HINT}`,
    )
    // seen: docker create prints it plainly, exit 1.
    const lab = lab28()
    expect(run(lab, `docker create --name xx --ip 172.17.0.50 ${IMG}`)).toMatchObject({
      error:
        'Error response from daemon: invalid config for network bridge: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets\n',
      exitCode: 1,
    })
  })

  test('--network-alias without --network: the 28.2 CLI refuses it (E28 L627-L629)', () => {
    refused(
      [`docker run -d --name xx3 --network-alias foo ${IMG} sleep 3600`],
      `docker: network-scoped aliases are only supported for user-defined networks${HINT}`,
    )
  })
})

describe('network connect and disconnect (E28 L556-L559)', () => {
  test('host network: disconnect from a host-mode container, connect of another one', () => {
    const lab = lab28()
    expect(
      run(
        lab,
        `docker run -d --name e12 --network host ${IMG} sleep 3600`,
        'docker network disconnect host e12',
      ).error,
    ).toBe(
      'Error response from daemon: cannot disconnect container from host network - container was created in host network mode\n',
    )
    expect(
      run(lab, `docker run -d --name web ${IMG} sleep 3600`, 'docker network connect host web').error,
    ).toBe(
      'Error response from daemon: cannot connect container to host network - container must be created in host network mode\n',
    )
    // seen: the host-mode container already has its endpoint; the other is simply not connected.
    expect(run(lab, 'docker network connect host e12').error).toBe(
      'Error response from daemon: endpoint with name e12 already exists in network host\n',
    )
    expect(run(lab, 'docker network disconnect host web').error).toBe(
      `Error response from daemon: container ${id(lab, 'web')} is not connected to network host\n`,
    )
  })

  test('--ip and --alias on the default bridge: every problem at once', () => {
    const lab = lab28()
    run(lab, `docker create --name xx ${IMG} sleep 3600`)
    expect(run(lab, 'docker network connect --ip 172.17.0.60 bridge xx').error).toBe(
      'Error response from daemon: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* user specified IP address is supported only when connecting to networks with user configured subnets\n',
    )
    expect(run(lab, 'docker network connect --alias foo bridge xx').error).toBe(
      'Error response from daemon: invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks\n',
    )
    // seen: the alias comes between the two address problems.
    expect(run(lab, 'docker network connect --alias foo --ip 172.17.0.9 bridge xx').error).toBe(
      'Error response from daemon: invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* network-scoped alias is supported only for containers in user defined networks\n* user specified IP address is supported only when connecting to networks with user configured subnets\n',
    )
  })

  test('seen: --ip outside a user subnet at connect', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker network create --subnet 10.50.0.0/24 base',
      `docker create --name co ${IMG} sleep 3600`,
      'docker network connect --ip 10.51.0.9 base co',
    )
    expect(r.error).toBe(
      'Error response from daemon: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.51.0.9\n',
    )
  })
})

describe('exit codes that changed (E28 section 7.3)', () => {
  test('--mac-address with --network container: or host is accepted (E28 L598-L602)', () => {
    const lab = lab28()
    const e5 = run(
      lab,
      `docker run -d --name web ${IMG} sleep 3600`,
      `docker run -d --name e5 --network container:web --mac-address 02:00:00:00:00:01 ${IMG} sleep 3600`,
    )
    expect(e5).toMatchObject({ exitCode: 0, output: `${id(lab, 'e5')}\n` })
    expect(e5.error).toBeUndefined()
    const e13 = run(
      lab,
      `docker run -d --name e13 --network host --mac-address 02:00:00:00:00:02 ${IMG} sleep 3600`,
    )
    expect(e13.exitCode).toBe(0)
    expect(findContainer(lab, 'e13')?.state).toBe('running')
  })

  test('--ipv6 without a subnet is not refused by 28: exit 0, the network ID', () => {
    const r = run(lab28(), 'docker network create -d bridge --ipv6 v6nosubnet')
    expect(r.exitCode).toBe(0)
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/)
  })
})

describe('the 28.2 CLI itself (E28 section 7.4)', () => {
  test('its own run/create errors: lower case, no final period, the new hint (E28 L619, L621)', () => {
    const lab = lab28()
    expect(run(lab, `docker run -d -p 70000:80 ${IMG}`)).toMatchObject({
      error: `docker: invalid hostPort: 70000${HINT}`,
      exitCode: 125,
    })
    expect(run(lab, `docker run -d -p 9100-9101:90-92 ${IMG}`).error).toBe(
      `docker: invalid ranges specified for container and host Ports: 90-92 and 9100-9101${HINT}`,
    )
    // seen: the other go-connections texts, and create's hint.
    expect(run(lab, `docker run -d -p 80/foo ${IMG}`).error).toBe(`docker: invalid proto: foo${HINT}`)
    expect(run(lab, `docker run -d -p 1.2.3:80:80 ${IMG}`).error).toBe(
      `docker: invalid IP address: 1.2.3${HINT}`,
    )
    expect(run(lab, `docker run -d -p 80:foo ${IMG}`).error).toBe(`docker: invalid containerPort: foo${HINT}`)
    expect(run(lab, `docker run -d --expose foo ${IMG}`).error).toBe(
      `docker: invalid range format for --expose: foo, error: strconv.ParseUint: parsing "foo": invalid syntax${HINT}`,
    )
    expect(run(lab, `docker create -p 70000:80 ${IMG}`).error).toBe(
      "docker: invalid hostPort: 70000\n\nRun 'docker create --help' for more information\n",
    )
  })

  test('docker port and the PORTS column write IPv6 as [::] (E28 L638-L640)', () => {
    const lab = lab28()
    run(lab, `docker run -d --name web -p 8080:80 -p 127.0.0.1:9090:90/udp ${IMG} sleep 3600`)
    expect(run(lab, 'docker port web').output).toBe(
      '80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n90/udp -> 127.0.0.1:9090\n',
    )
    expect(run(lab, 'docker port web 80').output).toBe('0.0.0.0:8080\n[::]:8080\n')
    expect(run(lab, "docker ps --format '{{.Ports}}'").output).toBe(
      '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 127.0.0.1:9090->90/udp\n',
    )
    // seen: the port as typed in "No public port", and a missing container is the daemon's answer.
    expect(run(lab, 'docker port web 81').error).toBe("Error: No public port '81' published for web\n")
    expect(run(lab, 'docker port nosuchc').error).toBe(
      'Error response from daemon: No such container: nosuchc\n',
    )
  })

  test('docker swarm init ends with one newline fewer (E28 L643)', () => {
    const out = run(lab28(), 'docker swarm init --advertise-addr 127.0.0.1').output
    expect(out.endsWith("run 'docker swarm join-token manager' and follow the instructions.\n")).toBe(true)
    expect(out.endsWith('\n\n')).toBe(false)
  })

  test('seen: network inspect of a missing network, and filter keys in lower case', () => {
    const lab = lab28()
    expect(run(lab, 'docker network inspect nosuchnet')).toMatchObject({
      output: '[]\n',
      error: 'Error response from daemon: network nosuchnet not found\n',
      exitCode: 1,
    })
    expect(run(lab, 'docker network ls --filter foo=bar').error).toBe(
      "Error response from daemon: invalid filter 'foo'\n",
    )
    expect(run(lab, 'docker ps --filter foo=bar').error).toBe(
      "Error response from daemon: invalid filter 'foo'\n",
    )
    expect(run(lab, 'docker network prune -f --filter foo=bar').error).toBe(
      "Error response from daemon: invalid filter 'foo'\n",
    )
  })
})

describe('seen on 28.5.2 beyond ENGINE-28.md', () => {
  test('an --ip outside the --ip-range but inside the subnet is accepted', () => {
    const lab = lab28()
    const r = run(
      lab,
      'docker network create --subnet 10.70.0.0/24 --ip-range 10.70.0.128/25 rng',
      `docker run -d --name r1 --network rng --ip 10.70.0.5 ${IMG} sleep 3600`,
    )
    expect(r.exitCode).toBe(0)
    expect(findContainer(lab, 'r1')?.state).toBe('running')
  })

  test('-d overlay --scope local off a swarm: not a manager, before the scope', () => {
    expect(run(lab28(), 'docker network create -d overlay --scope local ovl').error).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    )
  })
})

describe('seen: docker ps filter values on 28.5.2', () => {
  test('each bad value is an "invalid filter" naming the filter', () => {
    const lab = lab28()
    const error = (filter: string) => run(lab, `docker ps --filter ${filter}`).error
    expect(error('status=foo')).toBe(
      "Error response from daemon: invalid filter 'status=foo': invalid value for state (foo): must be one of created, running, paused, restarting, removing, exited, dead\n",
    )
    expect(error('is-task=x')).toBe("Error response from daemon: invalid filter 'is-task=[x]'\n")
    expect(error('health=x')).toBe(
      "Error response from daemon: invalid filter 'health=x': invalid value for health (x): must be one of none, starting, healthy, unhealthy\n",
    )
    expect(error('exited=x')).toBe(
      'Error response from daemon: invalid filter \'exited=x\': strconv.Atoi: parsing "x": invalid syntax\n',
    )
    expect(error('publish=abc')).toBe(
      'Error response from daemon: error while looking up for publish abc: strconv.ParseUint: parsing "abc": invalid syntax\n',
    )
  })
})

describe('seen: docker rm -f of missing containers with the 28.2 CLI', () => {
  test('each is reported on stderr and the command succeeds', () => {
    const lab = lab28()
    const r = run(lab, `docker run -d --name web ${IMG} sleep 3600`, 'docker rm -f nosuch1 web nosuch2')
    expect(r).toMatchObject({
      output: 'web\n',
      error:
        'Error response from daemon: No such container: nosuch1\nError response from daemon: No such container: nosuch2\n',
      exitCode: 0,
    })
    expect(findContainer(lab, 'web')).toBeUndefined()
  })
})

describe("seen: the 28.2 CLI's usage errors (cobra)", () => {
  const stderr = (line: string) => run(lab28(), line)
  test('an unknown flag: the usage line and the new hint, exit 125', () => {
    expect(stderr('docker run --foo img')).toMatchObject({
      error:
        "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    })
    expect(stderr('docker network --foo').error).toBe(
      "unknown flag: --foo\n\nUsage:  docker network\n\nRun 'docker network --help' for more information\n",
    )
  })

  test('the wrong number of arguments: "Run" for exact counts and ranges, "See" for minimums, exit 1', () => {
    expect(stderr('docker network create')).toMatchObject({
      error:
        "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
      exitCode: 1,
    })
    expect(stderr('docker network connect a').error).toBe(
      "docker: 'docker network connect' requires 2 arguments\n\nUsage:  docker network connect [OPTIONS] NETWORK CONTAINER\n\nRun 'docker network connect --help' for more information\n",
    )
    expect(stderr('docker port').error).toBe(
      "docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information\n",
    )
    expect(stderr('docker network rm').error).toBe(
      "docker: 'docker network rm' requires at least 1 argument\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nSee 'docker network rm --help' for more information\n",
    )
    expect(stderr('docker ps x').error).toBe(
      "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n",
    )
  })

  test('a word that names no command', () => {
    expect(stderr('docker foo')).toMatchObject({
      error: "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n",
      exitCode: 1,
    })
    expect(stderr('docker network foo').error).toBe(
      "docker: unknown command: docker network foo\n\nUsage:  docker network\n\nRun 'docker network --help' for more information\n",
    )
  })
})

describe('recorded on 28 (conformance/recorded/28/prune.json)', () => {
  test('container prune answered "no" prints only the question', () => {
    expect(run(lab28(), 'docker container prune')).toMatchObject({
      output: 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ',
      exitCode: 0,
    })
  })
})

describe('recorded on 28 (conformance/recorded/28/user-bridge.json)', () => {
  test("network ls --format '{{json .}}' has the 28.2 CLI's IPv4 field", () => {
    const out = run(lab28(), "docker network ls --format '{{json .}}'").output
    expect(out.split('\n')[0]).toMatch(
      /^\{"CreatedAt":"[^"]+","Driver":"bridge","ID":"[0-9a-f]{12}","IPv4":"true","IPv6":"false","Internal":"false","Labels":"","Name":"bridge","Scope":"local"\}$/,
    )
  })
})
