#!/usr/bin/env bash
# Measures `strategia build` on a generated workspace of N partnerships
# (copies of the example with their own slugs): time and peak memory of a
# full build, then of a rebuild with nothing changed.
# Usage: scripts/bench-workspace.sh [N]   (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-40}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/strategia" ./cmd/strategia
for i in $(seq -w 1 "$n"); do
  cp -r content/ziemia-kolnenska "$tmp/ws/p$i" 2>/dev/null || { mkdir -p "$tmp/ws"; cp -r content/ziemia-kolnenska "$tmp/ws/p$i"; }
  sed -i "s/^  id: ziemia-kolnenska/  id: partnerstwo-$i/" "$tmp/ws/p$i/partnership.yaml"
done
export SOURCE_DATE_EPOCH=1732492800
measure() {
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/strategia" build -out "$tmp/out" "$@" "$tmp/ws" > "$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
  read -r secs kb < "$tmp/time"
  echo "$(tail -1 "$tmp/log" | sed 's/ in .*//'): ${secs} s wall, peak RSS $((kb / 1024)) MB"
}
echo "workspace of $n partnerships, $(nproc) cores"
echo -n "full build:      "; measure -force
echo -n "unchanged:       "; measure
