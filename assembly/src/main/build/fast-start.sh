#!/usr/bin/env bash
# zhifa: makes the assembly in $1 start faster (issue 2), at build time, in two steps.
#
# 1. bin/karaf: Karaf 4.4 starts the JVM with --patch-module java.base/java.xml (its XML factory
#    locator, which only makes javax.xml factories prefer providers from bundles; Woodstox is the only
#    one in this assembly and CXF uses it directly). Any --patch-module turns class-data sharing (CDS)
#    off, even the JDK's own archive, so those options go. The boot classpath becomes relative to
#    KARAF_BASE, the JVM's working folder, so that an archive made here matches wherever the assembly is
#    unpacked (JDK 17 compares the classpath as written).
# 2. lib/zhifa.jsa: a dynamic CDS archive of the classes a boot loads, bundles' classes included,
#    recorded by booting a copy of the assembly once (-XX:ArchiveClassesAtExit) until it is healthy and
#    its log has settled. bin/setenv passes it to the JVM; a JVM other than the one that made it ignores
#    it and boots as before, only slower.
#
# 3. The tar.gz: karaf-maven-plugin stamps every entry with the time of archiving, and JDK 17 only maps
#    an archive whose boot jars have the modification times it recorded. So the package phase packs the
#    tar.gz again from the assembly folder, with the folder's own times (--repack), as the plugin does
#    otherwise: bin/ executable but for the .bat files, owned by 0:0.
#
# Usage: fast-start.sh ASSEMBLY_DIR [--no-archive]      (prepare-package: steps 1 and 2)
#        fast-start.sh --repack ASSEMBLY_DIR TAR_GZ     (package: step 3)
# Needs JAVA_HOME (a Java 17), GNU tar and free loopback ports.
set -euo pipefail
if [ "$1" = "--repack" ]; then
  DIST=$(cd "$2" && pwd); TGZ=$3
  [ -f "$TGZ" ] || { echo "fast-start: no $TGZ to pack again" >&2; exit 1; }
  name=$(basename "$TGZ" .tar.gz)
  find "$DIST/bin" -type f ! -name '*.bat' -exec chmod 755 {} +
  tar -C "$(dirname "$DIST")" -czf "$TGZ.tmp" --owner=0 --group=0 --numeric-owner \
      --transform "s,^$(basename "$DIST"),$name," "$(basename "$DIST")"
  mv "$TGZ.tmp" "$TGZ"
  exit 0
fi
DIST=$(cd "$1" && pwd)
KARAF="$DIST/bin/karaf"
fail() { echo "fast-start: $*" >&2; exit 1; }

# --- 1. the launcher ---------------------------------------------------------------------------------
# the specs locator's four options, and the comment that marks a patched bin/karaf
LOCATOR='--(patch-module java\.(base|xml)=|add-reads=java\.xml=java\.logging|add-exports=java\.base/org\.apache\.karaf\.specs\.locator=)'
MARK='zhifa: relative boot classpath'
if grep -q "$MARK" "$KARAF"; then
  : # already done (a rebuild over the same folder)
else
  n=$(grep -cE -e "$LOCATOR" "$KARAF" || true)
  [ "$n" = 4 ] || fail "bin/karaf does not hold the four specs-locator options this step removes (found $n): a new Karaf? Revisit this script."
  grep -q '^    cd "${KARAF_BASE}" || exit 2$' "$KARAF" || fail "bin/karaf has no 'cd \"\${KARAF_BASE}\"' line: a new Karaf? Revisit this script."
  block=$(mktemp)
  { echo "    # $MARK, so the class-data archive lib/zhifa.jsa matches (see bin/setenv)"; cat <<'SH'; } > "$block"
    if [ "${KARAF_BASE}" = "${KARAF_HOME}" ]; then
        ZHIFA_CP=""; ZHIFA_IFS=$IFS; IFS=:
        for f in ${CLASSPATH}; do ZHIFA_CP="${ZHIFA_CP:+${ZHIFA_CP}:}${f#"${KARAF_HOME}/"}"; done
        IFS=$ZHIFA_IFS; CLASSPATH=$ZHIFA_CP
    fi
SH
  sed -i -E -e "\\#$LOCATOR#d" \
      -e '/^    cd "\$\{KARAF_BASE\}" \|\| exit 2$/r '"$block" "$KARAF"
  rm -f "$block"
  grep -q "$MARK" "$KARAF" || fail "patching bin/karaf failed"
  sh -n "$KARAF" || fail "bin/karaf no longer parses"
fi

[ "${2:-}" = "--no-archive" ] && { rm -f "$DIST/lib/zhifa.jsa"; exit 0; }

# --- 2. the class-data archive -----------------------------------------------------------------------
[ -n "${JAVA_HOME:-}" ] || fail "JAVA_HOME is not set"
WORK="$DIST.cds-training"
rm -rf "$WORK" "$DIST/lib/zhifa.jsa"
cp -a "$DIST" "$WORK"    # -a: CDS checks the boot jars' sizes and modification times
PID=""
cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
HTTP_PORT=$(free_port); SSH_PORT=$(free_port); RMI_REGISTRY_PORT=$(free_port); RMI_SERVER_PORT=$(free_port)
. "$(dirname "$0")/loopback.sh"
loopback "$WORK" "$HTTP_PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT"

(cd "$WORK" && ZHIFA_CDS_DUMP="$WORK/zhifa.jsa" KARAF_EXEC=exec exec bin/karaf daemon > "$WORK/console.log" 2>&1) &
PID=$!
deadline=$((SECONDS + 300))
healthy() { # GET /api/v1/health answers 200 (bash's /dev/tcp: the build needs no curl)
  (
    exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT"
    printf 'GET /api/v1/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r -t 10 status <&3
    case "$status" in "HTTP/1."?" 200"*) exit 0 ;; *) exit 1 ;; esac
  ) 2>/dev/null
}
until healthy; do
  kill -0 "$PID" 2>/dev/null || fail "the training boot ended early: $(tail -20 "$WORK/console.log")"
  [ $SECONDS -lt $deadline ] || fail "the training boot was not healthy in 300 s: $(tail -20 "$WORK/data/log/karaf.log" 2>/dev/null)"
  sleep 0.2
done
# the plug-ins go on starting after health: record them too, until the log has been quiet for 3 s (at most 60 s)
log="$WORK/data/log/karaf.log"; deadline=$((SECONDS + 60)); last=""; quiet=0
while [ $SECONDS -lt $deadline ] && [ $quiet -lt 15 ]; do
  size=$(stat -c %s "$log" 2>/dev/null || echo 0)
  if [ "$size" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; last=$size; fi
  sleep 0.2
done
kill -TERM "$PID"
for _ in $(seq 1 600); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
kill -0 "$PID" 2>/dev/null && fail "the training boot did not stop in 120 s"
PID=""
[ -s "$WORK/zhifa.jsa" ] || fail "no archive was written: $(grep -v 'Skipping' "$WORK/console.log" | tail -20)"
mv "$WORK/zhifa.jsa" "$DIST/lib/zhifa.jsa"
echo "fast-start: lib/zhifa.jsa, $(( $(stat -c %s "$DIST/lib/zhifa.jsa") / 1048576 )) MB, recorded from one boot"
