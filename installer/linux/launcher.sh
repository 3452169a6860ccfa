#!/bin/sh
# cockpit-smtp: without an argument the console's window, with one the command (cockpit-smtp --help).
# This script stands in for jpackage's native launcher, which asks rpm and dpkg, twice each, which package it
# belongs to at every start: about 150 ms of every command. The Java options are the ones jpackage wrote into
# lib/app/cockpit-smtp.cfg, copied here by installer/linux/build.sh.
APP=$(dirname "$(dirname "$(readlink -f "$0")")")
exec "$APP/lib/runtime/bin/java" @JAVA_OPTIONS@ -cp "$APP/lib/app/cockpit-smtp.jar" io.cockpit.smtp.Launcher "$@"
