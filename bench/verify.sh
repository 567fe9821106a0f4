#!/usr/bin/env bash
# Single-verification throughput and latency over HTTP keep-alive, against GET /actuator/health of the same app in
# the same run as the baseline. Builds the jar if missing or older than the sources, starts it on a fresh embedded H2 in a temporary directory
# with a rate limit too high to interfere, issues invoices, then runs bench/VerifyBench.java.
# Usage: bench/verify.sh [threads] [seconds] [invoices]   (defaults 8, 20, 20; uses port 18082)
#   BENCH_JFR=1 bench/verify.sh   also records a JFR profile of the app to bench/out/verify/verify.jfr and prints its
#                                 top frames (bench/lib/jfr_top.py)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18082}
OUT=bench/out/verify
mkdir -p "$OUT"
data=$(mktemp -d)
jar=$(ls target/fapiaoflow-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src bpmn dmn forms pom.xml -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/fapiaoflow-*.jar | grep -v original | head -1)
fi
jfr=()
if [ "${BENCH_JFR:-}" = 1 ]; then
  # deep stacks: Spring's filter chain alone is more than JFR's default 64 frames
  jfr=(-XX:FlightRecorderOptions:stackdepth=512 "-XX:StartFlightRecording=filename=$OUT/verify.jfr,settings=profile,dumponexit=true")
fi
java "${jfr[@]}" -jar "$jar" --server.port=$PORT --fapiaoflow.data-dir="$data" \
  --fapiaoflow.verification.rate-limit.anonymous-per-minute=100000000 \
  --fapiaoflow.verification.rate-limit.user-per-minute=100000000 \
  --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $app 2>/dev/null || { echo "app died, see $OUT/app.log"; exit 1; }
  sleep 0.5
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "client and server share the machine"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
java bench/VerifyBench.java "http://127.0.0.1:$PORT" "${1:-8}" "${2:-20}" "${3:-20}" "$app"
echo "load average at the end: $(cut -d" " -f1-3 /proc/loadavg)"
if [ "${BENCH_JFR:-}" = 1 ]; then
  kill $app 2>/dev/null || true; wait $app 2>/dev/null || true
  python3 bench/lib/jfr_top.py "$OUT/verify.jfr" 25
fi
