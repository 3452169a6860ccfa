#!/usr/bin/env bash
# Builds the Debian package of the console: a jlink runtime, the shaded jar, a `cockpit-smtp` launcher.
#   installer/build-deb.sh            -> target/installer/cockpit-smtp_<version>_amd64.deb
# Needs JDK 17 (jpackage, jlink, jdeps), fakeroot and dpkg-deb. Installs with `dpkg -i` on a bare machine;
# JavaFX's natives are inside the jar, GTK 3 is declared as a dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/cockpit-smtp.jar ] || mvn -B -q package -DskipTests
version=$(unzip -p target/cockpit-smtp.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
out=target/installer
rm -rf "$out" && mkdir -p "$out/input"
cp target/cockpit-smtp.jar "$out/input/"
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps target/cockpit-smtp.jar 2>/dev/null || echo java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,jdk.httpserver,jdk.unsupported,jdk.management)
jlink --add-modules "$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.httpserver,java.net.http" \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"
icon=icons/cockpit-smtp-256.png
jpackage --type deb --name cockpit-smtp --app-version "${version:-0.1.0}" --vendor "cockpit" \
  --description "Administration console for the cockpit SMTP gateway" \
  --input "$out/input" --main-jar cockpit-smtp.jar --main-class io.cockpit.smtp.Launcher \
  --runtime-image "$out/runtime" --dest "$out" --linux-package-deps libgtk-3-0 \
  $( [ -f "$icon" ] && echo --icon "$icon" )
ls -la "$out"/*.deb
