#!/usr/bin/env bash
# Outbox throughput against Postfix's own load generator, side by side in one run.
#
#   src/test/scripts/outbox-vs-smtp-source.sh [N] [PORT]        (default N=10000 messages, PORT=2526)
#
# Both send N messages of about 1 KB to the same local discard server (Postfix's smtp-sink on 127.0.0.1):
#   - smtp-source: 1 session, all messages over one connection (-d), 1 KB (-l 1024);
#   - ours: `send --batch` (one durable transaction for all N) then `engine run --once` (claims batches, sends each
#     batch over one reused connection, commits every outcome), on a fresh H2 file with WRITE_DELAY=0 (durability on).
# Our figure is messages/s from the start of `send` to the last message `sent`, JVM start-ups included; the time of
# each phase is printed too. Needs /usr/sbin/smtp-sink and smtp-source (Debian package postfix; installed if missing)
# and the shaded jar (built if missing).
set -euo pipefail
N=${1:-10000}
PORT=${2:-2526}
cd "$(dirname "$0")/../../.."
JAR=target/cockpit-smtp.jar

if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi
[ -f "$JAR" ] || mvn -o -B -q package -DskipTests

WORK=$(mktemp -d)
SINK_PID=
cleanup() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# smtp-sink: discard everything; -u needed when run as root; backlog 256.
USER_OPT=()
[ "$(id -u)" = 0 ] && USER_OPT=(-u nobody)
smtp-sink "${USER_OPT[@]}" 127.0.0.1:"$PORT" 256 &
SINK_PID=$!
sleep 0.5

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# CPU seconds (user + system) of a command, appended to a file: a figure less sensitive to a busy machine than
# the wall clock (the sink's own CPU is not counted on either side).
cpu() { local out=$1; shift; /usr/bin/time -a -o "$out" -f "%U %S" "$@"; }
cpusum() { awk '{ s += $1 + $2 } END { printf "%.2f", s }' "$1"; }

# --- Postfix's smtp-source ---
t0=$(now)
cpu "$WORK/cpu-source" smtp-source -d -s 1 -m "$N" -l 1024 -f bench@example.com -t sink@example.com 127.0.0.1:"$PORT"
t1=$(now)
SOURCE_RATE=$(rate "$N" "$t0" "$t1")

# --- ours: send --batch, then engine run --once ---
CLI=(java -Djava.util.logging.config.file=/dev/null -jar "$JAR" --db "$WORK/db" --key-file "$WORK/key")
"${CLI[@]}" gateway set --status active --server 127.0.0.1 --port "$PORT" --security none --auth none \
  --from bench@example.com --display-name "Bench" >/dev/null
BODY=$(head -c 1024 /dev/zero | tr '\0' 'x' | fold -w 76 | paste -sd'|' | sed 's/|/\\n/g')
BODY="$BODY" awk -v n="$N" 'BEGIN { body = ENVIRON["BODY"]; for (i = 1; i <= n; i++)
  printf "{\"flow\":\"test\",\"to\":[\"sink%d@example.com\"],\"subject\":\"bench %d\",\"body\":\"%s\"}\n", i, i, body }' \
  > "$WORK/batch.jsonl"
t2=$(now)
cpu "$WORK/cpu-ours" "${CLI[@]}" send --batch "$WORK/batch.jsonl" > "$WORK/ids"
t3=$(now)
cpu "$WORK/cpu-ours" "${CLI[@]}" engine run --once
t4=$(now)
SENT=$("${CLI[@]}" outbox list --status sent --limit "$N" --json | grep -o '"id"' | wc -l)
OURS_RATE=$(rate "$N" "$t2" "$t4")

echo
echo "messages: $N of about 1 KB, smtp-sink on 127.0.0.1:$PORT"
echo "smtp-source (1 session, one connection):        $SOURCE_RATE msg/s  ($(secs "$t0" "$t1") s)"
echo "outbox send --batch + engine run --once:         $OURS_RATE msg/s  ($(secs "$t2" "$t4") s: enqueue $(secs "$t2" "$t3") s, send $(secs "$t3" "$t4") s)"
echo "sent according to the outbox:                    $SENT of $N"
echo "CPU seconds (user+sys): smtp-source $(cpusum "$WORK/cpu-source"), ours $(cpusum "$WORK/cpu-ours") (2 JVM start-ups included)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v a="$OURS_RATE" -v b="$SOURCE_RATE" 'BEGIN { printf "ratio outbox / smtp-source:                      %.2f\n", a / b }'
