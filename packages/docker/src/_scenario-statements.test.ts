import { ScenarioLineError } from '@netmodes/core'
import { describe, expect, test } from 'vitest'
import { splitScenario } from './_scenario-statements.js'
import { scenarioDaemonArgs } from './scenario-daemon-args.js'

describe('splitScenario: the dockerd line', () => {
  test('is taken out as the first statement, its flags tokenized as a shell would', () => {
    const source = [
      '# comment and blank lines come before it',
      '',
      "dockerd --bip=10.99.0.1/24 --default-address-pool 'base=10.123.0.0/16,size=24'",
      'docker network create app',
    ].join('\n')
    expect(splitScenario(source, { hostCommands: false })).toEqual([
      {
        kind: 'dockerd',
        line: 3,
        text: "dockerd --bip=10.99.0.1/24 --default-address-pool 'base=10.123.0.0/16,size=24'",
        args: ['--bip=10.99.0.1/24', '--default-address-pool', 'base=10.123.0.0/16,size=24'],
      },
      { kind: 'docker', line: 4, text: 'docker network create app' },
    ])
  })

  test('continues over a trailing backslash, and the next line keeps its number', () => {
    const statements = splitScenario('dockerd --mtu=1400 \\\n  --icc=false\ndocker network ls', {
      hostCommands: false,
    })
    expect(statements.map((s) => [s.kind, s.line])).toEqual([
      ['dockerd', 1],
      ['docker', 3],
    ])
    expect(scenarioDaemonArgs('dockerd --mtu=1400 \\\n  --icc=false\n')).toEqual([
      '--mtu=1400',
      '--icc=false',
    ])
  })

  test('anywhere but first is refused, naming its line', () => {
    const late = () => splitScenario('docker network ls\n\ndockerd --icc=false\n', { hostCommands: false })
    expect(late).toThrow(ScenarioLineError)
    expect(late).toThrow(/^line 3: "dockerd --icc=false" must be the scenario's first statement/)
    // A second one is not first either.
    expect(() => splitScenario('dockerd --mtu=1400\ndockerd --icc=false', { hostCommands: false })).toThrow(
      /^line 2: /,
    )
    // A host line counts as a statement.
    expect(() => splitScenario('host ip link\ndockerd --mtu=1400', { hostCommands: true })).toThrow(
      /^line 2: /,
    )
  })

  test('a scenario without one asks for no flags', () => {
    expect(scenarioDaemonArgs('docker network create app\n')).toEqual([])
  })
})
