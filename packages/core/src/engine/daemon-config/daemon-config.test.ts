import { describe, expect, test } from 'vitest'
import { checkDaemonSettings, mergeDaemonSettings } from './daemon-config.js'
import { DaemonConfigError } from './daemon-config-error.js'
import { parseDaemonJson } from './daemon-json.js'
import { parseDockerdArgs } from './dockerd-flags.js'

describe('dockerd flags', () => {
  test('are read into daemon.json keys, only those given', () => {
    expect(
      parseDockerdArgs([
        '--bip=10.99.0.1/24',
        '--fixed-cidr',
        '10.99.0.128/25',
        '--mtu=1400',
        '--icc=false',
        '--ip-masq=false',
        '--iptables',
        '--default-address-pool',
        'base=10.123.0.0/16,size=24',
        '--default-address-pool=Base=10.124.0.0/16,SIZE=26',
        '--default-network-opt=bridge=com.docker.network.driver.mtu=1450',
      ]),
    ).toEqual({
      bip: '10.99.0.1/24',
      'fixed-cidr': '10.99.0.128/25',
      mtu: 1400,
      icc: false,
      'ip-masq': false,
      iptables: true,
      'default-address-pools': [
        { base: '10.123.0.0/16', size: 24 },
        { base: '10.124.0.0/16', size: 26 },
      ],
      'default-network-opts': { bridge: { 'com.docker.network.driver.mtu': '1450' } },
    })
    expect(parseDockerdArgs([])).toEqual({})
  })

  test.each([
    [['--bipp=1'], 'dockerd: unknown flag: --bipp'],
    [['--icc=maybe'], 'invalid argument "maybe" for "--icc" flag'],
    [['--mtu=big'], 'invalid argument "big" for "--mtu" flag'],
    [['--default-address-pool', 'base=10.0.0.0/8,step=24'], "unexpected key 'step' in 'step=24'"],
    [['--default-address-pool', 'base=10.0.0.0/8,size=x'], 'invalid size value'],
    [['--default-network-opt', 'bridge'], 'invalid key value pair format: bridge'],
    [['start'], '"dockerd" accepts no arguments'],
  ])('%j is refused as dockerd refuses it', (args, message) => {
    expect(() => parseDockerdArgs(args)).toThrow(DaemonConfigError)
    expect(() => parseDockerdArgs(args)).toThrow(message)
  })
})

describe('daemon.json', () => {
  test('keeps the modelled settings and leaves out what does not touch the network', () => {
    expect(
      parseDaemonJson(
        JSON.stringify({
          bip: '10.99.0.1/24',
          'default-address-pools': [{ base: '10.123.0.0/16', size: 24 }],
          'userland-proxy': false,
          'log-driver': 'journald',
          'registry-mirrors': [],
        }),
      ),
    ).toEqual({
      bip: '10.99.0.1/24',
      'default-address-pools': [{ base: '10.123.0.0/16', size: 24 }],
      'userland-proxy': false,
    })
  })

  test.each([
    ['{', 'daemon.json: '],
    ['[]', 'must be a JSON object'],
    ['{"bipp": "x", "mtuu": 1}', "the following directives don't match any configuration option: bipp, mtuu"],
    ['{"icc": "false"}', 'cannot unmarshal string into Go struct field Config.icc of type bool'],
    ['{"mtu": 1400.5}', 'cannot unmarshal number into Go struct field Config.mtu of type int'],
    ['{"dns": ["10.0.0.2"]}', 'netmodes does not model "dns" yet'],
  ])('%s is refused with a clear reason', (text, message) => {
    expect(() => parseDaemonJson(text)).toThrow(message)
  })
})

describe('starting the daemon', () => {
  test('a setting given as a flag and in the file stops dockerd, naming both values', () => {
    expect(() => mergeDaemonSettings({ bip: '10.1.0.1/24', mtu: 1400 }, { bip: '10.2.0.1/24' })).toThrow(
      'the following directives are specified both as a flag and in the configuration file: bip: (from flag: 10.2.0.1/24, from file: 10.1.0.1/24)',
    )
    expect(mergeDaemonSettings({ mtu: 1400 }, { icc: false })).toEqual({ mtu: 1400, icc: false })
  })

  test.each([
    [{ bip: '10.99.0.1' }, 'bip: invalid CIDR address: 10.99.0.1'],
    [{ bip: 'fd00::1/64' }, 'must be an IPv4 CIDR'],
    [
      { bip: '10.99.0.1/24', 'fixed-cidr': '10.98.0.0/25' },
      "fixed-cidr 10.98.0.0/25 is not within bip's subnet",
    ],
    [{ bip: '10.99.0.1/24', 'fixed-cidr': '10.99.0.0/16' }, "is not within bip's subnet"],
    [{ 'default-address-pools': [{ base: '10.0.0.0/16', size: 8 }] }, 'size 8 does not fit base 10.0.0.0/16'],
    [{ mtu: 20 }, 'invalid default MTU: 20'],
    [{ 'default-network-opts': {} }, 'has no "default-network-opts" setting'],
  ])('%j is refused before anything is built', (settings, message) => {
    const known = ['bip', 'fixed-cidr', 'default-address-pools', 'mtu'] as const
    expect(() => checkDaemonSettings(settings, known)).toThrow(message)
  })
})
