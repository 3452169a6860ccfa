#!/usr/bin/env bash
# Builds the Linux installers of the console from the shaded jar (run by `mvn -B -Pinstaller package`, or alone
# after `mvn -B package`):
#   target/installer/app-image/cockpit-smtp/     the application folder (bin/cockpit-smtp, lib/app, lib/runtime)
#   target/installer/cockpit-smtp_<version>_amd64.deb
# Steps: a Java runtime trimmed by jlink to the modules the jar uses, with its base class-data sharing archive;
# jpackage's app-image; a training run that archives the application's own classes (train-cds.sh); the .deb,
# which installs under /opt/cockpit-smtp, with the menu entry and the icons put in /usr/share by its postinst.
# Needs JDK 17 (jdeps, jlink, jpackage), fakeroot, dpkg-deb, and for the console's part of the training Xvfb
# (or a display). Takes 2 to 4 minutes on 2 cores, most of it compressing the .deb.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/cockpit-smtp.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package first" >&2; exit 1; }
VERSION=$(unzip -p "$JAR" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
VERSION=${VERSION:-0.1.0}
OUT=target/installer
APP=$OUT/app-image/cockpit-smtp
rm -rf "$OUT"
mkdir -p "$OUT/input" "$OUT/resources"
cp "$JAR" "$OUT/input/"
# JavaFX's native libraries beside the jar, where JavaFX looks first: otherwise it copies them out of the jar into
# ~/.openjfx/cache at the first start and checks them against the jar's copies at every start.
unzip -q -j "$JAR" '*.so' -d "$OUT/input"
# The menu entry and the icons, installed into /usr/share by the package's postinst (and taken back by its prerm):
# jpackage's own --linux-shortcut needs a desktop's menu folders at install time, which a server does not have.
mkdir -p "$OUT/input/desktop/icons"
cp installer/linux/cockpit-smtp.desktop "$OUT/input/desktop/"
for png in icons/png/cockpit-smtp-*.png; do size=${png##*-}; cp "$png" "$OUT/input/desktop/icons/$size"; done
step() { printf '%s %s\n' "$(date +%T)" "$*"; }

step "runtime: jdeps and jlink"
# The modules the jar uses, plus those reached only by name at run time: elliptic-curve TLS, the French and
# English locale data, the character sets of mail, the zip file system.
MODULES=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$JAR" 2>/dev/null)
jlink --add-modules "$MODULES,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs" --include-locales=en,fr \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$OUT/runtime" >/dev/null
# The base archive for heaps over 32 GB (no compressed pointers): the console and the commands never run so big.
rm -f "$OUT/runtime/lib/server/classes_nocoops.jsa"

step "app-image: jpackage"
# -Xlog: a JVM warning (an archive that no longer matches, say) must never land on a command's stdout.
jpackage --type app-image --name cockpit-smtp --app-version "$VERSION" --vendor cockpit \
  --description "Administration console for the cockpit SMTP gateway" \
  --input "$OUT/input" --main-jar cockpit-smtp.jar --main-class io.cockpit.smtp.Launcher \
  --runtime-image "$OUT/runtime" --icon icons/png/cockpit-smtp-256.png \
  --java-options '-XX:SharedArchiveFile=$APPDIR/cockpit-smtp.jsa' \
  --java-options '-Xlog:disable' --java-options '-Xlog:all=error:stderr' \
  --dest "$OUT/app-image"

step "class-data sharing: training run"
# An archive is used only while the jar has the size and modification time it had at training: the time is fixed
# here and set again on the installed jar by the package's postinst (jpackage does not keep file times).
JAR_TIME=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
touch -d "@$JAR_TIME" "$APP/lib/app/cockpit-smtp.jar"
installer/linux/train-cds.sh "$APP" /opt/cockpit-smtp

step "launcher"
# jpackage's native launcher queries the package manager at every start (see launcher.sh): a shell launcher with the
# same Java options takes its place.
options=$(sed -n 's/^java-options=//p' "$APP/lib/app/cockpit-smtp.cfg" | sed 's|\$APPDIR|$APP/lib/app|g' \
  | while read -r o; do printf '"%s" ' "$o"; done)
sed "s|@JAVA_OPTIONS@|${options% }|" installer/linux/launcher.sh > "$APP/bin/cockpit-smtp"
chmod 755 "$APP/bin/cockpit-smtp"
"$APP/bin/cockpit-smtp" --version

step ".deb: jpackage"
sed "s/@JAR_TIME@/$JAR_TIME/" installer/linux/postinst > "$OUT/resources/postinst"
cp installer/linux/prerm "$OUT/resources/prerm"
jpackage --type deb --app-image "$APP" --name cockpit-smtp --app-version "$VERSION" --vendor cockpit \
  --description "Administration console for the cockpit SMTP gateway" \
  --icon icons/png/cockpit-smtp-256.png --linux-app-category mail --linux-package-deps libgtk-3-0 \
  --resource-dir "$OUT/resources" --install-dir /opt --dest "$OUT"
step "done"
ls -l "$OUT"/*.deb
du -sh "$APP"
