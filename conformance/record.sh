#!/usr/bin/env bash
# Conformance recorder for netmodes: runs scenario files against a real
# Docker Engine 20.10 and stores raw observations under observed/NAME/.
#
# usage: bash conformance/record.sh [NAME...]   (all scenarios when no name)
#
# Scenario file format (scenarios/NAME.sh), one entry per line:
#   docker ...            a Docker CLI command, run as typed (bash -c)
#   host CMD              a root shell command run on the host
#   snapshot LABEL        (recorder directive) dump the full state now into
#                         observed/NAME/snapshots/LABEL/ (same files as the end)
#   # comment / blank     ignored
# Every docker/host line becomes one entry of steps.json.
set -u

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCEN_DIR="$HERE/scenarios"
OUT_ROOT="$HERE/observed"

# Use the Docker 20.10 CLI (Debian docker.io) so that client-side texts match
# 20.10; /usr/local/bin/docker on this machine is a newer (28.x) client.
DOCKER_BIN="${DOCKER_BIN:-/usr/bin/docker}"
SHIM_DIR="$(mktemp -d /tmp/nm-shim.XXXXXX)"
ln -s "$DOCKER_BIN" "$SHIM_DIR/docker"
export PATH="$SHIM_DIR:$PATH"
trap 'rm -rf "$SHIM_DIR"' EXIT

log() { echo "[record] $*" >&2; }

check_guards() {
  local m
  m="$(iptables-save -t mangle)"
  if ! grep -q -- '-A FORWARD -o eth0 -j DROP' <<<"$m"; then
    iptables -t mangle -A FORWARD -o eth0 -j DROP
    log "re-added mangle FORWARD guard"
  fi
  if ! grep -q -- '-A POSTROUTING -o eth0 -p icmp -j DROP' <<<"$m"; then
    iptables -t mangle -A POSTROUTING -o eth0 -p icmp -j DROP
    log "re-added mangle POSTROUTING guard"
  fi
}

daemon_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

