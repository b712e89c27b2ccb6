#!/usr/bin/env bash
# Installs the Debian packages that the tests need, when they are missing:
# Chromium for the browser tests, PostgreSQL for the second test run, libatomic1 for
# Playwright's driver, Pango (WeasyPrint's layout engine, for PDF reports) and poppler-utils
# (pdftotext, with which the tests read the PDFs back), and wrk, the load generator of
# benchmarks/web.py (which falls back to a slower one without it). Needs root (CI runs as
# root) or sudo.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
dpkg -s libatomic1 >/dev/null 2>&1 || need+=(libatomic1)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: the tests need these Debian packages: ${need[*]}" >&2
  echo "       install them as root: apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}"
