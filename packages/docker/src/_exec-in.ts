import type Docker from 'dockerode'
import type { DockerConnection } from './connect-docker.js'

/** Runs a command inside a running container (Engine API exec) and returns its exit code and output. */
export function execIn(
  conn: DockerConnection,
  container: string,
  cmd: string[],
): Promise<{ exit: number; output: string }> {
  return execInContainer(conn.docker, container, cmd)
}

/** {@link execIn} on a dockerode client. */
export async function execInContainer(
  docker: Docker,
  container: string,
  cmd: string[],
): Promise<{ exit: number; output: string }> {
  const exec = await docker.getContainer(container).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true })
  const stream = await exec.start({ hijack: true, stdin: false })
  const chunks: Buffer[] = []
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const info = await exec.inspect()
  return { exit: info.ExitCode ?? 1, output: demultiplex(Buffer.concat(chunks)) }
}

/** The payload of Docker's multiplexed exec stream: frames of an 8-byte header (stream, 0, 0, 0, size) and data. */
function demultiplex(raw: Buffer): string {
  let out = ''
  for (let at = 0; at + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(at + 4)
    out += raw.subarray(at + 8, at + 8 + size).toString('utf8')
    at += 8 + size
  }
  return out
}
