#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing; safe to
# run again. Debian packages with apt-get, Python packages with pip into the
# project-local virtual environment .venv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

debian_packages=(
  cmake ninja-build g++ pkg-config python3-venv
  nlohmann-json3-dev libboost-date-time-dev catch2
)
[ -f "$root/scripts/debian-packages.txt" ] && mapfile -t -O "${#debian_packages[@]}" debian_packages < <(grep -v '^#' "$root/scripts/debian-packages.txt" | grep -v '^$')

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ensure-deps: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--python" ]; then
  venv="$root/.venv"
  stamp="$venv/.requirements.sha256"
  want="$(sha256sum "$root/requirements-dev.txt" | cut -d' ' -f1)"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "ensure-deps: installing Python packages into .venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -r "$root/requirements-dev.txt"
    echo "$want" > "$stamp"
  fi
fi
