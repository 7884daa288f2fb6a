import { describe, expect, it } from 'vitest'
import {
  alignedSubnet,
  isAddressOfFamily,
  prefixOf,
  subnetMatches,
  subnets6Overlap,
} from './subnet-family.js'

describe('IPAM settings of either family', () => {
  it('aligns subnets as Go prints them, and refuses what ParseCIDR refuses', () => {
    expect(alignedSubnet('fd00:7::5/64')).toBe('fd00:7::/64')
    expect(alignedSubnet('10.56.0.5/24')).toBe('10.56.0.0/24')
    expect(alignedSubnet('fd00:12::/129')).toBeUndefined()
    expect(prefixOf('fd00:14::/112')).toBe(112)
  })

  it("matches gateways and ranges to subnets as the CLI's subnetMatches does", () => {
    expect(subnetMatches('fd00:2::/64', 'fd00:2::100/120')).toBe(true)
    expect(subnetMatches('fd00:5::/64', 'fd00:6::1')).toBe(false)
    expect(subnetMatches('fd00:4::/64', '10.0.0.1')).toBe(false)
    expect(subnetMatches('fd00:13::/64', 'fd00:13::zz')).toBe(false)
    expect(subnetMatches('10.1.0.0/16', '10.1.2.3')).toBe(true)
  })

  it('tells an address of the family from a CIDR or another family', () => {
    expect(isAddressOfFamily('fd00:17::/64', 'fd00:17::1')).toBe(true)
    expect(isAddressOfFamily('fd00:17::/64', 'fd00:17::1/64')).toBe(false)
    expect(isAddressOfFamily('10.0.0.0/8', 'fd00::1')).toBe(false)
  })

  it('finds IPv6 overlaps when one subnet holds the other', () => {
    expect(subnets6Overlap('fd00:20::/64', 'fd00:20::/80')).toBe(true)
    expect(subnets6Overlap('fd00::/8', 'fd00:20::/64')).toBe(true)
    expect(subnets6Overlap('fd00:20::/64', 'fd00:21::/64')).toBe(false)
  })
})
