/**
 * pflag v1.0.5's argument parser (FlagSet.Parse), which every docker 20.10
 * command runs over its arguments. Errors carry pflag's exact wording
 * ("unknown flag: --foo", "flag needs an argument: 'p' in -p", ...).
 */

import { quoteByteGo, quoteGo } from '../go/go-quote.js'
import { GoValueError } from '../go/go-value-error.js'
import type { Flag } from './flag.js'
import { FlagValues } from './flag-values.js'

/**
 * A flag-parsing failure, with pflag's message (cobra hands it to docker's
 * FlagErrorFunc, which adds "See 'docker ... --help'.").
 *
 * @example
 * throw new FlagError('unknown flag: --foo')
 */
export class FlagError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FlagError'
  }
}

/**
 * Raised when `--help` (or an undefined `-h`) asks for help instead of a run.
 *
 * @example
 * throw new HelpRequested()
 */
export class HelpRequested extends Error {
  constructor() {
    super('pflag: help requested')
    this.name = 'HelpRequested'
  }
}

// The flag and its printed name as pflag's Set() builds it for errors.
function flagLabel(flag: Flag<unknown>): string {
  return flag.shorthand !== undefined && !flag.shorthandDeprecated
    ? `-${flag.shorthand}, --${flag.name}`
    : `--${flag.name}`
}

/**
 * A command's flags indexed as pflag's FlagSet indexes them: built once per
 * command (the tables are module constants) and shared by every parse.
 *
 * @example
 * const table = new FlagTable([boolFlag('rm')])
 * table.lookup('rm')?.noOptDefVal // 'true'
 */
export class FlagTable {
  private readonly byName = new Map<string, Flag<unknown>>()
  private readonly byShorthand = new Map<string, Flag<unknown>>()
  /** Every flag, sorted by name as pflag's VisitAll walks them. */
  readonly sorted: readonly Flag<unknown>[]

  constructor(flags: readonly Flag<unknown>[]) {
    for (const flag of flags) {
      // pflag's AddFlagSet keeps the first flag of a name (a command's own
      // --help shadows the inherited one).
      if (this.byName.has(flag.name)) continue
      this.byName.set(flag.name, flag)
      if (flag.shorthand !== undefined && !this.byShorthand.has(flag.shorthand)) {
        this.byShorthand.set(flag.shorthand, flag)
      }
    }
    this.sorted = Object.freeze(
      [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    )
    Object.freeze(this)
  }

  /**
   * Looks a flag up by long name.
   *
   * @example
   * table.lookup('rm')?.noOptDefVal // 'true'
   */
  lookup(name: string): Flag<unknown> | undefined {
    return this.byName.get(name)
  }

  /**
   * Looks a flag up by its one-letter shorthand.
   *
   * @example
   * table.lookupShorthand('d')?.name // 'detach'
   */
  lookupShorthand(letter: string): Flag<unknown> | undefined {
    return this.byShorthand.get(letter)
  }
}

/**
 * One parse over a table: the positional arguments left, with the flag
 * values written into `values` (fresh unless the caller shares one).
 *
 * @example
 * const set = new FlagSet(new FlagTable([boolFlag('rm')]))
 * set.parse(['--rm', 'x']) // set.args: ['x'], set.values.value(rm): true
 */
export class FlagSet {
  readonly args: string[] = []

  constructor(
    readonly table: FlagTable,
    private readonly interspersed = true,
    readonly values: FlagValues = new FlagValues(),
  ) {}

  /**
   * Looks a flag up by long name.
   *
   * @example
   * set.lookup('rm')?.noOptDefVal // 'true'
   */
  lookup(name: string): Flag<unknown> | undefined {
    return this.table.lookup(name)
  }

  /**
   * Looks a flag up by its one-letter shorthand.
   *
   * @example
   * set.lookupShorthand('d')?.name // 'detach'
   */
  lookupShorthand(letter: string): Flag<unknown> | undefined {
    return this.table.lookupShorthand(letter)
  }

