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
accounts=${1:-1000000}
dist=$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)
work=benchmarks/target/ui
rm -rf "$work" && mkdir -p "$work/atrium"
karaf-distribution/itests/src/test/scripts/ensure-chromium.sh
mvn -q -B -pl karaf-distribution/itests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$work/classpath"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
echo "$ATRIUM_ADMIN_PASSWORD" > "$work/admin-password"
home=$work/atrium
tar -xzf "$dist" -C "$home" --strip-components=1
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=18681/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort = .*/sshPort = 18601/" "$home/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 18699/; s/^rmiServerPort = .*/rmiServerPort = 18644/" "$home/etc/org.apache.karaf.management.cfg"

start() { (cd "$home" && exec bin/karaf server >> ../console.log 2>&1) & }
stop() { "$home/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 150); do pgrep -f "$(cd "$home" && pwd)" >/dev/null || return 0; sleep 0.2; done; }
trap stop EXIT

start
java benchmarks/ListBench.java http://localhost:18681 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --load-only
stop
start
java benchmarks/ListBench.java http://localhost:18681 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --await-only
java -cp "$(cat "$work/classpath")" benchmarks/UiBench.java http://localhost:18681 "$ATRIUM_ADMIN_PASSWORD" bench.rep0 Bench-rep-Passw0rd | tee "$work/ui.md"
