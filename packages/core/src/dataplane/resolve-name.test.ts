import { describe, expect, test } from 'vitest'
import { runDocker } from '../engine/execute.js'
import { createLab } from '../engine/lab.js'
import type { Container } from '../model/docker.js'
import { findContainer } from '../model/lookup.js'
import { resolveName } from './resolve-name.js'

function lab(...lines: string[]) {
  const l = createLab()
  for (const line of lines) expect(runDocker(l, line).ok, line).toBe(true)
  return { lab: l, c: (name: string) => findContainer(l, name) as Container }
}

describe('resolveName', () => {
  test('on a user-defined network, by container name and by alias, through the embedded DNS', () => {
    const { lab: l, c } = lab(
      'docker network create app',
      'docker run -d --name web --network app nginx',
      'docker run -d --name db --network app --network-alias database redis',
    )
    expect(resolveName(l, { from: c('web'), name: 'db' })).toMatchObject({
      resolved: true,
      address: '172.18.0.3',
      via: 'name',
    })
    expect(resolveName(l, { from: c('web'), name: 'database' })).toMatchObject({
      resolved: true,
      address: '172.18.0.3',
      via: 'alias',
    })
    // Docker adds the short id as an alias on user-defined networks.
    expect(resolveName(l, { from: c('web'), name: c('db').id.slice(0, 12) })).toMatchObject({
      resolved: true,
    })
  })

  test('on the default bridge, nothing resolves (only --link would)', () => {
    const { lab: l, c } = lab('docker run -d --name web nginx', 'docker run -d --name db redis')
    expect(resolveName(l, { from: c('web'), name: 'db' })).toEqual({
      resolved: false,
      why: 'default-bridge',
      networks: ['bridge'],
    })
  })

  test('only names on the networks the asker is on', () => {
    const { lab: l, c } = lab(
      'docker network create front',
      'docker network create back',
      'docker run -d --name web --network front nginx',
      'docker run -d --name db --network back redis',
    )
    expect(resolveName(l, { from: c('web'), name: 'db' })).toEqual({
      resolved: false,
      why: 'no-common-network',
      networks: ['front'],
    })
  })

  test("container mode asks its owner's sandbox; host mode has no embedded DNS", () => {
    const { lab: l, c } = lab(
      'docker network create app',
      'docker run -d --name web --network app nginx',
      'docker run -d --name db --network app redis',
      'docker run -d --name side --network container:web busybox',
      'docker run -d --name hh --network host busybox',
    )
    expect(resolveName(l, { from: c('side'), name: 'db' })).toMatchObject({
      resolved: true,
      address: '172.18.0.3',
    })
    expect(resolveName(l, { from: c('hh'), name: 'db' })).toMatchObject({
      resolved: false,
      why: 'no-embedded-dns',
    })
  })
})
