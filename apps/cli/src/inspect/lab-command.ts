import type { EngineVersion, LabState, Lang } from '@netmodes/core'
import { globalOptions } from '../cli/context.js'
import { pickLang } from '../i18n/index.js'

/** The options every command that reads the lab file shares. */
export const labArgs = {
  lab: {
    type: 'string',
    valueHint: 'FILE',
    description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
  },
  json: { type: 'boolean', description: 'Print JSON' },
} as const

/** The port and protocol of a question about traffic. */
export const flowArgs = {
  port: { type: 'string', description: 'Destination port (tcp/udp)' },
  proto: { type: 'string', description: 'tcp, udp or icmp (default: tcp with a port, icmp without)' },
  lang: { type: 'string', description: 'Language of the hops and reasons: en or zh-CN (default: from LANG)' },
} as const

export const output = {
  stdout: (s: string) => process.stdout.write(s),
  stderr: (s: string) => process.stderr.write(s),
}

/** `--port` / `--proto` as the question functions take them (only those given). */
export function flowOptions(args: { port?: unknown; proto?: unknown; lang?: unknown }): {
  port?: string
  proto?: string
  lang: Lang
} {
  return {
    lang: pickLang(args.lang ? String(args.lang) : undefined, process.env),
    ...(args.port ? { port: String(args.port) } : {}),
    ...(args.proto ? { proto: String(args.proto) } : {}),
  }
}

/**
 * The lab file a question reads: `--lab` after the command's name, else the
 * global `--lab` before it (`netmodes --lab F trace ...`), else
 * $NETMODES_LAB, else ./.netmodes/lab.json.
 */
export function labFlagOf(commandFlag: unknown): string | undefined {
  return (
    (typeof commandFlag === 'string' && commandFlag !== '' ? commandFlag : undefined) ?? globalOptions.lab
  )
}

/**
 * Opens the lab file (never creating one) and answers a question about it;
 * a missing or damaged lab file is a message on stderr and exit 2, and so is
 * a lab of another engine than `--engine` asked for.
 */
export async function withLabFile(
  labFlag: unknown,
  body: (lab: LabState) => number,
  options: { engine?: EngineVersion } = {},
): Promise<void> {
  await withOptionalLabFile(labFlag, { required: true, ...options }, (lab) => {
    if (!lab) throw new Error('unreachable: a required lab file was not opened')
    return body(lab)
  })
}

/**
 * As {@link withLabFile}, for questions that can be answered without a lab
 * (`explain bridge`): when no lab file was named (no --lab, no
 * $NETMODES_LAB) and ./.netmodes/lab.json does not exist, the body gets
 * undefined. A file that was named must exist: a typo in a path is
 * reported, never taken for "no lab".
 */
export async function withOptionalLabFile(
  labFlag: unknown,
  options: { required: boolean; engine?: EngineVersion },
  body: (lab: LabState | undefined) => number,
): Promise<void> {
  const [{ existsSync }, { openLab, resolveLabPath }, { guard }] = await Promise.all([
    import('node:fs'),
    import('../lab/lab-file.js'),
    import('../lab/guard.js'),
  ])
  process.exitCode = guard(output.stderr, undefined, () => {
    const flag = labFlagOf(labFlag)
    const path = resolveLabPath({ flag, env: process.env })
    const named = flag !== undefined || Boolean(process.env.NETMODES_LAB)
    if (!options.required && !named && !existsSync(path)) return body(undefined)
    return body(openLab(path, { create: false, ...(options.engine ? { engine: options.engine } : {}) }).lab)
  })
}
