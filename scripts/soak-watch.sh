#!/usr/bin/env bash
# Soak test of `strategia watch` (issue 9): for DURATION seconds (default
# 600) it edits a watched workspace of 3 partnerships the way a careless
# team does — atomic and in-place saves, bursts of saves, broken YAML and
# its fix, partnership folders renamed, copied (a duplicate id, WS-01) and
# deleted — while sampling the watch's memory. At the end it restores a
# clean workspace, saves every partnership once more and checks:
#   1. watch is alive (it was checked after every action too);
#   2. memory is flat: the mean RSS of the last quarter of the run is at
#      most 1.5 × that of the first quarter + 30 MB;
#   3. every partnership's documents in watch's output are byte-identical
#      to a fresh `strategia build -force` of the current content;
#   4. Ctrl-C (SIGINT) ends watch within a second.
# Prints a summary and exits non-zero on any failure.
# Usage: scripts/soak-watch.sh [DURATION_SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-600}
RANDOM=${2:-$$}
tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "soak: FAIL: $*" >&2; tail -30 "$tmp/log" >&2; exit 1; }

go build -o "$tmp/strategia" ./cmd/strategia
export SOURCE_DATE_EPOCH=1732492800
ws="$tmp/ws"; out="$tmp/out"
mkdir -p "$ws"
names=(p1 p2 p3)        # current folder name of each partnership
for i in 0 1 2; do
  cp -r content/ziemia-kolnenska "$ws/${names[$i]}"
  sed -i "s/^  id: ziemia-kolnenska/  id: soak-$i/" "$ws/${names[$i]}/partnership.yaml"
done

"$tmp/strategia" watch -format pdf -out "$out" "$ws" > "$tmp/log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q watching "$tmp/log" && break; sleep 0.1; done
grep -q watching "$tmp/log" || fail "watch did not start"

rss() { awk '/^VmRSS:/{print $2}' "/proc/$pid/status"; }
alive() { kill -0 "$pid" 2>/dev/null || fail "watch died"; }
samples=()
copies=()               # folders copied from a partnership (duplicate ids)
broken=""               # a YAML file currently broken, and its saved copy
actions=0 saves=0 renames=0 copied=0 deleted=0 breaks=0
mds=(diag/rolnictwo.md diag/demografia.md diag/ankiety.md strategy/kd121.md finance/assumptions.md)

