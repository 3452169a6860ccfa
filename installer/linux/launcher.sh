#!/bin/sh
# cockpit-smtp: without an argument the console's window, with one the command (cockpit-smtp --help).
# This script stands in for jpackage's native launcher, which asks rpm and dpkg, twice each, which package it
# belongs to at every start: about 150 ms of every command. The Java options are the ones jpackage wrote into
# lib/app/cockpit-smtp.cfg, copied here by installer/linux/build.sh.
APP=$(dirname "$(dirname "$(readlink -f "$0")")")
# A one-shot command runs on the JVM's quick first-tier compiler only, with one compiler thread: about a quarter less
# processor time to start (measured on `gateway show`), it ends before the optimising compiler would pay off, and a
# second compiler thread only takes a core from the command itself (gateway show 0.26 -> 0.23 s, send 0.30 -> 0.27 s
# on 2 cores). The console and `engine run` keep both tiers: they run for hours and send mail in bulk.
JIT=
for word in "$@"; do
  case "$word" in
    gateway|config|format|template|send|outbox|engine|store|user) JIT="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"; break ;;
  esac
done
case " $* " in *" engine run "*) JIT= ;; esac
exec "$APP/lib/runtime/bin/java" @JAVA_OPTIONS@ $JIT -cp "$APP/lib/app/cockpit-smtp.jar" io.cockpit.smtp.Launcher "$@"
