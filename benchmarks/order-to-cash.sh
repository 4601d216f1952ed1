#!/usr/bin/env bash
# Order-to-cash benchmark (issue 15), one command after `mvn install -DskipTests` at the root:
#
#   benchmarks/order-to-cash.sh [lines] [deliveries-per-client]     (defaults 200 and 40)
#
# Unpacks a fresh distribution, starts it and runs OrderToCashBench.java over its REST API: a quote of N lines
# (each line re-totals the quote), delivery notes issued by 8 clients at once (one shared product, one product per
# client) and payments, each against a baseline of the same run. Port 18781 (HTTP), 18701 (SSH), 18799/18744 (RMI).
# Output under benchmarks/target/order-to-cash/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
work=benchmarks/target/order-to-cash
rm -rf "$work" && mkdir -p "$work/atrium"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
home=$work/atrium
unpack_distribution "$home" 18781 18701 18799 18744
start_distribution "$home" "$work/console.log"
trap 'stop_distribution "$home"' EXIT
java benchmarks/OrderToCashBench.java http://localhost:18781 "$ATRIUM_ADMIN_PASSWORD" "${1:-200}" "${2:-40}" | tee "$work/result.md"
