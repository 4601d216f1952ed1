#!/usr/bin/env bash
# Security enforcement benchmark: the same list query and quick search over N accounts (default 10,000) as the
# administrator (baseline: no restriction), as a manager who sees all of them through the role hierarchy
# (visibility predicate with 20 owners + field-level security) and as a rep who sees 1/20. Ratios to the admin.
#
#   benchmarks/security-overhead.sh [accounts] [requests]   (after `mvn install -DskipTests`; ports 18281/18201)
#
# Not a test: nothing is asserted. Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-10000}
requests=${2:-200}
work=benchmarks/target/security-overhead
rm -rf "$work" && mkdir -p "$work/karaf"
cp karaf-distribution/target/atrium-distribution-*.tar.gz "$work/atrium.tar.gz"
tar -xzf "$work/atrium.tar.gz" -C "$work/karaf" --strip-components=1
home=$work/karaf
sed -i 's/^org.osgi.service.http.port=.*/org.osgi.service.http.port=18281/' "$home/etc/org.ops4j.pax.web.cfg"
sed -i 's/^sshPort = .*/sshPort = 18201/' "$home/etc/org.apache.karaf.shell.cfg"
sed -i 's/^rmiRegistryPort = .*/rmiRegistryPort = 18299/; s/^rmiServerPort = .*/rmiServerPort = 18244/' "$home/etc/org.apache.karaf.management.cfg"
export ATRIUM_ADMIN_PASSWORD=bench-$$-Secret
base=http://localhost:18281

"$home/bin/karaf" server > "$work/console.log" 2>&1 &
trap '"$home/bin/stop" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 240); do [ "$(curl -s -o /dev/null -w '%{http_code}' $base/api/v1/health)" = 200 ] && break; sleep 0.5; done
java benchmarks/SecurityOverhead.java "$base" "$ATRIUM_ADMIN_PASSWORD" "$accounts" "$requests"
