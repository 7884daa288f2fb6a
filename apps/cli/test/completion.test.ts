/** `netmodes completion bash|zsh|fish`. */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { netmodes, tempDir } from './helpers.js'

/** What bash completes for a command line (the last word being completed), with the script loaded. */
function bashComplete(script: string, words: string[]): string[] {
  const dir = tempDir()
  writeFileSync(join(dir, 'netmodes.bash'), script)
  const quoted = words.map((w) => `'${w}'`).join(' ')
  const driver = `source ./netmodes.bash
COMP_WORDS=(${quoted}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _netmodes
printf '%s\\n' "\${COMPREPLY[@]}"`
  const r = spawnSync('bash', ['-c', driver], { cwd: dir, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  return r.stdout.split('\n').filter(Boolean)
}

describe('bash', () => {
  const script = netmodes(['completion', 'bash']).stdout
  test('is valid bash that registers _netmodes', () => {
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0)
    expect(script).toContain('complete -o bashdefault -F _netmodes netmodes')
  })
  test('completes commands, options, option values and docker words', () => {
    expect(bashComplete(script, ['netmodes', 'd'])).toEqual(['demo', 'docker', 'diagram', 'diff'])
    expect(bashComplete(script, ['netmodes', '--lab', 'x.json', 'ex'])).toEqual(['exec', 'explain'])
    expect(bashComplete(script, ['netmodes', '--'])).toEqual([
      '--lab',
      '--engine',
      '--daemon',
      '--explain',
      '--help',
      '--version',
    ])
    expect(bashComplete(script, ['netmodes', 'diagram', '--'])).toEqual(['--format', '--lab', '--help'])
    expect(bashComplete(script, ['netmodes', 'diagram', '--format', ''])).toEqual(['mermaid', 'dot', 'svg'])
    expect(bashComplete(script, ['netmodes', 'modes', '--lang', 'z'])).toEqual(['zh-CN'])
    expect(bashComplete(script, ['netmodes', 'diff', '--to-engine', ''])).toEqual(['20.10', '28'])
    expect(bashComplete(script, ['netmodes', 'docker', 'ne'])).toEqual(['network'])
    expect(bashComplete(script, ['netmodes', 'docker', 'network', 'c'])).toEqual(['create', 'connect'])
    expect(bashComplete(script, ['netmodes', 'host', 'iptables-save', '-t', ''])).toEqual(['nat', 'filter'])
    expect(bashComplete(script, ['netmodes', 'completion', ''])).toEqual(['bash', 'zsh', 'fish'])
  })
})

describe('zsh and fish', () => {
  test('zsh: a #compdef function with every command', () => {
    const r = netmodes(['completion', 'zsh'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^#compdef netmodes\n/)
    for (const name of ['run', 'docker', 'exec', 'host', 'diagram', 'modes', 'demo', 'completion'])
      expect(r.stdout).toMatch(new RegExp(`^ {4}'${name}:`, 'm'))
    expect(r.stdout).toContain("'--format[Output format]:value:(mermaid dot svg)'")
    expect(r.stdout).toContain('compdef _netmodes netmodes')
  })
  test('fish: complete lines for commands, options and values', () => {
    const r = netmodes(['completion', 'fish'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      "complete -c netmodes -n __fish_use_subcommand -a diagram -d 'Draw the lab as a graph: Mermaid, Graphviz DOT or SVG'",
    )
    expect(r.stdout).toContain(
      "complete -c netmodes -n '__fish_seen_subcommand_from diagram' -l format -x -a 'mermaid dot svg' -d 'Output format'",
    )
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^(#|complete -c netmodes )/)
  })
  test('an unknown shell: exit 2', () => {
    const r = netmodes(['completion', 'tcsh'])
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'netmodes: unknown shell "tcsh": expected bash, zsh or fish\nRun \'netmodes completion --help\' for usage.\n',
    })
  })
})
