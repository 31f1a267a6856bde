#!/usr/bin/env bash
# Labeling benchmark: 100 simulated labelers (next -> ranking) against the app jar on its embedded
# PostgreSQL, then pgbench running the same SQL of one task cycle directly on that database.
# Everything listens on 127.0.0.1 only and stops by itself. See README.md beside this file.
set -euo pipefail

JIT_WARMUP="${JIT_WARMUP:-120}"
APP_WARMUP="${APP_WARMUP:-10}"
PGBENCH_WARMUP="${PGBENCH_WARMUP:-15}"
DURATION="${DURATION:-30}"
PACED_THINK_MS="${PACED_THINK_MS:-500}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-20 100}"
BENCH_PROJECT_NAMES=(app pgbench)
BENCH_DATA_DIR=/tmp/ranklab-bench-labeling
source "$(dirname "$0")/app.sh"
APP_PROJECT="${PROJECTS[0]}"
PGBENCH_PROJECT="${PROJECTS[1]}"

# CPU seconds used so far by the app and by the database's processes (from /proc, 1/100 s ticks).
cpu_app() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
# The database: the postmaster, its live backends, and (cutime, cstime) the backends that have exited.
cpu_db() {
  local postmaster total pid
  postmaster="$(sed -n 1p "$DATA_DIR/postgres/postmaster.pid")"
  total="$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")"
  for pid in $(pgrep -P "$postmaster"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
per_cycle() { awk "BEGIN {printf \"%.2f\", ($2 - $1) * 10 / $3}"; } # ticks before, after, cycles -> ms

run_app() { # think-ms, output name
  echo
  echo "== app: $USERS labelers, think $1 ms, warm-up ${APP_WARMUP}s, measured ${DURATION}s"
  java "$BENCH/LoadGen.java" --url "$URL" --project "$APP_PROJECT" --tokens "$TOKENS" --users "$USERS" \
    --warmup "$APP_WARMUP" --seconds "$DURATION" --think-ms "$1" >"$DATA_DIR/$2.txt" &
  local loadgen=$!
  sleep "$APP_WARMUP"
  local app0 db0 app1 db1
  app0="$(cpu_app)"; db0="$(cpu_db)"
  sleep "$DURATION"
  app1="$(cpu_app)"; db1="$(cpu_db)"
  wait "$loadgen"
  cat "$DATA_DIR/$2.txt"
  local cycles
  cycles="$(sed -nE 's/^cycles \(next \+ ranking 201\): ([0-9]+).*/\1/p' "$DATA_DIR/$2.txt")"
  echo "CPU per cycle: app $(per_cycle "$app0" "$app1" "$cycles") ms, database $(per_cycle "$db0" "$db1" "$cycles") ms"
}
# Warm the JIT up first, unmeasured: on two busy cores C2 takes minutes to compile the hot paths.
echo
echo "== warming the app up: $USERS labelers for ${JIT_WARMUP}s (not measured)"
java "$BENCH/LoadGen.java" --url "$URL" --project "$APP_PROJECT" --tokens "$TOKENS" --users "$USERS" \
  --warmup "$JIT_WARMUP" --seconds 1 >/dev/null
# Saturated first: on two cores C2 is still compiling after the warm-up (a JFR recording showed the compiler
# threads taking as much CPU as the request threads during a paced run measured right after it), and the
# paced run's latencies are the ones that suffer from it.
run_app 0 app-saturated
run_app "$PACED_THINK_MS" app-paced

FIRST_USER="$("${PSQL[@]}" -At -c "SELECT min(id) FROM users WHERE username LIKE 'bench-%'")"
CONTIGUOUS="$("${PSQL[@]}" -At -c "SELECT max(id) - min(id) + 1 = count(*) FROM users WHERE username LIKE 'bench-%'")"
[ "$CONTIGUOUS" = t ] || { echo "bench users do not have contiguous ids" >&2; exit 1; }
TOKEN_HASH="$("${PSQL[@]}" -At -c "SELECT token_hash FROM access_tokens ORDER BY id DESC LIMIT 1")"
RANKINGS_SQL="SELECT count(*) FROM rankings WHERE project_id = $PGBENCH_PROJECT"
PGBENCH=(pgbench -n -M prepared -h 127.0.0.1 -p "$PGPORT" -U postgres -j 2 -f "$BENCH/cycle.sql"
  -D project="$PGBENCH_PROJECT" -D first_user="$FIRST_USER" -D per_prompt=3 -D lease_seconds=900
  -D token_hash="$TOKEN_HASH")

for clients in $PGBENCH_CLIENTS; do
  [ "$clients" -le "$USERS" ] || { echo "pgbench clients ($clients) must not exceed bench users ($USERS)" >&2; exit 1; }
  echo
  echo "== pgbench: $clients clients, warm-up ${PGBENCH_WARMUP}s, measured ${DURATION}s"
  "${PGBENCH[@]}" -c "$clients" -T "$PGBENCH_WARMUP" postgres >/dev/null
  before="$("${PSQL[@]}" -At -c "$RANKINGS_SQL")"
  db0="$(cpu_db)"
  "${PGBENCH[@]}" -c "$clients" -T "$DURATION" postgres | tee "$DATA_DIR/pgbench-$clients.txt" \
    | grep -E "number of transactions actually processed|latency average|tps ="
  sleep 1 # let the postmaster reap the exiting backends, so that their CPU time is counted
  db1="$(cpu_db)"
  after="$("${PSQL[@]}" -At -c "$RANKINGS_SQL")"
  echo "rankings stored: $((after - before)) = $(awk "BEGIN {printf \"%.1f\", ($after - $before) / $DURATION}") cycles/s"
  echo "CPU per cycle: database $(per_cycle "$db0" "$db1" "$((after - before))") ms"
done
