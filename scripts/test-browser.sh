#!/usr/bin/env bash
# Prepares the browser the browser tests drive (packaging/test/browser.test.ts, apps/web/test):
# Debian's chromium at /usr/bin/chromium, on a Debian machine where we are root.
# Playwright's own browser download is never used; running this twice changes nothing.
# A CJK font too, so the web UI's screenshots in Chinese (apps/web/test) show the text, not boxes.
set -euo pipefail

if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq -o DPkg::Lock::Timeout=600
  # Another apt run may hold the dpkg lock (unattended upgrades, a parallel setup): wait for it.
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium fonts-wqy-zenhei >/dev/null
fi
echo "$(/usr/bin/chromium --version 2>/dev/null || echo chromium) ready at /usr/bin/chromium"
