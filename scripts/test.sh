#!/usr/bin/env bash
# Runs every test of Osprey: installs the test dependencies, then the Maven build with all unit, property,
# fuzz-regression and architecture tests under paranoid leak detection (which also builds the server jar), then
# the browser interop suite against the built server inside a private network namespace.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"

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
