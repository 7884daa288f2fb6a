import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { findContainer } from '../model/lookup.js'
import type { LabState } from '../model/state.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { fromJSON, toJSON } from './serialize.js'

/**
 * Names that are keys of `Object.prototype`: a name index kept in a plain
 * object finds a function for them, or (`__proto__`) changes the prototype
 * instead of adding an entry. Docker takes them as ordinary names.
 * `__proto__` is not a valid container name (it must start with [a-zA-Z0-9]),
 * but it is a valid network name and any reference may be it.
 */
const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'] as const
const CONTAINER_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'web'] as const
const NETWORK_NAMES = [...PROTOTYPE_KEYS, 'app'] as const

type Action =
  | { kind: 'create' | 'inspect' | 'rm' | 'start' | 'stop' | 'exec'; name: string }
  | { kind: 'network-create' | 'network-rm'; network: string }
  | { kind: 'connect' | 'disconnect'; network: string; name: string }

const containerRef = fc.constantFrom<string>(...CONTAINER_NAMES, '__proto__')
const networkRef = fc.constantFrom<string>(...NETWORK_NAMES)
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('create', 'inspect', 'rm', 'start', 'stop', 'exec'),
    name: containerRef,
  }),
  fc.record({ kind: fc.constantFrom('network-create', 'network-rm'), network: networkRef }),
  fc.record({ kind: fc.constantFrom('connect', 'disconnect'), network: networkRef, name: containerRef }),
)

/** What Docker would hold: containers by name (running or not, their networks) and user networks. */
interface Model {
  containers: Map<string, { running: boolean; networks: Set<string> }>
  networks: Set<string>
}

/** Docker's container-name rule (daemon/names.go). */
const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

const noSuchContainer = (name: string) => `No such container: ${name}`

/** Runs one action on the lab and asserts Docker's answer against the model; updates the model. */
function step(lab: LabState, model: Model, a: Action): void {
  const run = (line: string) => runDocker(lab, line)
  switch (a.kind) {
    case 'create': {
      const r = run(`docker create --name ${a.name} busybox`)
      if (!VALID_NAME.test(a.name)) {
        expect(r.ok).toBe(false)
        expect(r.error).toContain(`Invalid container name (${a.name})`)
        return
      }
      expect(r.ok, r.error).toBe(!model.containers.has(a.name))
      if (r.ok) model.containers.set(a.name, { running: false, networks: new Set(['bridge']) })
      else expect(r.error).toContain(`The container name "/${a.name}" is already in use`)
      return
    }
    case 'inspect': {
      const r = run(`docker inspect -f '{{.Name}}' ${a.name}`)
      if (model.containers.has(a.name)) expect(r.output).toBe(`/${a.name}\n`)
      else if (model.networks.has(a.name)) expect(r.output).toBe(`${a.name}\n`)
      else expect(r).toMatchObject({ ok: false, exitCode: 1, error: `Error: No such object: ${a.name}\n` })
      return
    }
    case 'rm': {
      const r = run(`docker rm -f ${a.name}`)
      if (model.containers.has(a.name)) expect(r).toMatchObject({ ok: true, output: `${a.name}\n` })
      else expect(r).toMatchObject({ ok: false, exitCode: 1, error: `Error: ${noSuchContainer(a.name)}\n` })
      model.containers.delete(a.name)
      return
    }
    case 'start':
    case 'stop': {
      const r = run(`docker ${a.kind} ${a.name}`)
      const c = model.containers.get(a.name)
      if (c) {
        expect(r.ok, r.error).toBe(true)
        c.running = a.kind === 'start'
      } else {
        expect(r.ok).toBe(false)
        expect(r.error).toContain(`Error response from daemon: ${noSuchContainer(a.name)}\n`)
      }
      return
    }
    case 'exec': {
      // `docker exec` resolves the container, then enters its namespace (what netmodes exec does).
      const c = model.containers.get(a.name)
      expect(findContainer(lab, a.name)?.name).toBe(c ? a.name : undefined)
      expect(namespaceOfContainer(lab, a.name) !== undefined).toBe(c?.running ?? false)
      return
    }
    case 'network-create': {
      const r = run(`docker network create ${a.network}`)
      expect(r.ok, r.error).toBe(!model.networks.has(a.network))
      model.networks.add(a.network)
      return
    }
    case 'network-rm': {
      const r = run(`docker network rm ${a.network}`)
      const inUse = [...model.containers.values()].some((c) => c.running && c.networks.has(a.network))
      if (!model.networks.has(a.network)) {
        expect(r).toMatchObject({ ok: false, error: `Error: No such network: ${a.network}\n` })
      } else {
        expect(r.ok, r.error).toBe(!inUse)
        if (r.ok) {
          model.networks.delete(a.network)
          for (const c of model.containers.values()) c.networks.delete(a.network)
        }
      }
      return
    }
    case 'connect':
    case 'disconnect': {
      const r = run(`docker network ${a.kind} ${a.network} ${a.name}`)
      const c = model.containers.get(a.name)
      if (!model.networks.has(a.network)) {
        expect(r.ok).toBe(false)
        expect(r.error).toContain(`network ${a.network} not found`)
      } else if (!c) {
        expect(r).toMatchObject({
          ok: false,
          error: `Error response from daemon: ${noSuchContainer(a.name)}\n`,
        })
      } else if (a.kind === 'connect') {
        expect(r.ok, r.error).toBe(!c.networks.has(a.network))
        c.networks.add(a.network)
      } else {
        // A created container's attachments are only configuration; both are fine for the daemon.
        if (r.ok) c.networks.delete(a.network)
        else expect(r.error).toMatch(/is not connected to (network|the network)/)
      }
      return
    }
  }
}

describe('names that are keys of Object.prototype', () => {
  test.prop([fc.array(action, { minLength: 1, maxLength: 25 })], { seed: 20_10, numRuns: 150 })(
    'are ordinary names: the engine answers as Docker does, and the lab survives its JSON file',
    (actions) => {
      let lab = createLab({ engine: '20.10' })
      const model: Model = { containers: new Map(), networks: new Set() }
      for (const a of actions) {
        step(lab, model, a)
        // Every command is followed by a save and a load, as `netmodes docker` does.
        const saved = toJSON(lab)
        lab = fromJSON(saved)
        expect(toJSON(lab)).toBe(saved)
      }
      const names = Object.values(lab.containers)
        .map((c) => c.name)
        .sort()
      expect(names).toEqual([...model.containers.keys()].sort())
    },
  )
})