fresh_engine() {
  log "fresh_engine: cleaning"
  if daemon_up; then
    local ids
    ids="$(docker ps -aq)"
    [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
    if [ "$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" != "inactive" ]; then
      docker swarm leave --force >/dev/null 2>&1
    fi
    local nets
    nets="$(docker network ls --format '{{.Name}}' | grep -v -x -E 'bridge|host|none')"
    for n in $nets; do docker network rm "$n" >/dev/null 2>&1; done
  fi
  # stop dockerd
  local pids
  pids="$(pidof dockerd || true)"
  if [ -n "$pids" ]; then
    kill $pids
    for _ in $(seq 1 150); do
      pidof dockerd >/dev/null || break
      sleep 0.2
    done
    pids="$(pidof dockerd || true)"
    [ -n "$pids" ] && { log "dockerd did not stop; SIGKILL"; kill -9 $pids; sleep 1; }
  fi
  # wait for its managed containerd to go too
  for _ in $(seq 1 50); do
    pgrep -f '^containerd --config /var/run/docker/containerd/containerd.toml' >/dev/null || break
    sleep 0.2
  done
  rm -rf /var/lib/docker/network /var/lib/docker/swarm
  # leftover interfaces
  local ifs
  ifs="$(ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' \
        | grep -E '^(br-|docker_gwbridge$|docker0$|nmparent|mybr0$|vx-)' || true)"
  for i in $ifs; do ip link del "$i" 2>/dev/null; done
  # leftover docker netns mounts
  if [ -d /var/run/docker/netns ]; then
    for f in /var/run/docker/netns/*; do
      [ -e "$f" ] || continue
      umount "$f" 2>/dev/null; rm -f "$f"
    done
  fi
  iptables -t nat -F; iptables -t nat -X
  iptables -t filter -F; iptables -t filter -X
  # On a freshly booted host (ip_forward=0) dockerd enables forwarding and
  # sets the FORWARD policy to DROP; when forwarding is already on it leaves
  # the policy alone. Set DROP ourselves so every start looks like a first
  # start, without toggling ip_forward (other tools on this host use it).
  iptables -P FORWARD DROP
  check_guards
  setsid nohup dockerd >/tmp/dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 150); do
    daemon_up && break
    sleep 0.2
  done
  daemon_up || { log "dockerd failed to start"; tail -20 /tmp/dockerd.log >&2; exit 1; }
  check_guards
  log "fresh_engine: dockerd up (pid $(pidof dockerd))"
}

# dump_state DIR : write all state files into DIR
dump_state() {
  local d="$1"
  mkdir -p "$d/ns" "$d/netns"
  docker network inspect $(docker network ls -q) >"$d/networks.json" 2>"$d/networks.err"
  [ -s "$d/networks.err" ] || rm -f "$d/networks.err"
  local ids
  ids="$(docker ps -aq | tac)"   # ps lists newest first; we want oldest first
  if [ -n "$ids" ]; then
    docker inspect $ids >"$d/containers.json"
  else
    echo "[]" >"$d/containers.json"
  fi
  docker network ls >"$d/network-ls.txt" 2>&1
  docker ps -a --no-trunc >"$d/ps.txt" 2>&1
  iptables-save -t nat >"$d/iptables-nat.txt"
  iptables-save -t filter >"$d/iptables-filter.txt"
  ip -j addr >"$d/host-addr.json"
  ip -j route >"$d/host-route.json"
  ip -d -j link >"$d/host-link.json"
  ip addr >"$d/host-addr.txt"
  ip route >"$d/host-route.txt"
  ip -d link >"$d/host-link.txt"
  bridge link >"$d/bridge-link.txt" 2>&1
  local name pid
  for name in $(docker ps --format '{{.Names}}'); do
    pid="$(docker inspect -f '{{.State.Pid}}' "$name")"
    [ -n "$pid" ] && [ "$pid" != 0 ] || continue
    nsenter -t "$pid" -n ip -j addr >"$d/ns/$name.addr.json" 2>&1
    nsenter -t "$pid" -n ip -j route >"$d/ns/$name.route.json" 2>&1
    nsenter -t "$pid" -n ip addr >"$d/ns/$name.addr.txt" 2>&1
    nsenter -t "$pid" -n ip route >"$d/ns/$name.route.txt" 2>&1
    nsenter -t "$pid" -n ip -d -j link >"$d/ns/$name.link.json" 2>&1
    cat "/proc/$pid/root/etc/hosts" >"$d/ns/$name.hosts" 2>/dev/null
    cat "/proc/$pid/root/etc/resolv.conf" >"$d/ns/$name.resolv.conf" 2>/dev/null
    cat "/proc/$pid/root/etc/hostname" >"$d/ns/$name.hostname" 2>/dev/null
  done
  [ -n "$(ls -A "$d/ns")" ] || rmdir "$d/ns"
  # docker's own sandboxes (overlay: 1-xxxx, ingress_sbox, lb_xxx, ...)
  ls /var/run/docker/netns >"$d/docker-netns-ls.txt" 2>&1
  local f b
  for f in /var/run/docker/netns/*; do
    [ -e "$f" ] || continue
    b="$(basename "$f")"
    # container sandboxes are 12 hex chars; they are covered by ns/ above
    [[ "$b" =~ ^[0-9a-f]{12}$ ]] && continue
    nsenter --net="$f" ip -d -j link >"$d/netns/$b.link.json" 2>&1
    nsenter --net="$f" ip -j addr >"$d/netns/$b.addr.json" 2>&1
    nsenter --net="$f" ip -j route >"$d/netns/$b.route.json" 2>&1
    nsenter --net="$f" ip -d link >"$d/netns/$b.link.txt" 2>&1
    nsenter --net="$f" ip addr >"$d/netns/$b.addr.txt" 2>&1
    nsenter --net="$f" ip route >"$d/netns/$b.route.txt" 2>&1
  done
  [ -n "$(ls -A "$d/netns")" ] || rmdir "$d/netns"
  { echo "# ss -ltnup | grep docker-proxy"
    ss -ltnup | grep docker-proxy
    echo "# ps -eo args | grep docker-proxy"
    ps -eo args | grep '^/usr/[^ ]*docker-proxy\|^docker-proxy' ; } >"$d/docker-proxy.txt"
}

run_scenario() {
  local name="$1" file="$SCEN_DIR/$1.sh"
  [ -f "$file" ] || { log "no such scenario: $name"; return 1; }
  local out="$OUT_ROOT/$name"
  rm -rf "$out"; mkdir -p "$out"
  fresh_engine
  log "scenario $name"
  local steps="$out/.steps.jsonl" tmpo tmpe line rc
  : >"$steps"
  tmpo="$(mktemp)"; tmpe="$(mktemp)"
  while IFS= read -r line || [ -n "$line" ]; do
    # strip leading whitespace
    line="${line#"${line%%[![:space:]]*}"}"
    [ -z "$line" ] && continue
    case "$line" in
      \#*) continue ;;
      snapshot\ *)
        log "  snapshot ${line#snapshot }"
        dump_state "$out/snapshots/${line#snapshot }"
        continue ;;
      host\ *)
        bash -c "${line#host }" >"$tmpo" 2>"$tmpe" </dev/null; rc=$? ;;
      *)
        bash -c "$line" >"$tmpo" 2>"$tmpe" </dev/null; rc=$? ;;
    esac
    log "  [$rc] $line"
    jq -n -c --arg c "$line" --argjson e "$rc" --rawfile o "$tmpo" --rawfile r "$tmpe" \
      '{command:$c, exit:$e, stdout:$o, stderr:$r}' >>"$steps"
  done <"$file"
  rm -f "$tmpo" "$tmpe"
  jq -s '.' "$steps" >"$out/steps.json"; rm -f "$steps"
  dump_state "$out"
  cp /tmp/dockerd.log "$out/dockerd.log"
  { echo "client: $(docker version --format '{{.Client.Version}}')"
    echo "server: $(docker version --format '{{.Server.Version}}')"
    echo "kernel: $(uname -r)"
    echo "iptables: $(iptables --version)"; } >"$out/versions.txt"
  log "scenario $name done"
}

main() {
  command -v jq >/dev/null || apt-get install -y jq >/dev/null
  local names=("$@")
  if [ ${#names[@]} -eq 0 ]; then
    for f in "$SCEN_DIR"/*.sh; do names+=("$(basename "$f" .sh)"); done
  fi
  for n in "${names[@]}"; do run_scenario "$n"; done
  fresh_engine
}

main "$@"
