#!/usr/bin/env bash
# Benchmarks the built dist/ (builds nothing; run `trunk build --release` first). Prints figures,
# asserts nothing:
#   1. the cold first visit side by side with the anchor page (Observable Plot, the same data
#      files), medians under three network/CPU conditions, and the bytes on the wire — the shared
#      kit's bench-load.mjs (../shared/bench, or $VAGAS_BENCH_KIT);
#   2. the first visit seen from the page (scripts/bench-visit.mjs): first paint, data requests
#      vs the wasm, files downloaded twice, bytes with the service worker's precache;
#   3. with --filter: filter change → next frame on the explore page and the same aggregation in
#      arquero and a typed-array loop — the kit's bench-filter.mjs (bundled data, plus
#      --records N files made by the generator).
#
#   scripts/bench.sh [--runs N] [--conds a,b,c] [--filter] [--records N]… [--dist DIR] [--before DIR]
#
# --before DIR also measures an older build (e.g. a copy of dist/ from before a change) in the
# same run, interleaved, in step 2. Defaults: 5 runs, conditions a,b,c (about 2 min on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${VAGAS_BENCH_KIT:-../shared/bench}
dist=dist
before=()
runs=5
conds=a,b,c
filter=0
records=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --conds) conds=$2; shift 2 ;;
        --dist) dist=$2; shift 2 ;;
        --before) before+=("$2"); shift 2 ;;
        --filter) filter=1; shift ;;
        --records) records+=(--records "$2"); filter=1; shift 2 ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -f "$dist/index.html" ] || { echo "bench.sh: no $dist/index.html: run 'trunk build --release' first" >&2; exit 2; }
[ -f "$kit/bench-load.mjs" ] || { echo "bench.sh: the bench kit is not at $kit (set VAGAS_BENCH_KIT)" >&2; exit 2; }
. scripts/env.sh

echo "# Vagas benchmark: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
# The app shell is the page's module and its glue; the dataset worker's module
# (vagas-worker-*) is fetched only when a user's file is checked, so it is listed apart.
page_wasm=$(ls "$dist"/vagas-*_bg.wasm | grep -E '/vagas-[0-9a-f]{16}_bg\.wasm$')
page_js=$(ls "$dist"/vagas-*.js | grep -E '/vagas-(split-)?[0-9a-f]{16}\.js$')
parts=0
for f in $(ls "$dist" | grep -E '^vagas-((chunk|split)_[A-Za-z0-9_]+|chunks)-[0-9a-f]{16}\.wasm$'); do parts=$((parts + $(gzip -9c "$dist/$f" | wc -c))); done
echo "App shell, gzip -9: wasm $(gzip -9c $page_wasm | wc -c) B, JS $(cat $page_js | gzip -9c | wc -c) B, CSS $(cat "$dist"/*.css | gzip -9c | wc -c) B; parts loaded when needed: $parts B; dataset worker (on demand): wasm $(cat "$dist"/vagas-worker-*_bg.wasm | gzip -9c | wc -c) B, JS $(cat "$dist"/vagas-worker-*.js | gzip -9c | wc -c) B"
echo
node "$kit/bench-load.mjs" "$dist" --runs "$runs" --conds "$conds"
echo
node scripts/bench-visit.mjs --runs "$(( runs < 3 ? runs : 3 ))" --conds "$conds" "${before[@]}" "$dist"
if [ "$filter" = 1 ]; then
    echo
    node "$kit/bench-filter.mjs" "$dist" "${records[@]}"
fi
