/**
 * Turns the argv a shell handed to `netmodes docker` back into one command
 * line for core's tokenizer (POSIX-shell-like), so that every word comes out
 * exactly as it went in.
 */

// Words made only of these need no quotes for a POSIX shell (and core's tokenizer).
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * Quotes one word: as is when safe, else in single quotes, where everything
 * is literal except the quote itself, written '\''.
 *
 * @example
 * quoteWord("it's") // "'it'\\''s'"
 */
export function quoteWord(word: string): string {
  return SAFE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`
}

/**
 * The docker command line for argv (the words after `docker`).
 *
 * @example
 * dockerLine(['run', '--name', 'my web', 'nginx']) // "docker run --name 'my web' nginx"
 */
export function dockerLine(argv: readonly string[]): string {
  return ['docker', ...argv.map(quoteWord)].join(' ')
}
