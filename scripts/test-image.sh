#!/usr/bin/env bash
# Makes sure the engine at DOCKER_HOST (a unix socket; default
# /var/run/docker.sock) has the test image netmodes/busybox:test, built with
# `docker import` since no registry is reachable. Shared by test-engine.sh
# (Engine 20.10) and engine-28.sh (Engine 28), so both engines get the same
# image and the same staleness check.
set -euo pipefail

sock=/var/run/docker.sock
case "${DOCKER_HOST:-}" in unix://*) sock=${DOCKER_HOST#unix://} ;; esac
api() { curl -fsS --unix-socket "$sock" "$@"; }

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
# No image of that name is a 404, which fails the pipeline under pipefail: that means "no label".
labelled=$({ api http://localhost/images/netmodes/busybox:test/json 2>/dev/null || true; } |
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
echo "test image netmodes/busybox:test on $sock (busybox ${content:0:12})"
