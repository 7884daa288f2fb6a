/**
 * `docker network prune` and `docker container prune` as docker CLI 20.10
 * defines them (cli/command/network/prune.go, cli/command/container/prune.go):
 * `--filter` (no shorthand: -f is --force) and `-f, --force`.
 */
import { GoValueError } from '../go/go-value-error.js'
import { type LeafSpec, withFlags } from './command-spec.js'
import { boolFlag, makeFlag } from './flag.js'

const PRUNE_FLAGS = Object.freeze({
  // opts.FilterOpt: "name=value", empty values ignored.
  filter: makeFlag<string[]>('filter', undefined, [], '', (text, current) => {
    if (text === '') return current
    if (!text.includes('=')) throw new GoValueError('bad format of filter (expected name=value)')
    return [...current, text]
  }),
  force: boolFlag('force', 'f'),
})

function pruneLeaf(kind: 'network prune' | 'container prune'): LeafSpec {
  const what = kind === 'network prune' ? 'Remove all unused networks' : 'Remove all stopped containers'
  return {
    kind: 'leaf',
    name: 'prune',
    aliases: [],
    use: 'prune [OPTIONS]',
    short: what,
    args: 'none',
    interspersed: true,
    ...withFlags(PRUNE_FLAGS, (_args, f) => ({ kind, force: f.force.value, filters: [...f.filter.value] })),
  }
}

/** `docker network prune`. */
export const NETWORK_PRUNE: LeafSpec = pruneLeaf('network prune')

/** `docker container prune`. */
export const CONTAINER_PRUNE: LeafSpec = pruneLeaf('container prune')
