#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg -i, starts the installed app under Xvfb on the demo bundle, checks that the
# main window appeared (a real window, not blank, not an error), runs the installed command line once, and removes
# the package cleanly. Prints the package sizes and the cold start time. Run as root on Debian/Ubuntu.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/installer
mvn -B -q -Pinstaller package -DskipTests
deb=$(ls "$out"/epiflow_*_amd64.deb)
echo "== package sizes"; ls -l "$out" | awk '/\.(deb|rpm|tar\.gz|zip|msi)$/ {printf "%-45s %6.1f MB\n", $9, $5/1e6}'
dpkg -r epiflow >/dev/null 2>&1 || true
dpkg -i "$deb"
echo "== installed size: $(du -sm /opt/epiflow | cut -f1) MB"
test -x /opt/epiflow/bin/EpiFlow
command -v epiflow
epiflow --version
# Every command through the installed launcher and its trimmed runtime.
EPIFLOW_CMD=/opt/epiflow/bin/epiflow bash installer/smoke-jar.sh
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
epiflow demo --out "$home/demo" --passphrase-file <(printf 'epiflow-demo') --work-factor 10 >/dev/null 2>&1 \
  || echo "(no demo command yet: starting without a bundle)"
bundle=$(ls "$home"/demo/*.epiflow 2>/dev/null | head -1 || true)
shot="$out/installed-app.png"
export HOME="$home"
# Java takes user.home from the password database, not $HOME: point it at the scratch home too.
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
start=$(date +%s%N)
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  /opt/epiflow/bin/EpiFlow '"${bundle:+\"$bundle\"}"' > "'"$out"'/app.log" 2>&1 &
  app=$!
  # The main window is the one titled "EpiFlow ..." that is at least 400 px wide: toolkit helper windows (a 10x10
  # "EpiFlow" window, an unnamed 200x200 one) appear before it and must not count as the app being up.
  mainwin() { xwininfo -root -tree 2>/dev/null | grep -E "\"EpiFlow[^\"]*\": \(" | grep -qE " ([4-9][0-9]{2}|[1-9][0-9]{3})x[0-9]+\+"; }
  for i in $(seq 1 240); do
    if mainwin; then break; fi
    sleep 0.25
  done
  mainwin || { echo "no EpiFlow main window appeared"; xwininfo -root -tree; cat "'"$out"'/app.log"; exit 3; }
  echo "window after $(( ($(date +%s%N) - '"$start"') / 1000000 )) ms"
  sleep 2
  xwininfo -root -tree | grep -i "epiflow" || true
  import -window root "'"$shot"'"
  kill $app; wait $app 2>/dev/null || true
'
if grep -qE "Exception in thread|Exception:|^\s+at [a-z]|SEVERE" "$out/app.log"; then
  echo "the app logged an error:"; cat "$out/app.log"; exit 1
fi
std=$(convert "$shot" -format "%[fx:standard_deviation]" info:)
echo "screenshot $shot, pixel standard deviation $std"
awk -v s="$std" 'BEGIN { exit !(s > 0.02) }' || { echo "the screen is blank"; exit 1; }
dpkg -r epiflow
test ! -e /opt/epiflow/bin/EpiFlow
test ! -e /usr/bin/epiflow
echo "installer check passed"
