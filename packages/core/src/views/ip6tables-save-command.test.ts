import { describe, expect, it } from 'vitest'
import { createLab } from '../engine/lab.js'
import { runScenario } from '../engine/run-scenario.js'
import type { LabState } from '../model/state.js'
import { runIp6tablesSave } from './iptables-save-command.js'

// The lines Docker 28.5.2 wrote to ip6tables for these networks and ports, as
// `ip6tables-save` printed them in its namespace (bridge names as br-<network>).
const SCENARIO = [
  'docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 dual',
  'docker network create --ipv6 --subnet fd00:82::/64 --internal int6',
  'docker network create --ipv6 --subnet fd00:83::/64 -o com.docker.network.bridge.enable_icc=false noicc6',
  'docker run -d --name web --network dual -p 18080:80 -p 127.0.0.1:18081:80 -p [::1]:18082:80 netmodes/busybox:test sleep 3600',
  'docker run -d --name inner --network int6 netmodes/busybox:test sleep 3600',
].join('\n')

function named(lab: LabState) {
  const bridges = lab.networks.filter((n) => n.device?.startsWith('br-'))
  return (text: string) => bridges.reduce((t, n) => t.replaceAll(n.device as string, `br-<${n.name}>`), text)
}

describe('ip6tables-save', () => {
  it("28 writes the networks' IPv6 rules as it does their IPv4 ones, with the IPv6 subnets and addresses", () => {
    const { lab } = runScenario(SCENARIO, { engine: '28' })
    const rename = named(lab)
    const filter = rename(runIp6tablesSave(lab, ['-t', 'filter']).stdout)
    expect(filter).toContain(':FORWARD DROP [0:0]')
    expect(filter).toContain(
      '-A DOCKER -d fd00:81::2/128 ! -i br-<dual> -o br-<dual> -p tcp -m tcp --dport 80 -j ACCEPT',
    )
    // The internal pair names the other side of the bridge too, in ip6tables only.
    expect(filter).toContain(
      '-A DOCKER-ISOLATION-STAGE-1 ! -s fd00:82::/64 ! -i br-<int6> -o br-<int6> -j DROP',
    )
    expect(filter).toContain(
      '-A DOCKER-ISOLATION-STAGE-1 ! -d fd00:82::/64 -i br-<int6> ! -o br-<int6> -j DROP',
    )
    expect(filter).toContain('-A DOCKER-FORWARD -i br-<noicc6> -o br-<noicc6> -j DROP')
    // docker0 has no IPv6: no rule names it.
    expect(filter).not.toContain('docker0')
    const nat = rename(runIp6tablesSave(lab, ['-t', 'nat']).stdout)
    expect(nat).toContain('-A OUTPUT ! -d ::1/128 -m addrtype --dst-type LOCAL -j DOCKER')
    expect(nat).toContain('-A POSTROUTING -s fd00:81::/64 ! -o br-<dual> -j MASQUERADE')
    expect(nat).toContain(
      '-A DOCKER ! -s fe80::/10 ! -i br-<dual> -p tcp -m tcp --dport 18080 -j DNAT --to-destination [fd00:81::2]:80',
    )
    expect(nat).toContain(
      '-A DOCKER ! -s fe80::/10 -d ::1/128 ! -i br-<dual> -p tcp -m tcp --dport 18082 -j DNAT --to-destination [fd00:81::2]:80',
    )
    // A port on [::1] gets no raw rule; the endpoint's address does (not the internal one's).
    const raw = rename(runIp6tablesSave(lab, ['-t', 'raw']).stdout)
    expect(raw).toBe(
      '*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -d fd00:81::2/128 ! -i br-<dual> -j DROP\nCOMMIT\n',
    )
  })

  it('28 removes every IPv6 rule of a network with its containers and the network', () => {
    const { lab } = runScenario(`${SCENARIO}\ndocker rm -f web inner\ndocker network rm dual int6 noicc6`, {
      engine: '28',
    })
    expect(runIp6tablesSave(lab, []).stdout).toBe(runIp6tablesSave(createLab({ engine: '28' }), []).stdout)
  })

  it('20.10 writes no ip6tables: nothing is printed, and a table asked for is empty', () => {
    const { lab } = runScenario(SCENARIO, { engine: '20.10' })
    expect(runIp6tablesSave(lab, []).stdout).toBe('')
    expect(runIp6tablesSave(lab, ['-t', 'filter']).stdout).toBe(
      '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n',
    )
  })

  it('refuses a table the engine does not write', () => {
    const r = runIp6tablesSave(createLab({ engine: '28' }), ['-t', 'security'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain("table 'security' is not modelled")
  })
})
