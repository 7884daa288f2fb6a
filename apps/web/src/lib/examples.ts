/**
 * The examples menu: the repository's examples/ scenarios, one per network
 * mode and the mixed lab, built into the page (the same files `netmodes run`
 * replays), in the order of core's modes table.
 */
import bridge from '../../../../examples/bridge.sh?raw'
import container from '../../../../examples/container.sh?raw'
import host from '../../../../examples/host.sh?raw'
import macvlan from '../../../../examples/macvlan.sh?raw'
import mixedLab from '../../../../examples/mixed-lab.sh?raw'
import none from '../../../../examples/none.sh?raw'
import overlay from '../../../../examples/overlay.sh?raw'

export interface Example {
  id: string
  scenario: string
}

export const EXAMPLES: readonly Example[] = [
  { id: 'mixed-lab', scenario: mixedLab },
  { id: 'bridge', scenario: bridge },
  { id: 'host', scenario: host },
  { id: 'none', scenario: none },
  { id: 'container', scenario: container },
  { id: 'macvlan', scenario: macvlan },
  { id: 'overlay', scenario: overlay },
]
