// `pnpm bench` in packages/core: prints the core's figures (built package, Node --expose-gc).

import { benchEngine } from './engine.mjs'
import { benchIpam } from './ipam.mjs'
import { benchScenario } from './scenario.mjs'
import { benchTrace } from './trace.mjs'

const rows = [
  ...(await benchScenario()),
  ...(await benchIpam()),
  ...(await benchEngine()),
  ...(await benchTrace()),
]
const width = Math.max(...rows.map((r) => r.name.length))
for (const r of rows)
  console.log(
    `${r.name.padEnd(width)}  ${r.value.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${r.unit}`,
  )
