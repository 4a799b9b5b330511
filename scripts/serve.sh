#!/usr/bin/env bash
# Installs what is missing, builds the app in release mode and serves dist/ on
# http://127.0.0.1:8080 (another port: PORT=8081 scripts/serve.sh) with the bundled datasets,
# gzip-compressed where the browser accepts it (scripts/serve.py, Python 3 standard library).
# For a rebuild on every change while developing: `. scripts/env.sh; trunk serve` (uncompressed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --serve
. scripts/env.sh
trunk build --release
exec python3 scripts/serve.py "${PORT:-8080}" dist
