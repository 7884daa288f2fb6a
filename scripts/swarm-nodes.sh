#!/usr/bin/env bash
# Starts N real Docker engines (default 2) on this machine as the nodes of a
# swarm, for the multi-node conformance scenarios (conformance/scenarios/
# swarm-*.sh). Each node is a dockerd with a containerd of its own, in a
# network namespace of its own; the nodes' `eth0`s are joined by one Linux
# bridge, their LAN. Debian root only; idempotent; it stops only what it
# started (by its pidfiles).
#
#   bash scripts/swarm-nodes.sh [start] [N]   # start (or check) nodes 1..N (default 2), print them
#   bash scripts/swarm-nodes.sh stop          # stop the dockerds and containerds this script started
#
# The engine is Debian's docker.io 20.10, the one scripts/test-engine.sh
# installs; NETMODES_SWARM_ENGINE=28 makes the nodes Docker Engine 28 instead,
# from the packages scripts/engine-28.sh fetches (`engine-28.sh fetch`), with
# "28" in every name below (nmnode28-1, /run/netmodes-28-node1.sock, ...).
#
# Stable names for node i (the recorder and the tests rely on them):
#   socket       unix:///run/netmodes-node<i>.sock
#   namespace    nmnode<i>         (its host: ip -n nmnode<i> ..., nsenter --net=/run/netns/nmnode<i> iptables-save)
#   pidfiles     /run/netmodes-node<i>.pid (dockerd), /run/netmodes-node<i>-containerd.pid
#   exec root    /run/netmodes-node<i>/docker, containerd state /run/netmodes-node<i>/containerd
#   state        /var/lib/netmodes-node<i> (data root, containerd root, logs)
# The LAN: node i's eth0 has 203.0.113.(10+i)/24 (TEST-NET-3), default route
# via 203.0.113.1. The bridge (swarm0) and that address live in a namespace
# of their own, nmswarm, which has no other link and forwards nothing: what the
# nodes send reaches the nodes and nothing else (no uplink to leave by).
# The bridge is not on the machine's own namespace on purpose: there the
# kernel's bridge netfilter (bridge-nf-call-iptables, on since the machine's
# dockerd loads it) would pass the nodes' frames through the machine's
# FORWARD chain, whose policy that dockerd sets to DROP, and whose rules a
# reset of that engine flushes. In nmswarm the filter table is empty.
# Each node's eth0 is guarded as the engines' uplinks are, but for the LAN
# (mangle: nothing forwarded out of it, and no ICMP, unless to 203.0.113.0/24:
# the other nodes, and answers through a published port to them).
set -euo pipefail

tag=${NETMODES_SWARM_ENGINE:-20.10}
case "$tag" in
20.10) infix= ;;
28) infix=28 ;;
*) echo "swarm-nodes.sh: NETMODES_SWARM_ENGINE is 20.10 or 28, not $tag" >&2; exit 2 ;;
esac
# `swarm-nodes.sh 3` is `swarm-nodes.sh start 3`.
case "${1:-start}" in [0-9]*) set -- start "$@" ;; esac
cmd=${1:-start}
count=${2:-${NETMODES_SWARM_NODES:-2}}
case "$count" in [1-9]) ;; *) echo "swarm-nodes.sh: N is 1 to 9 nodes, not $count" >&2; exit 2 ;; esac
lanns=nmswarm$infix
bridge=swarm0

[ "$(id -u)" = 0 ] || { echo "swarm-nodes.sh: run as root" >&2; exit 1; }

# The names of node i.
node_names() {
  local i=$1
  name=netmodes${infix:+-$infix}-node$i
  state=/var/lib/$name
  run=/run/$name
  sock=/run/$name.sock
  pidfile=/run/$name.pid
  ctrpidfile=/run/$name-containerd.pid
  ctrsock=$run/containerd/containerd.sock
  netns=nmnode${infix:+$infix-}$i
}

