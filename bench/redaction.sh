#!/usr/bin/env bash
# Redaction benchmark (issue 6, D5), one JVM, no Karaf: the redactor's throughput in characters per second
# over the shared decision texts (../shared/testdata/redaction/decisions.json) repeated to ~50 MB of
# characters a run, one text per call as the disclosure service redacts; best of 3 runs after a warm-up.
# Baselines on the same texts, printed as ratios:
#   regex-only     one regular expression for 18-digit IDs and 11-digit mobiles (the naive redactor,
#                  which misses landlines, accounts, addresses and names)
#   String.replace the masks already known, applied with String.replace (the floor of copying the text)
# Measured 2026-11-26 on the shared 2-core build machine (load ~10 from parallel builds, so absolute numbers
# are low): redactor 5.5 M chars/s; 0.81x regex-only (6.8 M chars/s); 0.21x String.replace (26 M chars/s).
# Usage: ./zhifa bench redaction   (ZHIFA_BENCH_REDACTION_CHARS (50000000), ZHIFA_BENCH_REDACTION_RUNS (3))
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CHARS=${ZHIFA_BENCH_REDACTION_CHARS:-50000000}
RUNS=${ZHIFA_BENCH_REDACTION_RUNS:-3}
DATA="$ROOT/../shared/testdata/redaction/decisions.json"
[ -r "$DATA" ] || { echo "the shared test data is missing: $DATA" >&2; exit 1; }

[ -f "$ROOT/bench/target/classes/org/zhifa/bench/RedactionBench.class" ] \
  && [ -d "$ROOT/bundles/org.zhifa.disclosure/target/classes" ] || mvn -B -q install -DskipTests -pl bench -am
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$ROOT/bench/target/redaction.classpath" -pl bench >/dev/null
# this checkout's own classes, never another build's snapshot from the local repository
CP="$ROOT/bench/target/classes:$ROOT/bundles/org.zhifa.api/target/classes:$ROOT/bundles/org.zhifa.disclosure/target/classes"
CP="$CP:$(tr ':' '\n' < "$ROOT/bench/target/redaction.classpath" | grep -v '/org/zhifa/' | paste -sd:)"
java -Xmx512m -cp "$CP" org.zhifa.bench.RedactionBench "$DATA" "$CHARS" "$RUNS"
