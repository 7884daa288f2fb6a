import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { formatIPv4, parseIPv4 } from '../ipam/ipv4.js'
import type { Namespace } from '../model/namespace.js'
import { namespaceOfContainer } from '../views/lab-report.js'
import { indexNamespace } from './namespace-index.js'
import { isLocalAddress, lookupRoute } from './route-lookup.js'

const ip = (text: string) => parseIPv4(text) as number

function setup() {
  const lab = createLab()
  runDocker(lab, 'docker network create app')
  runDocker(lab, 'docker run -d --name web --network app nginx')
  const host = lab.namespaces.host as Namespace
  const web = lab.namespaces[namespaceOfContainer(lab, 'web') ?? ''] as Namespace
  return { lab, host, web }
}

describe('lookupRoute', () => {
  test('the longest prefix wins over the default route', () => {
    const { host } = setup()
    const d = lookupRoute(host, ip('172.18.0.2'))
    expect(d?.kind === 'unicast' && d.route.text).toMatch(
      /^172\.18\.0\.0\/16 dev br-[0-9a-f]{12} proto kernel scope link src 172\.18\.0\.1$/,
    )
    const out = lookupRoute(host, ip('8.8.8.8'))
    expect(out?.kind === 'unicast' && [out.route.text, formatIPv4(out.nextHop), formatIPv4(out.src)]).toEqual(
      ['default via 10.0.2.2 dev eth0', '10.0.2.2', '10.0.2.15'],
    )
  })

  test("a container's default route goes to its network's gateway, from its own address", () => {
    const { web } = setup()
    const d = lookupRoute(web, ip('1.1.1.1'))
    expect(d?.kind === 'unicast' && [d.route.text, formatIPv4(d.nextHop), formatIPv4(d.src)]).toEqual([
      'default via 172.18.0.1 dev eth0',
      '172.18.0.1',
      '172.18.0.2',
    ])
    const onLink = lookupRoute(web, ip('172.18.0.9'))
    expect(onLink?.kind === 'unicast' && formatIPv4(onLink.nextHop)).toBe('172.18.0.9')
  })

  test('own addresses and all of 127.0.0.0/8 are local', () => {
    const { host, web } = setup()
    expect(lookupRoute(host, ip('172.18.0.1'))?.kind).toBe('local')
    expect(lookupRoute(web, ip('127.0.0.53'))?.kind).toBe('local')
    expect(isLocalAddress(indexNamespace(host), ip('10.0.2.15'))).toBe(true)
    expect(isLocalAddress(indexNamespace(host), ip('172.18.0.2'))).toBe(false)
  })

  test('a namespace with only lo has no route out', () => {
    const lab = createLab()
    runDocker(lab, 'docker run -d --name nn --network none busybox')
    const nn = lab.namespaces[namespaceOfContainer(lab, 'nn') ?? ''] as Namespace
    expect(lookupRoute(nn, ip('172.17.0.1'))).toBeUndefined()
  })

  test('the index follows the namespace as containers come and go', () => {
    const { lab, host } = setup()
    const before = indexNamespace(host)
    runDocker(lab, 'docker run -d --name api --network app nginx')
    const after = indexNamespace(host)
    expect(after).not.toBe(before)
    expect(
      after.ports.get(before.routes.find((r) => r.net === ip('172.18.0.0'))?.route.dev ?? ''),
    ).toHaveLength(2)
  })
})
