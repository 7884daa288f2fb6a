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

engine_answers() { curl -fsS --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; }
if ! engine_answers; then
  nohup dockerd >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do engine_answers && break; sleep 0.5; done
fi
engine_answers || { echo "dockerd did not start; see /tmp/dockerd.log" >&2; tail -20 /tmp/dockerd.log >&2; exit 1; }

# The test image: busybox-static and its applet links.
if ! curl -fsS --unix-socket /var/run/docker.sock http://localhost/images/netmodes/busybox:test/json >/dev/null 2>&1; then
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev"
  cp "$(command -v busybox)" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  tar -C "$root" -c . | curl -fsS --unix-socket /var/run/docker.sock -X POST \
    -H 'Content-Type: application/x-tar' --data-binary @- \
    'http://localhost/images/create?fromSrc=-&repo=netmodes/busybox&tag=test&changes=CMD%20%5B%22sh%22%5D' >/dev/null
  rm -rf "$root"
fi
echo "Docker Engine $(curl -fsS --unix-socket /var/run/docker.sock http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -n 1) ready, test image netmodes/busybox:test present"
