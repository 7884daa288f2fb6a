import { describe, expect, test } from 'vitest'
import { fromJSON, toJSON } from '../engine/serialize.js'
import { type containerByName, findNetwork } from '../model/lookup.js'
import { inspectContainer } from '../views/container-inspect.js'
import { nodeNamed } from './create-cluster.js'
import { runClusterScenario } from './run-cluster-scenario.js'
import { runOnNode } from './run-on-node.js'

const SERVICES = `nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker network create -d overlay --attachable --subnet 10.211.0.0/24 ov
docker service create -q --no-resolve-image --name web --network ov --endpoint-mode dnsrr --constraint node.role==worker netmodes/busybox:test nc -ll -p 80 -e echo ok
docker service create -q --no-resolve-image --name api --network ov --constraint node.role==manager netmodes/busybox:test nc -ll -p 80 -e echo ok
docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}}'
docker run -d --name c1 --network ov netmodes/busybox:test sleep 3600
docker --node node2 run -d --name c2 --network ov netmodes/busybox:test sleep 3600
trace c1 -> web:80/tcp
trace c1 -> tasks.web:80/tcp
trace c2 -> tasks.api:80/tcp
trace c2 -> api:80/tcp
`

function taskOf(lab: Parameters<typeof containerByName>[0], service: string) {
  return Object.values(lab.containers).find((c) => c.name.startsWith(`${service}.1.`))
}

describe.each(['20.10', '28'] as const)('services on two nodes (engine %s)', (engine) => {
  test('each task runs on the node its constraint allows, as NAME.SLOT.TASKID; service ls lists them', () => {
    const { cluster, outcomes } = runClusterScenario(SERVICES, { engine })
    const steps = outcomes.flatMap((o) => (o.kind === 'docker' ? [o.result] : []))
    expect(steps[3]?.output).toMatch(/^[0-9a-z]{25}\n$/)
    expect(steps[5]?.output).toBe('api replicated 1/1\nweb replicated 1/1\n')
    const node1 = nodeNamed(cluster, 'node1').lab
    const node2 = nodeNamed(cluster, 'node2').lab
    const web = taskOf(node2, 'web')
    expect(web?.name).toMatch(/^web\.1\.[0-9a-z]{25}$/)
    expect(taskOf(node1, 'web')).toBeUndefined()
    expect(taskOf(node1, 'api')?.labels['com.docker.swarm.service.name']).toBe('api')
    // The VIP is allocated before the task: web's task .2, node2's load balancer .3, api's VIP .4, its task .5.
    const ov = findNetwork(node1, 'ov')
    expect(ov?.services).toEqual([
      { name: 'web', tasks: ['10.211.0.2'] },
      { name: 'api', vip: '10.211.0.4', tasks: ['10.211.0.5'] },
    ])
    const inspect = inspectContainer(node1, taskOf(node1, 'api')!) as { HostConfig: Record<string, unknown> }
    expect(inspect.HostConfig.Dns).toBeNull()
    expect(inspect.HostConfig.NetworkMode).toBe(engine === '28' ? 'bridge' : 'default')
    expect(toJSON(fromJSON(toJSON(node1)))).toBe(toJSON(node1))
  })

  test('names resolve across nodes: dnsrr NAME and tasks.NAME to a task, the VIP answers only through IPVS', () => {
    const { outcomes } = runClusterScenario(SERVICES, {
      engine,
      profile: { kernel: { ipvlan: true, dummy: true, vlan: true, ipvs: false } },
    })
    const traces = outcomes.flatMap((o) => (o.kind === 'trace' ? [o.trace] : []))
    expect(traces.map((t) => t.delivered)).toEqual([true, true, true, false])
    const vip = traces[3]
    expect(vip?.delivered === false && vip.reason).toBe(
      "10.211.0.4 is the virtual IP of service api: this kernel has no IPVS (CONFIG_IP_VS), so Docker's load balancer is never programmed and nothing answers it.",
    )
    const withIpvs = runClusterScenario(SERVICES, { engine }).outcomes.flatMap((o) =>
      o.kind === 'trace' ? [o.trace] : [],
    )[3]
    expect(withIpvs?.delivered === false && withIpvs.reason).toContain('which netmodes does not simulate yet')
  })
})

test('a worker cannot create a service; an unknown network is refused', () => {
  const { cluster } = runClusterScenario(SERVICES.split('\n').slice(0, 4).join('\n'), { engine: '20.10' })
  expect(runOnNode(cluster, 'docker --node node2 service create --name x busybox').result.error).toContain(
    "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state.",
  )
  expect(runOnNode(cluster, 'docker service create --name x --network nosuch busybox').result.error).toBe(
    'Error response from daemon: network nosuch not found\n',
  )
  expect(runOnNode(cluster, 'docker service ls').result.output).toBe(
    'ID   NAME   MODE   REPLICAS   IMAGE   PORTS\n',
  )
})
