#!/usr/bin/env bash
# One command for the foundation's figures: start-up time of the packaged app on the embedded default,
# and time from request to DELIVERED (median and worst of 20), with a local SMTP sink.
# Usage: bench/run.sh            (builds the jar if missing; uses ports 18080 and 12525)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18080
SMTP_PORT=12525
OUT=bench/out
mkdir -p "$OUT"
rm -rf "$OUT/data"

jar=$(ls target/fapiaoflow-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/fapiaoflow-*.jar | grep -v original | head -1)
fi

python3 -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" > "$OUT/smtp.log" 2>&1 &
smtp=$!
app=""
trap 'kill $app $smtp 2>/dev/null || true' EXIT

# starts the app, waits until it answers, prints how long that took
start_app() {
  local label=$1 log=$2 start ready
  start=$(date +%s.%N)
  java -jar "$jar" --server.port=$PORT --fapiaoflow.data-dir="$(pwd)/$OUT/data" \
    --spring.mail.host=127.0.0.1 --spring.mail.port=$SMTP_PORT > "$log" 2>&1 &
  app=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null; do
    kill -0 $app 2>/dev/null || { echo "app died, see $log"; exit 1; }
    sleep 0.2
  done
  ready=$(date +%s.%N)
  echo "start-up ($label): $(grep -o 'Started FapiaoFlowApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]* seconds'); until /actuator/health answers: $(printf '%.1f' "$(echo "$ready - $start" | bc)") s"
}

start_app "first start, empty database" "$OUT/app.log"
python3 bench/request_to_delivered.py "http://127.0.0.1:$PORT" 20
echo "mails received by the SMTP sink: $(grep -c 'MESSAGE FOLLOWS' "$OUT/smtp.log" || true)"
kill $app; wait $app 2>/dev/null || true
start_app "restart on the same database" "$OUT/app-restart.log"
