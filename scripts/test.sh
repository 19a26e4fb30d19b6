#!/usr/bin/env bash
# Runs every test of Osprey: installs the test dependencies, then the Maven build with all unit, property,
# fuzz-regression and architecture tests under paranoid leak detection (which also builds the server jar), then
# the browser interop suite against the built server inside a private network namespace.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"

# A regular file in place of /dev/null breaks initdb, openssl and npm in confusing ways; say so plainly.
if [ ! -c /dev/null ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test: /dev/null is not a character device on this machine; recreating it" >&2
    rm -f /dev/null && mknod -m 666 /dev/null c 1 3
  else
    echo "test: /dev/null is not a character device; ask an administrator to recreate it (mknod -m 666 /dev/null c 1 3)" >&2
    exit 1
  fi
fi

"$root/scripts/install-test-deps.sh"
JAVA_HOME=$("$root/scripts/find-jdk.sh")
export JAVA_HOME
echo "test: JDK $JAVA_HOME"

echo "test: mvn verify (all modules)"
mvn -B -ntp -f "$root/pom.xml" verify

if [ -x "$root/interop/run.sh" ]; then
  echo "test: browser interop suite"
  "$root/interop/run.sh"
fi
