import { describe, expect, test } from 'vitest'
import { resolveName } from '../dataplane/resolve-name.js'
import { findContainer } from '../model/lookup.js'
import type { EngineVersion } from '../model/state.js'
import { runDocker } from './execute.js'
import { createLab } from './lab.js'
import { toJSON } from './serialize.js'

const ENGINES: EngineVersion[] = ['20.10', '28']

function labWith(engine: EngineVersion, ...lines: string[]) {
  const lab = createLab({ engine })
  for (const line of lines) expect(runDocker(lab, line).exitCode, line).toBe(0)
  return lab
}

describe.each(ENGINES)('docker rename on %s', (engine) => {
  const setup = [
    'docker network create twrn',
    'docker run -d --name twa --network twrn --network-alias twal nginx',
    'docker create --name twb nginx',
  ]

  test("the refusals are the daemon's (as 20.10.24 and 28.5.2 print them), and change nothing", () => {
    const lab = labWith(engine, ...setup)
    const twb = findContainer(lab, 'twb')?.id
    const before = toJSON(lab)
    const refusal = (line: string) => {
      const r = runDocker(lab, line)
      return [r.exitCode, r.error]
    }
    const failed = '\nError: failed to rename container named'
    expect(refusal('docker rename twa twb')).toEqual([
      1,
      `Error response from daemon: Error when allocating new name: Conflict. The container name "/twb" is already in use by container "${twb}". You have to remove (or rename) that container to be able to reuse that name.${failed} twa\n`,
    ])
    expect(refusal('docker rename twa twa')).toEqual([
      1,
      `Error response from daemon: Renaming a container with the same name as its current name${failed} twa\n`,
    ])
    expect(refusal('docker rename nosuch twc')).toEqual([
      1,
      `Error response from daemon: No such container: nosuch${failed} nosuch\n`,
    ])
    expect(refusal("docker rename twa 'bad name'")).toEqual([
      1,
      `Error response from daemon: Error when allocating new name: Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed${failed} twa\n`,
    ])
    expect(refusal("docker rename twa ''")).toEqual([1, 'Error: Neither old nor new names may be empty\n'])
    expect(toJSON(lab)).toBe(before)
  })

  test('the embedded DNS answers the new name at once, and no longer the old one; the alias stays', () => {
    const lab = labWith(engine, ...setup, 'docker rename twa twc', 'docker rename twb twd')
    const twc = findContainer(lab, 'twc')
    expect(twc).toBeDefined()
    expect(findContainer(lab, 'twa')).toBeUndefined()
    const from = twc as NonNullable<typeof twc>
    expect(resolveName(lab, { from, name: 'twc' }).resolved).toBe(true)
    expect(resolveName(lab, { from, name: 'twa' }).resolved).toBe(false)
    expect(resolveName(lab, { from, name: 'twal' }).resolved).toBe(true)
    // The old name is free again, the stopped one renamed too.
    expect(runDocker(lab, 'docker create --name twa nginx').exitCode).toBe(0)
    expect(findContainer(lab, 'twd')?.state).toBe('created')
  })

  test('inspect follows: .Name, and on 28 DNSNames rebuilt from the new name (seen on 28.5.2)', () => {
    const lab = labWith(engine, ...setup, 'docker rename twa twc')
    const short = findContainer(lab, 'twc')?.id.slice(0, 12)
    const format =
      engine === '28'
        ? "'{{.Name}} {{json .NetworkSettings.Networks.twrn.Aliases}} {{json .NetworkSettings.Networks.twrn.DNSNames}}'"
        : "'{{.Name}} {{json .NetworkSettings.Networks.twrn.Aliases}}'"
    const out = runDocker(lab, `docker inspect -f ${format} twc`).output
    expect(out).toBe(
      engine === '28' ? `/twc ["twal"] ["twc","twal","${short}"]\n` : `/twc ["twal","${short}"]\n`,
    )
  })

  test('a legacy link follows its renamed child, its alias kept', () => {
    const lab = labWith(engine, 'docker run -d --name db nginx', 'docker run -d --name web --link db nginx')
    expect(runDocker(lab, 'docker rename db store').exitCode).toBe(0)
    expect(runDocker(lab, "docker inspect -f '{{json .HostConfig.Links}}' web").output).toBe(
      '["/store:/web/db"]\n',
    )
    expect(runDocker(lab, 'docker restart web').exitCode).toBe(0)
    // The hosts line the restart writes, as on both engines: the alias, the child's short id, its new name.
    const short = findContainer(lab, 'store')?.id.slice(0, 12)
    expect(findContainer(lab, 'web')?.etc?.hosts).toContain(`172.17.0.2\tdb ${short} store\n`)
  })
})