pick() { echo "$ws/${names[$((RANDOM % 3))]}"; }
atomic_save() { # file text
  printf '%s\n\n%s\n' "$(cat "$1")" "$2" > "$1.new" && mv "$1.new" "$1"
}
start=$(date +%s); last_sample=0
while [ $(( $(date +%s) - start )) -lt "$duration" ]; do
  actions=$((actions + 1))
  p=$(pick); f="$p/${mds[$((RANDOM % ${#mds[@]}))]}"
  r=$((RANDOM % 100))
  if [ -n "$broken" ]; then            # fix what the last action broke
    cp "$broken.good" "$broken"; rm -f "$broken.good"; broken=""
  elif [ $r -lt 45 ]; then             # an atomic save
    atomic_save "$f" "Zapis $actions."; saves=$((saves + 1))
  elif [ $r -lt 60 ]; then             # an in-place save
    printf '\nDopisek %d.\n' "$actions" >> "$f"; saves=$((saves + 1))
  elif [ $r -lt 68 ]; then             # a burst of quick atomic saves
    for k in $(seq 10); do atomic_save "$f" "Seria $actions/$k."; sleep 0.05; done
    saves=$((saves + 10))
  elif [ $r -lt 76 ]; then             # rename a partnership folder
    i=$((RANDOM % 3)); new="p$i-$actions"
    mv "$ws/${names[$i]}" "$ws/$new"; names[$i]=$new; renames=$((renames + 1))
  elif [ $r -lt 84 ]; then             # copy a partnership (same id: WS-01)
    c="$ws/kopia-$actions"; cp -r "$p" "$c"; copies+=("$c"); copied=$((copied + 1))
  elif [ $r -lt 92 ]; then             # delete a copy, or a whole copy's chapter
    if [ ${#copies[@]} -gt 0 ]; then
      rm -rf "${copies[0]}"; copies=("${copies[@]:1}"); deleted=$((deleted + 1))
    fi
  else                                 # break a YAML file (fixed next action)
    y="$p/goals.yaml"; cp "$y" "$y.good"
    printf 'strategic_goals: [\n' >> "$y"; broken=$y; breaks=$((breaks + 1))
  fi
  sleep "0.$((RANDOM % 9 + 1))"
  alive
  now=$(date +%s)
  if [ $((now - last_sample)) -ge 5 ]; then samples+=("$(rss)"); last_sample=$now; fi
done

# A clean workspace again: no copies, nothing broken; one more save each.
[ -n "$broken" ] && cp "$broken.good" "$broken" && rm -f "$broken.good"
for c in "${copies[@]}"; do rm -rf "$c"; done
sleep 1
for i in 0 1 2; do atomic_save "$ws/${names[$i]}/diag/rolnictwo.md" "Ostatni zapis $i."; done
# Wait until watch has been quiet for 5 s (at most 120 s).
quiet_since=$(date +%s); lines=$(wc -l < "$tmp/log")
for _ in $(seq 1200); do
  sleep 0.1
  n=$(wc -l < "$tmp/log")
  if [ "$n" != "$lines" ]; then lines=$n; quiet_since=$(date +%s); fi
  [ $(( $(date +%s) - quiet_since )) -ge 5 ] && break
done
alive
samples+=("$(rss)")

# Memory: first quarter against last quarter of the samples.
n=${#samples[@]}; q=$(( n / 4 > 0 ? n / 4 : 1 ))
mean() { local s=0 k=0; for v in "$@"; do s=$((s + v)); k=$((k + 1)); done; echo $((s / k)); }
first=$(mean "${samples[@]:0:$q}"); last=$(mean "${samples[@]:$((n - q)):$q}")
max=0; for v in "${samples[@]}"; do [ "$v" -gt "$max" ] && max=$v; done

# The last good documents match the current content: a fresh build of the
# same workspace gives the same bytes.
"$tmp/strategia" build -force -format pdf -out "$tmp/fresh" "$ws" > "$tmp/fresh.log" 2>&1 ||
  { cat "$tmp/fresh.log" >&2; fail "fresh build of the final workspace failed"; }
docs=0
for i in 0 1 2; do
  for f in "$tmp/fresh/soak-$i"/*.pdf "$tmp/fresh/soak-$i"/fiszki/*.pdf; do
    rel=${f#"$tmp/fresh/"}
    cmp -s "$f" "$out/$rel" || fail "$rel from watch differs from a fresh build of the current content"
    docs=$((docs + 1))
  done
done

# Ctrl-C ends it within a second.
t0=$(date +%s%N); kill -INT "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
kill -0 "$pid" 2>/dev/null && fail "watch still running 2 s after Ctrl-C"
stop_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait "$pid" || fail "watch exited with status $? after Ctrl-C"
pid=
rebuilt=$(grep -c ' rebuilt ' "$tmp/log" || true); failed=$(grep -c ' failed ' "$tmp/log" || true)

echo "soak: ${duration}s, $actions actions: $saves saves, $renames renames, $copied copies, $deleted deletions, $breaks broken YAML"
echo "soak: watch rebuilt $rebuilt times, reported $failed failed builds (broken YAML, duplicate ids)"
echo "soak: RSS first quarter ${first} kB, last quarter ${last} kB, max ${max} kB ($n samples)"
echo "soak: $docs documents of 3 partnerships byte-identical to a fresh build; stopped ${stop_ms} ms after Ctrl-C"
[ "$last" -le $(( first * 3 / 2 + 30000 )) ] || fail "memory grew: ${first} kB → ${last} kB"
[ "$stop_ms" -le 1000 ] || fail "watch took ${stop_ms} ms to stop after Ctrl-C"
echo "soak: ok"
