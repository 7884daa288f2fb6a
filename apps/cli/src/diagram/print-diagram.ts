import { type DiagramFormat, renderDiagram } from '@netmodes/core'
import { openLab } from '../lab/lab-file.js'

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
