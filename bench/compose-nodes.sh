#!/usr/bin/env bash
# The compose system's two app nodes without Docker: both get exactly the app environment of docker-compose.yml
# (x-app-environment, read by bench/lib/compose_env.py), with the keys made by `keys init` (as the secrets compose
# mounts) and one shared data folder (the app-data volume). Then it checks that a document one node signed verifies on
# the other, and that after both nodes restart each still verifies what the other signed.
# What differs from compose, and why: the database is the local MariaDB at 127.0.0.1:3306 (root, database
# fapiaoflow_compose_nodes, dropped at the end) standing in for MySQL 8.4; mail goes to a local SMTP sink instead of
# Mailpit; the nodes listen on 18540/18541 instead of 8080 in two containers; demo data is on (the check logs in as the
# demo users); the sign-on settings are left out (no Keycloak answers at the compose host name here; the sign-on has
# its own tests: SignOnApiIT, SignOnBrowserIT).
# Usage: bench/compose-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/common.sh
P1=18540
P2=18541
SMTP_PORT=18545
DB=fapiaoflow_compose_nodes
OUT=bench/out/compose-nodes
rm -rf "$OUT"
mkdir -p "$OUT/data"
machine
ensure_jar
n1="" n2="" sink=""
cleanup() { kill $n1 $n2 $sink 2>/dev/null || true; wait 2>/dev/null || true; drop_database $DB; }
trap cleanup EXIT

echo "== keys: java -jar app.jar keys init (as .env.example says)"
java -jar "$jar" keys init "$OUT/secrets"

# the values .env would give compose
export MYSQL_PASSWORD="" FAPIAOFLOW_HOST=invoices.school.example FAPIAOFLOW_AUTH_HOST=login.school.example \
  FAPIAOFLOW_OIDC_CLIENT_SECRET=unused FAPIAOFLOW_DEMO_DATA=true
python3 bench/lib/compose_env.py docker-compose.yml "$PWD/$OUT/secrets" "$PWD/$OUT/data" > "$OUT/compose.env"
echo "== the compose app environment, as the nodes get it:"
sed 's/^/   /' "$OUT/compose.env"

# start_compose_node PORT LOG SCHEMA_UPDATE: a node with that environment; sets $node
start_compose_node() {
  (
    set -a
    source "$OUT/compose.env"
    set +a
    unset SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_FAPIAOFLOW_CLIENTID SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_FAPIAOFLOW_CLIENTSECRET \
      SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_FAPIAOFLOW_SCOPE SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_FAPIAOFLOW_ISSUERURI \
      SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI
    export MYSQL_URL="jdbc:mysql://$MYSQL_HOST:$MYSQL_PORT/$DB?sendFractionalSeconds=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&nullDatabaseMeansCurrent=true"
    export MYSQL_USER=root SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$SMTP_PORT SERVER_PORT=$1 \
      FAPIAOFLOW_SCHEMA_UPDATE=$3 SPRING_JPA_DATABASE_PLATFORM=org.hibernate.dialect.MariaDBDialect
    exec java -jar "$jar"
  ) > "$2" 2>&1 &
  node=$!
}

start_both() {
  start_compose_node $P1 "$OUT/n1-$1.log" "$2"
  n1=$node
  wait_ready $P1 $n1 "$OUT/n1-$1.log"
  start_compose_node $P2 "$OUT/n2-$1.log" false
  n2=$node
  wait_ready $P2 $n2 "$OUT/n2-$1.log"
}

stop_both() {
  kill $n1 $n2
  wait $n1 $n2 2>/dev/null || true
  n1="" n2=""
}

# verdict PORT FILE: what that node says of the document
verdict() {
  curl -sf -F "file=@$2" "http://127.0.0.1:$1/api/verifications/document" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])'
}

