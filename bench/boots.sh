#!/usr/bin/env bash
# Interleaved first boots of two assemblies (issue 2): A, B, A, B, ... each on a clean data folder,
# offline. Boot times on a shared two-core VM wander by ±20 % from minute to minute, more than most
# single changes to the boot are worth; comparing each B with the A booted just before it cancels most
# of that drift. Prints every boot (seconds to healthy and CPU seconds used by then), the medians, and
# the median of the per-round ratios B/A, the number to judge a change by.
# Usage: ./zhifa bench boots A.tar.gz B.tar.gz [rounds]   (default 10 rounds). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
A=$(realpath "$1"); B=$(realpath "$2"); ROUNDS=${3:-10}
WORK="$ROOT/bench/target/work-boots"
HTTP_PORT=${ZHIFA_BENCH_HTTP_PORT:-19381}
SSH_PORT=${ZHIFA_BENCH_SSH_PORT:-19301}
RMI_REGISTRY_PORT=19399
RMI_SERVER_PORT=19647
. "$ROOT/bench/lib.sh"

boot() { # TGZ -> "seconds cpu-seconds"
  prepare "$1" "$WORK"
  local t0 t1 cpu
  t0=$(now); start "$WORK"; wait_health; t1=$(now)
  cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$KPID/stat")   # utime + stime, in clock ticks of 1/100 s
  stop "$KPID"
  awk "BEGIN{printf \"%.2f %.1f\", $t1 - $t0, $cpu}"
}

: > "$WORK.txt"
for i in $(seq 1 "$ROUNDS"); do
  a=$(boot "$A"); b=$(boot "$B")
  echo "$a $b" >> "$WORK.txt"
  printf 'round %2d   A %s s (cpu %s s)   B %s s (cpu %s s)\n' "$i" ${a% *} ${a#* } ${b% *} ${b#* }
done
printf 'A median %.2f s   B median %.2f s\n' "$(awk '{print $1}' "$WORK.txt" | median)" "$(awk '{print $3}' "$WORK.txt" | median)"
printf 'RATIO B/A, median of the rounds = %.2f\n' "$(awk '{print $3 / $1}' "$WORK.txt" | median)"
