#!/usr/bin/env bash
# Record benchmark (issue 4), one JVM on one embedded Derby database (no Karaf): appendAll throughput
# (1 KB payloads) against a raw JDBC batch insert of the same rows (goal >= 0.5x); full verification of
# the log against reading the same rows and SHA-256 over the same bytes (goal >= 0.3x); inclusion-proof
# latency at the log's size (goal p99 < 5 ms).
# Usage: ./zhifa bench record   (ZHIFA_BENCH_RECORD_SIZE (1000000), ZHIFA_BENCH_RECORD_APPENDS (100000),
#        ZHIFA_BENCH_RECORD_BATCH (100) to vary; ZHIFA_BENCH_RECORD_PARTS=verify runs only the verification). The filled log is kept in bench/target/record-<size>-derby
#        (delete it after a schema change); every run appends its timed entries to it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZE=${ZHIFA_BENCH_RECORD_SIZE:-1000000}
APPENDS=${ZHIFA_BENCH_RECORD_APPENDS:-100000}
BATCH=${ZHIFA_BENCH_RECORD_BATCH:-100}
DB="$ROOT/bench/target/record-$SIZE-derby"

[ -f "$ROOT/bench/target/classes/org/zhifa/record/internal/RecordBench.class" ] \
  && [ -d "$ROOT/bundles/org.zhifa.record/target/classes" ] || mvn -B -q install -DskipTests -pl bench -am
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$ROOT/bench/target/record.classpath" -pl bench >/dev/null
# this checkout's own classes, never another build's snapshot from the local repository
CP="$ROOT/bench/target/classes:$ROOT/bundles/org.zhifa.api/target/classes:$ROOT/bundles/org.zhifa.record/target/classes"
CP="$CP:$(tr ':' '\n' < "$ROOT/bench/target/record.classpath" | grep -v '/org/zhifa/' | paste -sd:)"
[ -d "$DB" ] && echo "reusing the log filled earlier ($DB)"
java -Xmx512m -Dderby.stream.error.file="$ROOT/bench/target/record-derby.log" -cp "$CP" \
  org.zhifa.record.internal.RecordBench "$DB" "$SIZE" "$APPENDS" "$BATCH" "${ZHIFA_BENCH_RECORD_PARTS:-append,verify,proof}"
