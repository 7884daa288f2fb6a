import type { LabState } from '@netmodes/core'

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
} as const

export const output = {
  stdout: (s: string) => process.stdout.write(s),
  stderr: (s: string) => process.stderr.write(s),
}

/** `--port` / `--proto` as the question functions take them (only those given). */
export function flowOptions(args: { port?: unknown; proto?: unknown }): { port?: string; proto?: string } {
  return {
    ...(args.port ? { port: String(args.port) } : {}),
    ...(args.proto ? { proto: String(args.proto) } : {}),
  }
}

/**
 * Opens the lab file (never creating one) and answers a question about it;
 * a missing or damaged lab file is a message on stderr and exit 2.
 */
export async function withLabFile(labFlag: unknown, body: (lab: LabState) => number): Promise<void> {
  const [{ openLab, resolveLabPath }, { guard }] = await Promise.all([
    import('../lab/lab-file.js'),
    import('../lab/guard.js'),
  ])
  process.exitCode = guard(output.stderr, undefined, () => {
    const { lab } = openLab(
      resolveLabPath({ flag: labFlag ? String(labFlag) : undefined, env: process.env }),
      {
        create: false,
      },
    )
    return body(lab)
  })
}
