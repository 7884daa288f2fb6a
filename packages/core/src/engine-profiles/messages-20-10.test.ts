/**
 * Docker 20.10 keeps its texts and checks now that they come from the
 * catalogs: the 20.10 column of conformance/ENGINE-28.md section 7 ("E28 Ln"),
 * next to what 28 changed. The conformance recordings pin the rest.
 */
import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { ipamErrors } from '../ipam/ipam-errors.js'
import { findContainer, findNetwork } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { behaviourOf } from './behaviour-of.js'

const IMG = 'netmodes/busybox:test'

function run(lab: LabState, ...lines: string[]) {
  return lines.map((line) => runDocker(lab, line)).at(-1)!
}

describe('the 20.10 catalog', () => {
  test('words the IPAM errors as the IPAM layer does', () => {
    const lab = createLab({ engine: '20.10' })
    expect(behaviourOf(lab).messages.poolOverlap()).toBe(ipamErrors.poolOverlap().message)
    expect(behaviourOf(lab).messages.predefinedPoolsExhausted(4)).toBe(ipamErrors.noMoreSubnets(4).message)
    expect(behaviourOf(lab).messages.predefinedPoolsExhausted(6)).toBe(ipamErrors.noMoreSubnets(6).message)
  })

  test('is the one a 20.10 lab gets, and 28 (the default) is another', () => {
    expect(behaviourOf(createLab()).messages).toBe(behaviourOf(createLab({ engine: '28' })).messages)
    expect(behaviourOf(createLab({ engine: '20.10' })).messages).not.toBe(
      behaviourOf(createLab({ profile: { version: '28' } })).messages,
    )
    expect(behaviourOf(createLab({ engine: '20.10' })).cli).not.toBe(
      behaviourOf(createLab({ profile: { version: '28' } })).cli,
    )
  })
})

describe('20.10 through runDocker', () => {
  test('an overlapping subnet and a bad one (E28 L539, L540)', () => {
    const lab = createLab({ engine: '20.10' })
    expect(
      run(
        lab,
        'docker network create --subnet 10.50.0.0/24 base',
        'docker network create --subnet 10.50.0.0/24 o',
      ).error,
    ).toBe('Error response from daemon: Pool overlaps with other one on this address space\n')
    expect(run(lab, 'docker network create --subnet 10.0.0.0/33 badmask').error).toBe(
      'Error response from daemon: Invalid subnet 10.0.0.0/33 : invalid CIDR address: 10.0.0.0/33\n',
    )
  })

  test('a subnet with host bits set is kept as given (E28 L542)', () => {
    const lab = createLab({ engine: '20.10' })
    expect(run(lab, 'docker network create --subnet 10.56.0.5/24 nonaligned').exitCode).toBe(0)
    expect(findNetwork(lab, 'nonaligned')?.ipam.config[0]?.subnet).toBe('10.56.0.5/24')
  })

  test('network rm of a network in use, and of a missing one: no "exit status 1" (E28 L543, L634)', () => {
    const lab = createLab({ engine: '20.10' })
    const r = run(
      lab,
      'docker network create --subnet 10.50.0.0/24 base',
      `docker run -d --name first --network base ${IMG} sleep 3600`,
      'docker network rm base',
    )
    expect(r.error).toBe(
      `Error response from daemon: error while removing network: network base id ${findNetwork(lab, 'base')?.id} has active endpoints\n`,
    )
    expect(run(lab, 'docker network rm nosuchnet').error).toBe('Error: No such network: nosuchnet\n')
  })

  test('--ip on the default bridge fails at start: the container stays, created (E28 section 7.2)', () => {
    const lab = createLab({ engine: '20.10' })
    const r = run(lab, `docker run -d --name xx2 --network bridge --ip 172.17.0.51 ${IMG} sleep 3600`)
    expect(r).toMatchObject({
      error:
        'docker: Error response from daemon: user specified IP address is supported on user defined networks only.\n',
      exitCode: 125,
    })
    expect(findContainer(lab, 'xx2')?.state).toBe('created')
    expect(r.output).toBe(`${findContainer(lab, 'xx2')?.id}\n`)
  })

  test('--ip and --network-alias without --network are dropped (E28 L623-L629)', () => {
    const lab = createLab({ engine: '20.10' })
    expect(run(lab, `docker run -d --name xx --ip 172.17.0.50 ${IMG} sleep 3600`).exitCode).toBe(0)
    expect(run(lab, `docker run -d --name xx3 --network-alias foo ${IMG} sleep 3600`).exitCode).toBe(0)
  })

  test('--mac-address with container: is refused; a second macvlan on a parent too (E28 L598-L604)', () => {
    const lab = createLab({ engine: '20.10' })
    expect(
      run(
        lab,
        `docker run -d --name web ${IMG} sleep 3600`,
        `docker run -d --name e5 --network container:web --mac-address 02:00:00:00:00:01 ${IMG}`,
      ).error,
    ).toBe(
      "docker: Error response from daemon: conflicting options: mac-address and the network mode.\nSee 'docker run --help'.\n",
    )
    const mv = run(
      lab,
      'docker network create -d macvlan --subnet 10.99.5.0/24 -o parent=eth0 mv',
      'docker network create -d macvlan --subnet 10.99.6.0/24 -o parent=eth0 mv2',
    )
    expect(mv.error).toBe(
      `Error response from daemon: network dm-${findNetwork(lab, 'mv')?.id.slice(0, 12)} is already using parent interface eth0\n`,
    )
  })

  test('the CLI: option errors with a period and the old hint, :::8080 in docker port (E28 L619, L638)', () => {
    const lab = createLab({ engine: '20.10' })
    expect(run(lab, `docker run -d -p 70000:80 ${IMG}`).error).toBe(
      "docker: Invalid hostPort: 70000.\nSee 'docker run --help'.\n",
    )
    run(lab, `docker run -d --name web -p 8080:80 ${IMG} sleep 3600`)
    expect(run(lab, 'docker port web').output).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> :::8080\n')
    expect(run(lab, 'docker port web 81').error).toBe("Error: No public port '81/tcp' published for web\n")
    expect(run(lab, 'docker rm nosuchcontainer').error).toBe('Error: No such container: nosuchcontainer\n')
  })

  test('-d overlay --scope local off a swarm: the scope first (seen on the 20.10 engine)', () => {
    expect(
      run(createLab({ engine: '20.10' }), 'docker network create -d overlay --scope local ovl').error,
    ).toBe('Error response from daemon: cannot downgrade network scope for overlay networks\n')
  })
})
