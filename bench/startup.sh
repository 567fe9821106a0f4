#!/usr/bin/env bash
# Start-up to readiness of FapiaoFlow on the embedded default against a bare app (Spring Boot + Camunda starter + REST +
# webapps on an H2 file, nothing else: bench/bare-app), in the same run: per round a cold start (empty data folder:
# schema, keys, models, demo data) and a warm start (the same folder again) of each, interleaved, so a change in the
# machine's load hits both. Prints every start, the medians, and FapiaoFlow/bare for wall time and CPU seconds.
#
# Usage: bench/startup.sh [rounds=3] [plain|cds]
#   plain  java -jar on the packaged jars (what README tells a newcomer to run)
#   cds    the jars extracted (java -Djarmode=tools extract) and started with a class-data-sharing archive made by one
#          training run that exits after the context refresh (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh),
#          docs/operations.md "Faster start-up"; both apps alike
# Builds what is missing or older than its sources; ports 18560/18561 (BENCH_PORT for the first); output under
# bench/out/startup.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
mode=${2:-plain}
port=${BENCH_PORT:-18560}
OUT=${BENCH_OUT:-bench/out/startup}
mkdir -p "$OUT"

jar=$(ls target/fapiaoflow-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src bpmn dmn forms pom.xml -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  ./mvnw -B -q -DskipTests -Djacoco.skip=true package
  jar=$(ls target/fapiaoflow-*.jar | grep -v original | head -1)
fi
bare=bench/bare-app/target/bare-app-1.jar
if [ ! -f "$bare" ] || [ -n "$(find bench/bare-app/src bench/bare-app/pom.xml -newer "$bare" -type f | head -1)" ]; then
  ./mvnw -B -q -f bench/bare-app/pom.xml -DskipTests package
fi

app_args=(-jar "$jar")
bare_args=(-jar "$bare")
if [ "$mode" = cds ]; then
  # one training run per jar: the archive lists the classes that a start-up loads, so later starts map them
  cds() {
    local name=$1 from=$2 port=$3 dir="$OUT/$1-extracted"
    if [ ! -f "$dir/$name.jsa" ] || [ "$from" -nt "$dir/$name.jsa" ]; then
      rm -rf "$dir" && java -Djarmode=tools -jar "$from" extract --destination "$dir" > /dev/null
      java -XX:ArchiveClassesAtExit="$dir/$name.jsa" -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$from")" \
        --server.port="$port" --fapiaoflow.data-dir="$OUT/training-$name" --data-dir="$OUT/training-$name" \
        > "$OUT/training-$name.log" 2>&1
      rm -rf "$OUT/training-$name"
    fi
    echo "-XX:SharedArchiveFile=$dir/$name.jsa -jar $dir/$(basename "$from")"
  }
  read -ra app_args <<< "$(cds app "$jar" "$port")"
  read -ra bare_args <<< "$(cds bare "$bare" $((port + 1)))"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg); mode: $mode; $rounds rounds"
results="$OUT/results.txt"
: > "$results"
for round in $(seq "$rounds"); do
  for kind in cold warm; do
    bench/lib/start_once.sh fapiaoflow "$kind" "$(pwd)/$OUT/data-app" "$port" /actuator/health/readiness \
      -- "${app_args[@]}" | tee -a "$results"
    bench/lib/start_once.sh bare "$kind" "$(pwd)/$OUT/data-bare" $((port + 1)) /engine-rest/engine \
      -- "${bare_args[@]}" | tee -a "$results"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def median(label, kind, what):
    values = [float(r[r.index(what) + 1]) for r in rows if r[0] == label and r[1] == kind]
    return statistics.median(values)
print(f"{'start':<6} {'FapiaoFlow wall':>16} {'bare wall':>10} {'ratio':>6}   {'FapiaoFlow CPU':>15} {'bare CPU':>9} {'ratio':>6}")
for kind in ("cold", "warm"):
    aw, bw = median("fapiaoflow", kind, "wall"), median("bare", kind, "wall")
    ac, bc = median("fapiaoflow", kind, "cpu"), median("bare", kind, "cpu")
    print(f"{kind:<6} {aw:>15.1f}s {bw:>9.1f}s {aw / bw:>6.2f}   {ac:>14.1f}s {bc:>8.1f}s {ac / bc:>6.2f}")
print("(medians; readiness: FapiaoFlow's /actuator/health/readiness, the bare app's /engine-rest/engine)")
PY
