#!/usr/bin/env bash
# Start-up figures, all in one run so that their ratios hold whatever the machine's load:
#   src/test/scripts/startup-benchmark.sh [RUNS]            (default 5; medians)
# - windows (under Xvfb, from launch to the first visible window with the title): a hello-world JavaFX window
#   (src/test/java/.../bench/HelloWindow) on the same JVM and jar; the console from the jar; the console of the
#   installed package (/opt/cockpit-smtp, if installed);
# - commands (launch to exit, on a store of their own): --version, gateway show, send of one message, gateway test
#   to the local Postfix (587, STARTTLS + AUTH, as src/test/scripts/postfix-lab.sh sets it up), from the jar and
#   from the installed launcher; swaks sending the same test email for comparison; and the floor under the jar's
#   commands: a program that only opens the same H2 file and reads one row (src/test/java/.../bench/H2OpenFloor), and
#   one that only sends the test email with Angus Mail (.../bench/AngusTestFloor).
# Needs Xvfb, xdotool, swaks; the jar and the test classes (built if missing); Postfix set up by postfix-lab.sh
# for the two gateway-test lines (skipped otherwise).
set -uo pipefail
RUNS=${1:-5}
cd "$(dirname "$0")/../../.."
JAR=$(readlink -f target/cockpit-smtp.jar)
TESTS=$(readlink -f target/test-classes)
APP=/opt/cockpit-smtp/bin/cockpit-smtp
[ -f "$JAR" ] || mvn -B -q package -DskipTests
[ -f "$TESTS/io/cockpit/smtp/bench/H2OpenFloor.class" ] || mvn -B -q test-compile
PASSWORD=${LAB_PASSWORD:-lab-Passw0rd}

WORK=$(mktemp -d)
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$n" HOME="$WORK/home" COCKPIT_SMTP_DB="$WORK/store/cockpit"
mkdir -p "$HOME"
sleep 1

# The median of the runs that succeeded (a run that failed prints -1 and is left out, and said).
median() { awk '$1 >= 0' | sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

# Milliseconds from launch until a visible window whose title matches $1; the program is then closed.
window_ms() {
  local title=$1; shift
  local t0; t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  local pid=$!
  while ! xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "-1"; return; }
    sleep 0.01
  done
  local t1; t1=$(date +%s%N)
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  # The next launch must not find this window still mapped.
  while xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; do sleep 0.05; done
  echo $(( (t1 - t0) / 1000000 ))
}

# Milliseconds from launch to exit (the exit code is not checked here; the set-up checks each command once).
run_ms() {
  local t0; t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 </dev/null
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}

POSTFIX=0
if (exec 3<>/dev/tcp/127.0.0.1/587) 2>/dev/null && [ -f /etc/postfix/lab-cert.pem ]; then POSTFIX=1; fi

# One store per launcher, set up once: the gateway pointing at the local Postfix when there is one.
setup_store() {
  local db=$1; shift
  COCKPIT_SMTP_DB=$db "$@" gateway show >/dev/null 2>&1
  if [ "$POSTFIX" = 1 ]; then
    echo "$PASSWORD" | COCKPIT_SMTP_DB=$db "$@" gateway set --server localhost --port 587 --security starttls \
      --auth password --username alice@lab.example.com --password-stdin --from alice@lab.example.com \
      --trust-cert /etc/postfix/lab-cert.pem --status active >/dev/null
    COCKPIT_SMTP_DB=$db "$@" gateway test --to labmail@lab.example.com >/dev/null \
      || echo "warning: gateway test against Postfix failed with $*" >&2
  fi
}

declare -A RESULT
measure() { # key, runs of a command printing ms
  local key=$1; shift
  local values=()
  for _ in $(seq "$RUNS"); do values+=("$("$@")"); done
  RESULT[$key]=$(printf '%s\n' "${values[@]}" | median)
  printf '  %-28s %6s ms   (%s)\n' "$key" "${RESULT[$key]}" "${values[*]}" | sed 's/ -1\b/ failed/g; s/(-1\b/(failed/'

}

echo "Start-up benchmark: $RUNS runs each, medians; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -1)"
INSTALLED=0; [ -x "$APP" ] && INSTALLED=1
setup_store "$WORK/jar/cockpit" java -jar "$JAR"
[ "$INSTALLED" = 1 ] && setup_store "$WORK/app/cockpit" "$APP"

