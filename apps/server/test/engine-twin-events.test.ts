/**
 * `docker events` against the twin, through the real docker CLI of each
 * generation: the replay of `--since/--until` and the live stream print what
 * the real engines print for the same commands (20.10.24 and 28.5.2, each
 * driven by its own client; IDs and times masked, as they always differ, and
 * the recorded image's own label left out: a simulated image has none).
 */
import { type ChildProcess, execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EngineVersion } from '@netmodes/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type RunningEngineTwin, startEngineTwin } from '../src/engine-twin/start-engine-twin.js'

const CLIENTS: Record<EngineVersion, string> = { '28': '/usr/local/bin/docker', '20.10': '/usr/bin/docker' }

const SCRIPT = [
  'network create twev',
  'network create twev2',
  'create --name twe1 --network twev netmodes/busybox:test sleep 600',
  'start twe1',
  'network connect twev2 twe1',
  'network disconnect twev2 twe1',
  'stop -t 0 twe1',
  'start twe1',
  'kill twe1',
  'rename twe1 twe2',
  'rm twe2',
  'network rm twev twev2',
]

/** What each real engine printed for SCRIPT (`docker events --since T0 --until T1`), masked. */
const RECORDED: Record<EngineVersion, string[]> = {
  '20.10': [
    'TIME network create ID (name=twev, type=bridge)',
    'TIME network create ID (name=twev2, type=bridge)',
    'TIME container create ID (image=netmodes/busybox:test, name=twe1)',
    'TIME network connect ID (container=ID, name=twev, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twe1)',
    'TIME network connect ID (container=ID, name=twev2, type=bridge)',
    'TIME network disconnect ID (container=ID, name=twev2, type=bridge)',
    'TIME network disconnect ID (container=ID, name=twev2, type=bridge)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twe1, signal=15)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twe1, signal=9)',
    'TIME container die ID (exitCode=137, image=netmodes/busybox:test, name=twe1)',
    'TIME network disconnect ID (container=ID, name=twev, type=bridge)',
    'TIME container stop ID (image=netmodes/busybox:test, name=twe1)',
    'TIME network connect ID (container=ID, name=twev, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twe1)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twe1, signal=9)',
    'TIME container die ID (exitCode=137, image=netmodes/busybox:test, name=twe1)',
    'TIME network disconnect ID (container=ID, name=twev, type=bridge)',
    'TIME container rename ID (image=netmodes/busybox:test, name=twe2, oldName=/twe1)',
    'TIME container destroy ID (image=netmodes/busybox:test, name=twe2)',
    'TIME network destroy ID (name=twev, type=bridge)',
    'TIME network destroy ID (name=twev2, type=bridge)',
  ],
  '28': [
    'TIME network create ID (name=twev, type=bridge)',
    'TIME network create ID (name=twev2, type=bridge)',
    'TIME container create ID (image=netmodes/busybox:test, name=twe1)',
    'TIME network connect ID (container=ID, name=twev, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twe1)',
    'TIME network connect ID (container=ID, name=twev2, type=bridge)',
    'TIME network disconnect ID (container=ID, name=twev2, type=bridge)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twe1, signal=15)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twe1, signal=9)',
    'TIME network disconnect ID (container=ID, name=twev, type=bridge)',
    'TIME container stop ID (image=netmodes/busybox:test, name=twe1)',
    'TIME container die ID (execDuration=0, exitCode=137, image=netmodes/busybox:test, name=twe1)',
    'TIME network connect ID (container=ID, name=twev, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twe1)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twe1, signal=9)',
    'TIME network disconnect ID (container=ID, name=twev, type=bridge)',
    'TIME container die ID (execDuration=0, exitCode=137, image=netmodes/busybox:test, name=twe1)',
    'TIME container rename ID (image=netmodes/busybox:test, name=twe2, oldName=/twe1)',
    'TIME container destroy ID (image=netmodes/busybox:test, name=twe2)',
    'TIME network destroy ID (name=twev, type=bridge)',
    'TIME network destroy ID (name=twev2, type=bridge)',
  ],
}

