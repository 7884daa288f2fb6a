import { describe, expect, it } from 'vitest'
import { atoiGo, parseGoBool, parseGoInt, parseGoUint } from './go-strconv.js'

describe('parseGoInt / parseGoUint (base 0, as pflag uses them)', () => {
  it('reads Go literals', () => {
    expect(parseGoInt('10', 0, 64)).toBe(10n)
    expect(parseGoInt('0x10', 0, 64)).toBe(16n)
    expect(parseGoInt('010', 0, 64)).toBe(8n)
    expect(parseGoInt('0o17', 0, 64)).toBe(15n)
    expect(parseGoInt('0b101', 0, 64)).toBe(5n)
    expect(parseGoInt('1_000', 0, 64)).toBe(1000n)
    expect(parseGoInt('-9223372036854775808', 0, 64)).toBe(-9223372036854775808n)
    expect(parseGoUint('65535', 0, 16)).toBe(65535n)
  })

  it('reports Go’s error texts', () => {
    expect(() => parseGoInt('x', 0, 64)).toThrow('strconv.ParseInt: parsing "x": invalid syntax')
    expect(() => parseGoInt('', 0, 64)).toThrow('strconv.ParseInt: parsing "": invalid syntax')
    expect(() => parseGoInt('99999999999999999999', 0, 64)).toThrow(
      'strconv.ParseInt: parsing "99999999999999999999": value out of range',
    )
    expect(() => parseGoInt('9223372036854775808', 0, 64)).toThrow('value out of range')
    expect(() => parseGoInt('08', 0, 64)).toThrow('strconv.ParseInt: parsing "08": invalid syntax')
    expect(() => parseGoInt('_1', 0, 64)).toThrow('invalid syntax')
    expect(() => parseGoInt('1__0', 0, 64)).toThrow('invalid syntax')
    expect(() => parseGoUint('70000', 0, 16)).toThrow(
      'strconv.ParseUint: parsing "70000": value out of range',
    )
    expect(() => parseGoUint('-1', 0, 16)).toThrow('strconv.ParseUint: parsing "-1": invalid syntax')
    expect(() => parseGoUint('1_0', 10, 16)).toThrow('invalid syntax')
  })
})

describe('parseGoUint on plain decimal digits (read as a Number)', () => {
  it('gives what the digit-by-digit reading gives, up to the edge of the bit size', () => {
    expect(parseGoUint('65535', 10, 16)).toBe(65535n)
    expect(() => parseGoUint('65536', 10, 16)).toThrow(
      'strconv.ParseUint: parsing "65536": value out of range',
    )
    expect(parseGoUint('007', 10, 16)).toBe(7n)
    expect(parseGoUint('0', 0, 16)).toBe(0n)
    expect(parseGoUint('999999999999999', 0, 64)).toBe(999999999999999n)
    expect(parseGoUint('18446744073709551615', 0, 64)).toBe(18446744073709551615n)
    expect(() => parseGoUint('18446744073709551616', 0, 64)).toThrow('value out of range')
  })
})

describe('parseGoBool / atoiGo', () => {
  it('accepts Go’s spellings only', () => {
    for (const yes of ['1', 't', 'T', 'true', 'TRUE', 'True']) expect(parseGoBool(yes)).toBe(true)
    for (const no of ['0', 'f', 'F', 'false', 'FALSE', 'False']) expect(parseGoBool(no)).toBe(false)
    expect(() => parseGoBool('yes')).toThrow('strconv.ParseBool: parsing "yes": invalid syntax')
  })

  it('parses decimal with a sign', () => {
    expect(atoiGo('+5')).toBe(5)
    expect(atoiGo('-3')).toBe(-3)
    expect(atoiGo('0x5')).toBeUndefined()
  })
})
