# Sourced by scripts that fetch packages from Debian's newer suite
# (engine-28.sh, compose.sh): the mirror the machine's own apt sources name
# for its release, deb822 stanzas first, then sources.list.
#   debian_mirror NAME   # prints the URI, or says NAME found none and exits 1
debian_mirror() {
  local codename uri=""
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
    # deb822 stanzas: the first URI of a `deb` stanza whose Suites include the release itself.
    uri=$(awk -v want="$codename" '
      function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ") && uris != "" && found == "") { split(uris, u, " "); found = u[1] } types = suites = uris = "" }
      /^[[:space:]]*$/ { flush(); next }
      /^Types:/ { sub(/^Types:[[:space:]]*/, ""); types = $0 }
      /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
      /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris = $0 }
      END { flush(); print found }' /etc/apt/sources.list.d/*.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk -v want="$codename" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i + 1) == want) { print $i; exit } }' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { echo "$1: no Debian mirror for '$codename' in the apt sources" >&2; exit 1; }
  echo "${uri%/}"
}
