import { describe, expect, test } from 'vitest'
import { compileGoTemplate } from './go-template.js'

const network = {
  Name: 'lab',
  IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '10.88.0.0/24', Gateway: '10.88.0.1' }] },
  Labels: { team: 'net' },
}
const container = {
  Name: '/web',
  HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
  NetworkSettings: {
    Networks: {
      app: { IPAMConfig: { IPv4Address: '10.213.0.50' }, Aliases: null, IPAddress: '10.213.0.50' },
      bridge: { IPAMConfig: null, Aliases: null, IPAddress: '172.17.0.2' },
    },
  },
}
const run = (source: string, value: unknown) => compileGoTemplate(source).execute(value)

describe('Go templates as docker --format runs them', () => {
  test('fields, range and json', () => {
    expect(run('{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}', network)).toBe(
      'lab 10.88.0.0/24 10.88.0.1',
    )
    expect(run('{{json .IPAM}}', network)).toBe(
      '{"Driver":"default","Options":{},"Config":[{"Subnet":"10.88.0.0/24","Gateway":"10.88.0.1"}]}',
    )
    expect(
      run('{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}', container),
    ).toBe('app=10.213.0.50 bridge=172.17.0.2 ')
  })

  test('values print as Go prints the CLI structs and maps', () => {
    expect(run('{{.HostConfig.PortBindings}}', container)).toBe('map[80/tcp:[{ 8080}]]')
    expect(run('{{range .NetworkSettings.Networks}}{{.IPAMConfig}} {{.Aliases}};{{end}}', container)).toBe(
      '{10.213.0.50  []} [];<nil> [];',
    )
    expect(run('{{.Labels.missing}}|{{index .Labels "missing"}}|{{.IPAM.Config}}', network)).toBe(
      '<no value>||[{10.88.0.0/24  10.88.0.1 map[]}]',
    )
  })

  test('a field a struct does not have is an error naming its position', () => {
    expect(() => run('{{.Nope}}', network)).toThrowErrorMatchingInlineSnapshot(
      `[GoTemplateError: template: :1:2: executing "" at <.Nope>: map has no entry for key "Nope"]`,
    )
  })

  test('if/else, with, pipes, functions and trimming', () => {
    expect(run('{{if .Labels.team}}{{.Labels.team | upper}}{{else}}none{{end}}', network)).toBe('NET')
    expect(run('{{with .IPAM}}{{.Driver}}{{end}} {{- " x" -}} {{len .IPAM.Config}}', network)).toBe(
      'default x1',
    )
    expect(run('{{printf "%s/%d" .Name 24}} {{join (split "a,b" ",") "+"}}', network)).toBe('lab/24 a+b')
  })

  test('table headers keep the column names', () => {
    expect(
      compileGoTemplate('{{.ID}}\t{{.Name | upper}}').executeHeader({ ID: 'NETWORK ID', Name: 'NAME' }),
    ).toBe('NETWORK ID\tNAME')
  })
})

describe('string constants are unquoted as Go does (strconv.Unquote)', () => {
  const labels = { Labels: { '\team': 'tab', 'a"b': 'quote', é: 'accent', 'x\u0007': 'bell' } }
  test.each([
    // docker/cli turns `\t` into a tab before parsing, so a raw tab sits in the constant (fuzz seed 1095252105).
    ['{{index .Labels "\team"}}', 'tab'],
    [String.raw`{{index .Labels "a\"b"}}`, 'quote'],
    [String.raw`{{index .Labels "\u00e9"}}`, 'accent'],
    [String.raw`{{index .Labels "\U000000e9"}}`, 'accent'],
    [String.raw`{{index .Labels "x\a"}}`, 'bell'],
    [String.raw`{{index .Labels "x\007"}}`, 'bell'],
    [String.raw`{{index .Labels "x\x07"}}`, 'bell'],
    ['{{index .Labels `a"b`}}', 'quote'],
  ])('%s', (source, expected) => {
    expect(run(source, labels)).toBe(expected)
  })
  test.each([String.raw`{{"\q"}}`, String.raw`{{"\x1"}}`, String.raw`{{"\ud800"}}`, String.raw`{{"\'"}}`])(
    '%s is invalid syntax',
    (source) => {
      expect(() => run(source, labels)).toThrow('template: :1: invalid syntax')
    },
  )
})
