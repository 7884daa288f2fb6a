/**
 * docker's opts.NetworkOpt, the value of `--network`/`--net`: either a plain
 * network name/mode, or the long form "name=n,alias=a,ip=...,driver-opt=k=v".
 */
import { readGoCsvRecord } from '../go/go-csv.js'
import { GoValueError } from '../go/go-value-error.js'

/**
 * One `--network` occurrence as docker's NetworkAttachmentOpts holds it.
 *
 * @example
 * const a: NetworkAttachmentOpts = { target: 'lab', aliases: [], driverOpts: new Map(), ipv4: '', ipv6: '' }
 */
export interface NetworkAttachmentOpts {
  target: string
  aliases: string[]
  driverOpts: Map<string, string>
  ipv4: string
  ipv6: string
}

// docker tests the long form with an unanchored \w+=\w+ match, so any
// "word=word" inside the value switches to CSV parsing.
const LONG_SYNTAX = /[A-Za-z0-9_]+=[A-Za-z0-9_]+/

/**
 * Parses one `--network` value, throwing docker's error text.
 *
 * @example
 * parseNetworkOpt('name=lab,alias=web') // { target: 'lab', aliases: ['web'], ... }
 * parseNetworkOpt('host') // { target: 'host', aliases: [], ... }
 */
export function parseNetworkOpt(value: string): NetworkAttachmentOpts {
  const attachment: NetworkAttachmentOpts = {
    target: '',
    aliases: [],
    driverOpts: new Map(),
    ipv4: '',
    ipv6: '',
  }
  if (!LONG_SYNTAX.test(value)) {
    attachment.target = value
    return attachment
  }
  for (const field of readGoCsvRecord(value)) {
    const eq = field.indexOf('=')
    if (eq < 0) throw new GoValueError(`invalid field ${field}`)
    // docker lower-cases keys *and* values of the long form.
    const key = field.slice(0, eq).trim().toLowerCase()
    const fieldValue = field
      .slice(eq + 1)
      .trim()
      .toLowerCase()
    switch (key) {
      case 'name':
        attachment.target = fieldValue
        break
      case 'alias':
        attachment.aliases.push(fieldValue)
        break
      case 'ip':
        attachment.ipv4 = fieldValue
        break
      case 'ip6':
        attachment.ipv6 = fieldValue
        break
      case 'driver-opt': {
        const optEq = fieldValue.indexOf('=')
        if (optEq < 0) throw new GoValueError('invalid key value pair format in driver options')
        attachment.driverOpts.set(fieldValue.slice(0, optEq).trim(), fieldValue.slice(optEq + 1).trim())
        break
      }
      default:
        throw new GoValueError(`invalid field key ${key}`)
    }
  }
  if (attachment.target.length === 0) throw new GoValueError('network name/id is not specified')
  return attachment
}
