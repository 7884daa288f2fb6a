/**
 * docker's opts.ParseCPUs (`--cpus 1.5`): a rational number of CPUs that
 * must be a whole number of billionths.
 */
import { GoValueError } from '../go/go-value-error.js'

// big.Rat.SetString's common forms: decimals with an optional exponent, and
// "a/b" fractions. (Base prefixes and underscores, which big.Rat also takes,
// are not modelled.)
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/
const FRACTION = /^([+-]?\d+)\/(\d+)$/

/**
 * Parses `--cpus`, returning nano-CPUs, with docker's error texts.
 *
 * @example
 * parseNanoCpus('1.5') // 1500000000n
 * parseNanoCpus('abc') // throws 'failed to parse abc as a rational number'
 */
export function parseNanoCpus(text: string): bigint {
  let numerator: bigint
  let denominator: bigint
  const fraction = FRACTION.exec(text)
  const decimal = DECIMAL.exec(text)
  if (fraction !== null) {
    numerator = BigInt(fraction[1] ?? '0')
    denominator = BigInt(fraction[2] ?? '1')
    if (denominator === 0n) throw new GoValueError(`failed to parse ${text} as a rational number`)
  } else if (decimal !== null && ((decimal[2] ?? '') !== '' || (decimal[3] ?? '') !== '')) {
    const digits = `${decimal[2] ?? ''}${decimal[3] ?? ''}`
    const exponent = Number(decimal[4] ?? '0') - (decimal[3] ?? '').length
    numerator = BigInt(digits === '' ? '0' : digits) * (decimal[1] === '-' ? -1n : 1n)
    denominator = 1n
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent)
    else denominator = 10n ** BigInt(-exponent)
  } else {
    throw new GoValueError(`failed to parse ${text} as a rational number`)
  }
  const scaled = numerator * 1_000_000_000n
  if (scaled % denominator !== 0n) throw new GoValueError('value is too precise')
  return scaled / denominator
}
