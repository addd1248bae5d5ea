// Package refdata is the reference data strategia ships, parsed once per
// process: the TERC register (GUS TERYT, the edition in
// templates/refdata/PROVENANCE.md), the voivodeships, the funding-programme
// registry and the law's periods and dates. It also reads the optional
// data files a user may supply next to a partnership (adjacency, the OZTM
// delimitation, the medium towns losing functions), which strategia does
// not ship.
//
// The embedded data is parsed lazily, once (sync.Once), and is read-only
// afterwards, so every function here is safe for concurrent use.
package refdata

import (
	"strings"
	"unicode"
)

// Normalize folds s for name comparison: lower case, Polish (and other
// common Latin) diacritics removed, hyphens and runs of spaces folded to
// one space, trimmed. "Mały Płock" and "maly  plock" normalise alike.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToLower(s) {
		if f, ok := fold[r]; ok {
			r = f
		}
		if unicode.IsSpace(r) || r == '-' || r == '–' || r == '\u00a0' {
			if b.Len() > 0 {
				space = true
			}
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var fold = map[rune]rune{
	'ą': 'a', 'ć': 'c', 'ę': 'e', 'ł': 'l', 'ń': 'n', 'ó': 'o', 'ś': 's', 'ź': 'z', 'ż': 'z',
	'á': 'a', 'à': 'a', 'ä': 'a', 'é': 'e', 'è': 'e', 'ë': 'e', 'í': 'i', 'ö': 'o', 'ú': 'u', 'ü': 'u',
	'č': 'c', 'š': 's', 'ž': 'z', 'ř': 'r', 'ý': 'y',
}
