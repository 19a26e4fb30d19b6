#!/usr/bin/env bash
# Prints the home of a JDK >= 21 (JAVA_HOME first, then the one on PATH, then /usr/lib/jvm/*), newest first.
# Exits 1 with a message on stderr when none is found.
set -euo pipefail
min=21

major_of() { # $1 = java home
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  echo "${v:-0}"
}

ok() { [ -x "$1/bin/javac" ] && [ "$(major_of "$1")" -ge "$min" ]; }

if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi
best=""; best_major=0
for home in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -d "$home" ] || continue
  m=$(major_of "$home")
  if [ "$m" -ge "$min" ] && [ "$m" -gt "$best_major" ] && [ -x "$home/bin/javac" ]; then best=$home; best_major=$m; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
echo "osprey: no JDK >= $min found (checked JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. openjdk-21-jdk" >&2
exit 1