engine_answers() { curl -fsS --max-time 2 --unix-socket "$1" http://localhost/_ping >/dev/null 2>&1; }
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops a process by its pidfile: TERM, then up to 30 s for it to go, then KILL.
stop_pid() {
  local file=$1 pid
  alive "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$file"
}

if [ "$cmd" = stop ]; then
  # Every node this script may have started, whatever N it was started with.
  for i in $(seq 1 9); do
    node_names "$i"
    [ -e "$pidfile" ] || [ -e "$ctrpidfile" ] || continue
    stop_pid "$pidfile"
    stop_pid "$ctrpidfile"
    echo "node$i stopped (namespace $netns and $state are kept)"
  done
  exit 0
fi
[ "$cmd" = start ] || { echo "usage: swarm-nodes.sh [start [N]|stop]" >&2; exit 2; }

# --- The engine's binaries ----------------------------------------------------------
if [ "$tag" = 20.10 ]; then
  # The machine's docker.io (and its containerd), as for the machine's own engine.
  missing=()
  for pair in dockerd:docker.io containerd:containerd ip:iproute2 nsenter:util-linux setsid:util-linux \
    iptables:iptables curl:curl busybox:busybox-static; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  bin=$(dirname "$(command -v dockerd)")
else
  # engine-28.sh's packages and its bin/ (the new daemon, containerd, shim, proxy and the system runc).
  NETMODES_28_NAME=netmodes-28 bash "$(dirname "$0")/engine-28.sh" fetch >/dev/null
  bin=/var/lib/netmodes-28/bin
fi
export PATH="$bin:$PATH"

# --- The LAN: a bridge alone in its namespace ----------------------------------------
if ! [ -e "/run/netns/$lanns" ]; then
  ip netns add "$lanns"
fi
ip -n "$lanns" link set lo up
# It routes nothing: the gateway address answers ARP and pings, no more.
nsenter --net="/run/netns/$lanns" sysctl -qw net.ipv4.ip_forward=0
ip -n "$lanns" link show "$bridge" >/dev/null 2>&1 || ip -n "$lanns" link add "$bridge" type bridge
ip -n "$lanns" link set "$bridge" up
ip -n "$lanns" -4 addr show dev "$bridge" | grep -q ' 203\.0\.113\.1/24 ' ||
  ip -n "$lanns" addr add 203.0.113.1/24 brd + dev "$bridge"

for i in $(seq 1 "$count"); do
  node_names "$i"
  # --- The node's namespace and its eth0 on the LAN ----------------------------------
  if ! [ -e "/run/netns/$netns" ]; then
    ip netns add "$netns"
    # As on a booted host: forwarding off until dockerd turns it on (and sets FORWARD to DROP).
    nsenter --net="/run/netns/$netns" sysctl -qw net.ipv4.ip_forward=0
  fi
  ip -n "$netns" link set lo up
  if ! ip -n "$netns" link show eth0 >/dev/null 2>&1; then
    # Created straight in the two namespaces: neither end ever shows up on the machine.
    ip link add eth0 netns "$netns" type veth peer name "node$i" netns "$lanns"
  fi
  ip -n "$lanns" link set "node$i" master "$bridge" up
  ip -n "$netns" link set eth0 up
  address=203.0.113.$((10 + i))
  # (JSON: the text form looks up the peer's namespace and complains on a veth into another one.)
  if ! ip -n "$netns" -j -4 addr show dev eth0 | grep -q "\"local\":\"$address\",\"prefixlen\":24,\"broadcast\":\"203.0.113.255\""; then
    ip -n "$netns" addr flush dev eth0
    ip -n "$netns" addr add "$address/24" brd + dev eth0
  fi
  ip -n "$netns" route replace default via 203.0.113.1 dev eth0
  # The engines' guard (scripts/test-engine.sh, resetEngine), but for the LAN: nothing forwarded
  # out of eth0, and no ICMP, except to the other nodes. Their answers from a container behind a
  # published port are forwarded out of eth0 too; the recorder resets nodes without its own guard.
  in_ns() { nsenter --net="/run/netns/$netns" "$@"; }
  # (The broad form an earlier reset may have added goes.)
  while in_ns iptables -t mangle -D FORWARD -o eth0 -j DROP 2>/dev/null; do :; done
  while in_ns iptables -t mangle -D POSTROUTING -o eth0 -p icmp -j DROP 2>/dev/null; do :; done
  in_ns iptables -t mangle -C FORWARD -o eth0 ! -d 203.0.113.0/24 -j DROP 2>/dev/null ||
    in_ns iptables -t mangle -A FORWARD -o eth0 ! -d 203.0.113.0/24 -j DROP
  in_ns iptables -t mangle -C POSTROUTING -o eth0 -p icmp ! -d 203.0.113.0/24 -j DROP 2>/dev/null ||
    in_ns iptables -t mangle -A POSTROUTING -o eth0 -p icmp ! -d 203.0.113.0/24 -j DROP

  # --- containerd and dockerd -----------------------------------------------------------
  # A containerd of its own: engines sharing one would share its "moby" namespace.
  mkdir -p "$state/containerd" "$run/containerd" "$run/docker" "$state/docker"
  if ! alive "$ctrpidfile"; then
    if [ "$tag" = 28 ]; then
      printf "version = 3\nroot = '%s'\nstate = '%s'\ndisabled_plugins = ['io.containerd.grpc.v1.cri', 'io.containerd.cri.v1.images', 'io.containerd.cri.v1.runtime']\n\n[grpc]\n  address = '%s'\n" \
        "$state/containerd" "$run/containerd/state" "$ctrsock" >"$state/containerd.toml"
    else
      printf "version = 2\nroot = '%s'\nstate = '%s'\ndisabled_plugins = ['io.containerd.grpc.v1.cri']\n\n[grpc]\n  address = '%s'\n" \
        "$state/containerd" "$run/containerd/state" "$ctrsock" >"$state/containerd.toml"
    fi
    rm -f "$ctrsock"
    nsenter --net="/run/netns/$netns" setsid containerd --config "$state/containerd.toml" >>"$state/containerd.log" 2>&1 </dev/null &
    echo $! >"$ctrpidfile"
  fi
done

# The daemons, started together (each takes seconds), then waited for.
for i in $(seq 1 "$count"); do
  node_names "$i"
  for _ in $(seq 1 60); do [ -S "$ctrsock" ] && break; sleep 0.5; done
  [ -S "$ctrsock" ] || { echo "node$i: containerd did not start; see $state/containerd.log" >&2; tail -20 "$state/containerd.log" >&2; exit 1; }
  if ! engine_answers "$sock"; then
    # An empty daemon.json of its own: never the machine's /etc/docker/daemon.json.
    [ -f "$state/daemon.json" ] || echo '{}' >"$state/daemon.json"
    # A service's task uses the image the node has (the test image) without first trying
    # to pull it from a registry, which no node can reach (daemon/cluster/executor/container:
    # DOCKER_SERVICE_PREFER_OFFLINE_IMAGE); else each task waits ~20 s for that pull to fail.
    nsenter --net="/run/netns/$netns" env DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 setsid dockerd --config-file "$state/daemon.json" --containerd "$ctrsock" \
      --data-root "$state/docker" --exec-root "$run/docker" --pidfile "$pidfile" \
      -H "unix://$sock" >>"$state/dockerd.log" 2>&1 </dev/null &
  fi
done
for i in $(seq 1 "$count"); do
  node_names "$i"
  for _ in $(seq 1 120); do engine_answers "$sock" && break; sleep 0.5; done
  engine_answers "$sock" || { echo "node$i: dockerd did not start; see $state/dockerd.log" >&2; tail -20 "$state/dockerd.log" >&2; exit 1; }
  DOCKER_HOST=unix://$sock bash "$(dirname "$0")/test-image.sh" >/dev/null
  version=$(curl -fsS --unix-socket "$sock" http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -n 1)
  echo "node$i: Docker Engine $version at unix://$sock (namespace $netns, 203.0.113.$((10 + i))/24 on eth0)"
done