/** docker run, restart and rm -f of a running container, as each engine logged them. */
const SCRIPT_2 = [
  'network create twev3',
  'run -d --name twr1 --network twev3 netmodes/busybox:test sleep 600',
  'restart -t 0 twr1',
  'rm -f twr1',
  'network rm twev3',
]
const RECORDED_2: Record<EngineVersion, string[]> = {
  '20.10': [
    'TIME network create ID (name=twev3, type=bridge)',
    'TIME container create ID (image=netmodes/busybox:test, name=twr1)',
    'TIME network connect ID (container=ID, name=twev3, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twr1, signal=15)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twr1, signal=9)',
    'TIME container die ID (exitCode=137, image=netmodes/busybox:test, name=twr1)',
    'TIME network disconnect ID (container=ID, name=twev3, type=bridge)',
    'TIME container stop ID (image=netmodes/busybox:test, name=twr1)',
    'TIME network connect ID (container=ID, name=twev3, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container restart ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twr1, signal=9)',
    'TIME container die ID (exitCode=137, image=netmodes/busybox:test, name=twr1)',
    'TIME network disconnect ID (container=ID, name=twev3, type=bridge)',
    'TIME container destroy ID (image=netmodes/busybox:test, name=twr1)',
    'TIME network destroy ID (name=twev3, type=bridge)',
  ],
  '28': [
    'TIME network create ID (name=twev3, type=bridge)',
    'TIME container create ID (image=netmodes/busybox:test, name=twr1)',
    'TIME network connect ID (container=ID, name=twev3, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twr1, signal=15)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twr1, signal=9)',
    'TIME network disconnect ID (container=ID, name=twev3, type=bridge)',
    'TIME container stop ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container die ID (execDuration=0, exitCode=137, image=netmodes/busybox:test, name=twr1)',
    'TIME network connect ID (container=ID, name=twev3, type=bridge)',
    'TIME container start ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container restart ID (image=netmodes/busybox:test, name=twr1)',
    'TIME container kill ID (image=netmodes/busybox:test, name=twr1, signal=9)',
    'TIME network disconnect ID (container=ID, name=twev3, type=bridge)',
    'TIME container die ID (execDuration=0, exitCode=137, image=netmodes/busybox:test, name=twr1)',
    'TIME container destroy ID (image=netmodes/busybox:test, name=twr1)',
    'TIME network destroy ID (name=twev3, type=bridge)',
  ],
}

const mask = (text: string) =>
  text
    .replace(/[0-9a-f]{64}/g, 'ID')
    .replace(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z/gm, 'TIME')
    .replace(/"time":\d+,"timeNano":\d+/g, '"time":T,"timeNano":N')

