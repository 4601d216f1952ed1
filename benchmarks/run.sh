#!/usr/bin/env bash
# Issue-7 benchmarks, one command (after `mvn install -DskipTests` at the root):
#
#   benchmarks/run.sh [accounts] [--smoke]     (default 1,000,000 accounts; --smoke: 1,000 accounts, a few requests)
#
# 1. cold start: a plain Karaf 4.4 start of this distribution with only Karaf's own boot features (baseline) against
#    the full Atrium start (every module), time to ready and heap used after a full GC;
# 2. REST throughput and 3. list queries: AtriumBench.java against the running distribution with the benchmark
#    bundle (benchmarks/org.atriumcrm.bench) dropped into deploy/.
# Ports 18381 (HTTP), 18301 (SSH), 18399/18344 (RMI); the baseline Karaf uses 18481/18401/18499/18444.
# Prints one markdown table per benchmark; output and logs under benchmarks/target/run/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
accounts=1000000
smoke=
for a in "$@"; do
  case "$a" in
    --smoke) smoke=--smoke; accounts=1000 ;;
    *) accounts=$a ;;
  esac
done
dist=$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)
bench=$(ls benchmarks/org.atriumcrm.bench/target/org.atriumcrm.bench-*.jar | grep -v sources | head -n 1)
work=benchmarks/target/run
rm -rf "$work" && mkdir -p "$work"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret

unpack() { unpack_distribution "$@" "$dist"; } # dir http ssh rmiRegistry rmiServer
now_ms() { date +%s%3N; }
pid_of() { # the JVM of the Karaf in $1 (jcmd lists JVMs with their main class and arguments)
  for _ in $(seq 1 100); do
    p=$(jcmd -l 2>/dev/null | grep -F "$(cd "$1" && pwd)" | awk '{print $1}' | head -n 1 || true)
    [ -z "$p" ] && p=$(jcmd -l 2>/dev/null | grep org.apache.karaf.main.Main | awk '{print $1}' | while read -r q; do
      [ "$(readlink -f /proc/$q/cwd)" = "$(cd "$1" && pwd)" ] && echo "$q"; done | head -n 1 || true)
    [ -n "$p" ] && { echo "$p"; return 0; }
    sleep 0.1
  done
  echo "no JVM for $1" >&2; return 1
}
ssh_ready() { # port: the SSH server answers with its banner
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  local line; IFS= read -r -t 2 line <&3 || true; exec 3>&- 3<&-
  [[ "$line" == SSH-* ]]
}
heap_mb() { # pid: heap used after a full GC, in MB
  jcmd "$1" GC.run >/dev/null
  sleep 1
  jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }'
}
stop_karaf() { "$1/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 100); do kill -0 "$2" 2>/dev/null || return 0; sleep 0.2; done; }

# ---- 1. cold start ----
plain=$work/karaf-plain
unpack "$plain" 18481 18401 18499 18444
# only Karaf's own first boot stage (shell, ssh, management, scr, ...): no Atrium feature, no CXF, no JPA
sed -i '/^ *(atrium-customers/d; s/scr), *\\$/scr)/' "$plain/etc/org.apache.karaf.features.cfg"
t0=$(now_ms)
(cd "$plain" && exec bin/karaf server > ../plain-console.log 2>&1) &
for _ in $(seq 1 1200); do ssh_ready 18401 && break; sleep 0.1; done
plain_ssh=$(( $(now_ms) - t0 ))
sleep 5 # let the first stage settle (bundles still starting after the SSH port opened) before measuring the heap
plain_pid=$(pid_of "$plain")
plain_heap=$(heap_mb "$plain_pid")
stop_karaf "$plain" "$plain_pid"

home=$work/atrium
unpack "$home" 18381 18301 18399 18344
base=http://localhost:18381
t0=$(now_ms)
(cd "$home" && exec bin/karaf server > ../atrium-console.log 2>&1) &
trap '"$home/bin/stop" >/dev/null 2>&1 || true' EXIT
atrium_ssh=
for _ in $(seq 1 3000); do
  [ -z "$atrium_ssh" ] && ssh_ready 18301 && atrium_ssh=$(( $(now_ms) - t0 ))
  [ "$(curl -s -o /dev/null -w '%{http_code}' $base/api/v1/health)" = 200 ] && break; sleep 0.1
done
atrium_health=$(( $(now_ms) - t0 ))
meta_ready() { # every entity type of every enabled module is in /api/v1/meta
  local modules meta
  modules=$(curl -s -u "admin:$ATRIUM_ADMIN_PASSWORD" $base/api/v1/admin/modules) || return 1
  meta=$(curl -s -u "admin:$ATRIUM_ADMIN_PASSWORD" $base/api/v1/meta/entities) || return 1
  local wanted; wanted=$(echo "$modules" | grep -o '"plural" *: *"[^"]*"' | sort -u)
  [ -n "$wanted" ] || return 1
  while read -r w; do echo "$meta" | grep -qF "$w" || return 1; done <<< "$wanted"
}
for _ in $(seq 1 3000); do meta_ready && break; sleep 0.1; done
atrium_meta=$(( $(now_ms) - t0 ))
atrium_pid=$(pid_of "$home")
atrium_heap=$(heap_mb "$atrium_pid")
types=$(curl -s -u "admin:$ATRIUM_ADMIN_PASSWORD" $base/api/v1/admin/modules | grep -o '"plural" *: *"[^"]*"' | sort -u | wc -l)

echo
echo "Cold start, first start of a fresh unpack ($(nproc) cores, $(awk '/MemTotal/ {print int($2/1024/1024)}' /proc/meminfo) GB, $(java -version 2>&1 | head -n 1)):"
echo
echo "| start | SSH banner s | ready s | heap used after full GC MB | ready / plain Karaf | heap / plain Karaf |"
echo "| --- | --- | --- | --- | --- | --- |"
printf '| plain Karaf (Karaf boot features only) | %.1f | %.1f (SSH) | %s | 1.00 | 1.00 |\n' \
  "$(echo "$plain_ssh/1000" | bc -l)" "$(echo "$plain_ssh/1000" | bc -l)" "$plain_heap"
printf '| Atrium, every module: health 200 | %.1f | %.1f | | %.1f | |\n' "$(echo "$atrium_ssh/1000" | bc -l)" \
  "$(echo "$atrium_health/1000" | bc -l)" "$(echo "$atrium_health/$plain_ssh" | bc -l)"
printf '| Atrium, every module: meta lists all %s entity types | | %.1f | %s | %.1f | %.1f |\n' "$types" \
  "$(echo "$atrium_meta/1000" | bc -l)" "$atrium_heap" "$(echo "$atrium_meta/$plain_ssh" | bc -l)" "$(echo "$atrium_heap/$plain_heap" | bc -l)"

# ---- 2. and 3. REST throughput, list queries ----
cp "$bench" "$home/deploy/"
for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w "%{http_code}" $base/api/v1/public/bench/account)" = 200 ] && break; sleep 0.1; done
java benchmarks/AtriumBench.java "$base" "$ATRIUM_ADMIN_PASSWORD" "$accounts" $smoke
