#!/usr/bin/env bash
# Renders every icon file from the two SVG sources (run after editing them; the results are committed):
#   png/cockpit-smtp-<size>.png   16 to 512 pixels (the window's icons, the Linux package, the README)
#   cockpit-smtp.ico              Windows installer and launcher
#   cockpit-smtp.icns             macOS application bundle and disk image
# cockpit-smtp-small.svg is drawn for 16 to 32 pixels (fewer, thicker lines); cockpit-smtp.svg for the rest.
# Needs rsvg-convert (librsvg2-bin), convert (imagemagick) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32; do rsvg-convert -w $size -h $size cockpit-smtp-small.svg -o png/cockpit-smtp-$size.png; done
for size in 48 64 128 256 512; do rsvg-convert -w $size -h $size cockpit-smtp.svg -o png/cockpit-smtp-$size.png; done
convert png/cockpit-smtp-{16,24,32,48,64,128,256}.png cockpit-smtp.ico
png2icns cockpit-smtp.icns png/cockpit-smtp-{16,32,48,128,256,512}.png >/dev/null
ls -l png cockpit-smtp.ico cockpit-smtp.icns
