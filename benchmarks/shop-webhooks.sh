#!/usr/bin/env bash
# Shop webhook benchmark (issue 16), one command after `mvn install -DskipTests` at the root:
#
#   benchmarks/shop-webhooks.sh [deliveries-per-client]     (default 250)
#
# Unpacks a fresh distribution, starts it and runs ShopWebhookBench.java over its REST API: a WooCommerce connector,
# signed order.created deliveries from 8 clients at once against the same endpoint's unsigned ping in the same run,
# and the time until every delivery became a sales order. Port 18881 (HTTP), 18801 (SSH), 18899/18844 (RMI).
# Output under benchmarks/target/shop-webhooks/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
work=benchmarks/target/shop-webhooks
rm -rf "$work" && mkdir -p "$work/atrium"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
home=$work/atrium
unpack_distribution "$home" 18881 18801 18899 18844
start_distribution "$home" "$work/console.log"
trap 'stop_distribution "$home"' EXIT
java benchmarks/ShopWebhookBench.java http://localhost:18881 "$ATRIUM_ADMIN_PASSWORD" "${1:-250}" | tee "$work/result.md"
