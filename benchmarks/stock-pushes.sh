#!/usr/bin/env bash
# Stock-push benchmark (issue 16), one command after `mvn install -DskipTests` at the root:
#
#   benchmarks/stock-pushes.sh [products] [movements]     (default 200 2000)
#
# Unpacks a fresh distribution, starts it and runs StockPushBench.java: stock movements booked over the REST API and
# pushed by a WooCommerce connector to WireMock playing the shop, against bare clients sending the same requests to
# the same WireMock in the same run. Port 18981 (HTTP), 18901 (SSH), 18999/18944 (RMI). Output under
# benchmarks/target/stock-pushes/. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
work=benchmarks/target/stock-pushes
rm -rf "$work" && mkdir -p "$work/atrium"
wiremock=org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
repo=${MAVEN_REPO:-$HOME/.m2/repository}
[ -f "$repo/$wiremock" ] || mvn -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -Dtransitive=false
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
home=$work/atrium
unpack_distribution "$home" 18981 18901 18999 18944
start_distribution "$home" "$work/console.log"
trap 'stop_distribution "$home"' EXIT
java -cp "$repo/$wiremock" benchmarks/StockPushBench.java http://localhost:18981 "$ATRIUM_ADMIN_PASSWORD" "${1:-200}" "${2:-2000}" | tee "$work/result.md"
