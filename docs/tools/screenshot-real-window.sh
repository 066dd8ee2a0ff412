#!/usr/bin/env bash
# Screenshots of the real application window under Xvfb (not a scene snapshot): starts target/epiflow.jar with a
# fresh home folder (so the demo is created on first run), types the demo passphrase, and saves
# docs/images/real-unlock.png and docs/images/real-map.png. Needs xvfb-run, xdotool and imagemagick (import).
# Usage: mvn -q -B package -DskipTests && bash docs/tools/screenshot-real-window.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" SHOT_DIR="$PWD/docs/images"
xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
  java -Dprism.order=sw -Duser.home="$HOME" -jar target/epiflow.jar > "$HOME/app.log" 2>&1 &
  app=$!
  win=""
  for i in $(seq 1 240); do
    win=$(xdotool search --name "^EpiFlow" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.25
  done
  [ -n "$win" ] || { echo "no window"; cat "$HOME/app.log"; exit 3; }
  sleep 8
  xdotool windowsize "$win" 1440 900 windowmove "$win" 0 0
  sleep 2
  import -window root "$SHOT_DIR/real-unlock.png"
  xdotool windowactivate --sync "$win" 2>/dev/null || true
  xdotool type --delay 40 "epiflow-demo"
  xdotool key Return
  sleep 25
  import -window root "$SHOT_DIR/real-map.png"
  kill $app; wait $app 2>/dev/null || true
'
echo "saved docs/images/real-unlock.png and docs/images/real-map.png"
