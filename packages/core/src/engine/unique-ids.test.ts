import { expect, test } from 'vitest'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

// A lab file whose generator counter was rewound (edited by hand, or an older
// copy's counter pasted in) draws the ids it drew before. Docker's ids never
// meet, so the engine draws again (fuzz seed 784187249: two networks with one
// id, a lab the loader then refused).
test('after the id generator is rewound, new networks, containers, endpoints, namespaces and veths still get ids of their own', () => {
  const lab = createLab()
  for (const line of ['docker network create n1', 'docker run -d --name c1 --network n1 busybox'])
    expect(runDocker(lab, line).exitCode).toBe(0)
  const json = JSON.parse(toJSON(lab))
  json.rng.counter = 0
  const rewound = fromJSON(JSON.stringify(json))
  for (const line of [
    'docker network create n2',
    'docker run -d --name c2 --network n1 busybox',
    'docker run -d --name c3 busybox',
  ])
    expect(runDocker(rewound, line).exitCode, line).toBe(0)
  const networkIds = rewound.networks.map((n) => n.id)
  expect(new Set(networkIds).size).toBe(networkIds.length)
  const endpointIds = rewound.networks.flatMap((n) => Object.keys(n.endpoints))
  expect(new Set(endpointIds).size).toBe(endpointIds.length)
  expect(Object.keys(rewound.containers)).toHaveLength(3)
  const sandboxes = Object.values(rewound.containers).map((c) => c.sandbox)
  expect(new Set(sandboxes).size).toBe(3)
  const names = rewound.namespaces.host?.links.map((l) => l.ifname) ?? []
  expect(new Set(names).size).toBe(names.length)
  expect(toJSON(fromJSON(toJSON(rewound)))).toBe(toJSON(rewound))
})
