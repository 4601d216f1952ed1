#!/bin/sh
# The browser tests (UiIT) drive Debian's headless chromium through chromedriver; install both when missing.
# Selenium is pointed at /usr/bin/chromedriver, so Selenium Manager never tries to download a driver.
# Without a CJK font the screenshots show Chinese as boxes (the checks read the DOM, so they pass either way):
# fonts-wqy-microhei is small; installed when no font covers Chinese.
set -e
if command -v chromedriver >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    apt-get install -y fonts-wqy-microhei || echo "no Chinese font installed: screenshots show Chinese as boxes" >&2
  fi
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium and chromium-driver are missing: run 'apt-get install -y chromium chromium-driver' as root" >&2
  exit 1
fi
apt-get install -y chromium chromium-driver fonts-wqy-microhei || { apt-get update && apt-get install -y chromium chromium-driver fonts-wqy-microhei; }
