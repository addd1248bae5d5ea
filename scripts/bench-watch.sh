#!/usr/bin/env bash
# Measures `strategia watch` as an advisor meets it: the time from saving a
# Markdown file to the rename of the strategy's new PDF, for the example
# with its diagnosis grown to about 100 pages (each chapter's text repeated
# twice more, footnotes and {{…}} references removed). Prints every
# latency and the median.
# Usage: scripts/bench-watch.sh [SAVES]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
saves=${1:-15}
tmp=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
go build -o "$tmp/strategia" ./cmd/strategia
ws="$tmp/ws"; p="$ws/duza"
mkdir -p "$ws"; cp -r content/ziemia-kolnenska "$p"
sed -i 's/^  id: ziemia-kolnenska/  id: duza/' "$p/partnership.yaml"
extra="$tmp/extra.md"
for rep in 1 2; do
  for f in "$p"/diag/*.md; do
    grep -v '^\[\^' "$f" | sed -E 's/\[\^[^]]*\]//g; s/\{\{[^}]*\}\}//g' | sed -E "s/^## (.*)$/## \1 ($rep)/"
  done
done > "$extra"
cat "$extra" >> "$p/diag/demografia.md"
export SOURCE_DATE_EPOCH=1732492800
pdf="$tmp/out/duza/duza-strategia.pdf"
"$tmp/strategia" watch -format pdf -out "$tmp/out" "$ws" > "$tmp/log" 2>&1 &
pid=$!
for _ in $(seq 200); do [ -f "$pdf" ] && grep -q watching "$tmp/log" && break; sleep 0.05; done
sleep 0.3
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
target="$p/diag/rolnictwo.md"
orig=$(cat "$target")
lat=()
# The wait for the new PDF uses only bash builtins (a -nt test against a
# file touched before the save, a read with a timeout on a FIFO as the
# sleep, $EPOCHREALTIME as the clock): polling with stat and sleep
# processes every 2 ms took CPU from the watch being measured.
mkfifo "$tmp/tick"; exec 3<>"$tmp/tick"
for i in $(seq "$saves"); do
  touch "$tmp/ref"
  t0=${EPOCHREALTIME/[.,]/}
  printf '%s\n\nZmiana %d.\n' "$orig" "$i" > "$target"
  until [[ "$pdf" -nt "$tmp/ref" ]]; do read -r -t 0.002 -u 3 || true; done
  t1=${EPOCHREALTIME/[.,]/}
  lat+=($(( (t1 - t0) / 1000 )))
  sleep 0.4   # let the rest of the rebuild finish
done
exec 3>&-
sorted=$(printf '%s\n' "${lat[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "strategy PDF: ${pages:-?} pages; save-to-PDF latencies (ms): ${lat[*]}"
echo "median save-to-PDF: ${median} ms over ${saves} saves"
