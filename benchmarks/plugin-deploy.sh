#!/usr/bin/env bash
# Plugin hot-deploy benchmark: how long from dropping the pinyin plugin into deploy/ until its endpoint
# answers, against a baseline measured in the same run on the same container: dropping a bundle with no code
# until Karaf reports it started (fileinstall's own polling and install time, the floor for any plugin).
#
#   benchmarks/plugin-deploy.sh [rounds]     (after `mvn install -DskipTests`; uses ports 18181/18101)
#
# Prints one line per round and the medians with their ratio. Not a test: nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
dist=$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)
plugin=$(ls plugins-sdk/examples/org.atriumcrm.plugin.pinyin/target/org.atriumcrm.plugin.pinyin-*.jar | head -n 1)
work=benchmarks/target/plugin-deploy
rm -rf "$work" && mkdir -p "$work/karaf"
tar -xzf "$dist" -C "$work/karaf" --strip-components=1
home=$work/karaf
sed -i 's/^org.osgi.service.http.port=.*/org.osgi.service.http.port=18181/' "$home/etc/org.ops4j.pax.web.cfg"
sed -i 's/^sshPort = .*/sshPort = 18101/' "$home/etc/org.apache.karaf.shell.cfg"
export ATRIUM_ADMIN_PASSWORD=bench-$$
base=http://localhost:18181/api

# a bundle without code: the baseline
mkdir -p "$work/empty/META-INF"
printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: bench.empty\nBundle-Version: 1.0.0\n' \
  > "$work/empty/META-INF/MANIFEST.MF"
(cd "$work/empty" && jar --create --file ../bench-empty.jar --manifest META-INF/MANIFEST.MF)

"$home/bin/karaf" server > "$work/console.log" 2>&1 &
trap '"$home/bin/stop" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' $base/v1/health)" = 200 ] && break; sleep 0.5; done

now_ms() { date +%s%3N; }
wait_http() { # path expected-status
  for _ in $(seq 1 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:$ATRIUM_ADMIN_PASSWORD "$base$1")" = "$2" ] && return 0; sleep 0.05; done
  echo "timeout waiting for $1 -> $2" >&2; return 1
}
wait_started() { # symbolic name; fileinstall logs "Started bundle: file:..." when it is active
  for _ in $(seq 1 600); do grep -q "Started bundle: .*$1" "$home/data/log/karaf.log" 2>/dev/null && return 0; sleep 0.05; done
  echo "timeout waiting for $1" >&2; return 1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

base_times=(); plugin_times=()
for r in $(seq 1 "$rounds"); do
  : > "$home/data/log/karaf.log"
  t0=$(now_ms); cp "$work/bench-empty.jar" "$home/deploy/bench-empty-$r.jar"; wait_started "bench-empty-$r.jar"; t1=$(now_ms)
  rm "$home/deploy/bench-empty-$r.jar"
  t2=$(now_ms); cp "$plugin" "$home/deploy/pinyin.jar"; wait_http /v1/pinyin/status 200; t3=$(now_ms)
  rm "$home/deploy/pinyin.jar"; wait_http /v1/pinyin/status 404
  base_times+=($((t1 - t0))); plugin_times+=($((t3 - t2)))
  echo "round $r: empty bundle started after $((t1 - t0)) ms, pinyin plugin answering after $((t3 - t2)) ms"
done
b=$(printf '%s\n' "${base_times[@]}" | median); p=$(printf '%s\n' "${plugin_times[@]}" | median)
echo "median: baseline (empty bundle started) $b ms, plugin endpoint answering $p ms, ratio $(awk "BEGIN {printf \"%.2f\", $p / $b}")"
