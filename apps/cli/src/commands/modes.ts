import { defineCommand } from 'citty'

export default defineCommand({
  meta: {
    name: 'modes',
    description: `Compare Docker's seven network modes side by side: isolation, own IP, port conflicts, performance, when to use.

bridge, host, none, container:NAME, macvlan, ipvlan and overlay, as Docker's documentation and the article "Docker 网络简介" describe them. The language follows --lang, else LC_ALL / LC_MESSAGES / LANG (zh* → Chinese).

Examples:
  netmodes modes
  netmodes modes --lang zh-CN
  LANG=zh_CN.UTF-8 netmodes modes
  netmodes modes --json | jq '.modes[] | {mode, ownIp}'`,
  },
  args: {
    lang: { type: 'enum', options: ['en', 'zh-CN'], description: 'Language (default: from LC_ALL / LANG)' },
    json: { type: 'boolean', description: 'Print the table as JSON' },
  },
  async run({ args }) {
    const [{ printModes, outputWidth }, { pickLang }, { createColors }] = await Promise.all([
      import('../modes/mode-table.js'),
      import('../i18n/index.js'),
      import('../cli/color.js'),
    ])
    const colors = createColors(process.stdout)
    process.exitCode = printModes({
      lang: pickLang(args.lang, process.env),
      json: Boolean(args.json),
      width: outputWidth(process.stdout, process.env),
      stdout: (s) => process.stdout.write(s),
      ...(colors.enabled ? { colors } : {}),
    })
  },
})
