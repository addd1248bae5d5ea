#!/bin/sh
# compare-xelatex.sh: the example's demography chapter (diag/demografia.md)
# set by Pandoc + XeLaTeX beside strategia's own PDF of the same chapter:
# the share of body lines that end in a hyphen and the longest run of
# hyphenated lines, measured the same way on both, and (with -png DIR)
# the pages as images for a look.
#
#   scripts/compare-xelatex.sh            print both figures
#   scripts/compare-xelatex.sh -record    also write XeLaTeX's figures to
#                                         internal/compose/testdata/xelatex-hyphenation.txt,
#                                         the file TestHyphenationLikeXeLaTeX reads
#   scripts/compare-xelatex.sh -png DIR   also write the pages of both at 60 dpi
#                                         (xelatex-N.png, strategia-N.png) and
#                                         XeLaTeX's rendering of the whole strategy's
#                                         DOCX (xelatex-full-N.png: pages 1–12, the
#                                         indicator tables, the fiches)
#
# XeLaTeX's settings are ours: A4, 25 mm margins (a 160 mm measure),
# Liberation Serif 11 pt (the PDF's body font), Polish (polyglossia,
# TeX's Polish hyphenation patterns), \frenchspacing, a non-breaking space
# after one-letter words as strategia sets it. The chapter's tables are
# left out of the measured run (their rows would count as body lines);
# {{…}} references become plain text. Body lines are the lines of the
# body text's height inside the margins (footnotes, headings and tables
# excluded), as internal/compose/hyphenation_test.go counts them.
#
# Needs: go, pandoc, texlive-xetex, texlive-lang-polish, fonts-liberation2,
# poppler-utils, python3 (Debian: apt-get install --no-install-recommends …;
# large, so a script and a recorded figure rather than a CI step).
set -eu
cd "$(dirname "$0")/.."
record=0
png=""
while [ $# -gt 0 ]; do
	case "$1" in
	-record) record=1 ;;
	-png) png="$2"; shift ;;
	*) echo "usage: $0 [-record] [-png DIR]" >&2; exit 2 ;;
	esac
	shift
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The chapter as Markdown for Pandoc: with its tables (for the look) and
# without them (for the measure).
python3 - content/ziemia-kolnenska/diag/demografia.md "$tmp" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"\{\{ind:[^}]*\}\}", "37 980 osób", s)
s = re.sub(r"\{\{[^}]*\}\}", "", s)
s = re.sub(r"(?m)^\*Tabela: (.*)\*$", r"Table: \1", s)
s = re.sub(r"(?<=[\s(])([wziaouWZIAOU]) ", lambda m: m.group(1) + "\u00a0", s)
s = "# Demografia i migracje\n\n" + s
open(sys.argv[2] + "/full.md", "w", encoding="utf-8").write(s)
prose = [l for l in s.split("\n") if not l.startswith("|") and not l.startswith("Table: ")]
open(sys.argv[2] + "/prose.md", "w", encoding="utf-8").write("\n".join(prose))
PY
set_with_xelatex() {
	pandoc "$1" -o "$2" --pdf-engine=xelatex -V lang=pl -V fontsize=11pt -V papersize=a4 \
		-V geometry=margin=25mm -V mainfont="Liberation Serif" -V sansfont="Liberation Sans" \
		-V header-includes='\frenchspacing'
}
set_with_xelatex "$tmp/prose.md" "$tmp/prose.pdf"

# strategia's PDF of the example, and the pages of the chapter.
SOURCE_DATE_EPOCH=1732492800 go run ./cmd/strategia build -format pdf,docx -out "$tmp/out" content/ziemia-kolnenska >/dev/null 2>&1
ours="$tmp/out/ziemia-kolnenska/ziemia-kolnenska-strategia.pdf"
pages=$(pdftotext -layout "$ours" - | python3 -c '
import sys
pages = sys.stdin.read().split("\f")
def find(prefix, after):
    for i, p in enumerate(pages):
        if i + 1 > after and any(l.strip().startswith(prefix) and ". ." not in l and "..." not in l for l in p.split("\n")):
            return i + 1
    return 0
toc = find("Spis treści", 0)
a = find("2.1. Demografia", toc + 3)
print(a, find("2.2. ", a))')
set -- $pages
from=$1 to=$2

# measure FILE.pdf HMIN HMAX [FROM TO]
measure() {
	pdftotext -bbox-layout "$1" "$tmp/m.html"
	python3 - "$tmp/m.html" "$2" "$3" ${4:-} ${5:-} <<'PY'
import re, sys
x = open(sys.argv[1], encoding="utf-8").read()
pages = re.split(r"<page ", x)[1:]
if len(sys.argv) > 5:
    pages = pages[int(sys.argv[4]) - 1:int(sys.argv[5])]
lo, hi = float(sys.argv[2]), float(sys.argv[3])
body = hy = run = mx = 0
for pg in pages:
    for xm, ym, xM, yM, inner in re.findall(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', pg, re.S):
        t = " ".join(re.findall(r">([^<]*)</word>", inner))
        if not lo <= float(yM) - float(ym) <= hi or float(xm) < 70 or float(xM) > 527:
            continue
        body += 1
        if len(t) > 1 and t.endswith("-") and t[-2] != " ":
            hy += 1; run += 1; mx = max(mx, run)
        else:
            run = 0
print(f"lines {body} hyphenated {hy} share {hy / body:.3f} maxrun {mx}")
PY
}
# Body text's bounding-box height: XeLaTeX's Liberation Serif 11 pt is
# 9.9 pt high in pdftotext's boxes, strategia's 12.2 pt.
xl=$(measure "$tmp/prose.pdf" 9.4 10.4)
st=$(measure "$ours" 10.5 13.5 "$from" "$to")
echo "XeLaTeX:   $xl"
echo "strategia: $st (pages $from–$to)"

if [ "$record" = 1 ]; then
	f=internal/compose/testdata/xelatex-hyphenation.txt
	mkdir -p "$(dirname "$f")"
	{
		printf '%s\n' "# XeLaTeX's hyphenation on the example's diag/demografia.md, made by" \
			"# scripts/compare-xelatex.sh -record (Pandoc + XeLaTeX, A4, 25 mm margins," \
			"# Liberation Serif 11 pt, Polish, \\frenchspacing; the chapter's prose, tables left out)" \
			"# with $(pandoc --version | head -1) and $(xelatex --version | head -1)." \
			"# TestHyphenationLikeXeLaTeX holds strategia's PDF of the same chapter to share and maxrun." \
			"$xl"
	} >"$f"
	echo "recorded in $f"
fi

if [ -n "$png" ]; then
	mkdir -p "$png"
	set_with_xelatex "$tmp/full.md" "$tmp/full.pdf"
	pdftoppm -png -r 60 "$tmp/full.pdf" "$png/xelatex"
	pdftoppm -png -r 60 -f "$from" -l "$to" "$ours" "$png/strategia"
	# XeLaTeX's rendering of the whole strategy, through the DOCX.
	pandoc "$tmp/out/ziemia-kolnenska/ziemia-kolnenska-strategia.docx" -o "$tmp/whole.pdf" --pdf-engine=xelatex \
		-V lang=pl -V fontsize=11pt -V papersize=a4 -V geometry=margin=25mm -V mainfont="Liberation Serif" \
		-V sansfont="Liberation Sans" -V header-includes='\frenchspacing' && pdftoppm -png -r 60 "$tmp/whole.pdf" "$png/xelatex-full"
	pdftoppm -png -r 60 "$ours" "$png/strategia-full"
	echo "images in $png"
fi
