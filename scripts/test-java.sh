#!/usr/bin/env bash
# The Java binding's suites (java/: JUnit 5 through Maven Surefire), called by
# scripts/test.sh after the C++ suites; runs alone too. Uses the default
# CMake build's libyrkesresan_c.so (built here if missing) and a JDK 22 or
# newer for the Foreign Function & Memory API (scripts/find-jdk.sh). Maven resolves JUnit and its plugins from Maven Central on the first
# run and offline after that.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! jdk="$("$root/scripts/find-jdk.sh")"; then
    echo "test-java: 0 passed, 1 failed"
    exit 1
fi
# Maven is Debian's package (scripts/debian-packages.txt).
"$root/scripts/ensure-deps.sh" >&2

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
echo "test-java: JDK at $jdk, library $lib"
JAVA_HOME="$jdk" mvn -B --no-transfer-progress "${offline[@]}" -f "$root/java/pom.xml" \
    -Dyrkesresan.library="$lib" -Dyrkesresan.source="$root" test
touch "$marker"
echo "test-java: all Java suites passed"
