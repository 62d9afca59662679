#!/usr/bin/env bash
# Case-list benchmark (issue 3): 100 000 cases of 10 steps each; GET /api/v1/cases with a mix of
# filters under concurrent load against the trivial GET /api/v1/version on the same server, both
# authenticated the same way; p50/p99 latency, throughput ratio, and RSS after the load.
# Usage: ./zhifa bench cases   (ZHIFA_BENCH_CASES, ZHIFA_BENCH_THREADS, ZHIFA_BENCH_SECONDS to vary)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CASES=${ZHIFA_BENCH_CASES:-100000}
THREADS=${ZHIFA_BENCH_THREADS:-8}
SECONDS_LOAD=${ZHIFA_BENCH_SECONDS:-30}
WORK="$ROOT/bench/target/work-cases"
DIST_TGZ="$ROOT/assembly/target/zhifa-assembly-0.1.0-SNAPSHOT.tar.gz"
HTTP_PORT=${ZHIFA_BENCH_HTTP_PORT:-19181}
SSH_PORT=${ZHIFA_BENCH_SSH_PORT:-19101}
RMI_REGISTRY_PORT=19099
RMI_SERVER_PORT=19447
. "$ROOT/bench/lib.sh"

[ -f "$DIST_TGZ" ] || mvn -B -q install -DskipTests
[ -f "$ROOT/bench/target/classes/org/zhifa/bench/CaseDataGenerator.class" ] || mvn -B -q -pl bench compile

echo "== a bureau with $CASES cases of 10 steps"
API="http://127.0.0.1:$HTTP_PORT/api/v1"
CP="$ROOT/bench/target/classes"
# the generated database is kept for the next run (delete it after a schema change)
SAVED="$ROOT/bench/target/cases-$CASES-derby"
prepare "$DIST_TGZ" "$WORK"
if [ -d "$SAVED" ]; then
  mkdir -p "$WORK/data/zhifa"; cp -r "$SAVED" "$WORK/data/zhifa/derby"
  echo "reusing the database generated earlier ($SAVED)"
else
  start "$WORK"; wait_url "$API/cases?limit=1" officer:officer; stop "$KPID"   # the first boot creates the schema
  DERBY_JAR=$(find "$WORK/system/org/apache/derby/derby" -name 'derby-*.jar' | head -1)
  t0=$(now)
  java -cp "$CP:$DERBY_JAR" -Dderby.stream.error.file="$WORK/derby-generator.log" \
    org.zhifa.bench.CaseDataGenerator "$WORK/data/zhifa/derby" 430421 "$CASES"
  printf 'generated in %.0f s\n' "$(awk "BEGIN{print $(now) - $t0}")"
  cp -r "$WORK/data/zhifa/derby" "$SAVED"
fi
start "$WORK"; wait_url "$API/cases?limit=1" officer:officer
curl -sf -u officer:officer "$API/cases?limit=1" | head -c 300; echo
MIX="$API/cases?kind=penalty&status=OPEN&limit=50"
MIX="$MIX|$API/cases?due=overdue&sort=nextDue&asc=true&limit=50"
MIX="$MIX|$API/cases?category=%E5%9C%9F%E5%9C%B0%E7%AE%A1%E7%90%86&kind=license&sort=filedOn&limit=50"
MIX="$MIX|$API/cases?due=soon&within=5&limit=50"
MIX="$MIX|$API/cases?q=%E7%8E%8B%E6%9F%90&limit=50"
MIX="$MIX|$API/cases?limit=50&offset={offset}"
run_load() { java -cp "$CP" org.zhifa.bench.LoadDriver "$@"; }
rps() { sed 's/.*rps=\([0-9.]*\).*/\1/' <<< "$1"; }
echo "== load: $THREADS clients, ${SECONDS_LOAD} s each after warm-up"
TRIVIAL=$(run_load "$API/version" officer:officer "$THREADS" "$SECONDS_LOAD")
LIST=$(run_load "$MIX" officer:officer "$THREADS" "$SECONDS_LOAD" "$((CASES - 50))")
echo "trivial GET /api/v1/version:               $TRIVIAL"
echo "cases   GET /api/v1/cases (mix of filters): $LIST"
printf 'RATIO throughput case list/trivial = %.2f\n' "$(awk "BEGIN{print $(rps "$LIST") / $(rps "$TRIVIAL")}")"
printf 'RSS after the load = %d MB\n' "$(rss_mb "$KPID")"
stop "$KPID"
