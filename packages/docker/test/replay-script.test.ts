import { NetmodesError } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { recordScenario, replayScript, withReplay } from '../src/index.js'
import { conn, exists, noEngine, uniqueName, uniquePort, uniqueSubnet } from './engine.js'

const ID = /^[0-9a-f]{64}\n$/
const IMAGE = 'netmodes/busybox:test'

describe.skipIf(noEngine)('replayScript on the real engine', () => {
  test('creates a network and two containers; the ids it prints are the engine’s', async () => {
    const net = uniqueName('app')
    const web = uniqueName('web')
    const db = uniqueName('db')
    const port = uniquePort()
    const { subnet, base } = uniqueSubnet()
    const replay = await replayScript(
      conn(),
      [
        `docker network create --subnet ${subnet} ${net}`,
        `docker run -d --name ${web} --network ${net} -p ${port}:80 ${IMAGE} sleep 3600`,
        `docker run -d --name ${db} --network ${net} --ip ${base}.50 ${IMAGE} sleep 3600`,
      ].join('\n'),
    )
    try {
      expect(replay.steps.map((s) => [s.exit, s.stderr])).toEqual([
        [0, ''],
        [0, ''],
        [0, ''],
      ])
      for (const step of replay.steps) expect(step.stdout).toMatch(ID)
      const [netId, webId, dbId] = replay.steps.map((s) => s.stdout.trim())
      const network = await conn()
        .docker.getNetwork(netId as string)
        .inspect()
      expect(network.Name).toBe(net)
      expect(network.IPAM?.Config).toEqual([{ Subnet: subnet }])
      const webDoc = await conn()
        .docker.getContainer(webId as string)
        .inspect()
      expect(webDoc.Name).toBe(`/${web}`)
      expect(webDoc.State.Running).toBe(true)
      expect(webDoc.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: String(port) }] })
      expect(webDoc.NetworkSettings.Ports['80/tcp']).toContainEqual({
        HostIp: '0.0.0.0',
        HostPort: String(port),
      })
      const dbDoc = await conn()
        .docker.getContainer(dbId as string)
        .inspect()
      expect(dbDoc.NetworkSettings.Networks[net]?.IPAddress).toBe(`${base}.50`)
      expect(replay.created).toEqual({ containers: [webId, dbId], networks: [netId], swarm: false })
    } finally {
      await replay.cleanup()
    }
  })

  test('failing lines print exactly what the docker 20.10 CLI prints', async () => {
    const first = uniqueName('first')
    const second = uniqueName('second')
    const bad = uniqueName('bad')
    const { subnet, base } = uniqueSubnet()
    const replay = await replayScript(
      conn(),
      [
        `docker network create --subnet ${subnet} ${first}`,
        `docker network create --subnet ${subnet} ${second}`,
        `docker run -d --name ${bad} --network ${first} --ip 10.99.99.5 ${IMAGE} sleep 3600`,
        `docker run -d --name x ${IMAGE} sleep 3600`,
        `docker network rm ${second}`,
        `docker rm ${second}`,
        `docker network create`,
        `docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' ${first}`,
      ].join('\n'),
    )
    try {
      const [, overlap, startFails, createFails, rmNet, rmContainer, usage, format] = replay.steps
      expect(overlap).toEqual({
        command: `docker network create --subnet ${subnet} ${second}`,
        exit: 1,
        stdout: '',
        stderr: 'Error response from daemon: Pool overlaps with other one on this address space\n',
      })
      // The container exists (its id is printed) but cannot start.
      expect(startFails?.exit).toBe(125)
      expect(startFails?.stdout).toMatch(ID)
      expect(startFails?.stderr).toBe(
        "docker: Error response from daemon: Invalid address 10.99.99.5: It does not belong to any of this network's subnets.\n",
      )
      expect(createFails).toMatchObject({
        exit: 125,
        stdout: '',
        stderr:
          "docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n",
      })
      expect(rmNet).toMatchObject({ exit: 1, stderr: `Error: No such network: ${second}\n` })
      expect(rmContainer).toMatchObject({ exit: 1, stderr: `Error: No such container: ${second}\n` })
      expect(usage).toMatchObject({ exit: 1, stdout: '' })
      expect(usage?.stderr).toMatch(/^"docker network create" requires exactly 1 argument\.\n/)
      expect(format).toMatchObject({ exit: 0, stdout: `${first} ${base}.0/24\n`, stderr: '' })
    } finally {
      await replay.cleanup()
    }
  })

  test('cleanup leaves no trace: containers, then networks, are gone', async () => {
    const net = uniqueName('gone')
    const before = await conn().docker.listNetworks()
    const replay = await replayScript(
      conn(),
      [
        `docker network create ${net}`,
        `docker create --name ${uniqueName('idle')} --network ${net} ${IMAGE} sleep 3600`,
        `docker run -d --name ${uniqueName('up')} --network ${net} -p ${uniquePort()}:80 ${IMAGE} sleep 3600`,
      ].join('\n'),
    )
    expect(replay.created.containers).toHaveLength(2)
    await replay.cleanup()
    for (const id of replay.created.containers) expect(await exists('container', id)).toBe(false)
    for (const id of replay.created.networks) expect(await exists('network', id)).toBe(false)
    const after = await conn().docker.listNetworks()
    expect(after.map((n) => n.Id).sort()).toEqual(before.map((n) => n.Id).sort())
    // A second cleanup finds nothing left to remove, and does not fail.
    await replay.cleanup()
  })

  test('a replay that stops half-way removes what it had created before throwing', async () => {
    const net = uniqueName('half')
    const error = await replayScript(
      conn(),
      `docker network create ${net}\ndocker run --name ${uniqueName('fg')} ${IMAGE} true\n`,
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetmodesError)
    expect((error as Error).message).toMatchInlineSnapshot(
      `"line 2: \`docker run\` is not replayed on a real engine: only \`docker run -d\` is replayed (a foreground run attaches)"`,
    )
    expect((await conn().docker.listNetworks()).some((n) => n.Name === net)).toBe(false)
  })

  test('withReplay cleans up after its callback, even when it throws', async () => {
    const net = uniqueName('with')
    let id = ''
    await expect(
      withReplay(conn(), `docker network create ${net}`, async (replay) => {
        id = replay.steps[0]?.stdout.trim() ?? ''
        expect(await exists('network', id)).toBe(true)
        throw new Error('observer failed')
      }),
    ).rejects.toThrow('observer failed')
    expect(await exists('network', id)).toBe(false)
  })

  test('a dockerd line is no step: the engine was started with its flags; recordScenario checks that it was', async () => {
    const replay = await replayScript(conn(), 'dockerd --mtu=1400\ndocker network ls -q --filter name=^none$')
    await replay.cleanup()
    expect(replay.steps.map((s) => [s.command, s.exit])).toEqual([
      ['docker network ls -q --filter name=^none$', 0],
    ])
    // An engine on its own flags must not be recorded as one started with --mtu=1400.
    if (!conn().local || process.getuid?.() !== 0) return
    const refused = recordScenario(conn(), 'dockerd --mtu=1400\ndocker network ls\n')
    await expect(refused).rejects.toThrow(NetmodesError)
    await expect(refused).rejects.toThrow(/starts dockerd with --mtu=1400, but the engine at \S+ runs with/)
  })

  test('host lines need hostCommands; with it they run in a shell and are recorded', async () => {
    await expect(replayScript(conn(), 'host echo hi')).rejects.toThrow(
      'line 1: "host" lines run as root on this machine: a replay takes them only with hostCommands (the recorder sets it)',
    )
    const replay = await replayScript(conn(), 'host echo hi; echo oops >&2; exit 3\nsnapshot one', {
      hostCommands: true,
    })
    expect(replay.steps).toEqual([
      { command: 'host echo hi; echo oops >&2; exit 3', exit: 3, stdout: 'hi\n', stderr: 'oops\n' },
    ])
    await replay.cleanup()
  })

  test('lines outside the replayed subset can be recorded instead of stopping the replay', async () => {
    const replay = await replayScript(conn(), 'docker pull busybox', { unsupported: 'record' })
    expect(replay.steps).toEqual([
      {
        command: 'docker pull busybox',
        exit: 127,
        stdout: '',
        stderr: 'netmodes: netmodes does not simulate `docker pull`\n',
      },
    ])
    await replay.cleanup()
  })

  test('with cli, lines run through that docker client: its texts are recorded, and cleanup removes what it made', async () => {
    const net = uniqueName('cli')
    const web = uniqueName('cliweb')
    const { subnet } = uniqueSubnet()
    const replay = await replayScript(
      conn(),
      [
        `docker network create --subnet ${subnet} ${net}`,
        `docker run -d --name ${web} --network ${net} ${IMAGE} sleep 3600`,
        `docker network rm ${uniqueName('nosuch')}`,
        `docker network ls --filter name=${net} --format '{{.Name}}'`,
      ].join('\n'),
      { cli: 'docker' },
    )
    try {
      const [created, ran, missing, listed] = replay.steps
      expect(created?.stdout).toMatch(ID)
      expect(ran?.stdout).toMatch(ID)
      // The client's own wording, whatever its version: the daemon's text is inside it.
      expect(missing?.exit).toBe(1)
      expect(missing?.stderr).toMatch(/nmt-nosuch-[0-9a-f]{6}/)
      expect(listed).toEqual({
        command: `docker network ls --filter name=${net} --format '{{.Name}}'`,
        exit: 0,
        stdout: `${net}\n`,
        stderr: '',
      })
      expect(await exists('container', web)).toBe(true)
    } finally {
      await replay.cleanup()
    }
    expect(await exists('container', web)).toBe(false)
    expect(await exists('network', net)).toBe(false)
  })
})
