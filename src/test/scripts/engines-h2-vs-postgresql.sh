#!/usr/bin/env bash
# Two engines on PostgreSQL against one on the H2 file, and Postfix's smtp-source, in one run.
#
#   src/test/scripts/engines-h2-vs-postgresql.sh [N] [PORT]        (default N=20000 messages, PORT=2527)
#
# Every run sends N messages of about 1 KB to the same local discard server (Postfix's smtp-sink on 127.0.0.1):
#   - smtp-source: 1 session, all messages over one connection (-d), 1 KB (-l 1024);
#   - H2, one engine: `send --batch` of N test messages to engine local, then `engine run --once`;
#   - H2, two engines: the same batch split between engines local and e2, then `engine run --once --name local` and
#     `engine run --once --name e2` side by side (the second reaches the file through the first one's server);
#   - PostgreSQL, two engines: the same on a throwaway PostgreSQL 15 cluster (Debian's binaries, started here as the
#     postgres user, default durability: fsync and synchronous_commit on), login through COCKPIT_SMTP_DB_USER.
# For each: the enqueue and drain times, msg/s of the drain and of the whole (JVM start-ups included), the CPU seconds
# of our JVMs (the enqueue's and the engines') and of the PostgreSQL server, CPU milliseconds a message (all of them),
# and how many engine processes exited with an error.
# Needs smtp-sink and smtp-source (package postfix), PostgreSQL 15 (package postgresql-15), the shaded jar (built if
# missing); run as root (it starts PostgreSQL as the postgres user).
set -euo pipefail
N=${1:-20000}
PORT=${2:-2527}
PGPORT=${PGPORT:-55432}
cd "$(dirname "$0")/../../.."
JAR=$(readlink -f target/cockpit-smtp.jar)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi
[ -f "$JAR" ] || { mvn -o -B -q package -DskipTests; JAR=$(readlink -f target/cockpit-smtp.jar); }

