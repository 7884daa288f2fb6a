#!/usr/bin/env bash
# Starts a real Docker Engine 28 beside the 20.10 one that
# scripts/test-engine.sh installs. On a fresh Debian machine it installs what
# it needs itself (runc, iptables, iproute2, util-linux, curl, busybox-static,
# the Debian archive keyring). Debian root only; idempotent.
#
#   bash scripts/engine-28.sh         # start (or check) the engine, print its version
#   bash scripts/engine-28.sh stop    # stop the dockerd and containerd this script started
#   bash scripts/engine-28.sh fetch   # only fetch and unpack the engine into $state/bin (for scripts/swarm-nodes.sh)
#
# The engine comes from Debian's newer suite (testing, else unstable: the
# first that carries docker.io 28.x), fetched with `apt-get download` through
# a sources list and apt state of its own, so the machine stays on its
# release, and unpacked with `dpkg -x`. Its runc needs a newer glibc than the
# machine's, so the system runc serves instead.
#
# It runs in a network namespace of its own, so its bridges, routes and
# iptables never meet the 20.10 engine's. Stable names (the tests rely on them):
#   socket       unix:///run/netmodes-28.sock   (DOCKER_HOST for the docker client)
#   namespace    netmodes-28                    (host-side views: ip -n netmodes-28 ..., nsenter --net=/run/netns/netmodes-28 iptables-save)
#   pidfiles     /run/netmodes-28.pid (dockerd), /run/netmodes-28-containerd.pid
#   exec root    /run/netmodes-28/docker, containerd state /run/netmodes-28/containerd
#   state        /var/lib/netmodes-28 (packages, unpacked root, data root, logs)
# Its uplink is a veth eth0 (192.0.2.2/24, default via 192.0.2.1) whose peer
# sits alone, up and without an address, in namespace netmodes-28-uplink:
# default routes and MASQUERADE behave as on a host, yet nothing can leave the
# machine; forwarded traffic out of it is dropped in mangle as on the host.
#
# NETMODES_28_NAME (default netmodes-28) replaces netmodes-28 in every name
# above: a second instance, e.g. to check this script from nothing on a
# machine whose engine must keep running.
set -euo pipefail

name=${NETMODES_28_NAME:-netmodes-28}
state=/var/lib/$name
run=/run/$name
sock=/run/$name.sock
pidfile=/run/$name.pid
ctrpidfile=/run/$name-containerd.pid
ctrsock=$run/containerd/containerd.sock
netns=$name
uplinkns=$name-uplink

[ "$(id -u)" = 0 ] || { echo "engine-28.sh: run as root" >&2; exit 1; }

engine_answers() { curl -fsS --max-time 2 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1; }
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

if [ "${1:-start}" = stop ]; then
  stop_pid "$pidfile"
  stop_pid "$ctrpidfile"
  echo "Docker Engine 28 stopped (namespaces $netns and $uplinkns and $state are kept)"
  exit 0
fi
case "${1:-start}" in start | fetch) ;; *) echo "usage: engine-28.sh [start|stop|fetch]" >&2; exit 2 ;; esac

for tool in apt-get dpkg; do
  command -v "$tool" >/dev/null 2>&1 || { echo "engine-28.sh: $tool missing: a Debian machine is needed" >&2; exit 1; }
done
# The machine's own tools, from its own release: the daemon's runc, the host-side
# views and namespaces, the engine check and the test image.
missing=()
for pair in ip:iproute2 nsenter:util-linux setsid:util-linux iptables:iptables curl:curl runc:runc busybox:busybox-static; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- The packages: docker.io and containerd from the newer suite -----------------
# The mirror is whatever the machine's own sources name for its release.
# shellcheck source=scripts/debian-mirror.sh
. "$(dirname "$0")/debian-mirror.sh"
mirror() { debian_mirror engine-28.sh; }

