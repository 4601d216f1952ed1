#!/usr/bin/env bash
# Web UI benchmark (issue 14), one command after `mvn install -DskipTests` at the root:
#
#   benchmarks/ui.sh [accounts]      (default 1,000,000)
#
# Unpacks a fresh distribution, starts it, loads the accounts through the import API (ListBench --load-only: 20
# reps owning 1/20 each), restarts it, then drives Debian's headless chromium (installed by the itests' script when
# missing) through UiBench.java: cold starts and list clicks as the administrator and as a rep, each click against
# the same API request's fetch time in the same run. Port 18681 (HTTP), 18601 (SSH), 18699/18644 (RMI). Output
# under benchmarks/target/ui/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
accounts=${1:-1000000}
dist=$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)
work=benchmarks/target/ui
rm -rf "$work" && mkdir -p "$work/atrium"
karaf-distribution/itests/src/test/scripts/ensure-chromium.sh
mvn -q -B -pl karaf-distribution/itests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$work/classpath"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
echo "$ATRIUM_ADMIN_PASSWORD" > "$work/admin-password"
home=$work/atrium
unpack_distribution "$home" 18681 18601 18699 18644 "$dist"

start() { start_distribution "$home" "$work/console.log"; }
stop() { stop_distribution "$home"; }
trap stop EXIT

start
java benchmarks/ListBench.java http://localhost:18681 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --load-only
stop
start
java benchmarks/ListBench.java http://localhost:18681 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --await-only
java -cp "$(cat "$work/classpath")" benchmarks/UiBench.java http://localhost:18681 "$ATRIUM_ADMIN_PASSWORD" bench.rep0 Bench-rep-Passw0rd | tee "$work/ui.md"
