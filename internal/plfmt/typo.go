package plfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// oneLetter reports whether r is a one-letter Polish word that must not
// end a line (a conjunction or a preposition).
func oneLetter(r rune) bool {
	switch r {
	case 'a', 'i', 'o', 'u', 'w', 'z', 'A', 'I', 'O', 'U', 'W', 'Z':
		return true
	}
	return false
}

// units are the words that stay on the line of the number before them.
var units = map[string]bool{
	"r.": true, "km": true, "km²": true, "km2": true, "m": true, "m²": true, "m2": true, "ha": true,
	"zł": true, "zł.": true, "zł,": true, "tys.": true, "mln": true, "mld": true, "%": true, "‰": true,
	"os.": true, "osób": true, "osoby": true, "szt.": true, "proc.": true, "°C": true,
	"kg": true, "t": true, "l": true, "kW": true, "MW": true, "kWh": true, "MWh": true, "GWh": true,
	"godz.": true, "min": true, "lat": true, "dni": true, "mieszk.": true, "r": true, "PLN": true, "EUR": true,
}

// abbrevs are the words that stay on the line of the number after them.
var abbrevs = map[string]bool{
	"nr": true, "Nr": true, "art.": true, "Art.": true, "ust.": true, "pkt": true, "poz.": true, "§": true,
	"s.": true, "str.": true, "tab.": true, "ryc.": true, "rys.": true, "rozdz.": true, "lit.": true, "zob.": true,
}

func isOpening(r rune) bool {
	switch r {
	case '(', '[', '„', '"', '\'', '«', '»', '‘', '“':
		return true
	}
	return false
}

// isNumber reports whether w is a number as written in Polish text
// (digits with optional grouping spaces, a decimal comma or point, a sign).
func isNumber(w string) bool {
	w = strings.TrimLeft(w, "−-+~≈<>")
	w = strings.TrimRight(w, ",.")
	if w == "" {
		return false
	}
	digits := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == ',' || r == '.' || r == '\u00a0' || r == '\u202f':
		default:
			return false
		}
	}
	return digits
}

// Spaces replaces the ordinary spaces that must not break a line with
// no-break spaces: after one-letter words (w, z, i, a, o, u in either
// case), between a number and its unit (12 km, 2024 r., 5 mln zł), between
// an abbreviation and its number (art. 10, nr 5) and before a dash that
// would otherwise start a line. It is for text that has already had its
// quotes and dashes set (Markdown after goldmark's typographer).
func Spaces(s string) string {
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		return s
	}
	var b []byte // the result, once a space is replaced
	start := 0   // start of the current word
	last := 0    // end of what b holds
	for i >= 0 {
		// the word after the space ends at the next space or no-break space
		end := len(s)
		for j := i + 1; j < len(s); j++ {
			if s[j] == ' ' || (s[j] == 0xc2 && j+1 < len(s) && s[j+1] == 0xa0) {
				end = j
				break
			}
		}
		if keep(s[start:i], s[i+1:end]) {
			if b == nil {
				b = make([]byte, 0, len(s)+8)
			}
			b = append(b, s[last:i]...)
			b = append(b, NBSP...)
			last = i + 1
		}
		start = i + 1
		if end < len(s) && s[end] == ' ' {
			i = end
		} else if k := strings.IndexByte(s[end:], ' '); k >= 0 {
			i = end + k
		} else {
			i = -1
		}
	}
	if b == nil {
		return s
	}
	b = append(b, s[last:]...)
	return string(b)
}

