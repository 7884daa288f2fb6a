import { describe, expect, test } from 'vitest'
import { buildHostsFile, deleteHostsRecords, hostsRecord, ownHostNames } from './hosts-file.js'

describe('/etc/hosts as libnetwork writes it', () => {
  test('the default records, then the extra ones, tab-separated', () => {
    const text = buildHostsFile([['10.9.0.5', 'db']])
    expect(text.split('\n')[0]).toBe('127.0.0.1\tlocalhost')
    expect(text.endsWith('ff02::2\tip6-allrouters\n10.9.0.5\tdb\n')).toBe(true)
  })
  test('own names: FQDN and short name when there is a dot', () => {
    expect(ownHostNames('web', 'corp.example')).toBe('web.corp.example web')
    expect(ownHostNames('node.lab', '')).toBe('node.lab node')
    expect(ownHostNames('3f2a9c1b7d4e', '')).toBe('3f2a9c1b7d4e')
  })
  test('Delete removes every line of those names, for every network', () => {
    const text = `${buildHostsFile([])}${hostsRecord('10.1.0.2', 'abc')}${hostsRecord('10.2.0.2', 'abc')}`
    expect(deleteHostsRecords(text, 'abc')).toBe(buildHostsFile([]))
  })
})
