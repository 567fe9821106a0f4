#!/usr/bin/env bash
# bench/e2e.sh on the embedded default (H2 file database, default profile, as `./mvnw spring-boot:run` runs the app):
# the same phases, the no-op baseline and the bare engine on H2. Usage as bench/e2e.sh.
BENCH_DB=h2 exec "$(dirname "$0")/e2e.sh" "$@"
