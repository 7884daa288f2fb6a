import type { AddressPool } from '../../model/daemon-settings.js'
import { readGoCsvRecord } from '../../script/go/go-csv.js'
import { atoiGo } from '../../script/go/go-strconv.js'
import { GoValueError } from '../../script/go/go-value-error.js'

/**
 * One `--default-address-pool base=10.123.0.0/16,size=24`, read as moby's
 * opts.PoolsOpt does: a CSV record of key=value fields, keys compared in
 * lower case, `size` an integer.
 *
 * @example
 * parseAddressPoolOpt('base=10.123.0.0/16,size=24') // { base: '10.123.0.0/16', size: 24 }
 */
export function parseAddressPoolOpt(text: string): AddressPool {
  let base = ''
  let size = 0
  for (const field of readGoCsvRecord(text)) {
    const lower = field.toLowerCase()
    const eq = lower.indexOf('=')
    if (eq < 0) throw new GoValueError(`invalid field '${field}' must be a key=value pair`)
    const key = lower.slice(0, eq)
    const value = lower.slice(eq + 1)
    if (key === 'base') base = value
    else if (key === 'size') {
      const n = atoiGo(value)
      if (n === undefined) throw new GoValueError(`invalid size value: "${text}" (must be integer)`)
      size = n
    } else throw new GoValueError(`unexpected key '${key}' in '${field}'`)
  }
  return { base, size }
}
