/** The trace panel's choices: the machines a scenario's host lines made are endpoints beside the containers. */
import { runScenario, trace } from '@netmodes/core'
import { expect, test } from 'vitest'
import { traceEndpoints } from '../src/lib/endpoints.js'

test('a machine made with ip netns add is offered, and core traces what the panel offers', () => {
  const { lab } = runScenario(
    [
      'host ip link add lan0 type bridge && ip addr add 10.77.0.1/24 dev lan0 && ip link set lan0 up',
      'host ip netns add pc1',
      'host ip link add pc1-eth type veth peer name eth0 netns pc1',
      'host ip link set pc1-eth master lan0 && ip link set pc1-eth up',
      'host ip -n pc1 addr add 10.77.0.10/24 dev eth0 && ip -n pc1 link set eth0 up',
      'docker run -d --name web -p 8080:80 nginx',
    ].join('\n'),
    { engine: '28' },
  )
  const values = traceEndpoints(lab).map((c) => c.value)
  expect(values).toEqual(['web', 'host', 'pc1', 'lan', 'internet', 'host:8080/tcp'])
  expect(trace(lab, { from: 'host', to: 'pc1', protocol: 'icmp' }).delivered).toBe(true)
})
