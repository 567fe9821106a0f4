# Shared by bench/e2e.sh and bench/cluster-kill.sh: the jar, MariaDB databases, the SMTP sink and app nodes.
# Ports 18500-18599 only (other checkouts on this machine use 8080/8081 and 1808x). BENCH_PORT_SHIFT (default 0) moves
# every port of e2e.sh, cluster-kill.sh and faults.sh by that much, and BENCH_DB_SUFFIX names their databases apart,
# so that two checkouts can run benchmarks on one machine (e.g. BENCH_PORT_SHIFT=100 BENCH_DB_SUFFIX=_b: 18600-18649).
PORT_SHIFT=${BENCH_PORT_SHIFT:-0}
DB_SUFFIX=${BENCH_DB_SUFFIX:-}
MYSQL_HOST=${MYSQL_HOST:-127.0.0.1}
MYSQL_PORT=${MYSQL_PORT:-3306}
MYSQL_ROOT=(mysql -h "$MYSQL_HOST" -P "$MYSQL_PORT" -u root)

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), \
$(free -m | awk '/Mem:/{print $2 " MB memory"}'), load average $(cut -d' ' -f1-3 /proc/loadavg), \
$(java -version 2>&1 | head -1), MariaDB $("${MYSQL_ROOT[@]}" -N -e 'select version()')"
  echo "client, app nodes, SMTP sink and database share this machine"
}

# builds the jar when it is missing or older than the sources, and runs a copy of it ($OUT/app.jar), so that a build
# started meanwhile cannot pull the jar from under running nodes
ensure_jar() {
  jar=$(ls target/fapiaoflow-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find src/main bpmn dmn forms pom.xml -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
    ./mvnw -B -q -DskipTests package
    jar=$(ls target/fapiaoflow-*.jar | grep -v original | head -1)
  fi
  cp "$jar" "$OUT/app.jar"
  jar=$OUT/app.jar
}

fresh_database() {
  "${MYSQL_ROOT[@]}" -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
}

drop_database() {
  "${MYSQL_ROOT[@]}" -e "DROP DATABASE IF EXISTS $1;" || true
}

# start_sink PORT LOG: a local SMTP server recording one line per accepted message (bench/lib/mail_catcher.py)
start_sink() {
  python3 bench/lib/mail_catcher.py "$1" "$2" > "$2.err" 2>&1 &
  sink=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "SMTP sink did not start"; return 1
}

# start_node PORT DATA_DIR DATABASE SMTP_PORT LOG [extra args…]: the packaged jar on the mysql profile; sets $node
start_node() {
  local port=$1 data=$2 db=$3 smtp=$4 log=$5
  shift 5
  mkdir -p "$data"
  MYSQL_URL="jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$db?sendFractionalSeconds=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&nullDatabaseMeansCurrent=true" \
  MYSQL_USER=root MYSQL_PASSWORD= SPRING_JPA_DATABASE_PLATFORM=org.hibernate.dialect.MariaDBDialect \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=mysql --fapiaoflow.demo-data=true --server.port="$port" --fapiaoflow.data-dir="$data" \
      --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp" --logging.level.root=WARN \
      --logging.level.dev.fapiaoflow=WARN "$@" > "$log" 2>&1 &
  node=$!
}

# start_h2_node PORT DATA_DIR SMTP_PORT LOG [extra args…]: the packaged jar as `./mvnw spring-boot:run` runs it (the
# embedded H2 file database in DATA_DIR, default profile); sets $node
start_h2_node() {
  local port=$1 data smtp=$3 log=$4
  data=$(realpath -m "$2")   # H2 refuses a path relative to the working directory
  shift 4
  mkdir -p "$data"
  java ${BENCH_JAVA_OPTS:-} -jar "$jar" --fapiaoflow.demo-data=true --server.port="$port" --fapiaoflow.data-dir="$data" \
      --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp" --logging.level.root=WARN \
      --logging.level.dev.fapiaoflow=WARN "$@" > "$log" 2>&1 &
  node=$!
}

# the app's own H2 URL (application.yml) for a database file PATH, so the bare engine gets the same settings
h2_url() {
  grep -m1 'url: jdbc:h2:file:' src/main/resources/application.yml | sed 's/^ *url: //; s#${fapiaoflow.data-dir}/fapiaoflow#'"$1"'#'
}

# bare_engine OUT_DIR JDBC_URL USER PASSWORD RATE SECONDS [RATE SECONDS…]: bench/BareEngineBench.java, a plain
# Camunda engine from the app jar's libraries running the no-op models (see there); prints LoadBench's line per phase
bare_engine() {
  local out=$1 dir
  shift
  if [ ! -d "$out/bare-lib" ] || [ "$jar" -nt "$out/bare-lib" ]; then
    rm -rf "$out/bare-lib" "$out/bare-unpacked"
    local abs
    abs=$(realpath "$jar")
    mkdir -p "$out/bare-unpacked" && (cd "$out/bare-unpacked" && jar xf "$abs" BOOT-INF/lib)
    mv "$out/bare-unpacked/BOOT-INF/lib" "$out/bare-lib" && rm -rf "$out/bare-unpacked"
  fi
  dir=$(mktemp -d)
  python3 bench/lib/noop_processes.py "$dir" > /dev/null   # BENCH_BPMN_DIR: another shape's models (bench/bare.sh)
  cp dmn/*.dmn "$dir/"
  java -Dlogback.configurationFile=bench/lib/logback-bench.xml ${BARE_JAVA_OPTS:-} -cp "$out/bare-lib/*" \
    bench/BareEngineBench.java "$dir" "$@"
  rm -rf "$dir"
}

# wait_ready PORT PID LOG: until readiness answers UP (or the process dies)
wait_ready() {
  # BENCH_READY_SECONDS (default 300): on a machine shared with other builds a start can take many minutes
  for _ in $(seq $(( ${BENCH_READY_SECONDS:-300} * 2 ))); do
    curl -sf "http://127.0.0.1:$1/actuator/health/readiness" > /dev/null 2>&1 && return 0
    curl -sf "http://127.0.0.1:$1/actuator/health" > /dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "node on $1 died, see $3"; tail -30 "$3"; return 1; }
    sleep 0.5
  done
  echo "node on $1 not ready after ${BENCH_READY_SECONDS:-300} s"; return 1
}

# the no-op copies of the request, issuance and delivery processes, deployed over /engine-rest (admin)
deploy_noop() {
  local port=$1 dir
  dir=$(mktemp -d)
  python3 bench/lib/noop_processes.py "$dir" > /dev/null
  curl -sf -u admin:demo -F deployment-name=bench-noop -F deploy-changed-only=true \
    -F "a=@$dir/bench-noop-request.bpmn" -F "b=@$dir/bench-noop-issuance.bpmn" -F "c=@$dir/bench-noop-delivery.bpmn" \
    "http://127.0.0.1:$port/engine-rest/deployment/create" > /dev/null
  rm -rf "$dir"
}
