#!/usr/bin/env bash
# Bulk-data benchmarks of issue 7 (import and export at volume), in the real distribution under Pax Exam:
#
#   benchmarks/bulk.sh [rows]      (default 1,000,000; after `mvn install -DskipTests` at the root)
#
# 1. import N contacts from CSV with duplicate matching on (skip, match on email), upload to completed job, against a
#    raw JDBC batch insert of the same rows into a copy of ATRIUM_CONTACT with the same indexes, same Derby, same run;
# 2. export the N rows as CSV and as Excel, streamed: rows/s and the container's peak heap above its heap after GC.
# The container runs with the 1 GB heap the distribution ships with (bin/setenv).
# Prints the markdown table (also in karaf-distribution/itests/target/bulk-benchmark.md). Not a test: the same class
# runs with 2,000 rows inside the shared Pax Exam suite of `mvn install`, so the benchmark cannot rot.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
mvn -q -o verify -pl karaf-distribution/itests -Dit.test=BulkBenchmarkIT -Datrium.bench.rows="$rows" \
    -Datrium.itest.heap=-Xmx1g
cat karaf-distribution/itests/target/bulk-benchmark.md
