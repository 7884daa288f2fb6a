import { describe, expect, test } from 'vitest'
import { ListenSyntaxError, parseListenStatement } from './listen-statement.js'
import { parseScenario } from './scenario.js'

describe('listen statements', () => {
  test('listen C PORT[/PROTO] [ADDRESS]', () => {
    expect(parseListenStatement('listen web 80')).toEqual({
      target: 'web',
      port: 80,
      protocol: 'tcp',
      address: '::',
    })
    expect(parseListenStatement('listen host 53/udp 127.0.0.1')).toEqual({
      target: 'host',
      port: 53,
      protocol: 'udp',
      address: '127.0.0.1',
    })
  })

  test('a malformed line names what is wrong', () => {
    expect(() => parseListenStatement('listen web')).toThrow(ListenSyntaxError)
    expect(() => parseListenStatement('listen web 0')).toThrowErrorMatchingInlineSnapshot(
      `[ListenSyntaxError: listen: expected "listen CONTAINER|host PORT[/tcp|/udp] [IPV4-ADDRESS|::]", got "listen web 0" (the port must be 1-65535)]`,
    )
    expect(() => parseListenStatement('listen web 80/sctp')).toThrow(/the port must be 1-65535/)
    expect(() => parseListenStatement('listen web 80 localhost')).toThrow(/must be an IPv4 address/)
  })

  test('a scenario holds them as statements, and refuses a bad one with its line', () => {
    expect(parseScenario('docker run -d --name web nginx\nlisten web 8080/tcp\n')).toEqual([
      { kind: 'docker', line: 1, text: 'docker run -d --name web nginx' },
      { kind: 'listen', line: 2, text: 'listen web 8080/tcp' },
    ])
    expect(() => parseScenario('# x\nlisten web port')).toThrow(/line 2/)
  })
})
