import { describe, expect, test } from 'vitest'
import { formatEndpoint, parseEndpoint, parseListener } from './parse-endpoint.js'

describe('parseEndpoint', () => {
  test('reads every kind of end, with an optional port and protocol', () => {
    expect(parseEndpoint('web')).toEqual({ kind: 'container', name: 'web' })
    expect(parseEndpoint('web:80/tcp')).toEqual({ kind: 'container', name: 'web', port: 80, protocol: 'tcp' })
    expect(parseEndpoint('host')).toEqual({ kind: 'host' })
    expect(parseEndpoint('host:8080/tcp')).toEqual({ kind: 'host', port: 8080, protocol: 'tcp' })
    expect(parseEndpoint('lan')).toEqual({ kind: 'lan' })
    expect(parseEndpoint('internet:53/udp')).toEqual({ kind: 'internet', port: 53, protocol: 'udp' })
    expect(parseEndpoint('10.0.2.99')).toEqual({ kind: 'address', address: '10.0.2.99' })
    expect(parseEndpoint('127.0.0.1:8080/tcp')).toEqual({
      kind: 'address',
      address: '127.0.0.1',
      port: 8080,
      protocol: 'tcp',
    })
    expect(parseEndpoint('db:5432')).toEqual({ kind: 'container', name: 'db', port: 5432 })
  })

  test('a container named like a keyword is written container:NAME, and formats back so', () => {
    const e = parseEndpoint('container:host:80/tcp')
    expect(e).toEqual({ kind: 'container', name: 'host', port: 80, protocol: 'tcp' })
    expect(formatEndpoint(e)).toBe('container:host')
    expect(formatEndpoint(parseEndpoint('web.1'))).toBe('web.1')
  })

  test('bad input names the value and the rule', () => {
    expect(() => parseEndpoint('web:99999/tcp')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: endpoint "web:99999/tcp": port must be 1-65535]`,
    )
    expect(() => parseEndpoint('web:80/icmp')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: endpoint "web:80/icmp": protocol must be tcp or udp]`,
    )
    expect(() => parseEndpoint('10.0.0.256')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: endpoint "10.0.0.256": not an IPv4 address]`,
    )
    expect(() => parseEndpoint('w')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: endpoint "w": a container name is 2+ characters of [a-zA-Z0-9_.-], starting with a letter or digit]`,
    )
  })
})

describe('parseListener', () => {
  test('needs a port; tcp unless told', () => {
    expect(parseListener('host:22')).toEqual({
      endpoint: { kind: 'host', port: 22 },
      port: 22,
      protocol: 'tcp',
    })
    expect(parseListener('lan:53/udp').protocol).toBe('udp')
    expect(() => parseListener('web')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: endpoint "web": a listener needs a port (e.g. web:80/tcp)]`,
    )
  })
})

test('an IPv6 address, bare or in brackets with a port', () => {
  expect(parseEndpoint('fd00:81::2')).toEqual({ kind: 'address', address: 'fd00:81::2' })
  expect(parseEndpoint('[fd00::2]:80')).toEqual({ kind: 'address', address: 'fd00::2', port: 80 })
  expect(parseEndpoint('[::1]:18080/tcp')).toEqual({
    kind: 'address',
    address: '::1',
    port: 18080,
    protocol: 'tcp',
  })
  expect(() => parseEndpoint('[fd00::zz]:80')).toThrow(/not an IPv6 address/)
  expect(parseEndpoint('web:80/tcp')).toEqual({ kind: 'container', name: 'web', port: 80, protocol: 'tcp' })
})
