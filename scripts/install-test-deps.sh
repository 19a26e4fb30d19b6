#!/usr/bin/env bash
# Installs what the test suites need beyond a JDK and Maven: Chromium (browser interop), coturn (TURN peer and
# reference server), OpenSSL (DTLS peer), iproute2 (network namespaces), nftables (packet loss on the
# namespace's loopback) and the interop Node packages from the
# committed package-lock.json. Idempotent: installs only what is missing.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)

need=()
command -v chromium >/dev/null || need+=(chromium chromium-driver fonts-liberation)
command -v turnutils_uclient >/dev/null || need+=(coturn)
command -v openssl >/dev/null || need+=(openssl)
command -v ip >/dev/null || need+=(iproute2)
command -v unshare >/dev/null || need+=(util-linux)
command -v nft >/dev/null || need+=(nftables)
command -v node >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${need[*]} (Debian packages)..."
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -f "$root/interop/package-lock.json" ]; then
  stamp="$root/interop/node_modules/.osprey-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/interop/package-lock.json" "$stamp"; then
    echo "install-test-deps: npm ci in interop/ ..."
    (cd "$root/interop" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$root/interop/package-lock.json" "$stamp"
  fi
fi
echo "install-test-deps: chromium, coturn, openssl, nftables, node packages present"
