/**
 * The runnable example of a README: the first fenced block whose info string
 * is `ts example` (TypeScript that prints) or `console example` (a shell
 * session). GitHub and npm highlight them by the first word and ignore the
 * rest, so readers see ordinary code.
 *
 * What the example must print is written in the block itself:
 * - ts: each line printed is a trailing `// → TEXT` comment, in order;
 * - console: a `$ COMMAND` line, then what it prints, up to the next `$ `.
 */
export interface TsExample {
  kind: 'ts'
  code: string
  expected: string[]
}

export interface ConsoleStep {
  command: string
  output: string
}

export interface ConsoleExample {
  kind: 'console'
  steps: ConsoleStep[]
}

export function readmeExample(readme: string): TsExample | ConsoleExample | undefined {
  const fence = /^```(ts|console) example\n([\s\S]*?)^```$/m.exec(readme)
  if (!fence) return undefined
  const body = fence[2] ?? ''
  if (fence[1] === 'ts') {
    const expected = [...body.matchAll(/\/\/ → (.*)$/gm)].map((match) => match[1] ?? '')
    return { kind: 'ts', code: body, expected }
  }
  const steps: ConsoleStep[] = []
  for (const line of body.split('\n').slice(0, -1)) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), output: '' })
    else {
      const step = steps.at(-1)
      if (step) step.output += `${line}\n`
    }
  }
  return { kind: 'console', steps }
}
