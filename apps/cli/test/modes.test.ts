/** `netmodes modes`: the seven modes side by side, in English and Chinese. */
import { describe, expect, test } from 'vitest'
import { netmodes } from './helpers.js'

const MODES = ['bridge', 'host', 'none', 'container', 'macvlan', 'ipvlan', 'overlay']

interface ModeTable {
  lang: string
  title: string
  columns: Record<string, string>
  modes: Record<string, string>[]
}

describe('netmodes modes', () => {
  test('a table with every mode and every column', () => {
    const r = netmodes(['modes'], { env: { COLUMNS: '160' } })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^Docker network modes side by side \(Docker Engine 20\.10\)\n\nMODE {7}HOW +ISOLATION +OWN IP +PORT CONFLICTS +PERFORMANCE +WHEN TO USE\n─+\n/,
    )
    for (const mode of MODES) expect(r.stdout).toMatch(new RegExp(`^${mode} `, 'm'))
    expect(r.stdout).toContain('juejin.cn/post/7041923410649153543')
    for (const line of r.stdout.split('\n').slice(0, -3)) expect(line.length).toBeLessThanOrEqual(160)
  })
  test('a narrow terminal gets one block per mode instead', () => {
    const r = netmodes(['modes'], { env: { COLUMNS: '80' } })
    expect(r.stdout).toMatch(/^bridge {2}--network bridge/m)
    expect(r.stdout).toMatch(/^ {2}ISOLATION {7}Own network namespace/m)
    for (const line of r.stdout.split('\n').slice(0, -3)) expect(line.length).toBeLessThanOrEqual(80)
  })
  test('--json: the same table as data', () => {
    const table = JSON.parse(netmodes(['modes', '--json']).stdout) as ModeTable
    expect(table.lang).toBe('en')
    expect(table.modes.map((m) => m.mode)).toEqual(MODES)
    expect(Object.keys(table.columns)).toEqual([
      'mode',
      'flag',
      'isolation',
      'ownIp',
      'portConflicts',
      'performance',
      'whenToUse',
    ])
    for (const row of table.modes) expect(Object.keys(row)).toEqual(Object.keys(table.columns))
    expect(table.modes.find((m) => m.mode === 'host')?.ownIp).toMatch(/^No/)
  })
  test("Chinese from the locale, with the article's terms", () => {
    const r = netmodes(['modes'], { env: { LANG: 'zh_CN.UTF-8' } })
    expect(r.stdout).toMatch(/^Docker 网络模式对比/)
    for (const term of ['网桥', '网卡', 'veth pair', 'Network namespace', '宿主机', '隔离性'])
      expect(r.stdout).toContain(term)
    expect(netmodes(['modes'], { env: { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' } }).stdout).toBe(r.stdout)
  })
  test('--lang overrides the locale; both languages have the same keys', () => {
    const zh = JSON.parse(
      netmodes(['modes', '--json', '--lang', 'zh-CN'], { env: { LANG: 'en_US.UTF-8' } }).stdout,
    ) as ModeTable
    const en = JSON.parse(
      netmodes(['modes', '--json', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout,
    ) as ModeTable
    expect(zh.lang).toBe('zh-CN')
    expect(en.lang).toBe('en')
    expect(zh.columns.isolation).toBe('隔离性')
    expect(zh.modes.map((m) => Object.keys(m))).toEqual(en.modes.map((m) => Object.keys(m)))
    expect(zh.modes.find((m) => m.mode === 'container')?.isolation).toContain('pod')
  })
  test('an unknown language: exit 2', () => {
    const r = netmodes(['modes', '--lang', 'fr'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('invalid value "fr" for --lang: expected en, zh-CN')
  })
})
