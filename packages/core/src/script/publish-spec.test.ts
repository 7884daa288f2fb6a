import { describe, expect, it } from 'vitest'
import { parsePublishSpec } from './publish-spec.js'
import { UsageError } from './usage-error.js'

describe('parsePublishSpec', () => {
  it('parses the short forms', () => {
    expect(parsePublishSpec('80')).toEqual([{ hostIp: '', hostPort: '', containerPort: 80, proto: 'tcp' }])
    expect(parsePublishSpec('8080:80')).toEqual([
      { hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec('127.0.0.1:8080:80')).toEqual([
      { hostIp: '127.0.0.1', hostPort: '8080', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec('127.0.0.1::80')).toEqual([
      { hostIp: '127.0.0.1', hostPort: '', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec(':80')).toEqual([{ hostIp: '', hostPort: '', containerPort: 80, proto: 'tcp' }])
  })

  it('reads the protocol suffix case-insensitively', () => {
    expect(parsePublishSpec('53:53/udp')).toEqual([
      { hostIp: '', hostPort: '53', containerPort: 53, proto: 'udp' },
    ])
    expect(parsePublishSpec('80/TCP')).toEqual([
      { hostIp: '', hostPort: '', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec('9/sctp')).toEqual([
      { hostIp: '', hostPort: '', containerPort: 9, proto: 'sctp' },
    ])
    // A trailing '/' means tcp; anything after a second '/' is ignored.
    expect(parsePublishSpec('80/')[0]?.proto).toBe('tcp')
    expect(parsePublishSpec('80/udp/x')[0]?.proto).toBe('udp')
  })

  it('strips the brackets of an IPv6 host address', () => {
    expect(parsePublishSpec('[::1]:80:80')).toEqual([
      { hostIp: '::1', hostPort: '80', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec('[1.2.3.4]:80:80')[0]?.hostIp).toBe('1.2.3.4')
    expect(parsePublishSpec('[]:80:80')[0]?.hostIp).toBe('')
  })

  it('expands equal-sized ranges to one spec per port', () => {
    expect(parsePublishSpec('8000-8002:8000-8002')).toEqual([
      { hostIp: '', hostPort: '8000', containerPort: 8000, proto: 'tcp' },
      { hostIp: '', hostPort: '8001', containerPort: 8001, proto: 'tcp' },
      { hostIp: '', hostPort: '8002', containerPort: 8002, proto: 'tcp' },
    ])
    expect(parsePublishSpec('7000-7001/udp')).toEqual([
      { hostIp: '', hostPort: '', containerPort: 7000, proto: 'udp' },
      { hostIp: '', hostPort: '', containerPort: 7001, proto: 'udp' },
    ])
  })

  it('keeps a host range feeding a single container port', () => {
    expect(parsePublishSpec('8000-8010:80')).toEqual([
      { hostIp: '', hostPort: '8000-8010', containerPort: 80, proto: 'tcp' },
    ])
  })

  it('normalizes numbers as Go prints them, and reads only two range parts', () => {
    expect(parsePublishSpec('080:080')).toEqual([
      { hostIp: '', hostPort: '80', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec('0:0')).toEqual([{ hostIp: '', hostPort: '0', containerPort: 0, proto: 'tcp' }])
    // nat.ParsePortRange ignores a third '-' part (the CLI accepts this).
    expect(parsePublishSpec('1-2-3:1-2-3')).toHaveLength(2)
  })

  it('accepts the long syntax', () => {
    expect(parsePublishSpec('published=8080,target=80')).toEqual([
      { hostIp: '', hostPort: '8080', containerPort: 80, proto: 'tcp' },
    ])
    expect(parsePublishSpec('target=53,protocol=udp')).toEqual([
      { hostIp: '', hostPort: '', containerPort: 53, proto: 'udp' },
    ])
    expect(parsePublishSpec('published=8080,target=80,mode=host')).toHaveLength(1)
  })

  it('words errors for docker create as create does', () => {
    expect(() => parsePublishSpec('abc', 'create')).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: docker: Invalid containerPort: abc.
      See 'docker create --help'.]
    `)
  })

  // [-p value, stderr of `docker run -p VALUE img` without its final newline],
  // observed with docker CLI 20.10.24 (exit code 125 for all).
  const OBSERVED: [string, string][] = [
    ['abc', "docker: Invalid containerPort: abc.\nSee 'docker run --help'."],
    ['80:abc', "docker: Invalid containerPort: abc.\nSee 'docker run --help'."],
    ['80/foo', "docker: Invalid proto: foo.\nSee 'docker run --help'."],
    ['1.2.3:80:80', "docker: Invalid ip address: 1.2.3.\nSee 'docker run --help'."],
    [
      '::1:80:80',
      "docker: Invalid ip address ::1: address ::1:: too many colons in address.\nSee 'docker run --help'.",
    ],
    [
      '[::1:80:80',
      "docker: Invalid ip address [::1: address [::1:: missing ']' in address.\nSee 'docker run --help'.",
    ],
    [
      'a]:80:80',
      "docker: Invalid ip address a]: address a]:: unexpected ']' in address.\nSee 'docker run --help'.",
    ],
    [
      '[::1]]:80:80',
      "docker: Invalid ip address [::1]]: address [::1]]:: missing port in address.\nSee 'docker run --help'.",
    ],
    ['[x]:80:80', "docker: Invalid ip address: x.\nSee 'docker run --help'."],
    [
      '8000-8002:80-81',
      "docker: Invalid ranges specified for container and host Ports: 80-81 and 8000-8002.\nSee 'docker run --help'.",
    ],
    [
      '8080:80-81',
      "docker: Invalid ranges specified for container and host Ports: 80-81 and 8080.\nSee 'docker run --help'.",
    ],
    ['80-79', "docker: Invalid containerPort: 80-79.\nSee 'docker run --help'."],
    ['/udp', "docker: No port specified: /udp<empty>.\nSee 'docker run --help'."],
    ['80:/tcp', "docker: No port specified: 80:/tcp<empty>.\nSee 'docker run --help'."],
    ['80-', "docker: Invalid containerPort: 80-.\nSee 'docker run --help'."],
    ['-80', "docker: Invalid containerPort: -80.\nSee 'docker run --help'."],
    ['65536', "docker: Invalid containerPort: 65536.\nSee 'docker run --help'."],
    ['99999:80', "docker: Invalid hostPort: 99999.\nSee 'docker run --help'."],
    ['080x', "docker: Invalid containerPort: 080x.\nSee 'docker run --help'."],
    [
      'published=80,x',
      "docker: invalid publish opts format (should be name=value but got 'x').\nSee 'docker run --help'.",
    ],
    [
      'published=80,target=,protocol=udp',
      "docker: No port specified: 80:/udp<empty>.\nSee 'docker run --help'.",
    ],
    ['target=80,protocol=foo', "docker: Invalid proto: foo.\nSee 'docker run --help'."],
    ['010.1.1.1:80:80', "docker: Invalid ip address: 010.1.1.1.\nSee 'docker run --help'."],
    ['1.2.3.4.5:80:80', "docker: Invalid ip address: 1.2.3.4.5.\nSee 'docker run --help'."],
    [
      '::ffff:1.2.3.4:80:80',
      "docker: Invalid ip address ::ffff:1.2.3.4: address ::ffff:1.2.3.4:: too many colons in address.\nSee 'docker run --help'.",
    ],
    ['[fe80::1%eth0]:80:80', "docker: Invalid ip address: fe80::1%eth0.\nSee 'docker run --help'."],
    ['+80', "docker: Invalid containerPort: +80.\nSee 'docker run --help'."],
    [' 80', "docker: Invalid containerPort:  80.\nSee 'docker run --help'."],
    ['80 ', "docker: Invalid containerPort: 80 .\nSee 'docker run --help'."],
  ]

  it.each(OBSERVED)('rejects %j as docker run does', (raw, stderr) => {
    let error: unknown
    try {
      parsePublishSpec(raw)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).message).toBe(stderr)
    expect((error as UsageError).exitCode).toBe(125)
  })
})
