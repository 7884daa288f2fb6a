import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { findContainer } from '../model/lookup.js'
import { containerFiles } from './container-files.js'

function lab(lines: string[]) {
  const l = createLab({
    engine: '20.10',
    host: {
      addr: [],
      route: [],
      hostname: 'box',
      resolvConf: 'nameserver 127.0.0.53\nnameserver 10.0.2.3\nsearch lan\n',
      hostsFile: '127.0.0.1 localhost box\n',
    },
  })
  for (const line of lines) {
    expect(runDocker(l, line).error ?? '', line).not.toMatch(/Error/)
  }
  return l
}
const files = (l: ReturnType<typeof createLab>, name: string) => {
  const c = findContainer(l, name)
  if (!c) throw new Error(`no ${name}`)
  return containerFiles(l, c)
}

describe('containerFiles', () => {
  test('default bridge: the host resolv.conf without its loopback server', () => {
    const l = lab(['docker run -d --name web busybox'])
    expect(files(l, 'web')?.resolvConf).toBe('nameserver 10.0.2.3\nsearch lan\n')
  })
  test('host mode: the host files, verbatim', () => {
    const l = lab(['docker run -d --name hostc --network host busybox'])
    expect(files(l, 'hostc')).toEqual({
      hosts: '127.0.0.1 localhost box\n',
      resolvConf: 'nameserver 127.0.0.53\nnameserver 10.0.2.3\nsearch lan\n',
      hostname: 'box\n',
    })
  })
  test('user-defined network: the embedded server, the host search domains kept', () => {
    const l = lab([
      'docker network create --subnet 10.5.0.0/24 app',
      'docker run -d --name api --network app busybox',
    ])
    expect(files(l, 'api')?.resolvConf).toBe('search lan\nnameserver 127.0.0.11\noptions ndots:0\n')
  })
  test('a disconnect removes the container lines of every network', () => {
    const l = lab([
      'docker network create --subnet 10.5.0.0/24 one',
      'docker network create --subnet 10.6.0.0/24 two',
      'docker run -d --name multi --hostname m1 --network one busybox',
      'docker network connect two multi',
    ])
    expect(files(l, 'multi')?.hosts).toMatch(/10\.5\.0\.2\tm1\n10\.6\.0\.2\tm1\n$/)
    runDocker(l, 'docker network disconnect one multi')
    expect(files(l, 'multi')?.hosts).toMatch(/ip6-allrouters\n$/)
  })
  test("a linked child's new address reaches its running parent", () => {
    const l = lab([
      'docker run -d --name kid busybox',
      'docker run -d --name parent --link kid:k busybox',
      'docker stop kid',
      'docker run -d --name filler busybox',
      'docker start kid',
    ])
    expect(files(l, 'parent')?.hosts).toContain(
      `172.17.0.4\tk ${findContainer(l, 'kid')?.id.slice(0, 12)} kid\n`,
    )
  })
  test('--config-from takes the configuration network IPAM and options', () => {
    const l = lab([
      'docker network create --config-only --subnet 10.7.0.0/24 --gateway 10.7.0.254 -o com.docker.network.bridge.enable_icc=false cfg',
      'docker network create --config-from cfg made',
    ])
    expect(
      runDocker(
        l,
        "docker network inspect -f '{{json .IPAM.Config}} {{json .Options}} {{.ConfigFrom.Network}}' made",
      ).output,
    ).toBe(
      '[{"Subnet":"10.7.0.0/24","Gateway":"10.7.0.254"}] {"com.docker.network.bridge.enable_icc":"false"} cfg\n',
    )
    expect(runDocker(l, 'docker network rm cfg').error).toBe(
      'Error response from daemon: error while removing network: configuration network "cfg" is in use\n',
    )
  })
})