echo "windows"
measure hello-window window_ms '^Hello window' java -cp "$JAR:$TESTS" io.cockpit.smtp.bench.HelloWindow
COCKPIT_SMTP_DB="$WORK/jar/cockpit" measure console-jar window_ms '^Cockpit' java -jar "$JAR"
[ "$INSTALLED" = 1 ] && COCKPIT_SMTP_DB="$WORK/app/cockpit" measure console-installed window_ms '^Cockpit' "$APP"

echo "commands"
export COCKPIT_SMTP_DB="$WORK/jar/cockpit"
measure version-jar run_ms java -jar "$JAR" --version
measure show-jar run_ms java -jar "$JAR" gateway show
measure h2-floor run_ms java -cp "$JAR:$TESTS" io.cockpit.smtp.bench.H2OpenFloor "$WORK/jar/cockpit"
measure send-jar run_ms java -jar "$JAR" send --flow password-reset --to labmail@lab.example.com --lang en --var LOGIN=bench
[ "$POSTFIX" = 1 ] && measure test-jar run_ms java -jar "$JAR" gateway test --to labmail@lab.example.com
[ "$POSTFIX" = 1 ] && measure angus-floor run_ms env LAB_PASSWORD="$PASSWORD" java -cp "$JAR:$TESTS" \
  io.cockpit.smtp.bench.AngusTestFloor localhost 587 alice@lab.example.com alice@lab.example.com \
  labmail@lab.example.com /etc/postfix/lab-cert.pem
if [ "$INSTALLED" = 1 ]; then
  export COCKPIT_SMTP_DB="$WORK/app/cockpit"
  measure version-installed run_ms "$APP" --version
  measure show-installed run_ms "$APP" gateway show
  measure send-installed run_ms "$APP" send --flow password-reset --to labmail@lab.example.com --lang en --var LOGIN=bench
  [ "$POSTFIX" = 1 ] && measure test-installed run_ms "$APP" gateway test --to labmail@lab.example.com
fi
if [ "$POSTFIX" = 1 ] && command -v swaks >/dev/null; then
  measure swaks run_ms swaks --server localhost --port 587 --tls --auth LOGIN --auth-user alice@lab.example.com \
    --auth-password "$PASSWORD" --from alice@lab.example.com --to labmail@lab.example.com \
    --header "Subject: test" --body "test" --tls-verify --tls-ca-path /etc/postfix/lab-cert.pem
fi

ratio() { [ -n "${RESULT[$1]:-}" ] && [ -n "${RESULT[$2]:-}" ] && [ "${RESULT[$1]}" != - ] && [ "${RESULT[$2]}" != - ] && awk -v a="${RESULT[$1]}" -v b="${RESULT[$2]}" 'BEGIN {printf "%.2f", a / b}'; }
echo "ratios"
printf '  %-44s %s\n' "console window (jar) / hello window" "$(ratio console-jar hello-window)"
printf '  %-44s %s\n' "console window (installed) / hello window" "$(ratio console-installed hello-window)"
printf '  %-44s %s\n' "H2 open and one row alone / --version (jar)" "$(ratio h2-floor version-jar)"
printf '  %-44s %s\n' "gateway show / --version (jar)" "$(ratio show-jar version-jar)"
printf '  %-44s %s\n' "send / --version (jar)" "$(ratio send-jar version-jar)"
printf '  %-44s %s\n' "Angus Mail alone, same test / --version (jar)" "$(ratio angus-floor version-jar)"
printf '  %-44s %s\n' "gateway test / --version (jar)" "$(ratio test-jar version-jar)"
printf '  %-44s %s\n' "gateway show (installed) / --version (jar)" "$(ratio show-installed version-jar)"
printf '  %-44s %s\n' "send (installed) / --version (jar)" "$(ratio send-installed version-jar)"
printf '  %-44s %s\n' "gateway test (installed) / --version (jar)" "$(ratio test-installed version-jar)"
printf '  %-44s %s\n' "gateway test (jar) / swaks" "$(ratio test-jar swaks)"
printf '  %-44s %s\n' "gateway test (installed) / swaks" "$(ratio test-installed swaks)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
