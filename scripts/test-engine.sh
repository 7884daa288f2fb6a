#!/usr/bin/env bash
# Prepares a real Docker Engine for the adapter and conformance tests, on a
# Debian machine where we are root: Debian's docker.io (Engine 20.10),
# busybox-static and iptables; a guard so no probe can leave through the
# uplink; dockerd started if it does not answer; and the test image, made
# with `docker import` since no registry is reachable.
set -euo pipefail

if ! command -v dockerd >/dev/null 2>&1 || ! command -v busybox >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1 || ! command -v ping >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io busybox-static iptables iproute2 curl iputils-ping >/dev/null
fi

# Probe traffic may only reach what the tests create: drop anything forwarded out of the uplink.
uplink=$(ip -j route show default | sed -n 's/.*"dev":"\([^"]*\)".*/\1/p' | head -n 1)
uplink=${uplink:-eth0}
iptables -t mangle -C FORWARD -o "$uplink" -j DROP 2>/dev/null || iptables -t mangle -A FORWARD -o "$uplink" -j DROP
iptables -t mangle -C POSTROUTING -o "$uplink" -p icmp -j DROP 2>/dev/null ||
  iptables -t mangle -A POSTROUTING -o "$uplink" -p icmp -j DROP

# The engine: DOCKER_HOST's unix socket, else the default one (started here when nothing answers).
sock=/var/run/docker.sock
case "${DOCKER_HOST:-}" in unix://*) sock=${DOCKER_HOST#unix://} ;; esac
api() { curl -fsS --unix-socket "$sock" "$@"; }
engine_answers() { api http://localhost/_ping >/dev/null 2>&1; }
if ! engine_answers && [ "$sock" = /var/run/docker.sock ]; then
  nohup dockerd >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do engine_answers && break; sleep 0.5; done
fi
engine_answers || { echo "no Docker engine answers on $sock; see /tmp/dockerd.log" >&2; tail -20 /tmp/dockerd.log >&2 2>/dev/null; exit 1; }

# The test image, made the same way for every engine.
DOCKER_HOST=unix://$sock bash "$(dirname "$0")/test-image.sh"
echo "Docker Engine $(api http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -n 1) ready on $sock, test image netmodes/busybox:test"
