/**
 * A seeded, counter-based generator: every ID netmodes invents (network and
 * container IDs, veth names) comes from here, so one scenario always yields
 * the same result and the generator's whole state is two numbers in the lab.
 */

export interface RngState {
  seed: number
  counter: number
}

/** splitmix32 of (seed, counter): a pure function, so state is just the counter. */
function mix(seed: number, counter: number): number {
  let z = (seed + Math.imul(counter + 1, 0x9e3779b9)) >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

/** `HEX_PAIRS[b]` is byte b as two lower-case hex digits. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/**
 * Draws `length` lower-case hex digits and advances the state.
 *
 * @example
 * const rng = { seed: 1, counter: 0 }
 * drawHex(rng, 64) // a network id
 */
export function drawHex(rng: RngState, length: number): string {
  let out = ''
  while (out.length < length) {
    const word = mix(rng.seed, rng.counter)
    // Two bytes per table read: every container draws a few 64-digit ids, and
    // toString(16) + padStart per word was a tenth of a `docker run`.
    out += `${HEX_PAIRS[word >>> 24]}${HEX_PAIRS[(word >>> 16) & 0xff]}${HEX_PAIRS[(word >>> 8) & 0xff]}${HEX_PAIRS[word & 0xff]}`
    rng.counter += 1
  }
  return out.length === length ? out : out.slice(0, length)
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz'

/** Draws `length` base-36 characters: the shape of swarm object IDs (25 of them). */
export function drawBase36(rng: RngState, length: number): string {
  const hex = drawHex(rng, length * 2)
  let out = ''
  for (let i = 0; i < length; i++) out += BASE36[Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36]
  return out
}

/**
 * Draws again while the value is taken. Docker's random IDs (stringid,
 * 256 bits) never meet; a lab's generator can meet its own earlier draws when
 * a lab file's counter was rewound, and two objects would then share an id.
 *
 * @example
 * drawUnused(() => drawHex(lab.rng, 64), (id) => id in lab.containers)
 */
export function drawUnused(draw: () => string, isUsed: (value: string) => boolean): string {
  for (let tries = 0; tries < 10_000; tries++) {
    const value = draw()
    if (!isUsed(value)) return value
  }
  throw new Error('the id generator keeps drawing ids that are taken')
}