WORK=$(mktemp -d)
chmod 755 "$WORK"
SINK_PID=
PGDATA=$WORK/pgdata
cleanup() {
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  [ -f "$PGDATA/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

USER_OPT=()
[ "$(id -u)" = 0 ] && USER_OPT=(-u nobody)
smtp-sink "${USER_OPT[@]}" 127.0.0.1:"$PORT" 256 &
SINK_PID=$!
sleep 0.5

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# CPU seconds (user + system) of a command, appended to a file.
cpu() { local out=$1; shift; /usr/bin/time -a -o "$out" -f "%U %S" "$@"; }
cpusum() { [ -f "$1" ] && awk '{ s += $1 + $2 } END { printf "%.2f", s }' "$1" || echo 0; }
# CPU seconds of the PostgreSQL cluster so far: the postmaster, its finished children and its live ones.
pgcpu() {
  [ -f "$PGDATA/postmaster.pid" ] || { echo 0; return; }
  local pm; pm=$(head -1 "$PGDATA/postmaster.pid")
  local tck; tck=$(getconf CLK_TCK)
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
    for c in $(cat /proc/"$pm"/task/*/children 2>/dev/null); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk -v t="$tck" '{ s += $1 } END { printf "%.2f", s / t }'
}

BODY=$(head -c 1024 /dev/zero | tr '\0' 'x' | fold -w 76 | paste -sd'|' | sed 's/|/\\n/g')
# batch FILE ENGINES...: N test messages of 1 KB, shared out in turn between the engines named.
batch() {
  local file=$1; shift
  BODY="$BODY" ENGINES="$*" awk -v n="$N" 'BEGIN { body = ENVIRON["BODY"]; k = split(ENVIRON["ENGINES"], e, " ");
    for (i = 1; i <= n; i++) printf "{\"flow\":\"test\",\"to\":[\"sink%d@example.com\"],\"subject\":\"bench %d\",\"body\":\"%s\",\"engine\":\"%s\"}\n", i, i, body, e[(i % k) + 1] }' \
    > "$file"
}

RESULTS=()
# run LABEL DB ENGINES...: a fresh store at DB, the batch, then one engine run --once per engine, side by side.
run() {
  local label=$1 db=$2; shift 2
  local cli=(java -Djava.util.logging.config.file=/dev/null -jar "$JAR" --db "$db" --key-file "$WORK/key")
  local cpuf="$WORK/cpu-$label"
  rm -f "$cpuf" "$cpuf.enq"
  "${cli[@]}" gateway set --status active --server 127.0.0.1 --port "$PORT" --security none --auth none \
    --from bench@example.com --display-name "Bench" >/dev/null
  for e in "$@"; do [ "$e" = local ] || "${cli[@]}" engine add "$e" >/dev/null; done
  batch "$WORK/batch.jsonl" "$@"
  local pg0; pg0=$(pgcpu)
  local t0; t0=$(now)
  cpu "$cpuf.enq" "${cli[@]}" send --batch "$WORK/batch.jsonl" > /dev/null
  local t1; t1=$(now)
  local pids=()
  for e in "$@"; do
    cpu "$cpuf" "${cli[@]}" engine run --once --name "$e" > "$WORK/once-$label-$e" &
    pids+=($!)
  done
  # An engine that exits with an error is counted, not fatal: the "sent" column tells what was done.
  local failed=0
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  local t2; t2=$(now)
  local pg1; pg1=$(pgcpu)
  local sent; sent=$("${cli[@]}" outbox list --status sent --limit "$N" --json | grep -o '"id"' | wc -l)
  local enq; enq=$(cpusum "$cpuf.enq")
  local drain; drain=$(cpusum "$cpuf")
  local ours; ours=$(awk -v a="$enq" -v b="$drain" 'BEGIN { printf "%.2f", a + b }')
  local pgs; pgs=$(awk -v a="$pg0" -v b="$pg1" 'BEGIN { printf "%.2f", b - a }')
  RESULTS+=("$(printf '%-26s %7s %7s %9s %9s %8s %8s %8s %7s %6s %6s' "$label" "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" \
    "$(rate "$N" "$t1" "$t2")" "$(rate "$N" "$t0" "$t2")" "$enq" "$drain" "$pgs" \
    "$(awk -v a="$ours" -v b="$pgs" -v n="$N" 'BEGIN { printf "%.2f", (a + b) * 1000 / n }')" "$sent" "$failed")")
}

# --- Postfix's smtp-source ---
t0=$(now)
cpu "$WORK/cpu-source" smtp-source -d -s 1 -m "$N" -l 1024 -f bench@example.com -t sink@example.com 127.0.0.1:"$PORT"
t1=$(now)
SOURCE="$(printf '%-26s %7s %7s %9s %9s %8s %8s %8s %7s %6s %6s' "smtp-source (1 session)" "-" "$(secs "$t0" "$t1")" \
  "$(rate "$N" "$t0" "$t1")" "$(rate "$N" "$t0" "$t1")" "-" "$(cpusum "$WORK/cpu-source")" "-" \
  "$(awk -v a="$(cpusum "$WORK/cpu-source")" -v n="$N" 'BEGIN { printf "%.2f", a * 1000 / n }')" "$N" 0)"

# --- H2 ---
run "H2, one engine" "$WORK/h2-one/db" local
run "H2, two engines" "$WORK/h2-two/db" local e2

# --- PostgreSQL ---
if [ -x "$PGBIN/initdb" ]; then
  mkdir -p "$PGDATA" && chown postgres "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  export COCKPIT_SMTP_DB_USER=postgres
  runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" cockpit_one
  runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" cockpit_two
  run "PostgreSQL, one engine" "jdbc:postgresql://127.0.0.1:$PGPORT/cockpit_one" local
  run "PostgreSQL, two engines" "jdbc:postgresql://127.0.0.1:$PGPORT/cockpit_two" local e2
else
  echo "no PostgreSQL binaries in $PGBIN: the PostgreSQL runs are skipped" >&2
fi

echo
echo "messages: $N of about 1 KB, smtp-sink on 127.0.0.1:$PORT; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf '%-26s %7s %7s %9s %9s %8s %8s %8s %7s %6s %6s\n' "run" "enq s" "drain s" "drain/s" "total/s" "CPU enq" "CPU drn" "CPU PG" "ms/msg" "sent" "failed"
echo "$SOURCE"
for r in "${RESULTS[@]}"; do echo "$r"; done
