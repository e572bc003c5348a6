#!/usr/bin/env bash
# The Java binding's suites (java/: JUnit 5 through Maven Surefire), called by
# scripts/test.sh after the C++ suites; runs alone too. Uses the default
# CMake build's libyrkesresan_c.so (built here if missing) and a JDK 22 or
# newer for the Foreign Function & Memory API: JAVA_HOME when it is one, else
# the newest in /usr/lib/jvm (the machine's Temurin beside Debian's OpenJDK
# 17). Maven resolves JUnit and its plugins from Maven Central on the first
# run and offline after that.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# A JDK's feature version from its release file (0 when it is none).
jdk_version() {
    local release="$1/release"
    [[ -x "$1/bin/javac" && -f "$release" ]] || { echo 0; return; }
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1
}

jdk=""
if [[ -n "${JAVA_HOME:-}" && "$(jdk_version "$JAVA_HOME")" -ge 22 ]]; then
    jdk="$JAVA_HOME"
else
    best=0
    for candidate in /usr/lib/jvm/*/; do
        candidate="${candidate%/}"
        [[ -L "$candidate" ]] && continue
        v="$(jdk_version "$candidate")"
        if [[ "${v:-0}" -ge 22 && "$v" -gt "$best" ]]; then best="$v"; jdk="$candidate"; fi
    done
fi
if [[ -z "$jdk" ]]; then
    echo "test-java: no JDK 22 or newer (JAVA_HOME, /usr/lib/jvm); the binding needs the FFM API" >&2
    echo "test-java: 0 passed, 1 failed"
    exit 1
fi
if ! command -v mvn >/dev/null; then
    echo "test-java: installing Maven (Debian's package)" >&2
    apt-get install -y -qq maven >/dev/null
fi

lib="$root/build/default/capi/libyrkesresan_c.so.1"
if [[ ! -f "$lib" ]]; then
    cmake --preset default >/dev/null
    cmake --build --preset default --target yrkesresan_c
fi

# Offline once everything was fetched: the marker is written after a run
# that resolved all of it.
marker="$root/build/java-deps-resolved"
offline=()
[[ -f "$marker" ]] && offline=(--offline)
echo "test-java: JDK $(jdk_version "$jdk") at $jdk, library $lib"
JAVA_HOME="$jdk" mvn -B --no-transfer-progress "${offline[@]}" -f "$root/java/pom.xml" \
    -Dyrkesresan.library="$lib" -Dyrkesresan.source="$root" test
touch "$marker"
echo "test-java: all Java suites passed"
