#!/usr/bin/env bash
# The bare-engine baseline alone (bench/BareEngineBench.java, as bench/e2e.sh runs it at its end), on H2 and on
# MariaDB, for the current models and, with BENCH_COMPARE_REF=<git ref>, also for that ref's models in the same run
# (e.g. main before ADR 0011): what the shape alone costs a plain engine. No app, no HTTP.
# Usage: bench/bare.sh [seconds per phase, default 20] [rates, default "10"]   (each also runs "sat")
#   BENCH_BARE_DBS="h2" for H2 only
# MariaDB on 127.0.0.1:3306 (database fapiaoflow_perf_bare$BENCH_DB_SUFFIX, dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
SECONDS_PER_PHASE=${1:-20}
RATES=${2:-10}
OUT=bench/out/bare
DB=fapiaoflow_perf_bare$DB_SUFFIX
mkdir -p "$OUT"
machine
ensure_jar
trap 'drop_database '$DB EXIT
args=()
for rate in $RATES sat; do args+=("$rate" "$SECONDS_PER_PHASE"); done
shapes=(current)
if [ -n "${BENCH_COMPARE_REF:-}" ]; then
  rm -rf "$OUT/ref-bpmn" && mkdir -p "$OUT/ref-bpmn"
  git archive "$BENCH_COMPARE_REF" bpmn | tar -x -C "$OUT/ref-bpmn"
  shapes+=("$BENCH_COMPARE_REF")
fi
for db in ${BENCH_BARE_DBS:-h2 mariadb}; do
  for shape in "${shapes[@]}"; do
    echo "== $db, models of $shape (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    bpmn_dir=""
    [ "$shape" = current ] || bpmn_dir="$(pwd)/$OUT/ref-bpmn/bpmn"
    if [ "$db" = h2 ]; then
      rm -rf "$OUT/h2"
      BENCH_BPMN_DIR=${bpmn_dir:-$(pwd)/bpmn} bare_engine "$OUT" "$(h2_url "$(pwd)/$OUT/h2/bare")" sa "" "${args[@]}" 2>&1 | grep -v '^\s*at ' || true
    else
      fresh_database $DB
      BENCH_BPMN_DIR=${bpmn_dir:-$(pwd)/bpmn} bare_engine "$OUT" "jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$DB?sendFractionalSeconds=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&nullDatabaseMeansCurrent=true" \
        root "" "${args[@]}" 2>&1 | grep -v '^\s*at ' || true
    fi
  done
done
