import { expect, test } from 'vitest'
import { indentGoJson, marshalGoJson } from './go-json.js'

test('json.Indent keeps strings and escapes as sent and empty containers compact', () => {
  expect(indentGoJson('[{"a":[],"b":{},"c":"x,\\"y\\":[","d":[1,{"e":null}]}\n]')).toBe(
    '[\n    {\n        "a": [],\n        "b": {},\n        "c": "x,\\"y\\":[",\n        "d": [\n            1,\n            {\n                "e": null\n            }\n        ]\n    }\n]',
  )
})

test('Go encodes \\b, \\f and the line separators as \\u escapes and leaves < > & alone', () => {
  expect(marshalGoJson({ a: '\b\f\u2028<&>', b: '\\b' })).toBe('{"a":"\\u0008\\u000c\\u2028<&>","b":"\\\\b"}')
})
