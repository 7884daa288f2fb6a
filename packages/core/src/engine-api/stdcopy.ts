/**
 * The engine's multiplexed stream (moby pkg/stdcopy StdWriter): each write
 * is one frame, an 8-byte header — the stream (1 stdout, 2 stderr), three
 * zero bytes, the payload's length as a big-endian uint32 — then the
 * payload. A container without a TTY answers an attach or an exec this way,
 * and the docker CLI splits it back into its stdout and stderr.
 */
import { utf8Bytes } from '../script/go/utf8-bytes.js'

/** One write of a process to its stdout (1) or stderr (2). */
export interface StreamFrame {
  fd: 1 | 2
  data: string
}

/**
 * The frames as the bytes on the wire.
 *
 * @example
 * encodeStdcopy([{ fd: 1, data: 'hi\n' }]) // Uint8Array [1, 0, 0, 0, 0, 0, 0, 3, 104, 105, 10]
 */
export function encodeStdcopy(frames: readonly StreamFrame[]): Uint8Array {
  const parts = frames.filter((f) => f.data !== '').map((f) => ({ fd: f.fd, bytes: utf8Bytes(f.data) }))
  const out = new Uint8Array(parts.reduce((n, p) => n + 8 + p.bytes.length, 0))
  let at = 0
  for (const p of parts) {
    out[at] = p.fd
    new DataView(out.buffer).setUint32(at + 4, p.bytes.length)
    out.set(p.bytes, at + 8)
    at += 8 + p.bytes.length
  }
  return out
}

/**
 * What a TTY exec sends: stdout and stderr merged, each newline as the
 * terminal's line discipline writes it (ONLCR: "\r\n", as `docker exec -t`
 * shows on both engines).
 *
 * @example
 * encodeRaw([{ fd: 1, data: 'hi\n' }]) // Uint8Array [104, 105, 13, 10]
 */
export function encodeRaw(frames: readonly StreamFrame[]): Uint8Array {
  return Uint8Array.from(utf8Bytes(frames.map((f) => f.data.replace(/\n/g, '\r\n')).join('')))
}
