#!/usr/bin/env bash
# Smoke test of the shaded target/epiflow.jar itself (unit tests run on the class path, not on the jar): the demo,
# verify, inspect, risk, every export format and the audit trail, so that anything the shade filters removed would
# show here. With EPIFLOW_CMD=/opt/epiflow/bin/epiflow it runs the installed launcher instead, which also checks the
# trimmed runtime's modules.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/epiflow.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${EPIFLOW_CMD:-}" ]; then
  run() { JAVA_TOOL_OPTIONS="-Duser.home=$work -Depiflow.home=$work/home" "$EPIFLOW_CMD" "$@" 2> >(grep -v "Picked up JAVA_TOOL_OPTIONS" >&2); }
else
  run() { java -Duser.home="$work" -Depiflow.home="$work/home" -jar "$jar" "$@"; }
fi
printf 'epiflow-demo' > "$work/pass"
run demo --out "$work/demo" --passphrase-file "$work/pass" --work-factor 10 > /dev/null
d="$work/demo"
run verify "$d/demo.epiflow" --trust "$d/carrier.pub" > /dev/null
run inspect "$d/demo.epiflow" --identity "$d/officer.key" --passphrase-file "$work/pass" --trust "$d/carrier.pub" > /dev/null
run risk --bundle "$d/demo.epiflow" --identity "$d/officer.key" --passphrase-file "$work/pass" --trust "$d/carrier.pub" \
  --model importation --cases "$d/cases.csv" --out "$work/risk.csv" > /dev/null
for f in png svg pdf pptx gif csv xlsx; do
  extra=(--date 2020-01-20)
  [ "$f" = gif ] && extra=(--from 2020-01-20 --to 2020-01-22)
  [ "$f" = csv ] || [ "$f" = xlsx ] && extra+=(--table flows)
  run export --bundle "$d/demo.epiflow" --identity "$d/officer.key" --passphrase-file "$work/pass" \
    --trust "$d/carrier.pub" "${extra[@]}" --format "$f" --out "$work/out.$f" > /dev/null
  test -s "$work/out.$f"
done
run audit verify --identity "$d/officer.key" --passphrase-file "$work/pass" > /dev/null
echo "jar smoke test passed"
