import { describe, expect, test } from 'vitest'
import {
  buildResolvConf,
  filterLoopbackNameservers,
  nameserversOf,
  optionsOf,
  searchDomainsOf,
} from './resolv-conf.js'

describe('resolv.conf as libnetwork reads it', () => {
  const host =
    '# written by DHCP\nsearch a.example b.example\nnameserver 127.0.0.53\nnameserver 10.0.2.3 # upstream\noptions edns0 trust-ad\n'
  test('nameservers, search domains and options, comments ignored', () => {
    expect(nameserversOf(host)).toEqual(['127.0.0.53', '10.0.2.3'])
    expect(searchDomainsOf(host)).toEqual(['a.example', 'b.example'])
    expect(optionsOf(host)).toEqual(['edns0', 'trust-ad'])
  })
  test('FilterResolvDNS drops loopback servers and keeps the rest verbatim', () => {
    expect(filterLoopbackNameservers(host)).toBe(
      '# written by DHCP\nsearch a.example b.example\nnameserver 10.0.2.3 # upstream\noptions edns0 trust-ad\n',
    )
  })
  test('with only loopback servers, Google DNS (IPv4 and IPv6) is appended', () => {
    expect(filterLoopbackNameservers('nameserver 127.0.0.53\n')).toBe(
      '\nnameserver 8.8.8.8\nnameserver 8.8.4.4\nnameserver 2001:4860:4860::8888\nnameserver 2001:4860:4860::8844',
    )
  })
  test('Build: search, nameservers, options; a lone "." search is dropped', () => {
    expect(buildResolvConf(['127.0.0.11'], ['example.com'], ['ndots:0'])).toBe(
      'search example.com\nnameserver 127.0.0.11\noptions ndots:0\n',
    )
    expect(buildResolvConf(['198.51.100.1'], ['.'], [])).toBe('nameserver 198.51.100.1\n')
  })
})
