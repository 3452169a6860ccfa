#!/usr/bin/env bash
# Makes the application's class-data sharing archive (lib/app/cockpit-smtp.jsa) by a training run of the app-image.
#   installer/linux/train-cds.sh APP_IMAGE_DIR INSTALLED_DIR
# Java 17 uses an archive only with the class path it was made with, absolute path included (Java 19 lifts this),
# so the training runs with the app-image seen at its installed path: in a mount namespace of its own, a tmpfs over
# the installed path's parent and the app-image bound onto it. Nothing is mounted or written outside. As root this
# needs unshare; otherwise unprivileged user namespaces.
# The archive sits on top of the runtime's base archive (jlink --generate-cds-archive). picocli is compiled with the
# program for Java 17 (see pom.xml), so its classes are archived too; the log lists any class left out, and why.
set -euo pipefail
APP=$(readlink -f "$1")
TARGET=$2
[ -x "$APP/lib/runtime/bin/java" ] || { echo "no runtime in $APP" >&2; exit 1; }

XVFB_PID=
TLS=$(mktemp -d)
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true; rm -rf "$TLS"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
  for n in $(seq 90 140); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
  Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi

# A key and certificate for the training's loopback SMTP server, so that its `gateway test` goes through STARTTLS with
# a pinned certificate and AUTH as an operator's first test does (CdsTraining, TrainingSmtpServer): the archive then
# holds the TLS handshake's classes. Made by the build JDK's keytool, deleted afterwards.
keytool -genkeypair -alias training -keyalg RSA -keysize 2048 -dname CN=localhost -ext san=dns:localhost,ip:127.0.0.1 \
  -validity 2 -storetype PKCS12 -keystore "$TLS/training.p12" -storepass training -keypass training >/dev/null 2>&1
keytool -exportcert -rfc -alias training -keystore "$TLS/training.p12" -storepass training -file "$TLS/training.pem" \
  >/dev/null 2>&1

if [ "$(id -u)" = 0 ]; then NS=(unshare --mount --propagation private); else NS=(unshare --user --map-root-user --mount --propagation private); fi
LOG=$(dirname "$APP")/cds-training.log
"${NS[@]}" bash -c '
  set -e
  mount -t tmpfs tmpfs "$(dirname "$2")"
  mkdir -p "$2"
  mount --bind "$1" "$2"
  rm -f "$2/lib/app/cockpit-smtp.jsa"
  "$2/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$2/lib/app/cockpit-smtp.jsa" -Xlog:disable -Xlog:cds=warning:file="$3" \
    -Dcockpit.training.tls="$4" -cp "$2/lib/app/cockpit-smtp.jar" io.cockpit.smtp.CdsTraining
' training "$APP" "$TARGET" "$LOG" "$TLS"
[ -s "$APP/lib/app/cockpit-smtp.jsa" ] || { echo "the training run wrote no archive (see $LOG)" >&2; exit 1; }
echo "archive: $(du -h "$APP/lib/app/cockpit-smtp.jsa" | cut -f1); classes left out: $(grep -c 'Skipping\|not supported' "$LOG" || true)," \
  "of which the JDK's own reflection accessors, generated in the Java 5 format: $(grep -c 'Pre JDK 6 class.*/Generated' "$LOG" || true)"
