#!/usr/bin/env bash
# Benchmarks of the walking skeleton, measured in one run on this machine:
#   1. boot-to-healthy of the zhifa assembly vs a bare Karaf 4.4.10 boot      (goal ≤ 1.5×)
#   2. idle RSS of the zhifa JVM                                              (goal ≤ 400 MB)
#   3. GET /api/v1/personnel throughput at 100 000 officers vs the trivial
#      GET /api/v1/version on the same server                                 (goal ≥ 0.5×),
#      for the first page and (worst case) random deep pages sorted by name
# Usage: ./zhifa bench [runs]   (default 5 boots each: boot times on a shared VM wander by ±20 %). Only loopback addresses are used.
#        ./zhifa bench boot [runs]   the boot ratio only (about a minute per run)
# Ports: ZHIFA_BENCH_HTTP_PORT, ZHIFA_BENCH_SSH_PORT, ZHIFA_BENCH_RMI_REGISTRY_PORT, ZHIFA_BENCH_RMI_SERVER_PORT;
# ZHIFA_BENCH_DIST names another assembly tar.gz to measure (default: the one built here).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BOOT_ONLY=; if [ "${1:-}" = boot ]; then BOOT_ONLY=1; shift; fi
RUNS=${1:-5}
OFFICERS=${ZHIFA_BENCH_OFFICERS:-100000}
WORK="$ROOT/bench/target/work"
KARAF_VERSION=4.4.10
DIST_TGZ=${ZHIFA_BENCH_DIST:-"$ROOT/assembly/target/zhifa-assembly-0.1.0-SNAPSHOT.tar.gz"}
BARE_TGZ="$ROOT/bench/target/apache-karaf-$KARAF_VERSION.tar.gz"
HTTP_PORT=${ZHIFA_BENCH_HTTP_PORT:-18181}
SSH_PORT=${ZHIFA_BENCH_SSH_PORT:-18101}
RMI_REGISTRY_PORT=${ZHIFA_BENCH_RMI_REGISTRY_PORT:-11099}
RMI_SERVER_PORT=${ZHIFA_BENCH_RMI_SERVER_PORT:-44447}

[ -f "$DIST_TGZ" ] || mvn -B -q install -DskipTests
[ -d "$ROOT/bench/target/classes/org" ] || mvn -B -q -pl bench compile
if [ ! -f "$BARE_TGZ" ]; then
  mvn -B -q dependency:copy -Dartifact=org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz \
      -DoutputDirectory="$ROOT/bench/target" -Dmdep.useBaseVersion=true
fi

. "$ROOT/bench/lib.sh"

# bare Karaf has no user: give it one for the shell probe
add_admin() {
  local etc=$1/etc
  if ! grep -q '^admin' "$etc/users.properties"; then
    printf 'admin = admin,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembroker,ssh\n' >> "$etc/users.properties"
  fi
}

wait_shell() { # bare Karaf is up when its shell answers at start level 100; prints when that probe began
  local dir=$1 began
  until (exec 3<>/dev/tcp/127.0.0.1/"$SSH_PORT") 2>/dev/null; do sleep 0.1; done
  while :; do
    began=$(now)   # a client JVM takes a second to start: count the boot up to the probe's start only
    "$dir/bin/client" -h 127.0.0.1 -a "$SSH_PORT" -u admin -p admin -b <<< 'system:start-level' 2>/dev/null \
      | grep -q 'Level 100' && break
    sleep 0.1
  done
  echo "$began"
}

echo "== boot (clean data folder, offline), $RUNS runs each"
: > "$WORK.bare"; : > "$WORK.zhifa"
mkdir -p "$(dirname "$WORK")"
for i in $(seq 1 "$RUNS"); do
  prepare "$BARE_TGZ" "$WORK/bare"; add_admin "$WORK/bare"
  t0=$(now); start "$WORK/bare"; t1=$(wait_shell "$WORK/bare")
  stop "$KPID"
  awk "BEGIN{print $t1 - $t0}" >> "$WORK.bare"
  prepare "$DIST_TGZ" "$WORK/zhifa"
  t0=$(now); start "$WORK/zhifa"; wait_health; t1=$(now)
  awk "BEGIN{print $t1 - $t0}" >> "$WORK.zhifa"
  [ "$i" -lt "$RUNS" ] && stop "$KPID"
done
BARE=$(median < "$WORK.bare"); ZHIFA=$(median < "$WORK.zhifa")
printf 'bare Karaf %s boot to shell:    median %.1f s  (%s)\n' "$KARAF_VERSION" "$BARE" "$(tr '\n' ' ' < "$WORK.bare")"
printf 'zhifa boot to healthy:          median %.1f s  (%s)\n' "$ZHIFA" "$(tr '\n' ' ' < "$WORK.zhifa")"
printf 'RATIO boot zhifa/bare = %.2f   (goal <= 1.5)\n' "$(awk "BEGIN{print $ZHIFA / $BARE}")"
# each zhifa boot right after its bare one: the median of those pairs' ratios shrugs off the VM's drift
printf 'paired: median of the %s per-run ratios = %.2f\n' "$RUNS" \
  "$(paste "$WORK.zhifa" "$WORK.bare" | awk '{print $1 / $2}' | median)"
[ -z "$BOOT_ONLY" ] || exit 0

echo "== idle RSS (30 s after healthy)"
sleep 30
RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$KPID/status")
printf 'RSS zhifa idle = %d MB   (goal <= 400 MB)\n' "$((RSS_KB / 1024))"

echo "== throughput at $OFFICERS officers"
CP="$ROOT/bench/target/classes"
java -cp "$CP" org.zhifa.bench.OfficerCsvGenerator "$WORK/officers.csv" "$OFFICERS" BENCH
t0=$(now)
"$WORK/zhifa/bin/client" -h 127.0.0.1 -a "$SSH_PORT" -u admin -p admin -b <<< "zhifa:personnel-import $WORK/officers.csv"
printf 'import of %d officers: %.1f s\n' "$OFFICERS" "$(awk "BEGIN{print $(now) - $t0}")"
run_load() { java -cp "$CP" org.zhifa.bench.LoadDriver "$@"; }
rps() { sed 's/.*rps=\([0-9.]*\).*/\1/' <<< "$1"; }
TRIVIAL=$(run_load "http://127.0.0.1:$HTTP_PORT/api/v1/version" - 8 20)
FIRST=$(run_load "http://127.0.0.1:$HTTP_PORT/api/v1/personnel?limit=50" officer:officer 8 20)
DEEP=$(run_load "http://127.0.0.1:$HTTP_PORT/api/v1/personnel?limit=50&sort=name&offset={offset}" officer:officer 8 20 \
  "$((OFFICERS - 50))")
echo "trivial   GET /api/v1/version:                                 $TRIVIAL"
echo "list      GET /api/v1/personnel?limit=50 (first page):         $FIRST"
echo "deep page GET /api/v1/personnel?limit=50&sort=name&offset=rand: $DEEP"
printf 'RATIO throughput personnel first page/trivial = %.2f   (goal >= 0.5)\n' \
  "$(awk "BEGIN{print $(rps "$FIRST") / $(rps "$TRIVIAL")}")"
printf 'RATIO throughput personnel random deep page sorted by name/trivial = %.3f   (worst case, no goal)\n' \
  "$(awk "BEGIN{print $(rps "$DEEP") / $(rps "$TRIVIAL")}")"
stop "$KPID"
