#!/usr/bin/env bash
# Fetches Docker Compose v2 (the real binary) for the Engine API twin's
# tests: Debian's release carries only Compose 1.x, so the package comes from
# Debian's newer suite (testing, else unstable: the first that carries
# docker-compose 2.x), fetched with `apt-get download` through a sources list
# and apt state of its own, so the machine stays on its release, and unpacked
# with `dpkg -x` (it is one static binary). Debian root only; idempotent.
#
#   bash scripts/compose.sh     # prints the path of the docker-compose binary
#
# The mirror is the one the machine's own sources name for its release
# (scripts/debian-mirror.sh, shared with scripts/engine-28.sh).
set -euo pipefail

state=/var/lib/netmodes-compose
bin=$state/root/usr/libexec/docker/cli-plugins/docker-compose

[ "$(id -u)" = 0 ] || { echo "compose.sh: run as root" >&2; exit 1; }

if [ -x "$bin" ] && "$bin" version 2>/dev/null | grep -q 'version v\?2\.'; then
  echo "$bin"
  exit 0
fi

# shellcheck source=scripts/debian-mirror.sh
. "$(dirname "$0")/debian-mirror.sh"
uri=$(debian_mirror compose.sh)

mkdir -p "$state/apt"
for suite in ${NETMODES_COMPOSE_SUITES:-testing unstable}; do
  apt=(-o "Dir::Etc::SourceList=$state/apt/$suite.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$state/apt/lists-$suite" -o "Dir::Cache=$state/apt/cache" -o APT::Sandbox::User=root)
  mkdir -p "$state/apt/lists-$suite/partial" "$state/apt/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main" >"$state/apt/$suite.list"
  apt-get "${apt[@]}" update -qq >/dev/null
  version=$(apt-cache "${apt[@]}" show docker-compose 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1)
  case "$version" in
  2.*)
    rm -rf "$state/debs" "$state/root" && mkdir -p "$state/debs" "$state/root"
    (cd "$state/debs" && apt-get "${apt[@]}" download -qq docker-compose >/dev/null)
    for deb in "$state"/debs/*.deb; do dpkg -x "$deb" "$state/root"; done
    "$bin" version >&2
    echo "$bin"
    exit 0
    ;;
  esac
  echo "compose.sh: $suite carries docker-compose ${version:-none}, not 2.x" >&2
done
echo "compose.sh: no suite of ${NETMODES_COMPOSE_SUITES:-testing unstable} carries docker-compose 2.x" >&2
exit 1
