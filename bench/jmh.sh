#!/usr/bin/env bash
# JMH microbenchmark of PDF rendering alone: one-page CJK invoices per second on one thread (= per core), in one run:
# the invoice fonts' chain as the app uses it, with a rare-name buyer, and the former single GB2312 font.
# Usage: bench/jmh.sh [JMH options, default "InvoicePdfBenchmark"]   e.g. bench/jmh.sh "InvoicePdfBenchmark -wi 1 -i 3"
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -m | awk '/Mem:/{print $2 " MB memory"}'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
./mvnw -B -q -Pjmh -DskipTests -Djacoco.skip=true test-compile exec:exec@jmh -Djmh.args="${1:-InvoicePdfBenchmark}"
