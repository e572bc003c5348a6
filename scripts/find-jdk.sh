#!/usr/bin/env bash
# Prints the home of a JDK 22 or newer (the Java binding needs the Foreign
# Function & Memory API): JAVA_HOME when it is one, else the newest in
# /usr/lib/jvm (the machine's Temurin beside Debian's OpenJDK 17). Exits 1,
# saying so on stderr, when there is none.
set -euo pipefail

# A JDK's feature version from its release file (0 when it is none).
jdk_version() {
    local release="$1/release"
    [[ -x "$1/bin/javac" && -f "$release" ]] || { echo 0; return; }
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1
}

if [[ -n "${JAVA_HOME:-}" && "$(jdk_version "$JAVA_HOME")" -ge 22 ]]; then
    echo "$JAVA_HOME"
    exit 0
fi
best=0
jdk=""
for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [[ -L "$candidate" ]] && continue
    v="$(jdk_version "$candidate")"
    if [[ "${v:-0}" -ge 22 && "$v" -gt "$best" ]]; then best="$v"; jdk="$candidate"; fi
done
if [[ -z "$jdk" ]]; then
    echo "find-jdk: no JDK 22 or newer (JAVA_HOME, /usr/lib/jvm)" >&2
    exit 1
fi
echo "$jdk"
