import { describe, expect, test } from 'vitest'
import { createLab } from '../engine/lab.js'
import { behaviourOf } from './behaviour-of.js'
import { ENGINE_20_10 } from './engine-20-10.js'
import { ENGINE_28 } from './engine-28.js'
import { engineOfServerVersion, parseEngineVersion } from './engine-version.js'

describe('engine versions', () => {
  test('--engine takes exactly 20.10 or 28, and names them when refusing', () => {
    expect(parseEngineVersion('20.10')).toBe('20.10')
    expect(parseEngineVersion('28')).toBe('28')
    expect(() => parseEngineVersion('27')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: engine "27" is not modelled: netmodes models Docker Engine 20.10 and 28 (20.10 or 28)]`,
    )
    expect(() => parseEngineVersion('28.5.2')).toThrow(/not modelled/)
  })

  test("a live engine's /version picks the profile: 20.10.x and 28.x, with distribution suffixes", () => {
    expect(engineOfServerVersion('20.10.24+dfsg1')).toBe('20.10')
    expect(engineOfServerVersion('20.10.7')).toBe('20.10')
    expect(engineOfServerVersion('28.5.2+dfsg4')).toBe('28')
    expect(engineOfServerVersion('28.0.0-rc.1')).toBe('28')
    expect(() => engineOfServerVersion('27.3.1')).toThrowErrorMatchingInlineSnapshot(
      `[NetmodesError: Docker Engine 27.3.1 is not modelled: netmodes models Docker Engine 20.10 and 28 (20.10.x, 28.x); give --engine 20.10 or --engine 28 to compare with one of them anyway]`,
    )
    expect(() => engineOfServerVersion('20.100.1')).toThrow(/not modelled/)
    expect(() => engineOfServerVersion('280.1')).toThrow(/not modelled/)
  })

  test('behaviourOf picks the behaviour from profile.version alone', () => {
    expect(behaviourOf(createLab({ engine: '20.10' }))).toBe(ENGINE_20_10)
    expect(behaviourOf(createLab({ engine: '28' }))).toBe(ENGINE_28)
    expect(behaviourOf({ profile: { ...createLab({ engine: '20.10' }).profile, version: '28' } })).toBe(
      ENGINE_28,
    )
  })

  test('20.10 derives MACs from the address and counts ethN; 28 names the lowest free ethN', () => {
    const lab = createLab({ engine: '20.10' })
    const tx = { lab } as Parameters<typeof ENGINE_20_10.endpointMac>[0]
    expect(ENGINE_20_10.endpointMac(tx, { ipv4: '172.17.0.2', driver: 'bridge' })).toBe('02:42:ac:11:00:02')
    expect(ENGINE_28.endpointMac(tx, { ipv4: '10.0.1.2', driver: 'overlay' })).toBe('02:42:0a:00:01:02')
    const ns = {
      id: 'x',
      nextIfindex: 4,
      routes: [],
      links: ['lo', 'eth0', 'eth2'].map((ifname, i) => ({ ifname, ifindex: i + 1 })),
    } as unknown as Parameters<typeof ENGINE_28.interfaceName>[1]['namespace']
    expect(ENGINE_20_10.interfaceName(tx, { namespace: ns, nextIfIndex: 3 })).toBe('eth3')
    expect(ENGINE_28.interfaceName(tx, { namespace: ns, nextIfIndex: 3 })).toBe('eth1')
  })
})
