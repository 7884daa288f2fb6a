import type { Container } from '../model/docker.js'
import { ownValue } from '../model/own-record.js'
import type { LabState } from '../model/state.js'

/**
 * The containers of a lab that name legacy links (`--link`): the only ones
 * whose /etc/hosts a linked child's start can change (updateLinkParents).
 *
 * Why the list: every start on the default bridge asks which parents link to
 * the container, and walking every container of the lab each time made
 * filling the default bridge quadratic (2,000 containers took a second,
 * 6,000 seven).
 *
 * What keeps it true: a container's links are written once, when it is made
 * (createContainer, which calls {@link noteContainerCreated}) or loaded with
 * its lab. The list is beside the lab, never in it (a WeakMap keyed by the
 * lab's containers record): built from the record the first time it is asked,
 * then extended by each new container with links. A listed container that is
 * no longer the lab's (removed, or its creation rolled back) is left out when
 * the list is read.
 */
const parentsByRecord = new WeakMap<Record<string, Container>, Container[]>()

/**
 * The lab's containers that have legacy links, in no particular order.
 *
 * @example
 * for (const parent of linkParents(lab)) parent.links // non-empty
 */
export function linkParents(lab: LabState): Container[] {
  let listed = parentsByRecord.get(lab.containers)
  if (listed === undefined) {
    listed = Object.values(lab.containers).filter(hasLinks)
    parentsByRecord.set(lab.containers, listed)
  }
  return listed.filter((c) => ownValue(lab.containers, c.id) === c)
}

/** Lists a container just recorded in the lab, if it has links (an unlisted lab is listed when first asked). */
export function noteContainerCreated(lab: LabState, container: Container): void {
  if (!hasLinks(container)) return
  parentsByRecord.get(lab.containers)?.push(container)
}

function hasLinks(container: Container): boolean {
  return (container.links?.length ?? 0) > 0
}
