#!/usr/bin/env bash
# End to end: ordinary e-invoice requests through the API until the request's process has ended DELIVERED, on the
# packaged app, MariaDB and a local SMTP sink, at fixed offered loads and at saturation; in the same run and on the
# same engine and database, the same BPMN shape with no-op delegates as the baseline (bench/lib/noop_processes.py).
# Then an overload phase far above capacity, to see the app shed load (503 + Retry-After) with bounded heap. Last, with
# the app stopped, the bare-engine baseline (bench/BareEngineBench.java: a plain Camunda engine, no HTTP, no Spring,
# no-op delegates, the same models' shape, history level, job executor and pool, on the same kind of database) at the
# same loads, and the ratios FapiaoFlow / bare engine.
#
# Usage: bench/e2e.sh [seconds per phase, default 20] [rates, default "10 50 100"]
#   BENCH_DB=h2 bench/e2e.sh   on the embedded default instead (H2 file database in bench/out/e2e-h2, the app as
#                              `./mvnw spring-boot:run` starts it; bench/e2e-h2.sh does this)
#   BENCH_NOOP_ONLY=1 bench/e2e.sh   the baseline's phases only (to profile the engine's share)
#   BENCH_OVERLOAD=0 bench/e2e.sh   without the overload phase
#   BENCH_JFR=1 bench/e2e.sh   also records a JFR profile of the app to bench/out/e2e.jfr and prints its top frames
# MariaDB: needs it on 127.0.0.1:3306 (root, no password; MYSQL_HOST/MYSQL_PORT to change); uses the databases
# fapiaoflow_perf_bench and fapiaoflow_perf_bare (dropped at the end). Ports 18510 and 18525 (+ BENCH_PORT_SHIFT, see
# bench/lib/common.sh). Builds the jar if it is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
SECONDS_PER_PHASE=${1:-20}
RATES=${2:-10 50 100}
PORT=$((18510 + PORT_SHIFT))
SMTP_PORT=$((18525 + PORT_SHIFT))
DB=fapiaoflow_perf_bench$DB_SUFFIX
BARE_DB=fapiaoflow_perf_bare$DB_SUFFIX
KIND=${BENCH_DB:-mariadb}
OUT=bench/out/e2e
[ "$KIND" = h2 ] && OUT=bench/out/e2e-h2
mkdir -p "$OUT"
rm -rf "$OUT/data" "$OUT/bare-db" "$OUT/mails.log"
machine
echo "database: $KIND"
ensure_jar
[ "$KIND" = h2 ] || fresh_database $DB
start_sink $SMTP_PORT "$OUT/mails.log"
if [ "${BENCH_JFR:-}" = 1 ]; then
  # stackdepth: a Spring + Camunda stack is deeper than JFR's default 64 frames, which cut off the delegate or
  # controller a sample belongs to
  BENCH_JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=$OUT/e2e.jfr,settings=profile,dumponexit=true"
fi
if [ "$KIND" = h2 ]; then
  start_h2_node $PORT "$OUT/data" $SMTP_PORT "$OUT/app.log"
  trap 'kill $app $sink 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT
else
  start_node $PORT "$OUT/data" $DB $SMTP_PORT "$OUT/app.log"
  trap 'kill $app $sink 2>/dev/null || true; wait $app 2>/dev/null || true; drop_database '$DB'; drop_database '$BARE_DB EXIT
fi
app=$node
wait_ready $PORT $app "$OUT/app.log"
deploy_noop $PORT
base=http://127.0.0.1:$PORT
lb() { java -cp "$OUT/classes" LoadBench "$@"; }
# CPU seconds (user + system) a process used so far, from /proc
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
db_pid=$(pgrep -x mariadbd | head -1 || true)
[ "$KIND" = h2 ] && db_pid=""   # H2 runs inside the app
# runs one phase and prints where the machine's CPU went during it: app node, database server, SMTP sink, load client
phase() {
  local a0 d0 s0 t0 out
  a0=$(cpu_of $app); d0=$(cpu_of "${db_pid:-0}"); s0=$(cpu_of $sink); t0=$(date +%s.%N)
  out=$( { /usr/bin/time -f "client-cpu=%U+%S" java -cp "$OUT/classes" LoadBench "$@"; } 2>&1 ) || true
  echo "$out" | grep -v '^client-cpu='
  python3 - "$out" "$a0" "$(cpu_of $app)" "$d0" "$(cpu_of "${db_pid:-0}")" "$s0" "$(cpu_of $sink)" "$t0" "$(date +%s.%N)" <<'PY'
import os, re, sys
out, a0, a1, d0, d1, s0, s1, t0, t1 = sys.argv[1:]
client = sum(float(x) for x in re.search(r"client-cpu=([\d.]+)\+([\d.]+)", out).groups())
app, db, sink, wall = float(a1) - float(a0), float(d1) - float(d0), float(s1) - float(s0), float(t1) - float(t0)
done = re.search(r"finished=(\d+)", out)
n = int(done.group(1)) if done else 0
per = lambda x: f"{1000 * x / n:.0f} ms" if n else "-"
print(f"      cpu over {wall:.0f} s: app {app:.0f} s, database {db:.0f} s, SMTP sink {sink:.0f} s, load client {client:.0f} s"
      f" (of {os.cpu_count() * wall:.0f} core-s); per finished request: app {per(app)}, database {per(db)}")
PY
}
mkdir -p "$OUT/classes" && javac -d "$OUT/classes" bench/LoadBench.java

