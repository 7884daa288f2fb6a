/**
 * `docker ps` as the 20.10 CLI prints the Engine API's list
 * (cli/command/container/list.go, cli/command/formatter/container.go): the
 * default table, `-q`, `-s`, `--no-trunc` and `--format` (Go templates,
 * `table ...` included), CREATED measured against the client's clock.
 */
import { displayablePorts, type PortSummary } from './displayable-ports.js'
import { compileGoTemplate, GoTemplateError, goStruct } from './go-template.js'
import { humanDuration } from './human-duration.js'
import { humanSize } from './human-size.js'
import { goTimeString, joinLabels, type ListOutput, truncateId, writeList } from './list-format.js'
import { formatRfc3339Seconds } from './time.js'

const DEFAULT_CONTAINER_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}'
const CONTEXT_TYPE = '*formatter.ContainerContext'

/** The Engine API's container list entry, as far as `docker ps` reads it. */
export interface ContainerSummary {
  Id: string
  Names: string[] | null
  Image: string
  ImageID: string
  Command: string
  Created: number
  Ports: PortSummary[] | null
  State: string
  Status: string
  Labels: Record<string, string> | null
  SizeRw?: number
  SizeRootFs?: number
  NetworkSettings?: { Networks?: Record<string, unknown> | null } | null
}

// formatter.Ellipsis for ASCII text (commands are ASCII in practice).
function ellipsis(text: string, max: number): string {
  const runes = [...text]
  return runes.length <= max ? text : `${runes.slice(0, max - 1).join('')}…`
}

// The image as `docker ps` shows it when truncating: a bare id, or the familiar name without digest.
function familiarImage(image: string, imageId: string): string {
  if (image === '') return '<no image>'
  if (truncateId(imageId) === truncateId(image)) return truncateId(image)
  const withoutDigest = image.replace(/@sha256:[0-9a-f]+$/, '')
  return withoutDigest.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '')
}

/** What `docker ps` shows of one container (formatter.ContainerContext), as a template's dot. */
function containerContext(
  c: ContainerSummary,
  trunc: boolean,
  now: number,
  onSize: () => void,
  bracketIPv6 = false,
) {
  const names = (c.Names ?? []).map((n) => n.replace(/^\//, ''))
  // With truncation, the first name that is not a legacy link name ("other/alias").
  const shown = trunc ? [names.find((n) => !n.includes('/')) ?? names.join(',')] : names
  const created = formatRfc3339Seconds(c.Created)
  return goStruct(
    CONTEXT_TYPE,
    {
      ID: trunc ? truncateId(c.Id) : c.Id,
      Names: shown.join(','),
      Image: trunc ? familiarImage(c.Image, c.ImageID) : c.Image || '<no image>',
      Command: JSON.stringify(trunc ? ellipsis(c.Command, 20) : c.Command),
      CreatedAt: goTimeString(created),
      RunningFor: `${humanDuration(now - c.Created * 1000)} ago`,
      Ports: displayablePorts(c.Ports ?? [], { bracketIPv6 }),
      State: c.State,
      Status: c.Status,
      // ContainerContext.Size notes that it was asked for: list.go then requests sizes.
      Size: () => {
        onSize()
        const rw = humanSize(c.SizeRw ?? 0, 3)
        return (c.SizeRootFs ?? 0) > 0 ? `${rw} (virtual ${humanSize(c.SizeRootFs ?? 0, 3)})` : rw
      },
      Labels: joinLabels(c.Labels),
      Mounts: '',
      LocalVolumes: '0',
      Networks: Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
    },
    { Label: (name: string) => c.Labels?.[name] ?? '' },
  )
}

const EMPTY: ContainerSummary = {
  Id: '',
  Names: null,
  Image: '',
  ImageID: '',
  Command: '',
  Created: 0,
  Ports: null,
  State: '',
  Status: '',
  Labels: null,
}

/**
 * buildContainerListOptions: without `--size`, a `--format` is parsed and
 * run once on an empty context, to learn whether it reads `.Size` (then the
 * list is asked with sizes) — and its errors are reported from there.
 *
 * @example
 * containerListSize('{{.Names}} {{.Size}}', false) // { ok: true, size: true }
 */
export function containerListSize(
  format: string | undefined,
  size: boolean,
): { ok: true; size: boolean } | { ok: false; stderr: string } {
  if (size || !format) return { ok: true, size }
  let template: ReturnType<typeof compileGoTemplate>
  try {
    template = compileGoTemplate(format)
  } catch (error) {
    if (!(error instanceof GoTemplateError)) throw error
    return { ok: false, stderr: `failed to parse template: ${error.message}\n` }
  }
  let used = false
  try {
    template.execute(
      containerContext(EMPTY, false, 0, () => {
        used = true
      }),
    )
  } catch (error) {
    if (!(error instanceof GoTemplateError)) throw error
    return { ok: false, stderr: `failed to execute template: ${error.message}\n` }
  }
  return { ok: true, size: used }
}

/**
 * `docker ps` output for the Engine API's list (newest first), with
 * CREATED measured against `now` (ms since the epoch); `size` as
 * {@link containerListSize} decided it.
 *
 * @example
 * renderContainerList(list, { quiet: false, noTrunc: false, size: false }, lab.clock * 1000)
 */
export function renderContainerList(
  containers: ContainerSummary[],
  options: { quiet: boolean; noTrunc: boolean; size: boolean; format?: string; bracketIPv6?: boolean },
  now: number,
): ListOutput {
  let format = options.format || 'table'
  // NewContainerFormat: -q changes only the built-in formats; a custom one is printed as given.
  if (format === 'table') {
    format = options.quiet ? '{{.ID}}' : DEFAULT_CONTAINER_TABLE + (options.size ? '\\t{{.Size}}' : '')
  } else if (format === 'raw') {
    format = options.quiet
      ? 'container_id: {{.ID}}'
      : `container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n${options.size ? 'size: {{.Size}}\\n' : ''}`
  }
  try {
    const stdout = writeList(
      format,
      containers,
      (c) => containerContext(c, !options.noTrunc, now, () => {}, options.bracketIPv6),
      {
        ID: 'CONTAINER ID',
        Names: 'NAMES',
        Image: 'IMAGE',
        Command: 'COMMAND',
        CreatedAt: 'CREATED AT',
        RunningFor: 'CREATED',
        Ports: 'PORTS',
        State: 'STATE',
        Status: 'STATUS',
        Size: 'SIZE',
        Labels: 'LABELS',
        Mounts: 'MOUNTS',
        LocalVolumes: 'LOCAL VOLUMES',
        Networks: 'NETWORKS',
      },
    )
    return { ok: true, stdout }
  } catch (error) {
    if (!(error instanceof GoTemplateError)) throw error
    return { ok: false, stderr: `template parsing error: ${error.message}\n` }
  }
}
