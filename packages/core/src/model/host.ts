import type { Namespace } from './namespace.js'

/** The machine the daemon runs on. */
export interface Host {
  hostname: string
  /** Nameservers from /etc/resolv.conf (Docker avoids them when picking subnets). */
  nameservers: string[]
  /** Name of the uplink interface (the default route's device). */
  uplink: string
}

export type { Namespace }
