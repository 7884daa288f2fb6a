import type { LabState } from '@netmodes/core'
import { openLab } from '../lab/lab-file.js'
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

export interface PrintDiagramOptions {
  labPath: string
  format: DiagramFormat
  stdout: (text: string) => void
}

/** `netmodes diagram`: draws the lab file; throws LabFileError when there is no usable lab. */
export function printDiagram(options: PrintDiagramOptions): number {
  const { lab } = openLab(options.labPath, { create: false })
  options.stdout(renderDiagram(lab, options.format))
  return 0
}
