import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import { explainContainer, explainIptables } from './explain.js'

function richLab() {
  const lab = createLab()
  for (const line of [
    'docker network create --subnet 10.88.0.0/24 app',
    'docker network create --internal secret',
    'docker network create -o com.docker.network.bridge.enable_icc=false noicc',
    'docker run -d --name web --network app -p 8080:80 nginx',
    'docker run -d --name db --network secret postgres',
    'docker run -d --name side --network container:web busybox',
    'docker run -d --name mon --network host busybox',
    'docker run -d --name vault --network none busybox',
    'docker run -d --name legacy -p 127.0.0.1:9090:90/udp busybox',
    'docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 -o parent=eth0 lan',
    'docker run -d --name printer --network lan busybox',
  ]) {
    expect(runDocker(lab, line).exitCode, line).toBe(0)
  }
  return lab
}

describe.each(['en', 'zh-CN'] as const)('explanations in %s', (lang) => {
  const lab = richLab()
  test('every rule Docker wrote gets a sentence of its own (none is "not Docker\'s")', () => {
    for (const table of ['nat', 'filter'] as const) {
      const rules = explainIptables(lab, table, lang)
      expect(rules.length).toBeGreaterThan(10)
      for (const r of rules) {
        expect(r.why, r.text).not.toMatch(/not write|不是 Docker 写入/)
        expect(r.why.length).toBeGreaterThan(10)
      }
    }
  })
  test('each mode is explained about the lab itself', () => {
    const web = lab.containers[lab.containerNames.web ?? '']!
    const ep = Object.values(lab.networks.find((n) => n.name === 'app')!.endpoints)[0]!
    const text = explainContainer(lab, 'web', lang).join(' ')
    expect(text).toContain(ep.hostVeth!)
    expect(text).toContain(lab.networks.find((n) => n.name === 'app')!.device!)
    expect(text).toContain('10.88.0.2/24')
    expect(web.state).toBe('running')
    expect(explainContainer(lab, 'side', lang).join(' ')).toContain('web')
    expect(explainContainer(lab, 'mon', lang)[0]).toMatch(/host/)
    expect(explainContainer(lab, 'vault', lang)[0]).toMatch(/none/)
    expect(explainContainer(lab, 'printer', lang)[0]).toMatch(/macvlan.*eth0/)
  })
})

test("the Chinese explanation uses the seed article's terms", () => {
  const text = explainContainer(richLab(), 'web', 'zh-CN').join('')
  for (const term of ['veth pair', '网桥', 'Network namespace', '宿主机']) expect(text).toContain(term)
})
