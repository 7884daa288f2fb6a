import { expect, test } from 'vitest'
import { runClusterScenario } from '../cluster/run-cluster-scenario.js'
import { overlayNamespaceId } from '../drivers/overlay/overlay-driver.js'
import { findNetwork } from '../model/lookup.js'
import { renderBridgeFdb, renderBridgeFdbJson, renderIpNeigh, renderIpNeighJson } from './neighbors.js'

test("the overlay namespace's entries for the other node's endpoints, as ip neigh and bridge fdb print them", () => {
  const { cluster } = runClusterScenario(
    `nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker network create -d overlay --attachable --subnet 10.210.0.0/24 ov
docker run -d --name a1 --network ov busybox sleep 3600
docker --node node2 run -d --name b1 --network ov busybox sleep 3600
`,
    { engine: '20.10' },
  )
  const lab = cluster.nodes[0]!.lab
  const ns = lab.namespaces[overlayNamespaceId(findNetwork(lab, 'ov')!)]!
  // b1 (10.210.0.4) and node2's load balancer (10.210.0.5), both behind 203.0.113.12.
  expect(renderIpNeigh(ns)).toBe(
    '10.210.0.4 dev vxlan0 lladdr 02:42:0a:d2:00:04 PERMANENT\n10.210.0.5 dev vxlan0 lladdr 02:42:0a:d2:00:05 PERMANENT\n',
  )
  expect(renderBridgeFdb(ns)).toBe(
    '02:42:0a:d2:00:04 dev vxlan0 dst 203.0.113.12 self permanent\n02:42:0a:d2:00:05 dev vxlan0 dst 203.0.113.12 self permanent\n',
  )
  expect(renderIpNeighJson(ns)[0]).toEqual({
    dst: '10.210.0.4',
    dev: 'vxlan0',
    lladdr: '02:42:0a:d2:00:04',
    state: ['PERMANENT'],
  })
  expect(renderBridgeFdbJson(ns)[1]).toEqual({
    mac: '02:42:0a:d2:00:05',
    ifname: 'vxlan0',
    dst: '203.0.113.12',
    flags: ['self'],
    state: 'permanent',
  })
  // A namespace Docker programmed nothing in shows nothing.
  expect(renderIpNeigh(lab.namespaces.host!)).toBe('')
})
