#!/bin/sh
# xelatex-hyphenation.sh: the reference figure of the PDF's hyphenation
# test (internal/compose/hyphenation_test.go). It sets the example's
# demography chapter (diag/demografia.md, tables left out, {{…}}
# references replaced by plain text) with Pandoc and XeLaTeX in Polish
# (polyglossia, Latin Modern 10 pt, Pandoc's default article layout) and
# prints the share of body lines that end in a hyphen and the longest run
# of hyphenated lines in a row.
#
# Needs: pandoc texlive-xetex texlive-lang-polish texlive-fonts-recommended
# lmodern poppler-utils python3 (Debian: apt-get install --no-install-recommends …).
# Measured on 2026-11-29 with pandoc 2.17.1.1 and XeTeX from TeX Live 2022 (Debian 12):
#     body lines 115, hyphenated 23 = 20.0%, max run 3
# The issue that asked for the test (12) measured 17% and at most 2 in a row
# on the same chapter; the test holds the strategia PDF to the stricter
# figures (≤ 17%, ≤ 2 in a row).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e 's/{{ind:[^}]*}}/37 980 osób/g' -e 's/{{[^}]*}}//g' content/ziemia-kolnenska/diag/demografia.md |
	grep -v '^|' | grep -v '^\*Tabela' >"$tmp/d.md"
pandoc "$tmp/d.md" -o "$tmp/d.pdf" --pdf-engine=xelatex -V lang=pl
pdftotext -bbox-layout "$tmp/d.pdf" "$tmp/d.html"
python3 - "$tmp/d.html" <<'PY'
import re, sys
x = open(sys.argv[1]).read()
body = hy = run = mx = 0
for ym, yM, inner in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', x, re.S):
    t = ' '.join(re.findall(r'>([^<]*)</word>', inner))
    if 9.5 < float(yM) - float(ym) < 10.5 and not re.fullmatch(r'\d+', t):
        body += 1
        if re.search(r'\w-$', t):
            hy += 1; run += 1; mx = max(mx, run)
        else:
            run = 0
print(f"body lines {body}, hyphenated {hy} = {100*hy/body:.1f}%, max run {mx}")
PY
