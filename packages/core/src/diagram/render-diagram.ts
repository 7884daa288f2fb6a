/**
 * One lab drawn in one of the formats every interface offers (the CLI's
 * `netmodes diagram`, the server's diagram endpoint).
 */
import type { LabState } from '../model/state.js'
import { renderDot } from './dot.js'
import { buildDiagramGraph } from './graph.js'
import { renderMermaid } from './mermaid.js'
import { renderSvg } from './svg.js'

export const DIAGRAM_FORMATS = ['mermaid', 'dot', 'svg'] as const
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number]

/**
 * A lab drawn in one format.
 *
 * @example
 * renderDiagram(lab, 'dot') // 'graph lab {\n...'
 */
export function renderDiagram(lab: LabState, format: DiagramFormat): string {
  const graph = buildDiagramGraph(lab)
  if (format === 'dot') return renderDot(graph)
  if (format === 'svg') return renderSvg(graph)
  return renderMermaid(graph)
}
