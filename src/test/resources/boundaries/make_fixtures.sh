#!/usr/bin/env bash
# Regenerates the boundary-import test fixtures (run by hand, not at test time; needs gdal-bin + python3).
# Source: four Guangdong prefectures (Guangzhou, Shenzhen, Foshan, Dongguan) from maps/china_prefectures_national.geojson.
set -euo pipefail
cd "$(dirname "$0")"; REPO=$(cd ../../../.. && pwd)
rm -f gd_* bad_* ; T=$(mktemp -d)
python3 - "$REPO/maps/china_prefectures_national.geojson" "$T/gd.geojson" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
keep = {'440100', '440300', '440600', '441900'}
fs = [{'type': 'Feature', 'geometry': f['geometry'],
       'properties': {'ADCODE': f['properties']['adcode'], 'NAME': f['properties']['name_zh'],
                      'NAME_EN': f['properties']['name_en'], 'POP': 1000}}
      for f in d['features'] if f['properties']['adcode'] in keep]
json.dump({'type': 'FeatureCollection', 'features': fs}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY
# Shapefiles: Web Mercator (UTF-8 + .cpg), CGCS2000 3-degree GK zone 38 with zone prefix (GBK, Chinese field
# names, no .cpg), WGS84 / UTM 49N (numeric code field).
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:3857 -lco ENCODING=UTF-8 gd_3857.shp "$T/gd.geojson"
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:4526 -lco ENCODING=CP936 gd_gk38.shp "$T/gd.geojson" \
  -dialect SQLite -sql 'SELECT ADCODE AS "区划代码", NAME AS "名称", geometry FROM gd'
rm -f gd_gk38.cpg
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:32649 gd_utm49n.shp "$T/gd.geojson" \
  -dialect SQLite -sql "SELECT CAST(ADCODE AS integer) AS CODE, NAME_EN AS ENAME, geometry FROM gd"
# GeoJSON with a legacy crs member: CGCS2000 3-degree GK CM 114E (no zone prefix), Web Mercator
ogr2ogr -f GeoJSON -t_srs EPSG:4547 -lco RFC7946=NO -lco COORDINATE_PRECISION=2 gd_gk114e.geojson "$T/gd.geojson"
ogr2ogr -f GeoJSON -t_srs EPSG:3857 -lco RFC7946=NO -lco COORDINATE_PRECISION=2 gd_3857.geojson "$T/gd.geojson"
# Bad files
ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:3857 bad_nodbf.shp "$T/gd.geojson" && rm bad_nodbf.dbf bad_nodbf.shx bad_nodbf.cpg 2>/dev/null || true
ogr2ogr -f "ESRI Shapefile" -t_srs ESRI:54008 bad_crs.shp "$T/gd.geojson"; rm -f bad_crs.shx
rm -f bad_*.shx
ls -l; rm -rf "$T"