  /** The flags of this set the command line set, in VisitAll's name order (only those are sorted). */
  changedFlags(): Flag<unknown>[] {
    return [...this.values.touched()]
      .filter((f) => this.table.lookup(f.name) === f)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  /**
   * Every flag of the set, sorted by name as pflag's VisitAll walks them.
   *
   * @example
   * set.all().filter((f) => set.values.changed(f))
   */
  all(): readonly Flag<unknown>[] {
    return this.table.sorted
  }

  /**
   * Parses arguments, applying flags and collecting positionals; throws
   * FlagError or HelpRequested.
   *
   * @example
   * set.parse(['-dit', '--name=web', 'nginx'])
   */
  parse(argv: readonly string[]): void {
    // The remaining arguments are argv from `at` on (pflag reslices; an index copies nothing).
    let at = 0
    while (at < argv.length) {
      const s = argv[at] ?? ''
      at++
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        if (!this.interspersed) {
          this.args.push(s)
          this.pushFrom(argv, at)
          return
        }
        this.args.push(s)
        continue
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          // "--" ends the flags.
          this.pushFrom(argv, at)
          return
        }
        at = this.parseLong(s, argv, at)
      } else {
        at = this.parseShort(s, argv, at)
      }
    }
  }

  /** Takes every argument from `at` on as a positional one. */
  private pushFrom(argv: readonly string[], at: number): void {
    for (let i = at; i < argv.length; i++) this.args.push(argv[i] ?? '')
  }

  private apply(flag: Flag<unknown>, value: string): void {
    try {
      this.values.set(flag, value)
    } catch (error) {
      if (error instanceof GoValueError) {
        throw new FlagError(
          `invalid argument ${quoteGo(value)} for ${quoteGo(flagLabel(flag))} flag: ${error.message}`,
        )
      }
      throw error
    }
  }

  /** Applies one `--name[=value]`; returns where the remaining arguments now start. */
  private parseLong(s: string, argv: readonly string[], at: number): number {
    const body = s.slice(2)
    if (body.length === 0 || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`)
    const eq = body.indexOf('=')
    const name = eq < 0 ? body : body.slice(0, eq)
    const flag = this.table.lookup(name)
    if (flag === undefined) {
      if (name === 'help') throw new HelpRequested()
      throw new FlagError(`unknown flag: --${name}`)
    }
    if (eq >= 0) {
      this.apply(flag, body.slice(eq + 1))
      return at
    }
    if (flag.noOptDefVal !== '') {
      this.apply(flag, flag.noOptDefVal)
      return at
    }
    if (at < argv.length) {
      this.apply(flag, argv[at] ?? '')
      return at + 1
    }
    throw new FlagError(`flag needs an argument: ${s}`)
  }

  /** Applies one cluster of shorthands (`-dit`, `-p80`); returns where the remaining arguments now start. */
  private parseShort(s: string, argv: readonly string[], at: number): number {
    let shorthands = s.slice(1)
    let out = at
    while (shorthands.length > 0) {
      // pflag hands every letter of the cluster the original remaining args,
      // so two value-taking letters in one cluster both see the same next arg.
      const letter = String.fromCodePoint(shorthands.codePointAt(0) ?? 0)
      const flag = this.table.lookupShorthand(letter)
      if (flag === undefined) {
        if (letter === 'h') throw new HelpRequested()
        throw new FlagError(`unknown shorthand flag: ${quoteByteGo(letter)} in -${shorthands}`)
      }
      let value: string
      let next = shorthands.slice(letter.length)
      out = at
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2)
        next = ''
      } else if (flag.noOptDefVal !== '') {
        value = flag.noOptDefVal
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1)
        next = ''
      } else if (at < argv.length) {
        value = argv[at] ?? ''
        out = at + 1
      } else {
        throw new FlagError(`flag needs an argument: ${quoteByteGo(letter)} in -${shorthands}`)
      }
      this.apply(flag, value)
      shorthands = next
    }
    return out
  }
}
