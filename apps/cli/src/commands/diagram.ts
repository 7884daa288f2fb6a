import { defineCommand } from 'citty'
import { globalOptions } from '../cli/context.js'

export default defineCommand({
  meta: {
    name: 'diagram',
    description: `Draw the lab as a graph: Mermaid, Graphviz DOT or SVG.

One box per network namespace (the host, each running container, the swarm's own namespaces) with its interfaces and addresses; the wires between them are the veth pairs, bridge ports (docker0, br-*), macvlan/ipvlan parents and VXLAN tunnels. Host-mode containers are listed in the host box, container:NAME ones in NAME's box. The SVG is laid out by netmodes itself, with no browser or Graphviz needed.

Examples:
  netmodes diagram                               Mermaid, for a Markdown file or mermaid.live
  netmodes diagram --format dot | dot -Tpng > lab.png
  netmodes diagram --format svg > lab.svg
  netmodes demo --save --lab /tmp/demo.json && netmodes diagram --lab /tmp/demo.json --format svg > demo.svg`,
  },
  args: {
    format: {
      type: 'enum',
      options: ['mermaid', 'dot', 'svg'],
      default: 'mermaid',
      description: 'Output format',
    },
    lab: {
      type: 'string',
      valueHint: 'FILE',
      description: 'Lab file (default: $NETMODES_LAB, else ./.netmodes/lab.json)',
    },
  },
  async run({ args }) {
    const [{ printDiagram }, { resolveLabPath }, { guard }, { createColors }] = await Promise.all([
      import('../diagram/print-diagram.js'),
      import('../lab/lab-file.js'),
      import('../lab/guard.js'),
      import('../cli/color.js'),
    ])
    const format = args.format === 'dot' || args.format === 'svg' ? args.format : 'mermaid'
    process.exitCode = guard(
      (s) => process.stderr.write(s),
      createColors(process.stderr),
      () =>
        printDiagram({
          labPath: resolveLabPath({ flag: args.lab || globalOptions.lab, env: process.env }),
          format,
          stdout: (s) => process.stdout.write(s),
        }),
    )
  },
})
