#!/usr/bin/env bash
# Installer smoke test, as a new user on Debian would try the package, on this machine (root, Debian 12):
#   src/test/scripts/installer-smoke-test.sh [--no-build]
# builds the .deb (mvn -B -Pinstaller package; --no-build takes the one in target/installer), installs it with
# dpkg, checks the menu entry and its icon, runs `cockpit-smtp --version` and `cockpit-smtp gateway show --json`
# from the installed path on a temporary store (and once with -Xshare:on, which fails if the class-data archive
# cannot be used), opens the console under Xvfb until its window with the title appears, uninstalls, and checks
# that nothing is left behind but the user's store. Prints "N passed, N failed" last.
# Needs root (dpkg); installs with apt what the package depends on (GTK 3 and its libraries, xdg-utils), Xvfb and
# xdotool, where missing.
# Takes about 4 to 6 minutes on 2 cores with the build, under a minute without.
set -uo pipefail
cd "$(dirname "$0")/../../.."
[ "$(id -u)" = 0 ] || { echo "run as root (dpkg -i)" >&2; exit 2; }
BUILD=1
[ "${1:-}" = --no-build ] && BUILD=0
PASS=0; FAIL=0
ok() { echo "ok   $*"; PASS=$((PASS + 1)); }
ko() { echo "FAIL $*"; FAIL=$((FAIL + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else ko "$what"; fi; }
finish() { echo; echo "$PASS passed, $FAIL failed"; [ "$FAIL" = 0 ]; exit $?; }

install_missing() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
install_missing xvfb xdotool
if dpkg -s cockpit-smtp >/dev/null 2>&1; then echo "cockpit-smtp is already installed: remove it first" >&2; exit 2; fi

if [ "$BUILD" = 1 ]; then
  start=$(date +%s)
  mvn -B -q -Pinstaller package -DskipTests >target/smoke-build.log 2>&1 && ok "mvn -Pinstaller package ($(( $(date +%s) - start )) s)" \
    || { ko "mvn -Pinstaller package (see target/smoke-build.log)"; finish; }
fi
DEB=$(ls target/installer/cockpit-smtp_*_amd64.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || { ko "a .deb in target/installer"; finish; }
ok "package $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"
# dpkg does not fetch dependencies: what the package declares comes from apt first, as `apt install ./…deb` would.
install_missing $(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' ')

WORK=$(mktemp -d)
XVFB_PID=
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  dpkg -s cockpit-smtp >/dev/null 2>&1 && dpkg --purge cockpit-smtp >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
# What the system's shared folders hold before, to find anything the package leaves behind after.
snapshot() { find /opt /usr/share/applications /usr/share/icons /usr/share/desktop-directories /etc/xdg /usr/local/bin /usr/bin 2>/dev/null | sort; }
snapshot >"$WORK/before.txt"

check "dpkg -i" dpkg -i "$DEB"
LAUNCHER=/opt/cockpit-smtp/bin/cockpit-smtp
check "launcher $LAUNCHER" test -x "$LAUNCHER"
DESKTOP=$(grep -l "^Exec=$LAUNCHER" /usr/share/applications/*.desktop 2>/dev/null | head -1)
if [ -n "$DESKTOP" ]; then
  ok "menu entry $DESKTOP: $(sed -n 's/^Name=//p' "$DESKTOP"), $(sed -n 's/^Categories=//p' "$DESKTOP")"
  ICON=$(sed -n 's/^Icon=//p' "$DESKTOP")
  # A theme name: one PNG a size in the hicolor theme, where every desktop looks.
  sizes=$(ls /usr/share/icons/hicolor/*/apps/"$ICON".png 2>/dev/null | sed 's|.*/hicolor/\([0-9]*\)x.*|\1|' | sort -n | tr '\n' ' ')
  [ -n "$sizes" ] && ok "menu icon '$ICON' in the hicolor theme, sizes ${sizes% }" || ko "no icon '$ICON' in /usr/share/icons/hicolor"
else
  ko "a menu entry that starts $LAUNCHER in /usr/share/applications"
fi

export HOME="$WORK/home" COCKPIT_SMTP_DB="$WORK/store/cockpit"
mkdir -p "$HOME"
version=$("$LAUNCHER" --version 2>"$WORK/err")
[ "$version" = "cockpit-smtp $(dpkg-deb -f "$DEB" Version | sed 's/-[0-9]*$//')" ] && ok "cockpit-smtp --version: $version" \
  || ko "cockpit-smtp --version printed '$version' $(cat "$WORK/err")"
check "the class-data archive is usable (-Xshare:on)" env JAVA_TOOL_OPTIONS=-Xshare:on "$LAUNCHER" --version
show=$("$LAUNCHER" gateway show --json 2>"$WORK/err")
case "$show" in '{"name":"portal",'*'}') true ;; *) false ;; esac \
  && ok "cockpit-smtp gateway show --json on a new store" || ko "gateway show --json: $show $(cat "$WORK/err")"
check "the store was created at \$COCKPIT_SMTP_DB" test -f "$WORK/store/cockpit.mv.db"

for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$n"
sleep 1
EXEC=$(sed -n 's/^Exec=//p' "${DESKTOP:-/dev/null}"); EXEC=${EXEC:-$LAUNCHER}
t0=$(date +%s%N)
$EXEC >"$WORK/console.log" 2>&1 &
CONSOLE=$!
shown=
for _ in $(seq 600); do
  if xdotool search --onlyvisible --name '^Cockpit' >/dev/null 2>&1; then shown=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
  kill -0 "$CONSOLE" 2>/dev/null || break
  sleep 0.05
done
[ -n "$shown" ] && ok "the console's window appeared after $shown ms" || ko "no console window within 30 s: $(tail -3 "$WORK/console.log")"
kill "$CONSOLE" 2>/dev/null; wait "$CONSOLE" 2>/dev/null

check "dpkg --purge" dpkg --purge cockpit-smtp
check "/opt/cockpit-smtp is gone" test ! -e /opt/cockpit-smtp
snapshot >"$WORK/after.txt"
left=$(comm -13 "$WORK/before.txt" "$WORK/after.txt")
[ -z "$left" ] && ok "nothing left in /opt, /usr/share/applications, /usr/share/icons, /etc/xdg, /usr/bin" \
  || ko "left behind: $left"
check "the user's store is kept" test -f "$WORK/store/cockpit.mv.db"
others=$(cd "$HOME" && find . -mindepth 1 -not -path './.cache*' | sort)
[ -z "$others" ] && ok "nothing written to the user's home (besides the desktop's own caches)" || ko "written to the home: $others"
finish