// keep reports whether the space between words prev and next must not break.
func keep(prev, next string) bool {
	// The word before may follow a no-break space or opening punctuation.
	for j := len(prev) - 1; j > 0; j-- {
		if prev[j] == 0xa0 && prev[j-1] == 0xc2 { // NBSP
			prev = prev[j+1:]
			break
		}
	}
	w := strings.TrimLeftFunc(prev, isOpening)
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && n > 0 && oneLetter(r) {
		return true
	}
	if next == "" {
		return false
	}
	if next == "–" || next == "—" {
		return true
	}
	// Cheap tests before the map lookups: a unit is short and follows a
	// number; an abbreviation is short and precedes a digit or a Roman
	// numeral.
	if mayBeNumber(w) && isNumber(w) {
		t := trimClosing(next)
		if units[t] || units[next] {
			return true
		}
		// a unit closing a sentence: "940 km.", "(2022 r.)."
		if u := trimClosing(strings.TrimSuffix(next, ".")); u != t && units[u] {
			return true
		}
	}
	if len(w) <= maxAbbrevLen {
		if r, _ := utf8.DecodeRuneInString(next); (unicode.IsDigit(r) || r == 'I' || r == 'V' || r == 'X') && abbrevs[w] {
			return true
		}
	}
	return false
}

// trimClosing is strings.TrimRight(s, ",;:)") without building the set.
func trimClosing(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ',', ';', ':', ')':
			s = s[:len(s)-1]
			continue
		}
		break
	}
	return s
}

// mayBeNumber is isNumber's cheap first test: a number starts with a
// digit, a sign, a decimal separator or a non-ASCII character (−, ≈,
// a no-break space).
func mayBeNumber(w string) bool {
	if w == "" {
		return false
	}
	switch c := w[0]; {
	case c >= '0' && c <= '9', c == ',', c == '.', c == '-', c == '+', c == '~', c == '<', c == '>', c >= 0x80:
		return true
	}
	return false
}

// maxAbbrevLen is the byte length of the longest entry of abbrevs
// (TestSpacesTables checks it).
const maxAbbrevLen = 6

// EndsWithOneLetter reports whether s ends with a one-letter word (so a
// space at the start of the following run must not break).
func EndsWithOneLetter(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 || !oneLetter(r) {
		return false
	}
	if len(s) == n {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return p == ' ' || p == '\u00a0' || isOpening(p)
}

var textReplacer = strings.NewReplacer("...", "…", "---", "—", "--", "–", " - ", " – ")

// Text applies Polish typography to plain text from YAML: straight double
// quotes become „…”, "--" and a spaced hyphen become en dashes, "---" an
// em dash, "..." an ellipsis, hyphenated year ranges (2024-2030) take an
// en dash, and Spaces places the no-break spaces.
func Text(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsAny(s, "\".-") {
		s = textReplacer.Replace(s)
		if strings.Contains(s, "\"") {
			s = quotes(s)
		}
		if strings.Contains(s, "-") {
			s = yearRanges(s)
		}
	}
	return Spaces(s)
}

// quotes turns straight double quotes into Polish ones: an opening quote
// at the start or after a space or opening bracket, a closing one elsewhere.
func quotes(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev rune = ' '
	for _, r := range s {
		if r == '"' {
			if unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '\u00a0' {
				b.WriteString("„")
			} else {
				b.WriteString("”")
			}
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// yearRanges replaces the hyphen of 2024-2030 by an en dash when both
// sides are four-digit years (not a date like 2024-06-30).
func yearRanges(s string) string {
	b := []byte(s)
	changed := false
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '-' && i >= 4 && i+4 < len(b)+0 && i+5 <= len(b) &&
			allDigits(b[i-4:i]) && allDigits(b[i+1:i+5]) &&
			(i == 4 || !isDigitOrDash(b[i-5])) && (i+5 == len(b) || !isDigitOrDash(b[i+5])) {
			if !changed {
				out = append(make([]byte, 0, len(b)+4), b[:i]...)
				changed = true
			}
			out = append(out, "–"...)
			continue
		}
		if changed {
			out = append(out, b[i])
		}
	}
	if !changed {
		return s
	}
	return string(out)
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isDigitOrDash(c byte) bool { return c >= '0' && c <= '9' || c == '-' }

// LowerFirst lowers the first letter of s for use inside a sentence
// ("Średni wynik" → "średni wynik"), leaving acronyms ("PKB", "GUS")
// alone. It works on runes, so Polish capitals are handled.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// UpperFirst capitalises the first letter of s, rune-aware.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
