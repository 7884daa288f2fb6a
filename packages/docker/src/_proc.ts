/**
 * Reading processes, sockets and network namespaces off /proc (Linux), to
 * find which daemon serves a unix socket without asking it or guessing by
 * its name.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

const link = (path: string): string | undefined => {
  try {
    return readlinkSync(path)
  } catch {
    return undefined
  }
}

/** Every process id /proc lists. */
export function processIds(): number[] {
  return readdirSync('/proc')
    .filter((f) => /^\d+$/.test(f))
    .map(Number)
}

/**
 * The inodes of the listening unix sockets bound to `path`, as a namespace's
 * `/proc/.../net/unix` lists them (`__SO_ACCEPTCON` set, state unconnected).
 * The list is per network namespace: a daemon in another one binds its
 * socket in the shared filesystem but shows up only in its own list.
 */
export function listeningInodes(netUnix: string | undefined, path: string): number[] {
  const inodes: number[] = []
  for (const line of (netUnix ?? '').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/)
    // Num RefCount Protocol Flags Type St Inode Path
    if (f.length < 8 || f[7] !== path) continue
    if ((Number.parseInt(f[3] ?? '0', 16) & 0x10000) === 0 || f[5] !== '01') continue
    inodes.push(Number(f[6]))
  }
  return inodes
}

/** The `net:[ino]` a process's network namespace reads as, or undefined when it is gone or hidden. */
export function netnsOf(pid: number | 'self'): string | undefined {
  return link(`/proc/${pid}/ns/net`)
}

/**
 * The network namespace (as `net:[ino]`, with one process in it) holding a
 * listening socket bound to `path`, looking in ours first.
 */
export function socketListener(path: string): { netns: string; pid: number; inodes: number[] } | undefined {
  const self = netnsOf('self')
  const ours = listeningInodes(read('/proc/self/net/unix'), path)
  if (self && ours.length) return { netns: self, pid: process.pid, inodes: ours }
  const seen = new Set(self ? [self] : [])
  for (const pid of processIds()) {
    const ns = netnsOf(pid)
    if (!ns || seen.has(ns)) continue
    seen.add(ns)
    const inodes = listeningInodes(read(`/proc/${pid}/net/unix`), path)
    if (inodes.length) return { netns: ns, pid, inodes }
  }
  return undefined
}

/** The processes of a network namespace with one of these sockets open. */
export function socketHolders(netns: string, inodes: readonly number[]): number[] {
  const wanted = new Set(inodes.map((i) => `socket:[${i}]`))
  const holders: number[] = []
  for (const pid of processIds()) {
    if (netnsOf(pid) !== netns) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue
    }
    if (fds.some((fd) => wanted.has(link(`/proc/${pid}/fd/${fd}`) ?? ''))) holders.push(pid)
  }
  return holders
}

/** A process's argv, its environment, its working directory and its binary. */
export function processImage(
  pid: number,
): { argv: string[]; env: Record<string, string>; cwd: string; exe: string } | undefined {
  const cmdline = read(`/proc/${pid}/cmdline`)
  if (!cmdline) return undefined
  const argv = cmdline.split('\0').slice(0, -1)
  const env: Record<string, string> = {}
  for (const pair of (read(`/proc/${pid}/environ`) ?? '').split('\0')) {
    const at = pair.indexOf('=')
    if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1)
  }
  // A binary replaced since it started reads "... (deleted)": start the one its argv names instead.
  const exe = link(`/proc/${pid}/exe`)
  return {
    argv,
    env,
    cwd: link(`/proc/${pid}/cwd`) ?? '/',
    exe: exe && !exe.endsWith(' (deleted)') ? exe : (argv[0] ?? ''),
  }
}

/** Field 22 of /proc/PID/stat (start time in clock ticks): tells a process from a later one given its pid. */
export function startTime(pid: number): string | undefined {
  const stat = read(`/proc/${pid}/stat`)
  // The command name (field 2) may hold spaces and parentheses: count from its last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
}

/** The parent pid of a process (field 4 of /proc/PID/stat). */
export function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`)
  const field = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]
  return field === undefined ? undefined : Number(field)
}

/** The children of a process, now. */
export function childrenOf(pid: number): number[] {
  return processIds().filter((p) => parentOf(p) === pid)
}

/**
 * A stable name for a process's network namespace: a bind mount under
 * /run/netns or /var/run/netns (`ip netns add`) of the same namespace, else
 * /proc/PID/ns/net (valid while that process lives).
 */
export function netnsPath(pid: number): string {
  const own = `/proc/${pid}/ns/net`
  let target: { dev: number; ino: number }
  try {
    target = statSync(own)
  } catch {
    return own
  }
  for (const dir of ['/run/netns', '/var/run/netns']) {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    for (const name of names) {
      try {
        const s = statSync(`${dir}/${name}`)
        if (s.ino === target.ino && s.dev === target.dev) return `${dir}/${name}`
      } catch {
        // A dangling entry: not this namespace.
      }
    }
  }
  return own
}
