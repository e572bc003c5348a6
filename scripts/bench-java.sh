#!/usr/bin/env bash
# persons/s from Java (the FFM binding) against C (the C ABI) on the same
# records, in one run: the records of tests/scenarios, cycled to 20,000 with
# their own ids; the same thread counts. A benchmark, never run by the tests.
#   scripts/bench-java.sh [THREADS] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
threads="${1:-2}"
rounds="${2:-3}"
work="$root/build/bench-java"
mkdir -p "$work"
cmake --preset default >/dev/null
cmake --build --preset default --target yrkesresan_c >/dev/null
lib="$root/build/default/capi"

python3 - "$work/records.tsv" <<'PY'
import glob, json, sys
people = []
for f in sorted(glob.glob("tests/scenarios/*.json")):
    s = json.load(open(f))
    if "error" not in s and s.get("program") == "gr-barn-unga" and not s.get("overlays"):
        people.append((s["as_of"], s["person"]))
with open(sys.argv[1], "w") as out:
    for i in range(20000):
        as_of, person = people[i % len(people)]
        out.write(as_of + "\t" + json.dumps(dict(person, id=f"p-{i}"), ensure_ascii=False) + "\n")
PY

cc -O2 -o "$work/persons" "$root/benchmarks/java/persons.c" -I "$root/capi/include" \
    -I "$root/build/default/generated/include" -L "$lib" \
    -Wl,-rpath,"$lib" -lyrkesresan_c -lpthread
echo "20,000 records of tests/scenarios, $rounds rounds, gr-barn-unga, $(nproc) cores"
"$work/persons" "$work/records.tsv" 1 "$rounds"
"$work/persons" "$work/records.tsv" "$threads" "$rounds"

jdk="$("$root/scripts/find-jdk.sh")"
JAVA_HOME="$jdk" mvn -q -B --no-transfer-progress -Dstyle.color=never -f java/pom.xml test-compile
echo  # Maven leaves its colour reset without a newline
cp="$root/java/target/classes:$root/java/target/test-classes"
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Dyrkesresan.library="$lib/libyrkesresan_c.so.1" -cp "$cp" \
    se.yrkesresan.bench.PersonsPerSecond "$work/records.tsv" 1 "$rounds" | head -n 1
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Dyrkesresan.library="$lib/libyrkesresan_c.so.1" -cp "$cp" \
    se.yrkesresan.bench.PersonsPerSecond "$work/records.tsv" "$threads" "$rounds"
