#!/usr/bin/env bash
# Runs BurdenShift's whole test suite: unit, integration (real SQLite and PostgreSQL) and
# browser tests (real Chromium against a real Kestrel). On a fresh Debian/Ubuntu machine with
# the .NET 10 SDK it first installs, through apt, what is missing: the PostgreSQL server
# binaries, Chromium and HAProxy. Extra arguments go to `dotnet test` (e.g. --filter ...).
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'test.sh: %s\n' "$*"; }

if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET 10 SDK is missing: install it (https://dot.net) and run ./test.sh again" >&2
  exit 1
fi

missing=()
# Integration tests start a throwaway cluster from the server binaries, unless they are given a
# server through BURDENSHIFT_TEST_PG.
if [ -z "${BURDENSHIFT_TEST_PG:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
# Browser tests drive the system Chromium (BURDENSHIFT_CHROMIUM overrides the path).
if [ -z "${BURDENSHIFT_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 \
   && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
  missing+=(chromium)
fi
# The multi-instance browser test puts HAProxy in front of two app instances
# (BURDENSHIFT_HAPROXY overrides the path).
if [ -z "${BURDENSHIFT_HAPROXY:-}" ] && ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  missing+=(haproxy)
fi
# Fonts for the pages Chromium renders and, later, for server-side charts.
if ! fc-list 2>/dev/null | grep -qi dejavu; then
  missing+=(fonts-dejavu-core)
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} through apt (missing on this machine)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  say "installed ${missing[*]}"
fi

dotnet tool restore >/dev/null
# Style is part of the build: the same check as `dotnet format --verify-no-changes`.
if ! dotnet format BurdenShift.sln --verify-no-changes; then
  say "dotnet format found style changes to make: run 'dotnet format BurdenShift.sln' and commit the result" >&2
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test BurdenShift.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test assemblies.
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
