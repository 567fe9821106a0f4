#!/usr/bin/env bash
# Starts one app once, waits until it is ready, stops it and prints one line:
#   <label> <cold|warm> wall <seconds to ready> cpu <CPU seconds the JVM used until ready>
# Usage: start_once.sh LABEL cold|warm DATA_DIR PORT READY_PATH -- JAVA_ARGS...
# cold: DATA_DIR is emptied first (a first start: schema, keys, demo data); warm: DATA_DIR is kept as the last run left
# it (a restart). The JVM gets --server.port=PORT plus the data folder (FapiaoFlow's fapiaoflow.data-dir, the bare
# app's data-dir). CPU seconds come from /proc/<pid>/stat at the moment of readiness: on a shared machine they say
# more than the wall time, which waits for other people's processes.
set -euo pipefail
label=$1 kind=$2 data=$3 port=$4 ready=$5
shift 5
[ "$1" = "--" ] && shift
if [ "$kind" = cold ]; then
  rm -rf "$data"
fi
mkdir -p "$data"
log="$data.$kind.log"
start=$(date +%s.%N)
java "$@" --server.port="$port" --fapiaoflow.data-dir="$data" --data-dir="$data" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port$ready"; do
  kill -0 $pid 2>/dev/null || { echo "$label $kind: the app died, see $log" >&2; exit 1; }
  sleep 0.1
done
end=$(date +%s.%N)
ticks=$(getconf CLK_TCK)
cpu=$(awk -v t="$ticks" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$pid/stat")
printf '%s %s wall %.1f cpu %s\n' "$label" "$kind" "$(echo "$end - $start" | bc)" "$cpu"
