/**
 * What the fuzzer starts from: the docker command lines of the repo's
 * conformance scenarios and examples (each a valid command Docker was run
 * with), and the labs those files build (saved labs of every kind).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createLab, runDocker, toJSON, tokenizeCommandLine } from '../../src/index.js'

const repo = fileURLToPath(new URL('../../../../', import.meta.url))

function scenarioFiles(): string[] {
  return ['conformance/scenarios', 'examples'].flatMap((dir) =>
    readdirSync(`${repo}${dir}`)
      .filter((f) => f.endsWith('.sh'))
      .sort()
      .map((f) => `${repo}${dir}/${f}`),
  )
}

/** The docker lines of one file (recorder statements such as `host ...` left out). */
function dockerLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('docker '))
}

export interface Corpus {
  /** Every docker line, as words (after `docker`). */
  commands: string[][]
  /** Saved labs: a fresh host, and the lab each scenario file leaves. */
  labs: string[]
}

export function loadCorpus(): Corpus {
  const commands: string[][] = []
  const labs = [toJSON(createLab())]
  for (const file of scenarioFiles()) {
    const lab = createLab()
    for (const line of dockerLines(file)) {
      commands.push(tokenizeCommandLine(line).slice(1))
      runDocker(lab, line)
    }
    labs.push(toJSON(lab))
  }
  return { commands, labs }
}
