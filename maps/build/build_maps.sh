#!/usr/bin/env bash
# Rebuild the shipped basemap layers in maps/ from the reference build (default ../shared/mapdata).
# usage: maps/build/build_maps.sh [SRC_DIR]      (run from anywhere; needs JDK 17 + Maven, no network once
#        the project's dependencies are in ~/.m2). Warnings (nudged seats, repairs) are printed at the end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
SRC=${1:-$REPO/../shared/mapdata}; OUT=$REPO/maps
CLASSES=${EPIFLOW_CLASSES:-$REPO/target/classes}
cd "$REPO"
mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile="$HERE/.cp" -Dmdep.includeScope=runtime >/dev/null
java -Xss8m -cp "$CLASSES:$(cat "$HERE/.cp")" "$HERE/BuildMaps.java" "$SRC" "$OUT"
rm -f "$HERE/.cp"
mkdir -p "$OUT/fonts"
install -m 644 "$SRC/fonts/NotoSansCJKsc-Regular-GB2312.otf" "$SRC/fonts/NotoSansCJK-copyright.txt" "$OUT/fonts/"
( cd "$OUT" && ls -l *.geojson *.csv fonts/* && du -sh --exclude=build . )
