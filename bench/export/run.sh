#!/usr/bin/env bash
# Exports about 1,000,000 preference pairs from the app (GET /export/pairs, -Xmx256m) and with psql's
# \copy (SELECT ...) TO of the same rows from the same embedded database; prints rows/s, the ratio and the
# app's peak heap. Everything stays on 127.0.0.1; the data is generated once and kept in $DATA_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18095}
DATA_DIR=${DATA_DIR:-/tmp/ranklab-bench-export}
RUNS=${RUNS:-3}
PROMPTS=${PROMPTS:-55556}
# How long to wait for the app to start (a loaded machine needs more than the usual 30 s).
STARTUP_SECONDS=${STARTUP_SECONDS:-120}
PASSWORD=bench-export-password
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/ranklab-bench-export-run.XXXXXX)

JAR=$(ls target/ranklab-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q package -DskipTests
  JAR=$(ls target/ranklab-*.jar | head -1)
fi

mkdir -p "$DATA_DIR"
RANKLAB_DATA_DIR="$DATA_DIR" RANKLAB_SECRETS_DIR="$DATA_DIR/secrets" RANKLAB_ADMIN_PASSWORD=$PASSWORD \
  java -Xmx256m -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" >"$WORK/app.log" 2>&1 &
APP=$!
POLLER=""
cleanup() {
  [ -n "$POLLER" ] && kill "$POLLER" 2>/dev/null || true
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 "$STARTUP_SECONDS"); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -sf "$BASE/actuator/health" >/dev/null

# The embedded server's port is line 4 of its postmaster.pid.
PGPORT=$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")
# The embedded server asks for the password the app made on its first start.
export PGPASSWORD="$(cat "$DATA_DIR/secrets/postgres-password")"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

PROJECT=$("${PSQL[@]}" -tA -c "SELECT id FROM projects WHERE name = 'bench-export' ORDER BY id LIMIT 1")
if [ -z "$PROJECT" ]; then
  PROJECT=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"bench-export","rankings_per_prompt":3}' "$BASE/api/v1/projects" | sed -E 's/.*"id":"([0-9]+)".*/\1/')
  echo "Generating $PROMPTS prompts x 4 candidates x 3 rankings in project $PROJECT ..."
  start=$(date +%s.%N)
  "${PSQL[@]}" -v project="$PROJECT" -v prompts="$PROMPTS" -f bench/export/generate.sql
  echo "  generated in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
EXPECTED=$("${PSQL[@]}" -tA -c "SELECT sum(jsonb_array_length(tiers) * (jsonb_array_length(tiers) - 1) / 2) FROM rankings WHERE project_id = $PROJECT AND NOT not_rankable")
echo "Project $PROJECT: $EXPECTED pairs expected (every ranking is a full ranking without ties)"

COPY="\\copy (SELECT p.text AS prompt, cw.text AS chosen, cl.text AS rejected, p.id AS prompt_id, cw.id AS chosen_id, cl.id AS rejected_id
FROM rankings r JOIN prompts p ON p.id = r.prompt_id
CROSS JOIN LATERAL jsonb_array_elements(r.tiers) WITH ORDINALITY AS better(tier, n)
CROSS JOIN LATERAL jsonb_array_elements(r.tiers) WITH ORDINALITY AS worse(tier, m)
CROSS JOIN LATERAL jsonb_array_elements_text(better.tier) AS w(id)
CROSS JOIN LATERAL jsonb_array_elements_text(worse.tier) AS l(id)
JOIN candidates cw ON cw.id = w.id::bigint JOIN candidates cl ON cl.id = l.id::bigint
WHERE r.project_id = $PROJECT AND NOT r.not_rankable AND r.tiers IS NOT NULL AND better.n < worse.m) TO STDOUT"
COPY=$(echo "$COPY" | tr '\n' ' ')

# Peak heap: the app's own metric, polled every 100 ms while the exports run.
poll_heap() {
  local peak=0 used
  while true; do
    used=$(curl -sf -u "admin:$PASSWORD" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" \
      | sed -E 's/.*"value":([0-9.E+-]+).*/\1/' || echo 0)
    peak=$(echo "$used $peak" | awk '{ print ($1 > $2) ? $1 : $2 }')
    echo "$peak" >"$WORK/peak-heap"
    sleep 0.1
  done
}

# seconds lines bytes
time_app() {
  local start end
  start=$(date +%s.%N)
  curl -sf -u "admin:$PASSWORD" "$BASE/api/v1/projects/$PROJECT/export/pairs" | wc -lc >"$WORK/app.count"
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(cat "$WORK/app.count")"
}
# psql's best plan of those tried: with work_mem=256MB its Memoize nodes keep every candidate in memory
# (8 s instead of 13 s with the default 4MB on this machine).
time_psql() {
  local start end
  start=$(date +%s.%N)
  PGOPTIONS='-c work_mem=256MB' "${PSQL[@]}" -c "$COPY" | wc -lc >"$WORK/psql.count"
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $(cat "$WORK/psql.count")"
}

echo "Load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "Warm-up (one run each, not counted) ..."
time_app >/dev/null
time_psql >/dev/null

poll_heap &
POLLER=$!
best_app=999999
best_psql=999999
for run in $(seq 1 "$RUNS"); do
  read -r app_s app_lines app_bytes < <(time_app)
  read -r psql_s psql_lines psql_bytes < <(time_psql)
  [ "$app_lines" = "$EXPECTED" ] || { echo "app wrote $app_lines lines, expected $EXPECTED"; exit 1; }
  [ "$psql_lines" = "$EXPECTED" ] || { echo "psql wrote $psql_lines rows, expected $EXPECTED"; exit 1; }
  printf 'run %d: app %.2f s (%d MB)   psql %.2f s (%d MB)\n' "$run" "$app_s" $((app_bytes / 1000000)) "$psql_s" $((psql_bytes / 1000000))
  best_app=$(echo "$app_s $best_app" | awk '{ print ($1 < $2) ? $1 : $2 }')
  best_psql=$(echo "$psql_s $best_psql" | awk '{ print ($1 < $2) ? $1 : $2 }')
done
kill "$POLLER" 2>/dev/null || true
wait "$POLLER" 2>/dev/null || true
POLLER=""

peak=$(cat "$WORK/peak-heap")
awk -v n="$EXPECTED" -v a="$best_app" -v p="$best_psql" -v h="$peak" 'BEGIN {
  printf "\nBest of runs: %d pairs\n", n
  printf "  app  GET /export/pairs : %8.0f pairs/s (%.2f s)\n", n / a, a
  printf "  psql \\copy (SELECT)   : %8.0f rows/s  (%.2f s)\n", n / p, p
  printf "  ratio app/psql        : %.2f (goal >= 0.50)\n", p / a
  printf "  peak heap (-Xmx256m)  : %.0f MB\n", h / 1048576
}'
