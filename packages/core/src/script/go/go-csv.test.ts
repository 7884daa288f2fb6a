import { describe, expect, it } from 'vitest'
import { readGoCsvRecord } from './go-csv.js'

describe('readGoCsvRecord', () => {
  it('reads one record', () => {
    expect(readGoCsvRecord('a,b')).toEqual(['a', 'b'])
    expect(readGoCsvRecord('a,"b,c",""')).toEqual(['a', 'b,c', ''])
    expect(readGoCsvRecord('"a""b"')).toEqual(['a"b'])
    expect(readGoCsvRecord(' a , b ')).toEqual([' a ', ' b '])
    expect(readGoCsvRecord('x\n"')).toEqual(['x'])
    expect(readGoCsvRecord('\n\na')).toEqual(['a'])
    expect(readGoCsvRecord('"a\nb",c')).toEqual(['a\nb', 'c'])
  })

  // Texts observed with docker CLI 20.10.24 for `network create --subnet VALUE`.
  it('reports Go 1.19’s positions', () => {
    expect(() => readGoCsvRecord('a"b')).toThrow(
      'parse error on line 1, column 2: bare " in non-quoted-field',
    )
    expect(() => readGoCsvRecord('"ab"c')).toThrow(
      'parse error on line 1, column 4: extraneous or missing " in quoted-field',
    )
    expect(() => readGoCsvRecord('"abc')).toThrow(
      'parse error on line 1, column 5: extraneous or missing " in quoted-field',
    )
    expect(() => readGoCsvRecord('x,"ab"c')).toThrow(
      'parse error on line 1, column 6: extraneous or missing " in quoted-field',
    )
    expect(() => readGoCsvRecord('"abc\n')).toThrow(
      'parse error on line 1, column 6: extraneous or missing " in quoted-field',
    )
    expect(() => readGoCsvRecord('"ab\nc')).toThrow(
      'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field',
    )
    expect(() => readGoCsvRecord('\n\na"b')).toThrow(
      'parse error on line 3, column 2: bare " in non-quoted-field',
    )
    expect(() => readGoCsvRecord('\n')).toThrow('EOF')
  })
})
