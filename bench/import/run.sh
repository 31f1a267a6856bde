#!/usr/bin/env bash
# Import benchmark: NDJSON import over HTTP against psql \copy of the same rows into the same tables of the
# same database, with the app's heap capped at 512 MB. See README.md next to this script.
#
#   bench/import/run.sh                  # 25,000 and 100,000 prompts × 9 candidates
#   SIZES="100000" bench/import/run.sh   # one size
#   CONVERSATIONS=1 bench/import/run.sh  # records with "messages" (4 turns) instead of "prompt"
#
# Settings (environment): SIZES, CANDIDATES (9), PORT (18481), HEAP (512m), SOURCE (OpenAssistant trees
# to draw real texts from; synthetic texts when missing), KEEP=1 keeps the work directory.
set -euo pipefail

cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"25000 100000"}
CANDIDATES=${CANDIDATES:-9}
PORT=${PORT:-18481}
HEAP=${HEAP:-512m}
SOURCE=${SOURCE:-$(ls ../shared/data/oasst_en_100_tree.jsonl /work/shared/data/oasst_en_100_tree.jsonl 2>/dev/null | head -1 || true)}
PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/ranklab-bench-import.XXXXXX)
APP_PID=
SAMPLER_PID=

cleanup() {
	[ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
	if [ -n "$APP_PID" ]; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
	fi
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

api() { curl -sS --fail-with-body -u "admin:$PASSWORD" "$@"; }

new_project() {
	api -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"min_candidates\":4,\"max_candidates\":9}" \
		"$BASE/api/v1/projects" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

# Polls the heap in use through the actuator and keeps the largest value seen, in bytes. Stops by itself
# when the app is gone.
sample_heap() {
	local max=0 value
	while kill -0 "$APP_PID" 2>/dev/null; do
		value=$(curl -s -u "admin:$PASSWORD" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" \
			| grep -oE '"value":[0-9.E+-]+' | head -1 | cut -d: -f2 || true)
		if [ -n "$value" ]; then
			max=$(awk -v a="$max" -v b="$value" 'BEGIN { printf "%.0f", (b > a) ? b : a }')
			echo "$max" > "$WORK/heap.max"
		fi
		sleep 0.25
	done
}

# Imports the file given by the curl arguments into a new project; prints seconds, the largest heap in use
# sampled through the actuator, and the largest heap before and after a collection in the GC log (MB).
timed_import() {
	local project gc_mark seconds sampled
	project=$(new_project "$1"); shift
	gc_mark=$(wc -l < "$WORK/gc.log")
	echo 0 > "$WORK/heap.max"
	sample_heap & SAMPLER_PID=$!
	seconds=$(curl -sS -o "$WORK/import.json" -w '%{time_total}' -u "admin:$PASSWORD" -X POST "$@" \
		"$BASE/api/v1/projects/$project/prompts")
	kill "$SAMPLER_PID"; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
	cat "$WORK/import.json" >&2; echo >&2
	grep -q "\"imported\":$size" "$WORK/import.json" || { log "import failed"; tail -50 "$WORK/app.log" >&2; exit 1; }
	sampled=$(awk -v b="$(cat "$WORK/heap.max")" 'BEGIN { printf "%.0f", b / 1048576 }')
	echo "$seconds $sampled $(tail -n +"$((gc_mark + 1))" "$WORK/gc.log" | grep -oE '[0-9]+M->[0-9]+M' \
		| awk -F'M->|M' '{ if ($1 > b) b = $1; if ($2 > a) a = $2 } END { print b + 0, a + 0 }')"
}

jar=$(ls target/ranklab-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
	log "building the jar"
	./mvnw -q package -DskipTests
	jar=$(ls target/ranklab-*.jar | head -1)
fi

largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
log "generating $largest prompts × $CANDIDATES candidates${SOURCE:+ from $SOURCE}"
python3 bench/import/generate.py ndjson "$largest" "$CANDIDATES" "$WORK/all.jsonl" $SOURCE

log "starting $jar with -Xmx$HEAP on $BASE"
RANKLAB_DATA_DIR="$WORK/data" RANKLAB_SECRETS_DIR="$WORK/secrets" RANKLAB_ADMIN_PASSWORD="$PASSWORD" \
	java "-Xmx$HEAP" "-Xlog:gc:file=$WORK/gc.log:uptime" -jar "$jar" \
	--server.port="$PORT" --server.address=127.0.0.1 > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
	curl -sf "$BASE/actuator/health" > /dev/null 2>&1 && break
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 1
done
curl -sf "$BASE/actuator/health" > /dev/null
# The embedded PostgreSQL writes its port on line 4 of postmaster.pid in its data directory.
PGPORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
# The embedded server asks for the password the app made on its first start.
export PGPASSWORD="$(cat "$WORK/secrets/postgres-password")"
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
log "app pid $APP_PID, PostgreSQL $(sql -c 'SHOW server_version') on port $PGPORT"

# Warm-up: the first requests of a fresh JVM run interpreted code; measure the server as it runs for long.
log "warming up with 5,000 prompts"
head -n 5000 "$WORK/all.jsonl" > "$WORK/warmup.jsonl"
api -o /dev/null -X POST -H 'Content-Type: application/x-ndjson' -T "$WORK/warmup.jsonl" \
	"$BASE/api/v1/projects/$(new_project warmup)/prompts"
rm -f "$WORK/warmup.jsonl"

results="$WORK/results.md"
{
	echo "| prompts | rows | file MB | import s | import rows/s | psql \\copy s | psql rows/s | import/psql | heap peak sampled MB | heap max before GC MB | heap max after GC MB |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$results"

for size in $SIZES; do
	file="$WORK/prompts-$size.jsonl"
	head -n "$size" "$WORK/all.jsonl" > "$file"
	rows=$((size * (1 + CANDIDATES)))
	mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.0f", b / 1048576 }')

	# The import over HTTP, streamed by curl (-T), with the heap watched.
	log "importing $size prompts ($mb MB) over HTTP"
	read -r import_s sampled before after < <(timed_import "import $size" \
		-H 'Content-Type: application/x-ndjson' -T "$file")
	[ -n "$after" ] || exit 1
	if [ "${MULTIPART:-0}" = 1 ]; then
		log "importing the same file as a multipart upload"
		read -r multipart_s multipart_sampled multipart_before multipart_after < <(timed_import "multipart $size" \
			-F "file=@$file;type=application/x-ndjson")
		[ -n "$multipart_after" ] || exit 1
		awk -v n="$size" -v r="$rows" -v i="$multipart_s" -v s="$multipart_sampled" -v b="$multipart_before" -v a="$multipart_after" \
			'BEGIN { printf "| %d | %.1f | %.0f | %d | %d | %d |\n", n, i, r / i, s, b, a }' >> "$WORK/multipart.md"
	fi

	# The same rows through psql \copy, in one transaction like the import, into another project.
	project=$(new_project "psql $size")
	first=$(sql -c "SELECT setval(pg_get_serial_sequence('prompts', 'id'),
		nextval(pg_get_serial_sequence('prompts', 'id')) + $size) - $size + 1")
	now=$(sql -c "SELECT now()::text")
	python3 bench/import/generate.py tsv "$file" "$project" "$first" "$now" "$WORK/prompts.tsv" "$WORK/candidates.tsv"
	log "loading the same rows with psql \\copy into project $project"
	start=$(date +%s.%N)
	sql -1 -c "\\copy prompts (id, project_id, external_id, text, meta, ready_at, messages) from '$WORK/prompts.tsv'" \
		-c "\\copy candidates (prompt_id, position, text, model, meta) from '$WORK/candidates.tsv'" \
		-c "INSERT INTO prompt_slots (prompt_id, project_id)
			SELECT id, project_id FROM prompts WHERE project_id = $project AND ready_at IS NOT NULL"
	psql_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
	stored=$(sql -c "SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = $project")
	[ "$stored" = "$((size * CANDIDATES))" ] || { log "psql stored $stored candidates"; exit 1; }
	rm -f "$WORK/prompts.tsv" "$WORK/candidates.tsv" "$file"

	awk -v n="$size" -v r="$rows" -v mb="$mb" -v i="$import_s" -v p="$psql_s" -v s="$sampled" -v b="$before" -v a="$after" \
		'BEGIN { printf "| %d | %d | %d | %.1f | %.0f | %.1f | %.0f | %.0f%% | %d | %d | %d |\n", n, r, mb, i, r / i, p, r / p, 100 * p / i, s, b, a }' \
		>> "$results"
done

echo
echo "JVM -Xmx$HEAP, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
cat "$results"
if [ -s "$WORK/multipart.md" ]; then
	echo
	echo "| prompts | multipart s | multipart rows/s | heap peak sampled MB | heap max before GC MB | heap max after GC MB |"
	echo "|---:|---:|---:|---:|---:|---:|"
	cat "$WORK/multipart.md"
fi
