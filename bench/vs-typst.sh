#!/usr/bin/env bash
# Whole-process figures for issue 19, side by side in one run: the seed PK
# rendered by pkgen (built with and without cgo) and by the Typst compiler
# from npm (typst/seed.typ, the same document), plus `pkgen version`
# against an empty Go program. Needs go, node with npm (the registry) and
# hyperfine (apt-get install hyperfine). Prints hyperfine's medians and
# the ratios; the scratch folder (npm install, binaries, PDFs) is
# $PKGEN_BENCH (default /tmp/pkgen-bench), outside the repository.
#   bench/vs-typst.sh [RUNS]    # RUNS per command, default 30
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
dir=${PKGEN_BENCH:-/tmp/pkgen-bench}
mkdir -p "$dir"
for tool in go node npm hyperfine; do
  command -v "$tool" >/dev/null || { echo "vs-typst.sh: $tool is needed" >&2; exit 2; }
done

go build -o "$dir/pkgen" ./cmd/pkgen
CGO_ENABLED=0 go build -o "$dir/pkgen-static" ./cmd/pkgen
printf 'package main\n\nfunc main() {}\n' > "$dir/empty.go"
(cd "$dir" && go build -o empty empty.go)
if [ ! -d "$dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
  (cd "$dir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund @myriaddreamin/typst-ts-node-compiler >/dev/null)
fi
cp bench/typst/compile.mjs "$dir/compile.mjs"

seed=examples/jakarta-pusat-2023.toml
hyperfine -N -w 3 -r "$runs" --export-csv "$dir/vs-typst.csv" \
  -n pkgen "$dir/pkgen render $seed -o $dir/pkgen.pdf --timpa" \
  -n pkgen-static "$dir/pkgen-static render $seed -o $dir/pkgen-static.pdf --timpa" \
  -n typst "node $dir/compile.mjs bench/typst/seed.typ fonts $dir/typst.pdf" \
  -n version "$dir/pkgen version" \
  -n version-static "$dir/pkgen-static version" \
  -n empty "$dir/empty" >/dev/null

# The CSV's columns: command, mean, stddev, median, … (seconds).
awk -F, 'NR > 1 { m[$1] = $4 * 1000; printf "%-15s %8.2f ms (median)\n", $1, m[$1] }
  END {
    printf "Typst / pkgen        %.1fx   (static %.1fx)\n", m["typst"] / m["pkgen"], m["typst"] / m["pkgen-static"]
    printf "version - empty      %.2f ms (static %.2f ms)\n", m["version"] - m["empty"], m["version-static"] - m["empty"]
  }' "$dir/vs-typst.csv"
