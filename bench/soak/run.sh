#!/usr/bin/env bash
# Soak: 100 simulated labelers (next -> ranking, thinking between calls) for 5 minutes against one app
# instance on its embedded PostgreSQL, with an admin exporting and reading progress meanwhile. Samples the
# app's live heap (after a forced full GC), resident memory, threads and database connections, and fails
# when any request failed or the stored rankings break the project's limits.
# Everything listens on 127.0.0.1 only and stops by itself. See README.md beside this file.
set -euo pipefail

SOAK_SECONDS="${SOAK_SECONDS:-300}"
THINK_MS="${THINK_MS:-500}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-30}"
ADMIN_EVERY_SECONDS="${ADMIN_EVERY_SECONDS:-10}"
APP_JAVA_OPTS="${APP_JAVA_OPTS:--Xmx512m}"
BENCH_PROJECT_NAMES=(soak)
BENCH_DATA_DIR=/tmp/ranklab-bench-soak
source "$(dirname "$0")/../labeling/app.sh"
PROJECT="${PROJECTS[0]}"
RESULTS="$DATA_DIR/soak"
mkdir -p "$RESULTS"

live_heap_mb() { # after a full collection, so that garbage not yet collected does not hide a leak
  jcmd "$APP_PID" GC.run >/dev/null
  jcmd "$APP_PID" GC.heap_info | sed -nE 's/.* used ([0-9]+)K.*/\1/p' | head -1 | awk '{printf "%.1f", $1 / 1024}'
}
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }
threads() { awk '/^Threads/ {print $2}' "/proc/$APP_PID/status"; }
db_connections() { "${PSQL[@]}" -At -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"; }
rankings() { "${PSQL[@]}" -At -c "SELECT count(*) FROM rankings WHERE project_id = $PROJECT"; }
sample() { # seconds since start
  printf '%6s %10s %8s %8s %8s %10s\n' "$1" "$(live_heap_mb)" "$(rss_mb)" "$(threads)" "$(db_connections)" \
    "$(rankings)" | tee -a "$RESULTS/samples.txt"
}

# An admin meanwhile: the project's progress, and a full export of the pairs stored so far.
admin_traffic() {
  local end=$((SECONDS + SOAK_SECONDS)) failures=0 calls=0 path status
  while [ "$SECONDS" -lt "$end" ]; do
    for path in "projects/$PROJECT" "projects/$PROJECT/export/pairs"; do
      status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "${ADMIN[@]}" "$URL/api/v1/$path")"
      calls=$((calls + 1))
      [ "$status" = 200 ] || { failures=$((failures + 1)); echo "admin GET $path: $status" >&2; }
    done
    sleep "$ADMIN_EVERY_SECONDS"
  done
  echo "admin calls: $calls, failures: $failures" >"$RESULTS/admin.txt"
}

echo
echo "== soak: $USERS labelers, think $THINK_MS ms, ${SOAK_SECONDS}s; admin every ${ADMIN_EVERY_SECONDS}s"
printf '%6s %10s %8s %8s %8s %10s\n' seconds live_MB rss_MB threads db_conn rankings | tee "$RESULTS/samples.txt"
sample 0
java "$BENCH/LoadGen.java" --url "$URL" --project "$PROJECT" --tokens "$TOKENS" --users "$USERS" \
  --warmup 0 --seconds "$SOAK_SECONDS" --think-ms "$THINK_MS" >"$RESULTS/loadgen.txt" &
LOADGEN=$!
admin_traffic &
ADMIN_LOOP=$!
START=$SECONDS
while kill -0 "$LOADGEN" 2>/dev/null; do
  sleep "$SAMPLE_SECONDS"
  kill -0 "$LOADGEN" 2>/dev/null && sample $((SECONDS - START))
done
wait "$LOADGEN"
wait "$ADMIN_LOOP"
sample $((SECONDS - START))

echo
cat "$RESULTS/loadgen.txt" "$RESULTS/admin.txt"
OVERFILLED="$("${PSQL[@]}" -At -c "SELECT count(*) FROM (SELECT prompt_id FROM rankings WHERE project_id = $PROJECT
  GROUP BY prompt_id HAVING count(*) > 3) overfilled")"
TWICE="$("${PSQL[@]}" -At -c "SELECT count(*) FROM (SELECT 1 FROM rankings WHERE project_id = $PROJECT
  GROUP BY prompt_id, user_id HAVING count(*) > 1) twice")"
LOGGED_ERRORS="$(grep -c ' ERROR ' "$DATA_DIR/app.log" || true)"
echo "prompts with more than 3 rankings: $OVERFILLED; prompts ranked twice by one labeler: $TWICE; ERROR lines in the app log: $LOGGED_ERRORS"

ERRORS="$(sed -nE 's/^RESULT .* errors=([0-9]+).*/\1/p' "$RESULTS/loadgen.txt")"
ADMIN_FAILURES="$(sed -nE 's/.*failures: ([0-9]+)/\1/p' "$RESULTS/admin.txt")"
awk 'NR > 1 {if (NR == 2) first = $2; last = $2; if ($2 > max) max = $2}
  END {printf "RESULT live_heap_mb first=%s last=%s max=%s\n", first, last, max}' "$RESULTS/samples.txt"
if [ "$ERRORS" != 0 ] || [ "$ADMIN_FAILURES" != 0 ] || [ "$OVERFILLED" != 0 ] || [ "$TWICE" != 0 ]; then
  echo "SOAK FAILED" >&2
  exit 1
fi
echo "soak passed: no failed request, no over-filled prompt"
