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
source benchmarks/distribution.sh
accounts=${1:-1000000}
dist=$(ls karaf-distribution/target/atrium-distribution-*.tar.gz | head -n 1)
work=benchmarks/target/lists
rm -rf "$work" && mkdir -p "$work/atrium"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
echo "$ATRIUM_ADMIN_PASSWORD" > "$work/admin-password" # to look at the loaded distribution afterwards
home=$work/atrium
unpack_distribution "$home" 18581 18501 18599 18544 "$dist"

start() { start_distribution "$home" "$work/console.log"; }
stop() { stop_distribution "$home"; }
trap stop EXIT

start
java benchmarks/ListBench.java http://localhost:18581 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --label "fresh start" | tee "$work/fresh.md"
stop
start
java benchmarks/ListBench.java http://localhost:18581 "$ATRIUM_ADMIN_PASSWORD" "$accounts" --measure-only --label "after a restart" | tee "$work/restart.md"
