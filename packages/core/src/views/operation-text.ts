import type { Operation } from '../model/operation.js'

/**
 * Characters a POSIX shell takes literally in a bare word. `!` is among them
 * because `iptables ... ! -o docker0` is typed bare (history expansion is an
 * interactive bash feature, not the shell grammar).
 */
const BARE_WORD = /^[A-Za-z0-9_@%+=:,./!-]+$/

/** One argv slot as a shell would need it typed: bare when it can be, else single-quoted. */
function shellWord(arg: string): string {
  if (BARE_WORD.test(arg)) return arg
  return `'${arg.replaceAll("'", `'\\''`)}'`
}

/**
 * An operation as the command line a person would type, which is how the
 * CLI's `--explain` and the demo print it.
 *
 * @example
 * operationText({ tool: 'ip', args: ['-n', 'abc', 'link', 'set', 'eth0', 'up'] }) // "ip -n abc link set eth0 up"
 * operationText({ tool: 'kill', args: ['docker-proxy'], about: 'tcp 0.0.0.0:80' }) // "kill docker-proxy (tcp 0.0.0.0:80)"
 */
export function operationText(op: Operation): string {
  let text = op.tool
  for (const arg of op.args) text += ` ${shellWord(arg)}`
  if (op.background) text += ' &'
  if (op.about) text += ` (${op.about})`
  return text
}
