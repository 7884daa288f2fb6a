/**
 * How two runs of a multi-node scenario compare (conformance.mjs
 * compareSwarmRuns, maskSwarmIds), on the real recordings: node by node,
 * each fact under its node, swarmkit's random task and service ids as the
 * roles they play, and nothing else forgiven.
 */
import { describe, expect, test } from 'vitest'
import {
  compareSwarmRuns,
  engineVersions,
  isSwarmRecording,
  maskSwarmIds,
  readRecording,
  type SwarmRecordingFile,
} from '../conformance.mjs'

const read = (engine: string, name: string) =>
  structuredClone(readRecording(engine, name)) as unknown as SwarmRecordingFile

// Another run's ids: every occurrence of each task's and service's id replaced by another random-looking one.
function redrawIds(recording: SwarmRecordingFile): SwarmRecordingFile {
  let text = JSON.stringify(recording)
  for (const node of Object.values(recording.nodes)) {
    for (const c of node.containers) {
      const m = String(c.Name).match(/\.([0-9a-z]{25})$/)
      const labels = ((c.Config as { Labels?: Record<string, string> }).Labels ?? {}) as Record<
        string,
        string
      >
      for (const id of [m?.[1], labels['com.docker.swarm.service.id']])
        if (id) text = text.replaceAll(id, [...id].reverse().join(''))
    }
  }
  return JSON.parse(text)
}

describe.each(engineVersions)('multi-node runs of engine %s compare node by node', (engine) => {
  test('a recording is one, and matches itself', () => {
    const recording = read(engine, 'swarm-service')
    expect(isSwarmRecording(recording)).toBe(true)
    expect(isSwarmRecording(readRecording(engine, 'modes'))).toBe(false)
    const result = compareSwarmRuns(engine, recording, read(engine, 'swarm-service'))
    expect(result.mismatches).toEqual([])
    expect(result.total).toBeGreaterThan(400)
  })

  test('tasks and services drawn other ids still match; the masked names say their role', () => {
    const recording = read(engine, 'swarm-service')
    const names = maskSwarmIds(recording).nodes.node2?.containers.map((c) => c.Name)
    expect(names).toContain('/web.1.<task:web.1>')
    expect(compareSwarmRuns(engine, recording, redrawIds(recording)).mismatches).toEqual([])
  })

  test('a fact that differs on one node is a mismatch under that node, and a missing node one fact', () => {
    const changed = read(engine, 'swarm-overlay')
    const trace = changed.nodes.node2?.traces?.[0]
    if (!trace) throw new Error('swarm-overlay has a probe from node2')
    trace.delivered = !trace.delivered
    const result = compareSwarmRuns(engine, read(engine, 'swarm-overlay'), changed)
    expect(result.mismatches.map((m) => m.path)).toEqual([`node2/traces/01 ${trace.command}`])
    const { node2: _, ...alone } = read(engine, 'swarm-overlay').nodes
    const missing = compareSwarmRuns(engine, read(engine, 'swarm-overlay'), { ...changed, nodes: alone })
    expect(missing.mismatches).toEqual([{ path: 'node2', expected: 'a node' }])
  })
})
