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

# The test image: busybox-static and its applet links, labelled with a hash of
# the binary and its applet list. An image of that name from elsewhere (or an
# older busybox, e.g. one without `timeout`, which makes every probe look
# dropped) has another label or none, and is replaced.
busybox=$(command -v busybox)
# Matched in the shell: `busybox --list | grep -q` fails under pipefail when grep exits first (SIGPIPE).
applets=" $("$busybox" --list | tr '\n' ' ') "
for applet in sh sleep timeout ping nc echo cat; do
  case "$applets" in *" $applet "*) ;; *)
    echo "$busybox has no '$applet' applet, which the tests use; install busybox-static" >&2; exit 1 ;;
  esac
done
content=$({ sha256sum <"$busybox"; printf '%s\n' $applets | LC_ALL=C sort; } | sha256sum | cut -c1-64)
labelled=$(api http://localhost/images/netmodes/busybox:test/json 2>/dev/null |
  sed -n 's/.*"org\.netmodes\.busybox":"\([0-9a-f]*\)".*/\1/p' | head -n 1)
if [ "$labelled" != "$content" ]; then
  [ -z "$labelled" ] || echo "netmodes/busybox:test was made from another busybox: rebuilding it"
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  # changes: CMD ["sh"] and LABEL org.netmodes.busybox=<content>, URL-encoded, one per parameter.
  tar -C "$root" -c . | api -X POST -H 'Content-Type: application/x-tar' --data-binary @- \
    "http://localhost/images/create?fromSrc=-&repo=netmodes/busybox&tag=test&changes=CMD%20%5B%22sh%22%5D&changes=LABEL%20org.netmodes.busybox%3D$content" >/dev/null
  rm -rf "$root"
  labelled=$(api http://localhost/images/netmodes/busybox:test/json |
    sed -n 's/.*"org\.netmodes\.busybox":"\([0-9a-f]*\)".*/\1/p' | head -n 1)
  [ "$labelled" = "$content" ] || { echo "the test image was not built as expected" >&2; exit 1; }
fi
echo "Docker Engine $(api http://localhost/version | sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' | head -n 1) ready on $sock, test image netmodes/busybox:test (busybox ${content:0:12})"
