# Shared helpers of the bench scripts (sourced). Needs HTTP_PORT, SSH_PORT, RMI_REGISTRY_PORT, RMI_SERVER_PORT.
# Only loopback addresses are used.
. "$(dirname "${BASH_SOURCE[0]}")/../assembly/src/main/build/loopback.sh"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

now() { date +%s.%N; }

# unpack TGZ into DIR with our ports, loopback only, offline
prepare() {
  local tgz=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  tar xzf "$tgz" -C "$dir" --strip-components=1
  loopback "$dir" "$HTTP_PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT"
}

start() { # DIR -> sets KPID to the JVM
  local dir=$1
  (cd "$dir" && KARAF_EXEC=exec nohup bin/karaf daemon > "$dir/console.log" 2>&1 &)
  for _ in $(seq 1 100); do
    KPID=$(pgrep -f -- "-Dkaraf.base=$dir " | head -1 || true)
    [ -n "$KPID" ] && break; sleep 0.1
  done
  PIDS+=("$KPID")
}

stop() { # PID
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true
}

wait_health() { # with a deadline: a hang is the failure mode
  local deadline=$(( $(date +%s) + ${1:-300} ))
  until curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/v1/health"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "not healthy in time" >&2; return 1; }
    sleep 0.1
  done
}

median() { # numbers on stdin, one per line -> their median
  sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }

wait_url() { # URL USER:PASSWORD|- [SECONDS]: until it answers 200, with a deadline (- asks without a login)
  local deadline=$(( $(date +%s) + ${3:-300} ))
  local auth=(-u "$2"); [ "$2" = - ] && auth=()
  until curl -sf -o /dev/null "${auth[@]}" "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$1 did not answer in time" >&2; return 1; }
    sleep 0.2
  done
}
