import { expect, test } from 'vitest'
import { renderContainerList } from './container-list.js'
import { displayablePorts } from './displayable-ports.js'
import { renderNetworkList } from './network-list.js'

test('ports group into ranges per host IP, then the other mappings (docker 20.10)', () => {
  const ports = [8000, 8001, 8002].flatMap((p) => [
    { IP: '0.0.0.0', PrivatePort: p, PublicPort: p, Type: 'tcp' },
    { IP: '::', PrivatePort: p, PublicPort: p, Type: 'tcp' },
  ])
  ports.push({ IP: '0.0.0.0', PrivatePort: 53, PublicPort: 53, Type: 'udp' })
  ports.push({ IP: '127.0.0.1', PrivatePort: 90, PublicPort: 9090, Type: 'udp' })
  expect(displayablePorts([...ports, { PrivatePort: 70, Type: 'tcp' } as never])).toBe(
    '0.0.0.0:53->53/udp, 70/tcp, 0.0.0.0:8000-8002->8000-8002/tcp, :::8000-8002->8000-8002/tcp, 127.0.0.1:9090->90/udp',
  )
})

test('docker network ls, -q and --format', () => {
  const networks = [
    { Id: 'd919b625c7a576439158eb4879112765', Name: 'app', Driver: 'bridge', Scope: 'local' },
    { Id: '944324fce18a809cc39e3c28ffb288c5', Name: 'none', Driver: 'null', Scope: 'local' },
  ].map((n) => ({ ...n, Created: '2026-11-28T00:25:31.2Z', EnableIPv6: false, Internal: false, Labels: {} }))
  expect(renderNetworkList(networks, { quiet: false, noTrunc: false })).toEqual({
    ok: true,
    stdout:
      'NETWORK ID     NAME      DRIVER    SCOPE\nd919b625c7a5   app       bridge    local\n944324fce18a   none      null      local\n',
  })
  expect(renderNetworkList(networks, { quiet: true, noTrunc: false })).toEqual({
    ok: true,
    stdout: 'd919b625c7a5\n944324fce18a\n',
  })
  expect(
    renderNetworkList(networks, { quiet: false, noTrunc: false, format: '{{.Name}} {{.CreatedAt}}' }),
  ).toEqual({
    ok: true,
    stdout: 'app 2026-11-28 00:25:31.2 +0000 UTC\nnone 2026-11-28 00:25:31.2 +0000 UTC\n',
  })
})

test('docker ps measures CREATED on the client clock and quotes the command', () => {
  const created = 1_800_000_000
  const list = [
    {
      Id: 'e6e50a7bb7693fb27af661d53b26be5ec421edeced9183498a83127f221de323',
      Names: ['/web'],
      Image: 'netmodes/busybox:test',
      ImageID: 'sha256:84914f80883ab7ebcfd38d7c76b1dbf7fb33467d57eeff9cc23ed7c865e43d73',
      Command: 'sleep 3600',
      Created: created,
      Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
      State: 'running',
      Status: 'Up 2 minutes',
      Labels: {},
    },
  ]
  expect(
    renderContainerList(list, { quiet: false, noTrunc: false, size: false }, created * 1000 + 150_000),
  ).toEqual({
    ok: true,
    stdout:
      'CONTAINER ID   IMAGE                   COMMAND        CREATED         STATUS         PORTS                  NAMES\ne6e50a7bb769   netmodes/busybox:test   "sleep 3600"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp   web\n',
  })
})
