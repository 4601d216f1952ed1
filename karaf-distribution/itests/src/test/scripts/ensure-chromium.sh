#!/bin/sh
# The browser tests (UiIT) drive Debian's headless chromium through chromedriver; install both when missing.
# Selenium is pointed at /usr/bin/chromedriver, so Selenium Manager never tries to download a driver.
set -e
if command -v chromedriver >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium and chromium-driver are missing: run 'apt-get install -y chromium chromium-driver' as root" >&2
  exit 1
fi
apt-get install -y chromium chromium-driver || { apt-get update && apt-get install -y chromium chromium-driver; }
