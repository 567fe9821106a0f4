#!/usr/bin/env bash
# Batch verification figure: a 100,000-row CSV uploaded, checked and fetched, on the packaged app and the
# embedded default database. Usage: bench/batch.sh [rows]   (builds the jar if missing; uses port 18081)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18081
OUT=bench/out/batch
mkdir -p "$OUT"
rm -rf "$OUT/data"
jar=$(ls target/fapiaoflow-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/fapiaoflow-*.jar | grep -v original | head -1)
fi
# a batch's rows take from its owner's verification rate (120 a minute by default, issue 16); this figure measures
# the batch machinery, so the owner's rate is lifted out of the way
java -jar "$jar" --server.port=$PORT --fapiaoflow.data-dir="$(pwd)/$OUT/data" \
  --fapiaoflow.verification.rate-limit.user-per-minute=100000000 > "$OUT/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
  kill -0 $app 2>/dev/null || { echo "app died, see $OUT/app.log"; exit 1; }
  sleep 0.5
done
python3 bench/batch_100k.py "http://127.0.0.1:$PORT" "${1:-100000}"
