#!/usr/bin/env bash
# Builds the macOS disk image of the console on a Mac (run by `mvn -B -Pinstaller package` there, or alone after
# `mvn -B package -Djavafx.platform=mac` — mac-aarch64 on Apple silicon — so that the jar carries JavaFX's macOS
# natives):
#   target/installer/cockpit-smtp-<version>.dmg     drag Cockpit SMTP.app to Applications
# Needs a JDK 17 for macOS (jdeps, jlink, jpackage) and Xcode's command-line tools (hdiutil, codesign).
# Class-data sharing: the runtime's base archive only. Java 17 uses an application archive only at the absolute
# path it was made at, and a bundle can be moved anywhere (the Linux package installs at a fixed path instead).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/cockpit-smtp.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package first" >&2; exit 1; }
VERSION=$(unzip -p "$JAR" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
VERSION=${VERSION:-0.1.0}
OUT=target/installer
rm -rf "$OUT"
mkdir -p "$OUT/input"
cp "$JAR" "$OUT/input/"
# JavaFX's native libraries beside the jar, where JavaFX looks first: otherwise it copies them out of the jar into
# ~/.openjfx/cache at the first start and checks them against the jar's copies at every start.
unzip -q -j "$JAR" '*.dylib' -d "$OUT/input"

MODULES=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$JAR" 2>/dev/null)
jlink --add-modules "$MODULES,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs" --include-locales=en,fr \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$OUT/runtime"

# The bundle's name is what the Finder and the Dock show; the launcher inside keeps the command's name.
jpackage --type dmg --name "Cockpit SMTP" --app-version "$VERSION" --vendor cockpit \
  --description "Administration console for the cockpit SMTP gateway" \
  --input "$OUT/input" --main-jar cockpit-smtp.jar --main-class io.cockpit.smtp.Launcher \
  --runtime-image "$OUT/runtime" --icon icons/cockpit-smtp.icns \
  --mac-package-identifier io.cockpit.smtp --mac-package-name "Cockpit SMTP" \
  --java-options '-Xlog:disable' --java-options '-Xlog:all=error:stderr' \
  --dest "$OUT"
ls -l "$OUT"/*.dmg