# issue_on PORT NAME: an invoice issued on that node for a fresh order of alice; its PDF and OFD into $OUT/NAME.*
issue_on() {
  local base=http://127.0.0.1:$1 order id invoice
  order="CN-$(date +%s%N)"
  curl -sf -u shop:demo -H 'Content-Type: application/json' "$base/api/orders" -d "{\"orderNo\":\"$order\",\"customer\":\"alice\",
    \"paidAt\":\"2026-11-02T10:15:00+08:00\",\"paidAmount\":\"199.00\",\"status\":\"PAID\",
    \"items\":[{\"sku\":\"PY-101\",\"name\":\"Python 入门课\",\"category\":\"TRAINING\",\"quantity\":\"1\",\"unitPrice\":\"199.00\"}]}" > /dev/null
  id=$(curl -sf -u alice:demo -H 'Content-Type: application/json' -H "Idempotency-Key: $order" "$base/api/invoice-requests" \
    -d "{\"orderNos\":[\"$order\"],\"invoiceType\":\"NORMAL\",\"buyer\":{\"buyerType\":\"PERSONAL\",\"title\":\"爱丽丝\"},
    \"email\":\"alice@example.com\",\"delivery\":\"EMAIL\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 240); do
    invoice=$(curl -sf -u alice:demo "$base/api/invoice-requests/$id" \
      | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["invoices"][0]["id"] if r.get("invoices") else "")')
    [ -n "$invoice" ] && break
    sleep 0.5
  done
  [ -n "$invoice" ] || { echo "request $id got no invoice on node $1"; return 1; }
  curl -sf -u alice:demo -o "$OUT/$2.pdf" "$base/api/invoices/$invoice/pdf"
  curl -sf -u alice:demo -o "$OUT/$2.ofd" "$base/api/invoices/$invoice/ofd"
  echo "invoice $invoice (request $id) issued and signed on node $1"
}

failures=0
expect_authentic() {
  local got
  got=$(verdict "$1" "$OUT/$2")
  if [ "$got" = AUTHENTIC ]; then echo "ok    node $1 verifies $2: $got"; else echo "FAIL  node $1 verifies $2: $got"; failures=$((failures + 1)); fi
}

fresh_database $DB
start_sink $SMTP_PORT "$OUT/mails.log"
echo "== start: node 1 installs the schema (FAPIAOFLOW_SCHEMA_UPDATE=true), node 2 only checks it (prod profile)"
start_both first true
issue_on $P1 signed-by-1
expect_authentic $P2 signed-by-1.pdf
expect_authentic $P2 signed-by-1.ofd
issue_on $P2 signed-by-2
expect_authentic $P1 signed-by-2.pdf
expect_authentic $P1 signed-by-2.ofd

echo "== metrics and logs as compose sets them"
# Spring's tests switch metric exporters off, so the Prometheus endpoint is checked here, on the packaged app
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P1/actuator/prometheus")
if [ "$code" = 401 ]; then echo "ok    /actuator/prometheus without login: $code"; else echo "FAIL  /actuator/prometheus without login: $code"; failures=$((failures + 1)); fi
# read whole first: grep -q stopping early would break curl's pipe, and pipefail would count that as a failure
metrics=$(curl -sf -u admin:demo "http://127.0.0.1:$P1/actuator/prometheus" || true)
if grep -q '^fapiaoflow_jobs_executable' <<< "$metrics"; then
  echo "ok    /actuator/prometheus as admin: Prometheus text with fapiaoflow_jobs_executable"
else echo "FAIL  /actuator/prometheus as admin"; failures=$((failures + 1)); fi
if grep -q '^{"@timestamp"' "$OUT/n1-first.log"; then echo "ok    node 1 logs JSON lines (ECS)"; else echo "FAIL  node 1 log is not JSON"; failures=$((failures + 1)); fi

echo "== both nodes restart (schema update off on both)"
stop_both
start_both second false
for doc in signed-by-1.pdf signed-by-1.ofd; do expect_authentic $P2 $doc; done
for doc in signed-by-2.pdf signed-by-2.ofd; do expect_authentic $P1 $doc; done
expect_authentic $P1 signed-by-1.pdf

echo "$((12 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
