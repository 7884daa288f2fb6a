/**
 * `netmodes demo`: the built-in lab replayed step by step, each docker
 * command with the operations the daemon performs for it, then the lab at a
 * glance and the modes side by side.
 */
import { existsSync } from 'node:fs'
import type { EngineVersion, Lang } from '@netmodes/core'
import { messagesFor, operationText, parseScenario, renderLabSummary, runScenario } from '@netmodes/core'
import type { Colors } from '../cli/color.js'
import { LabFileError, saveLab } from '../lab/lab-file.js'
import { renderModeTable } from '../modes/mode-table.js'
import { DEMO_SCRIPT } from './demo-script.js'

export interface DemoOptions {
  lang: Lang
  /** The engine the demo runs on (default 28); a saved lab records it. */
  engine?: EngineVersion
  /** Print core's runScenario report instead of the walk-through. */
  json: boolean
  /** Print the scenario itself (to replay it elsewhere, on a real engine too). */
  script: boolean
  /** List the daemon's operations under each command. */
  explain: boolean
  /** Also write the demo lab to this lab file (which must not exist yet). */
  save?: string
  width: number
  stdout: (text: string) => void
  stderr: (text: string) => void
  colors?: Colors
}

const plain = (s: string) => s

/** The comment lines right above a statement: the scenario's own explanation of it. */
function commentsAbove(lines: readonly string[], line: number): string[] {
  const out: string[] = []
  for (let i = line - 2; i >= 0 && (lines[i] ?? '').trim().startsWith('#'); i--)
    out.unshift((lines[i] ?? '').trim())
  return out
}

/**
 * Runs the demo; returns the exit code (2 when --save would overwrite a file).
 *
 * @example
 * runDemo({ lang: 'en', json: false, script: false, explain: true, width: 120, stdout, stderr }) // 0
 */
export function runDemo(options: DemoOptions): number {
  if (options.script) {
    options.stdout(DEMO_SCRIPT)
    return 0
  }
  if (options.save !== undefined && existsSync(options.save)) {
    throw new LabFileError(
      `lab file ${options.save} already exists: remove it, or save the demo elsewhere with --lab FILE`,
    )
  }
  const { lab, results, report } = runScenario(DEMO_SCRIPT, options.engine ? { engine: options.engine } : {})
  if (options.save !== undefined) saveLab({ path: options.save, lab, saved: undefined })
  if (options.json) {
    options.stdout(`${JSON.stringify(report, null, 2)}\n`)
    return 0
  }
  const c = options.colors
  const bold = c?.bold ?? plain
  const dim = c?.dim ?? plain
  const m = messagesFor(options.lang)
  options.stdout(`${bold(`${m.demo.title} (Docker Engine ${lab.profile.version})`)}\n${m.demo.intro}\n`)
  const lines = DEMO_SCRIPT.split('\n')
  const statements = parseScenario(DEMO_SCRIPT).filter((s) => s.kind === 'docker')
  statements.forEach((statement, i) => {
    const result = results[i]
    if (!result) return
    const comments = commentsAbove(lines, statement.line)
    options.stdout('\n')
    for (const comment of comments) options.stdout(`${c ? c.yellow(comment) : comment}\n`)
    options.stdout(`${c ? c.cyan(`$ ${result.command}`) : `$ ${result.command}`}\n`)
    if (options.explain)
      for (const op of result.operations) options.stdout(`${dim(`  | ${operationText(op)}`)}\n`)
    if (result.output) options.stdout(result.output)
    if (result.error) options.stderr(result.error)
  })
  options.stdout(`\n${bold(m.demo.labNow)}\n${renderLabSummary(lab)}`)
  options.stdout(`\n${bold(m.demo.modesHeading)}\n\n${renderModeTable(options.lang, options.width, c)}`)
  if (options.save !== undefined) options.stdout(`\nSaved the demo lab to ${options.save}.\n`)
  options.stdout(`\n${m.demo.next.join('\n')}\n`)
  return 0
}