describe.each(Object.entries(CLIENTS).filter(([, c]) => existsSync(c)) as [EngineVersion, string][])(
  'docker events from the twin of Docker %s, through its own client',
  (engine, client) => {
    let twin: RunningEngineTwin
    const dir = mkdtempSync(join(tmpdir(), 'netmodes-twin-events-'))
    const env = () => ({
      PATH: process.env.PATH ?? '',
      HOME: dir,
      DOCKER_HOST: twin.dockerHost,
      DOCKER_CONFIG: dir,
    })
    const docker = (args: string[]) =>
      new Promise<{ stdout: string; stderr: string; exit: number | null }>((resolve) => {
        execFile(client, args, { encoding: 'utf8', timeout: 20_000, env: env() }, (error, stdout, stderr) =>
          resolve({ stdout, stderr, exit: error ? (typeof error.code === 'number' ? error.code : null) : 0 }),
        )
      })
    // The twin follows the wall clock here (the default), as `--until <now>` does.
    beforeAll(async () => {
      twin = await startEngineTwin({ listen: `unix://${join(dir, 'docker.sock')}`, engine })
    })
    afterAll(() => twin?.close())

    test("--since/--until replays what the commands did, in the engine's order and words", async () => {
      const since = Math.floor(Date.now() / 1000)
      for (const line of SCRIPT) expect((await docker(line.split(' '))).exit, line).toBe(0)
      const until = String(Math.ceil(Date.now() / 1000) + 1)
      await new Promise((r) => setTimeout(r, 1100))
      const replay = await docker(['events', '--since', String(since), '--until', until])
      expect(replay.stderr).toBe('')
      expect(mask(replay.stdout).split('\n').filter(Boolean)).toEqual(RECORDED[engine])
      // The JSON form: the legacy status/id/from on container events only, as both engines send them.
      const json = await docker(['events', '--since', '0', '--until', until, '--format', '{{json .}}'])
      const lines = mask(json.stdout).split('\n').filter(Boolean)
      expect(lines[0]).toBe(
        '{"Type":"network","Action":"create","Actor":{"ID":"ID","Attributes":{"name":"twev","type":"bridge"}},"scope":"local","time":T,"timeNano":N}',
      )
      expect(lines[2]).toBe(
        '{"status":"create","id":"ID","from":"netmodes/busybox:test","Type":"container","Action":"create","Actor":{"ID":"ID","Attributes":{"image":"netmodes/busybox:test","name":"twe1"}},"scope":"local","time":T,"timeNano":N}',
      )
      // Filters: exact type and event; a container filter keeps that container's own events only.
      const created = await docker([
        'events',
        '--since',
        '0',
        '--until',
        until,
        '--filter',
        'type=network',
        '--filter',
        'event=create',
      ])
      expect(mask(created.stdout)).toBe(
        'TIME network create ID (name=twev, type=bridge)\nTIME network create ID (name=twev2, type=bridge)\n',
      )
      const own = await docker(['events', '--since', '0', '--until', until, '--filter', 'container=twe2'])
      expect(mask(own.stdout).split('\n').filter(Boolean)).toEqual(
        RECORDED[engine].filter((l) => / container (rename|destroy) /.test(l)),
      )
    })

    test('run, restart and rm -f of a running container: the sequences each engine logs', async () => {
      const since = (Date.now() / 1000).toFixed(3)
      for (const line of SCRIPT_2) expect((await docker(line.split(' '))).exit, line).toBe(0)
      const until = (Date.now() / 1000 + 0.001).toFixed(3)
      const replay = await docker(['events', '--since', since, '--until', until])
      expect(mask(replay.stdout).split('\n').filter(Boolean)).toEqual(RECORDED_2[engine])
    })

    test('an exec logs exec_create, exec_start and exec_die with its id, as both engines do', async () => {
      expect(
        (await docker(['run', '-d', '--name', 'twx1', 'netmodes/busybox:test', 'sleep', '600'])).exit,
      ).toBe(0)
      const since = (Date.now() / 1000).toFixed(3)
      expect((await docker(['exec', 'twx1', 'ip', 'route'])).exit).toBe(0)
      expect((await docker(['exec', '-d', 'twx1', 'cat', '/etc/hosts'])).exit).toBe(0)
      const until = (Date.now() / 1000 + 0.001).toFixed(3)
      const replay = await docker(['events', '--since', since, '--until', until, '--format', '{{json .}}'])
      const container = (action: string, extra = '') =>
        `{"status":"${action}","id":"ID","from":"netmodes/busybox:test","Type":"container","Action":"${action}","Actor":{"ID":"ID","Attributes":{"execID":"ID",${extra}"image":"netmodes/busybox:test","name":"twx1"}},"scope":"local","time":T,"timeNano":N}`
      expect(mask(replay.stdout).split('\n').filter(Boolean)).toEqual([
        container('exec_create: ip route'),
        container('exec_start: ip route'),
        container('exec_die', '"exitCode":"0",'),
        container('exec_create: cat /etc/hosts'),
        container('exec_start: cat /etc/hosts'),
        container('exec_die', '"exitCode":"0",'),
      ])
    })

    test('without --until the stream stays open and shows what a later request does', async () => {
      let out = ''
      let child: ChildProcess | undefined
      const seen = new Promise<void>((resolve) => {
        child = execFile(client, ['events', '--filter', 'type=network'], { env: env() })
        child.stdout?.on('data', (chunk: string) => {
          out += chunk
          if (out.includes('\n')) resolve()
        })
      })
      // The client is listening once the twin has a follower.
      await new Promise((r) => setTimeout(r, 500))
      expect((await docker(['network', 'create', 'live1'])).exit).toBe(0)
      await Promise.race([seen, new Promise((r) => setTimeout(r, 5000))])
      child?.kill()
      expect(mask(out)).toBe('TIME network create ID (name=live1, type=bridge)\n')
    })
  },
)
