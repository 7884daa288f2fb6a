import { ScenarioLineError } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { namesJoinToken, withJoinTokens } from './_join-tokens.js'
import { splitScenario } from './_scenario-statements.js'
import { scenarioNodes } from './scenario-nodes.js'

const split = (source: string) => splitScenario(source, { hostCommands: true })

describe('splitScenario: a multi-node scenario', () => {
  test('the nodes line comes out first; each docker line has its node and the line a client runs', () => {
    const source = [
      '# two nodes',
      'nodes node1 node2',
      'docker swarm init --advertise-addr 203.0.113.11',
      'docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377',
      'docker --node=node2 run -d --name "b 1" netmodes/busybox:test sleep 3600',
      'trace b1 -> a1:80/tcp',
    ].join('\n')
    expect(split(source)).toEqual([
      { kind: 'nodes', line: 2, text: 'nodes node1 node2', nodes: ['node1', 'node2'] },
      {
        kind: 'docker',
        line: 3,
        text: 'docker swarm init --advertise-addr 203.0.113.11',
        node: 'node1',
        run: 'docker swarm init --advertise-addr 203.0.113.11',
      },
      {
        kind: 'docker',
        line: 4,
        text: 'docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377',
        node: 'node2',
        run: 'docker swarm join --token WORKER_TOKEN 203.0.113.11:2377',
      },
      {
        kind: 'docker',
        line: 5,
        text: 'docker --node=node2 run -d --name "b 1" netmodes/busybox:test sleep 3600',
        node: 'node2',
        // The rest of the line as written: the shell still reads its quotes.
        run: 'docker run -d --name "b 1" netmodes/busybox:test sleep 3600',
      },
      {
        kind: 'trace',
        line: 6,
        text: 'trace b1 -> a1:80/tcp',
        trace: { from: 'b1', to: 'a1', protocol: 'tcp', port: 80 },
      },
    ])
    expect(scenarioNodes(source)).toEqual(['node1', 'node2'])
  })

  test('a single-node scenario has no nodes, and its docker lines no node', () => {
    expect(scenarioNodes('docker network create app\n')).toEqual([])
    expect(split('docker network create app')).toEqual([
      { kind: 'docker', line: 1, text: 'docker network create app' },
    ])
  })

  test('a nodes line anywhere but first, or with other names, is refused with its line', () => {
    const late = () => split('docker network ls\nnodes node1 node2')
    expect(late).toThrow(ScenarioLineError)
    expect(late).toThrow(/^line 2: "nodes node1 node2" must be the scenario's first statement/)
    for (const bad of ['nodes node1', 'nodes node2 node1', 'nodes a b', 'nodes node1 node2 node2', 'nodes'])
      expect(() => split(bad), bad).toThrow(/^line 1: .*named node1 node2 \.\.\. in order, 2 to 9 of them/)
    const ten = `nodes ${Array.from({ length: 10 }, (_, i) => `node${i + 1}`).join(' ')}`
    expect(() => split(ten)).toThrow(/2 to 9 of them/)
  })

  test('--node naming no declared node, or without a nodes line, is refused with its line', () => {
    expect(() => split('nodes node1 node2\ndocker --node node3 network ls')).toThrow(
      /^line 2: "docker --node node3": the scenario's nodes are node1, node2/,
    )
    expect(() => split('docker --node node2 network ls')).toThrow(
      /^line 1: "docker --node node2" needs the scenario's first statement to be a "nodes node1 node2\.\.\." line/,
    )
  })

  test('host and dockerd lines are refused beside a nodes line', () => {
    expect(() => split('nodes node1 node2\nhost ip link add b0 type bridge')).toThrow(
      /^line 2: "host" lines are not replayed in a multi-node scenario/,
    )
  })
})

describe('join tokens', () => {
  const tokens = { Worker: 'SWMTKN-1-abc-worker', Manager: 'SWMTKN-1-abc-manager' }

  test('WORKER_TOKEN and MANAGER_TOKEN become the swarm’s tokens, as whole words only', () => {
    expect(withJoinTokens('docker swarm join --token WORKER_TOKEN 203.0.113.11:2377', tokens)).toBe(
      'docker swarm join --token SWMTKN-1-abc-worker 203.0.113.11:2377',
    )
    expect(withJoinTokens('docker swarm join --token=MANAGER_TOKEN 203.0.113.11:2377', tokens)).toBe(
      'docker swarm join --token=SWMTKN-1-abc-manager 203.0.113.11:2377',
    )
    expect(withJoinTokens('docker run --name MY_WORKER_TOKENS busybox', tokens)).toBe(
      'docker run --name MY_WORKER_TOKENS busybox',
    )
    expect(namesJoinToken('docker swarm join --token WORKER_TOKEN x')).toBe(true)
    expect(namesJoinToken('docker swarm join --token MY_WORKER_TOKENS x')).toBe(false)
  })

  test('without a swarm the words stay (the join then fails as with a wrong token)', () => {
    expect(withJoinTokens('docker swarm join --token WORKER_TOKEN 203.0.113.11:2377', undefined)).toBe(
      'docker swarm join --token WORKER_TOKEN 203.0.113.11:2377',
    )
  })
})
