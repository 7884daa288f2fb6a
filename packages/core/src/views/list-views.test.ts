import { expect, test } from 'vitest'
import { containerListSize, renderContainerList } from './container-list.js'
import { renderNetworkList } from './network-list.js'

const web = {
  Id: 'e6e50a7bb7693fb27af661d53b26be5ec421edeced9183498a83127f221de323',
  Names: ['/web'],
  Image: 'netmodes/busybox:test',
  ImageID: '',
  Command: 'sleep 3600',
  Created: 1_800_000_000,
  Ports: [],
  State: 'running',
  Status: 'Up 2 seconds',
  Labels: { 'com.example.team_name': 'net' },
  NetworkSettings: { Networks: { app: {} } },
}
const options = { quiet: false, noTrunc: false, size: false }
const now = web.Created * 1000 + 2_000

test('{{.Label "k"}} is a method: the value of a row, the key\'s last part as its header (SubHeaderContext.Label)', () => {
  expect(
    renderContainerList(
      [web],
      { ...options, format: 'table {{.Names}}\\t{{.Label "com.example.team_name"}}' },
      now,
    ),
  ).toEqual({ ok: true, stdout: 'NAMES     team name\nweb       net\n' })
})

test('{{json .}} marshals every argument-less method, keys sorted, Label left out', () => {
  const out = renderContainerList([web], { ...options, format: '{{json .}}' }, now)
  expect(out.ok && JSON.parse(out.stdout)).toEqual({
    Command: '"sleep 3600"',
    CreatedAt: '2027-01-15 08:00:00 +0000 UTC',
    ID: 'e6e50a7bb769',
    Image: 'netmodes/busybox:test',
    Labels: 'com.example.team_name=net',
    LocalVolumes: '0',
    Mounts: '',
    Names: 'web',
    Networks: 'app',
    Ports: '',
    RunningFor: '2 seconds ago',
    Size: '0B',
    State: 'running',
    Status: 'Up 2 seconds',
  })
  const keys = Object.keys(JSON.parse(out.ok ? out.stdout : '{}'))
  expect(keys).toEqual([...keys].sort())
})

test('-q changes only the built-in formats; a custom --format is printed as given (NewContainerFormat)', () => {
  expect(renderContainerList([web], { ...options, quiet: true }, now)).toEqual({
    ok: true,
    stdout: 'e6e50a7bb769\n',
  })
  expect(renderContainerList([web], { ...options, quiet: true, format: '{{.Names}}' }, now)).toEqual({
    ok: true,
    stdout: 'web\n',
  })
})

test('a template reading .Size, even through {{json .}}, asks for sizes; errors are worded as list.go words them', () => {
  expect(containerListSize('{{.Names}}', false)).toEqual({ ok: true, size: false })
  expect(containerListSize('table {{.Names}}\\t{{.Size}}', false)).toEqual({ ok: true, size: true })
  expect(containerListSize('{{json .}}', false)).toEqual({ ok: true, size: true })
  expect(containerListSize('{{.Bogus}}', false)).toEqual({
    ok: false,
    stderr:
      'failed to execute template: template: :1:2: executing "" at <.Bogus>: can\'t evaluate field Bogus in type *formatter.ContainerContext\n',
  })
  expect(containerListSize('{{nope .Names}}', false)).toEqual({
    ok: false,
    stderr: 'failed to parse template: template: :1: function "nope" not defined\n',
  })
  expect(containerListSize('{{.Label}}', false)).toEqual({
    ok: false,
    stderr:
      'failed to execute template: template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0\n',
  })
})

test('network ls: an unknown field is the CLI\'s "template parsing error", and nothing is printed', () => {
  const networks = [
    { Id: 'd919b625c7a576439158eb4879112765', Name: 'app', Driver: 'bridge', Scope: 'local' },
  ].map((n) => ({
    ...n,
    Created: '2026-11-28T00:25:31Z',
    EnableIPv6: false,
    Internal: true,
    Labels: { x: '1' },
  }))
  expect(renderNetworkList(networks, { quiet: false, noTrunc: false, format: '{{.Nope}}' })).toEqual({
    ok: false,
    stderr:
      'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext\n',
  })
  expect(
    renderNetworkList(networks, {
      quiet: false,
      noTrunc: false,
      format: '{{.Name}} {{.Internal}} {{.Label "x"}} {{.Labels}}',
    }),
  ).toEqual({ ok: true, stdout: 'app true 1 x=1\n' })
})
