#!/usr/bin/env bash
# Packages Vagas into a self-contained folder for a USB stick (or any computer with Python 3):
# the release build, start.sh / start.cmd (a local web server on http://127.0.0.1:8080/) and a
# README.txt in Portuguese and English. Installs what the build needs if it is missing.
#   scripts/package-usb.sh [FOLDER]     default: vagas-usb/ in the repository
# Re-running it replaces a folder it made before; it refuses to touch any other non-empty folder.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m -- "${1:-$repo/vagas-usb}")
marker=.vagas-usb
cd "$repo"
log() { printf '\033[1m[package-usb]\033[0m %s\n' "$*"; }

if [ -e "$out" ] && { [ ! -d "$out" ] || { [ -n "$(ls -A "$out")" ] && [ ! -f "$out/$marker" ]; }; }; then
    echo "package-usb: $out exists and was not made by this script; choose another folder" >&2
    exit 1
fi

scripts/setup.sh --serve
. scripts/env.sh
log "release build"
trunk build --release
[ -f dist/sw.js ] && [ -f dist/index.html ] || { echo "package-usb: dist/ is incomplete" >&2; exit 1; }

log "writing $out"
mkdir -p "$out"
find "$out" -mindepth 1 -delete
cp -R dist/. "$out/"
touch "$out/$marker"

# Windows files get CR LF line ends.
crlf() { sed 's/$/\r/'; }

# The local server: gzip where the browser accepts it, correct MIME types (scripts/serve.py).
cp scripts/serve.py "$out/serve.py"

cat > "$out/start.sh" <<'SH'
#!/bin/sh
# Vagas: serves this folder on http://127.0.0.1:8080/ (another port: sh start.sh 8081).
cd "$(dirname "$0")" || exit 1
exec python3 serve.py "$@"
SH
chmod +x "$out/start.sh" "$out/serve.py"

crlf > "$out/start.cmd" <<'CMD'
@echo off
rem Vagas: serves this folder on http://127.0.0.1:8080/ (another port: start.cmd 8081).
rem Needs Python 3 (https://www.python.org/downloads/).
cd /d "%~dp0"
where py >nul 2>nul
if %errorlevel%==0 (
    py -3 serve.py %*
) else (
    python serve.py %*
)
pause
CMD

crlf > "$out/README.txt" <<'TXT'
Vagas — escassez de trabalhadores e consultas / labour shortages and consultations
==================================================================================

PORTUGUÊS
1. Precisa de Python 3 (https://www.python.org/downloads/) e de um navegador recente.
2. Inicie o servidor local:
     Windows:         duplo clique em start.cmd
     Linux / macOS:   sh start.sh   (num terminal, nesta pasta)
3. Abra http://127.0.0.1:8080/ no navegador. Para parar: Ctrl+C na janela do servidor.
   Outra porta: start.cmd 8081  ou  sh start.sh 8081
Depois da primeira visita, a aplicação funciona sem rede (service worker). Os service workers
só funcionam em http://127.0.0.1 ou http://localhost: abrir index.html diretamente (file://)
não funciona. Os dados incluídos (pasta data/) são ilustrativos, não estatísticas oficiais.

ENGLISH
1. You need Python 3 (https://www.python.org/downloads/) and a recent browser.
2. Start the local server:
     Windows:         double-click start.cmd
     Linux / macOS:   sh start.sh   (in a terminal, in this folder)
3. Open http://127.0.0.1:8080/ in the browser. To stop: Ctrl+C in the server window.
   Another port: start.cmd 8081  or  sh start.sh 8081
After the first visit the app also works without a network (service worker). Service workers
need http://127.0.0.1 or http://localhost: opening index.html directly (file://) does not work.
The bundled data (data/ folder) are illustrative, not official statistics.
TXT

log "done: $(du -sh "$out" | cut -f1) in $out — start it with: sh $out/start.sh"