echo "warm-up (not counted)"
lb noop 20 5 $base > /dev/null || true
lb app 20 5 $base > /dev/null || true
declare -A noop_tp app_tp app_p99
for rate in $RATES sat; do
  # printed after capture (not through tee /dev/stderr, which reopens a redirected file at its start)
  n=$(phase noop $rate "$SECONDS_PER_PHASE" $base) || true
  echo "$n"
  [ "${BENCH_NOOP_ONLY:-}" = 1 ] && continue
  a=$(phase app $rate "$SECONDS_PER_PHASE" $base) || true
  echo "$a"
  noop_tp[$rate]=$(grep -o 'throughput=[0-9.]*' <<< "$n" | cut -d= -f2)
  app_tp[$rate]=$(grep -o 'throughput=[0-9.]*' <<< "$a" | cut -d= -f2)
  app_p99[$rate]=$(grep -o 'p99=[0-9a-z.]*' <<< "$a" | cut -d= -f2)
done
if [ "${BENCH_NOOP_ONLY:-}" = 1 ]; then
  [ "${BENCH_JFR:-}" = 1 ] && { kill $app; wait $app 2>/dev/null || true; python3 bench/lib/jfr_top.py "$OUT/e2e.jfr" 25; }
  exit 0
fi
if [ "${BENCH_OVERLOAD:-1}" != 0 ]; then
  echo "overload: 4x the saturation throughput offered for $SECONDS_PER_PHASE s (the app sheds what it cannot take)"
  over=$(python3 -c "print(max(50, int(4 * float('${app_tp[sat]}'))))")
  lb app "$over" "$SECONDS_PER_PHASE" $base || true
fi
mails=$(wc -l < "$OUT/mails.log")
distinct=$(awk '{print $2}' "$OUT/mails.log" | sort -u | wc -l)
kill $app; wait $app 2>/dev/null || true
[ "${BENCH_JFR:-}" = 1 ] && python3 bench/lib/jfr_top.py "$OUT/e2e.jfr" 25
echo "bare engine (app stopped; plain Camunda from the app jar's libraries, no-op models, same history level, job"
echo "executor, pool and kind of database; warm-up 5 s not counted)"
bare_args=()
for rate in $RATES sat; do bare_args+=("$rate" "$SECONDS_PER_PHASE"); done
if [ "$KIND" = h2 ]; then
  bare_out=$(bare_engine "$OUT" "$(h2_url "$(pwd)/$OUT/bare-db/bare")" sa "" "${bare_args[@]}" 2>&1) || true
else
  fresh_database $BARE_DB
  bare_out=$(bare_engine "$OUT" "jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$BARE_DB?sendFractionalSeconds=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&nullDatabaseMeansCurrent=true" \
    root "" "${bare_args[@]}" 2>&1) || true
fi
echo "$bare_out"
declare -A bare_tp bare_p99
while read -r line; do
  r=$(awk '{print $2}' <<< "$line"); r=${r%/s}
  bare_tp[$r]=$(grep -o 'throughput=[0-9.]*' <<< "$line" | cut -d= -f2)
done < <(grep '^bare ' <<< "$bare_out")
ratio() { python3 -c "import sys; a, b = sys.argv[1:]; print(round(float(a) / float(b), 2) if a and b and float(b) else '-')" "${1:-}" "${2:-}"; }
echo "== summary ($KIND, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
for rate in $RATES sat; do
  echo "  $rate: FapiaoFlow ${app_tp[$rate]:-?}/s, no-op in the app ${noop_tp[$rate]:-?}/s, bare engine ${bare_tp[$rate]:-?}/s"
done
echo "ratio FapiaoFlow / no-op baseline in the app at saturation: $(ratio "${app_tp[sat]:-}" "${noop_tp[sat]:-}")"
echo "ratio FapiaoFlow / bare engine at saturation: $(ratio "${app_tp[sat]:-}" "${bare_tp[sat]:-}") (target >= 0.8)"
if [ -n "${app_p99[10]:-}" ]; then
  echo "p99 request -> DELIVERED at 10 req/s: ${app_p99[10]} (target < 1000ms)"
fi
echo "SMTP sink: $mails mails accepted, $distinct distinct Message-IDs"
