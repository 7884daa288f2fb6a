/**
 * What a user reads of an overlay network's dataplane on one node: inside
 * the namespace libnetwork's overlay driver makes per network per node
 * (drivers/overlay: `1-<first 10 chars of the network id>` under the exec
 * root's netns/), the bridge br0, the vxlan device (its VNI, UDP 4789), the
 * endpoints' veths, the FDB entries and neighbours Docker programs for
 * the endpoints on other nodes (`MAC dev vxlan0 dst <VTEP> self permanent`).
 */
import { existsSync, readdirSync } from 'node:fs'
import { readTool } from './_host-tools.js'

/** `ip -d -j link show`, `bridge -j fdb show` and `ip -j neigh show` inside an overlay's namespace, as printed. */
export interface OverlayView {
  link: unknown[]
  fdb: unknown[]
  neigh: unknown[]
}

const OVERLAY_NAMESPACE = /^\d+-([0-9a-z]{10})$/

async function json(file: string, args: string[], netns: string): Promise<unknown[]> {
  return JSON.parse((await readTool(file, args, netns)) || '[]') as unknown[]
}

/**
 * The overlay namespaces under an engine's exec root, by the name of the
 * network each belongs to (networks as `docker network inspect` lists them).
 * A namespace whose network is not listed (being torn down) is left out.
 *
 * @example
 * await overlayViews('/run/docker', [{ Id: 'xm0stawfmhk0ncyjvenxzmbq8', Name: 'ov', Driver: 'overlay' }])
 * // { ov: { link: [...], fdb: [...], neigh: [...] } }
 */
export async function overlayViews(
  execRoot: string,
  networks: readonly Record<string, unknown>[],
): Promise<Record<string, OverlayView>> {
  const dir = `${execRoot}/netns`
  if (!existsSync(dir)) return {}
  const views: Record<string, OverlayView> = {}
  for (const file of readdirSync(dir).sort()) {
    const prefix = file.match(OVERLAY_NAMESPACE)?.[1]
    if (!prefix) continue
    const network = networks.find((n) => n.Driver === 'overlay' && String(n.Id).startsWith(prefix))
    if (!network) continue
    const netns = `${dir}/${file}`
    try {
      views[String(network.Name)] = {
        link: await json('ip', ['-d', '-j', 'link', 'show'], netns),
        fdb: await json('bridge', ['-j', 'fdb', 'show'], netns),
        neigh: await json('ip', ['-j', 'neigh', 'show'], netns),
      }
    } catch {
      // Removed between the listing and nsenter: nothing left to read.
    }
  }
  return Object.fromEntries(Object.entries(views).sort(([a], [b]) => a.localeCompare(b)))
}
