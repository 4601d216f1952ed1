#!/usr/bin/env bash
# List-view benchmark (issue 13), one command after `mvn install -DskipTests` at the root:
#
#   benchmarks/lists.sh [accounts]      (default 1,000,000; 5,000 or fewer: a smoke run with few samples)
#
# Unpacks a fresh distribution, starts it, loads the accounts through the import API (20 reps owning 1/20 each),
# waits for the list index, measures the whole matrix of ListBench.java (every sort, every filter kind, quick search,
# related list, deep pages, totals; administrator and rep; 1 and 8 clients; each against GET /accounts/{id} in the
# same run), then restarts the distribution and measures again. Port 18581 (HTTP), 18501 (SSH), 18599/18544 (RMI).
# Output under benchmarks/target/lists/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-1000000}
dist=$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)
work=benchmarks/target/lists
rm -rf "$work" && mkdir -p "$work/atrium"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
echo "$ATRIUM_ADMIN_PASSWORD" > "$work/admin-password" # to look at the loaded distribution afterwards
home=$work/atrium
tar -xzf "$dist" -C "$home" --strip-components=1
sed -i "s/^org.osgi.service.http.port=.*/org.osgi.service.http.port=18581/" "$home/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort = .*/sshPort = 18501/" "$home/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 18599/; s/^rmiServerPort = .*/rmiServerPort = 18544/" "$home/etc/org.apache.karaf.management.cfg"

start() { (cd "$home" && exec bin/karaf server >> ../console.log 2>&1) & }
stop() { "$home/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 150); do pgrep -f "$(cd "$home" && pwd)" >/dev/null || return 0; sleep 0.2; done; }
trap stop EXIT

start
java benchmarks/ListBench.java http://localhost:18581 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --label "fresh start" | tee "$work/fresh.md"
stop
start
java benchmarks/ListBench.java http://localhost:18581 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --measure-only --label "after a restart" | tee "$work/restart.md"
