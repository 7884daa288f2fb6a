/**
 * Random docker command lines: valid lines of the corpus, mutated word by
 * word with the inputs that break parsers (names that are Object.prototype
 * keys, huge port ranges, control characters, absurd numbers, long strings,
 * unknown flags), and now and then a raw character edit for the tokenizer.
 * Each kind of input is a named generator so a run can switch one off
 * (FUZZ_OFF=proto,ports) while another fix is on its way.
 */
import fc from 'fast-check'

export const GENERATORS = ['proto', 'ports', 'control', 'numbers', 'long', 'flags', 'splice', 'raw'] as const
export type GeneratorName = (typeof GENERATORS)[number]

const PROTO_KEYS = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
]

function words(corpus: string[][]): Record<GeneratorName, fc.Arbitrary<string>> {
  const corpusWord = fc.constantFrom(...corpus.flat())
  return {
    proto: fc.oneof(
      fc.constantFrom(...PROTO_KEYS),
      fc.constantFrom(...PROTO_KEYS).map((k) => `container:${k}`),
      fc.constantFrom(...PROTO_KEYS).map((k) => `${k}=${k}`),
    ),
    ports: fc.oneof(
      fc.constantFrom(
        '1-65535:1-65535',
        '0-65535:0-65535',
        '1-65535',
        '65535-1:1-65535',
        '80-8080:80-8080/udp',
        '127.0.0.1:1-65535:1-65535',
      ),
      fc
        .tuple(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 70000 }))
        .map(([a, b]) => `${a}-${b}:${a}-${b}`),
    ),
    control: fc.oneof(
      fc.constantFrom('\u0000', '\u001b[31mred', '\r', '\n', '\t', '\u007f', '\u202e', '\u0007', 'a\u0000b'),
      fc.string({
        unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
        minLength: 1,
        maxLength: 4,
      }),
    ),
    numbers: fc.oneof(
      fc.constantFrom(
        '1e308',
        '-1',
        '0',
        '-0',
        'NaN',
        'Infinity',
        '0x10',
        '9007199254740993',
        '1.5',
        '99999999999999999999',
        '4294967296',
      ),
      fc.constantFrom(
        '10.0.0.0/33',
        '10.0.0.0/-1',
        '999.1.1.1/24',
        '10.0.0.0/0',
        '0.0.0.0/0',
        '255.255.255.255/32',
        '10.1.2.3',
      ),
      fc.integer().map(String),
      fc.double().map(String),
    ),
    long: fc.oneof(
      fc.integer({ min: 200, max: 20_000 }).map((n) => 'a'.repeat(n)),
      fc.integer({ min: 50, max: 2_000 }).map((n) => 'ab-'.repeat(n)),
    ),
    flags: fc.oneof(
      fc.constantFrom(
        '--bogus',
        '-Z',
        '--',
        '-',
        '--network=',
        '--name=',
        '-p',
        '--ip',
        '--subnet',
        '--format',
        '--help',
        '-h',
        '--',
        '-dit',
        '-pd',
      ),
      fc.constantFrom('--bogus', '--name', '--network', '-p', '-o', '--label').map((f) => `${f}=`),
    ),
    splice: corpusWord,
    raw: corpusWord,
  }
}

/** A word as a POSIX shell reads it back: single-quoted when it has to be. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

type Edit = { at: number; op: 'replace' | 'insert' | 'delete' | 'swap'; word: string }

/**
 * A docker command line built from one corpus line with up to four edits,
 * drawn from the generators not switched off.
 */
export function dockerLineArbitrary(
  corpus: string[][],
  off: ReadonlySet<GeneratorName>,
): fc.Arbitrary<string> {
  const all = words(corpus)
  const on = GENERATORS.filter((g) => !off.has(g) && g !== 'raw')
  const word = fc.oneof(...on.map((g) => all[g]))
  const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.nat({ max: 40 }),
    op: fc.constantFrom('replace', 'replace', 'insert', 'delete', 'swap'),
    word,
  })
  const rawEdit = fc.record({
    at: fc.nat({ max: 400 }),
    text: fc.constantFrom("'", '"', '\\', ' ', '#', '=', ':', '\n', '$', '`'),
  })
  return fc
    .record({
      base: fc.constantFrom(...corpus),
      edits: fc.array(edit, { maxLength: 4 }),
      raw: off.has('raw') ? fc.constant([]) : fc.array(rawEdit, { maxLength: 2 }),
    })
    .map(({ base, edits, raw }) => {
      const w = [...base]
      for (const e of edits) {
        const i = w.length === 0 ? 0 : e.at % (w.length + (e.op === 'insert' ? 1 : 0))
        if (e.op === 'replace' && w.length) w[i] = e.word
        else if (e.op === 'insert') w.splice(i, 0, e.word)
        else if (e.op === 'delete') w.splice(i, 1)
        else if (e.op === 'swap' && w.length > 1) {
          const j = (i + 1) % w.length
          ;[w[i], w[j]] = [w[j] as string, w[i] as string]
        }
      }
      let line = ['docker', ...w.map(shellQuote)].join(' ')
      for (const r of raw) {
        const i = r.at % (line.length + 1)
        line = line.slice(0, i) + r.text + line.slice(i)
      }
      return line
    })
}