fetch_packages() {
  local uri suite version apt
  uri=$(mirror)
  mkdir -p "$state/apt"
  for suite in ${NETMODES_28_SUITES:-testing unstable}; do
    apt=(-o "Dir::Etc::SourceList=$state/apt/$suite.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$state/apt/lists-$suite" -o "Dir::Cache=$state/apt/cache" -o APT::Sandbox::User=root)
    mkdir -p "$state/apt/lists-$suite/partial" "$state/apt/cache/archives/partial"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main" >"$state/apt/$suite.list"
    apt-get "${apt[@]}" update -qq >/dev/null
    version=$(apt-cache "${apt[@]}" show docker.io 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1)
    case "$version" in
    28.*)
      rm -rf "$state/debs" && mkdir -p "$state/debs"
      (cd "$state/debs" && apt-get "${apt[@]}" download -qq docker.io containerd >/dev/null)
      rm -rf "$state/root" && mkdir -p "$state/root"
      for deb in "$state"/debs/*.deb; do dpkg -x "$deb" "$state/root"; done
      return 0
      ;;
    esac
    echo "engine-28.sh: $suite carries docker.io ${version:-none}, not 28.x" >&2
  done
  echo "engine-28.sh: no suite of ${NETMODES_28_SUITES:-testing unstable} carries docker.io 28.x" >&2
  exit 1
}

if ! [ -x "$state/root/usr/sbin/dockerd" ] || ! "$state/root/usr/sbin/dockerd" --version 2>/dev/null | grep -q '^Docker version 28\.'; then
  fetch_packages
fi

# bin/ first on PATH: the new daemon, containerd, shim and proxy, and the system runc.
mkdir -p "$state/bin"
ln -sfn "$state/root/usr/sbin/dockerd" "$state/bin/dockerd"
ln -sfn "$state/root/usr/sbin/docker-proxy" "$state/bin/docker-proxy"
ln -sfn "$state/root/usr/bin/containerd" "$state/bin/containerd"
ln -sfn "$state/root/usr/bin/containerd-shim-runc-v2" "$state/bin/containerd-shim-runc-v2"
ln -sfn "$(command -v runc)" "$state/bin/runc"
[ "${1:-start}" = fetch ] && { echo "Docker Engine 28 unpacked; its programs in $state/bin"; exit 0; }

# --- The namespace and its fake uplink -----------------------------------------------
if ! [ -e "/run/netns/$netns" ]; then
  ip netns add "$netns"
  # A new namespace copies the host's IPv4 forwarding, which the 20.10 engine
  # has turned on; start from a booted host's 0, so that dockerd enables it
  # itself and sets the FORWARD policy to DROP, as it does on a real host.
  nsenter --net="/run/netns/$netns" sysctl -qw net.ipv4.ip_forward=0
fi
[ -e "/run/netns/$uplinkns" ] || ip netns add "$uplinkns"
ip -n "$netns" link set lo up
if ! ip -n "$netns" link show eth0 >/dev/null 2>&1; then
  # The peer is created straight in the uplink namespace, so it never shows up on the host.
  ip link add eth0 netns "$netns" type veth peer name eth0 netns "$uplinkns"
fi
ip -n "$uplinkns" link set eth0 up
ip -n "$netns" link set eth0 up
# With its broadcast address, as a host's DHCP or ifupdown would configure it.
if ! ip -n "$netns" -4 addr show dev eth0 | grep -q ' 192\.0\.2\.2/24 brd 192\.0\.2\.255 '; then
  ip -n "$netns" addr flush dev eth0
  ip -n "$netns" addr add 192.0.2.2/24 brd + dev eth0
fi
ip -n "$netns" route replace default via 192.0.2.1 dev eth0
# The same guard as the host's in scripts/test-engine.sh: nothing forwarded leaves through the uplink.
in_ns() { nsenter --net="/run/netns/$netns" "$@"; }
in_ns iptables -t mangle -C FORWARD -o eth0 -j DROP 2>/dev/null || in_ns iptables -t mangle -A FORWARD -o eth0 -j DROP
in_ns iptables -t mangle -C POSTROUTING -o eth0 -p icmp -j DROP 2>/dev/null ||
  in_ns iptables -t mangle -A POSTROUTING -o eth0 -p icmp -j DROP

# --- containerd and dockerd --------------------------------------------------------
# An own containerd, never the system one: dockerd would otherwise pick up
# /run/containerd/containerd.sock where one runs and share it with 20.10.
export PATH="$state/bin:$PATH"
mkdir -p "$state/containerd" "$run/containerd" "$run/docker" "$state/docker"
if ! alive "$ctrpidfile"; then
  cat >"$state/containerd.toml" <<EOF
version = 3
root = '$state/containerd'
state = '$run/containerd/state'
disabled_plugins = ['io.containerd.grpc.v1.cri', 'io.containerd.cri.v1.images', 'io.containerd.cri.v1.runtime']

[grpc]
  address = '$ctrsock'
EOF
  rm -f "$ctrsock"
  # Started straight (not through a shell function) so that $! is containerd itself.
  nsenter --net="/run/netns/$netns" setsid containerd --config "$state/containerd.toml" >>"$state/containerd.log" 2>&1 </dev/null &
  echo $! >"$ctrpidfile"
  for _ in $(seq 1 60); do [ -S "$ctrsock" ] && break; sleep 0.5; done
  [ -S "$ctrsock" ] || { echo "containerd did not start; see $state/containerd.log" >&2; tail -20 "$state/containerd.log" >&2; exit 1; }
fi

if ! engine_answers; then
  # An empty daemon.json of its own: never the host's /etc/docker/daemon.json.
  [ -f "$state/daemon.json" ] || echo '{}' >"$state/daemon.json"
  nsenter --net="/run/netns/$netns" setsid dockerd --config-file "$state/daemon.json" --containerd "$ctrsock" \
    --data-root "$state/docker" --exec-root "$run/docker" --pidfile "$pidfile" \
    -H "unix://$sock" >>"$state/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do engine_answers && break; sleep 0.5; done
fi
engine_answers || { echo "dockerd 28 did not start; see $state/dockerd.log" >&2; tail -20 "$state/dockerd.log" >&2; exit 1; }

# --- The test image, as for the 20.10 engine (same content label, rebuilt when stale) ---
DOCKER_HOST=unix://$sock bash "$(dirname "$0")/test-image.sh" >/dev/null

version=$(curl -fsS --unix-socket "$sock" http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -n 1)
echo "Docker Engine $version ready at unix://$sock (network namespace $netns), test image netmodes/busybox:test present"
