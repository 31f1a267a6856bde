# Shared by the labeling benchmark (run.sh) and the soak (../soak/run.sh), sourced, not run: starts the app
# jar on its embedded PostgreSQL (127.0.0.1 only; stopped when the sourcing script exits), creates one project
# per name in BENCH_PROJECT_NAMES loaded with the public HH and OpenAssistant data COPIES times over, and
# USERS labelers with access tokens (one per line in $TOKENS), the members of every project (which are
# for members only).
# Callers set BENCH_PROJECT_NAMES and BENCH_DATA_DIR (the default data directory, deleted and recreated).
# Sets URL, APP_PID, DATA_DIR, PSQL, PGPORT, PROJECTS (ids, in the order of the names) and TOKENS.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/bench/labeling"
PORT="${PORT:-18080}"
USERS="${USERS:-100}"
COPIES="${COPIES:-16}"
DATA_DIR="${RANKLAB_DATA_DIR:-$BENCH_DATA_DIR}"
ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM"

shared_data() {
  for dir in "${SHARED_DATA:-}" "$ROOT/../shared/data" "$ROOT/../../shared/data" /work/shared/data; do
    if [ -n "$dir" ] && [ -f "$dir/hh_harmless_test.jsonl.gz" ]; then echo "$dir"; return; fi
  done
  echo "public data not found: set SHARED_DATA to the folder holding hh_harmless_test.jsonl.gz" >&2
  exit 1
}
SHARED="$(shared_data)"

JAR="$(ls "$ROOT"/target/ranklab-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -q package -DskipTests)
  JAR="$(ls "$ROOT"/target/ranklab-*.jar | head -1)"
fi

rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"
echo "starting $JAR on 127.0.0.1:$PORT with data in $DATA_DIR"
RANKLAB_DATA_DIR="$DATA_DIR" RANKLAB_SECRETS_DIR="$DATA_DIR/secrets" RANKLAB_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java ${APP_JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --logging.level.root=WARN >"$DATA_DIR/app.log" 2>&1 &
APP_PID=$!
stop_app() { kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 180); do
  curl -sf "$URL/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; see $DATA_DIR/app.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$URL/actuator/health" >/dev/null

PGPORT="$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")"
# The embedded server asks for the password the app made on its first start.
export PGPASSWORD="$(cat "$DATA_DIR/secrets/postgres-password")"
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1)
ADMIN=(-u "admin:$ADMIN_PASSWORD")

new_project() {
  curl -sf "${ADMIN[@]}" -H 'Content-Type: application/json' "$URL/api/v1/projects" \
    -d "{\"name\":\"$1\",\"min_candidates\":2,\"max_candidates\":9,\"rankings_per_prompt\":3}" \
    | sed -E 's/.*"id":"([0-9]+)".*/\1/'
}
PROJECTS=()
for name in "${BENCH_PROJECT_NAMES[@]}"; do
  PROJECTS+=("$(new_project "Benchmark: $name")")
done

echo "loading $SHARED x$COPIES into projects ${PROJECTS[*]} (${BENCH_PROJECT_NAMES[*]})"
"${PSQL[@]}" -c "CREATE TABLE bench_raw_hh (line text); CREATE TABLE bench_raw_oasst (line text);"
COPY_OPTIONS="WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
zcat "$SHARED/hh_harmless_test.jsonl.gz" | "${PSQL[@]}" -c "\\copy bench_raw_hh FROM STDIN $COPY_OPTIONS"
"${PSQL[@]}" -c "\\copy bench_raw_oasst FROM STDIN $COPY_OPTIONS" <"$SHARED/oasst_en_100_tree.jsonl"
for project in "${PROJECTS[@]}"; do
  "${PSQL[@]}" -v project="$project" -v copies="$COPIES" -f "$BENCH/load-prompts.sql"
done
"${PSQL[@]}" -c "DROP TABLE bench_raw_hh; DROP TABLE bench_raw_oasst;"
"${PSQL[@]}" -c "VACUUM ANALYZE"

echo "creating $USERS labelers with access tokens"
TOKENS="$DATA_DIR/tokens.txt"
for i in $(seq 1 "$USERS"); do
  curl -sf "${ADMIN[@]}" -H 'Content-Type: application/json' "$URL/api/v1/users" \
    -d "{\"username\":\"bench-$i\",\"password\":\"bench-password-$i\",\"role\":\"LABELER\"}" >/dev/null
  curl -sf -u "bench-$i:bench-password-$i" -H 'Content-Type: application/json' "$URL/api/v1/tokens" \
    -d '{"name":"bench"}' | sed -E 's/.*"token":"([^"]+)".*/\1/'
  echo
done >"$TOKENS"

# Every project is for members only, the labelers its members: each labeling call asks about membership,
# as it does in a real members-only operation.
MEMBER_IDS="$("${PSQL[@]}" -At -c "SELECT string_agg('\"' || id || '\"', ',') FROM users WHERE username LIKE 'bench-%'")"
for project in "${PROJECTS[@]}"; do
  curl -sf "${ADMIN[@]}" -H 'Content-Type: application/json' -X PATCH "$URL/api/v1/projects/$project" \
    -d '{"access":"members"}' >/dev/null
  curl -sf "${ADMIN[@]}" -H 'Content-Type: application/json' -X PUT "$URL/api/v1/projects/$project/members" \
    -d "{\"user_ids\":[$MEMBER_IDS]}" >/dev/null
done

