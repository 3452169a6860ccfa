#!/usr/bin/env bash
# Runs a fixed script of commands on a new temporary store and prints each command line, its exit code, stdout
# and stderr, with what changes from run to run (dates, durations, ids, host names, temp paths) replaced by
# placeholders. Two builds are compared by diffing their transcripts:
#   src/test/scripts/cli-transcript.sh old.jar > old.txt; src/test/scripts/cli-transcript.sh new.jar > new.txt
#   diff old.txt new.txt
set -uo pipefail
JAR=${1:-target/cockpit-smtp.jar}
JAR=$(readlink -f "$JAR")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export COCKPIT_SMTP_DB="$WORK/store/cockpit"
unset COCKPIT_SMTP_KEY_FILE COCKPIT_SMTP_PRESET
cd "$WORK"
HOST=$(hostname)

norm() {
  sed -E -e "s#$WORK#<work>#g" \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?/<time>/g' \
    -e 's/"millis" ?: ?[0-9]+/"millis":<n>/g' -e 's/ +[0-9]+ ms\b/ <n> ms/g' -e 's/\b[0-9]+ms\b/<n>ms/g' \
    -e 's/<[0-9a-z]+\.[0-9a-f]{16,}@[^>]+>/<message-id>/g' -e 's/^Date: .*/Date: <date>/' -e 's/"Date":"[^"]*"/"Date":"<date>"/g' -e 's/_Part_[0-9_.]+/_Part_<n>/g' -e 's/"messageId" ?: ?"[^"]*"/"messageId":"<message-id>"/g' \
    -e "s/$HOST[.a-zA-Z0-9-]*/<host>/g" -e 's/:[0-9]+:[0-9a-f]{8}/:<pid>:<rnd>/g'
}

run() {
  local input=""
  if [ "$1" = "--stdin" ]; then input=$2; shift 2; fi
  echo "\$ cockpit-smtp $*"
  printf '%s' "$input" | java -jar "$JAR" "$@" >"$WORK/out" 2>"$WORK/err"
  echo "exit $?"
  echo "--- stdout"; norm <"$WORK/out"
  echo "--- stderr"; norm <"$WORK/err"
  echo
}

run --version
run gateway show
run gateway show --json
run gateway set --server smtp.example.com --port 587 --security starttls --from itsm@example.com --display-name "Service desk"
run gateway set --port 70000
run gateway set --from "not an address"
run gateway set --reply-to support@example.com --helo ws-042.example.com --max-per-minute 30
run --stdin $'s3cret\n' gateway set --auth password --username svc-itsm --password-stdin
run gateway set --auth password --security none
run gateway set --preset office365
run gateway set --preset gmail --username svc@gmail.com
run gateway set --preset generic --server 127.0.0.1 --port 1 --security none --auth none --connect-timeout 2 --read-timeout 2
run gateway show
run gateway show --json
run gateway set --status active
run gateway check
run gateway check --json
run gateway test --to admin@example.com
run gateway test --to admin@example.com --json
run gateway test --to "bad address"
run format show
run format show --json
run format set --user-url https://support.example.com --operator-url https://ops.example.com --languages fr,en,de --default-language fr
run format set --user-url ftp://nope
run format set --languages fr,xx
run format set --languages fr,en,de
run template variables
run template variables --json
run template set --lang fr --text 'Rapport ${REPORT_NAME} du ${PERIOD_START}'
run template set --lang en --text 'Report ${UNKNOWN_VAR}'
run template set --lang en --text 'Report ${REPORT_NAME'
run template preview --lang fr
run template preview --lang en --json
run template preview --lang de --text 'Bericht ${REPORT_NAME} ${PERIOD_END}' --var REPORT_NAME=Wochen
run template preview --lang fr --text 'x ${BAD'
run template clear --lang fr
run format show --json
run send --flow password-reset --to jdoe@example.com --lang en --var LOGIN=jdoe
run send --flow report-notification --to ops@example.com --lang fr --var REPORT_NAME=Hebdo
run send --flow report-notification --to ops@example.com --subject nope
run send --flow nonsense --to a@example.com
run send --flow feedback --to "a@example.com,bad"
printf '%s\n' '{"flow":"ticket-notification","to":["a@example.com"],"lang":"fr","vars":{"TICKET_ID":"42"}}' '{"flow":"feedback","to":["b@example.com"]}' > batch.jsonl
run send --batch batch.jsonl
printf '%s\n' '{"flow":"ticket-notification","to":["a@example.com"]}' '{"flow":"bogus","to":["b@example.com"]}' > bad.jsonl
run send --batch bad.jsonl
run outbox list
run outbox list --status queued --json
run outbox show 1
run outbox show 1 --json
run outbox show 999
run outbox retry --all-deferred
run outbox purge --status sent --older-than P1D
run engine list
run engine add remote-lyon --remote
run engine add remote-lyon
run engine add "bad name"
run engine set remote-lyon --gateway specific --server smtp.lyon.example.com --port 25 --security none --from alerts@lyon.example.com
run engine show remote-lyon
run engine show remote-lyon --json
run engine list --json
run send --flow supervision-alert --to noc@example.com --engine remote-lyon --subject "Disk full" --body "disk"
run engine run --once
run outbox list
run config export
run config history
run config history --limit 3 --json
printf '%s' '{"gateway":{"displayName":"Imported desk"}}' > imp.json
run config import --file imp.json --dry-run
run config import --file imp.json
run config rotate-key
run gateway show --json
run nosuchcommand
run gateway set --port
