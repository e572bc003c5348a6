#!/usr/bin/env bash
# The reference page in a real browser (called by scripts/test.sh after the
# Python suites; runs alone too): Debian's Chromium, driven by Playwright
# (playwright-core from npm, which never downloads a browser of its own),
# against `yrkesresan serve` started here on 127.0.0.1. The screenshot is
# kept at build/artifacts/web/page.png.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/ensure-deps.sh" --python >&2
if ! command -v chromium >/dev/null; then
  echo "test-web: installing Debian's chromium"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
py="$root/.venv/bin/python"
"$py" -m pip install -q --no-build-isolation --no-deps "$root"
( cd "$root/tests/web" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent )

port="$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
artifacts="$root/build/artifacts/web"
mkdir -p "$artifacts"
"$root/.venv/bin/yrkesresan" serve --host 127.0.0.1 --port "$port" >"$artifacts/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  "$py" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$artifacts/server.log"; exit 1; }
  sleep 0.2
done
echo "test-web: the page in headless chromium"
( cd "$root/tests/web" && YR_BASE_URL="http://127.0.0.1:$port" YR_SCREENSHOT="$artifacts/page.png" node --test page.test.mjs )
echo "test-web: passed; screenshot $artifacts/page.png"
