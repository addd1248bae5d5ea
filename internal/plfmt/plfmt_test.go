package plfmt

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// show makes no-break spaces visible in failure messages.
func show(s string) string { return strings.NewReplacer("\u00a0", "⍽", "\u2212", "−").Replace(s) }

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		d    int
		want string
	}{
		{0, 0, "0"},
		{12345.6, 1, "12⍽345,6"},
		{12345.64, 1, "12⍽345,6"},
		{999, 0, "999"},
		{1000, 0, "1⍽000"},
		{1234567.891, 2, "1⍽234⍽567,89"},
		{-2.44, 1, "−2,4"},
		{-0.04, 1, "0,0"},
		{85, 1, "85,0"},
		{0.5, 0, "1"},
		{100000, -1, "100⍽000"},
	} {
		if got := show(Number(c.v, c.d)); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
	if got := show(Int(-1234567)); got != "−1⍽234⍽567" {
		t.Errorf("Int = %q", got)
	}
}

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		f    func(float64) string
		v    float64
		want string
	}{
		{Money, 12345678, "12⍽345⍽678⍽zł"},
		{Money, 1234.5, "1⍽234,50⍽zł"},
		{Money, 0, "0⍽zł"},
		{MoneyMln, 12345678, "12,3⍽mln⍽zł"},
		{MoneyMln, 85000000, "85,0⍽mln⍽zł"},
		{MoneyMln, 50000, "50⍽000⍽zł"},
	} {
		if got := show(c.f(c.v)); got != c.want {
			t.Errorf("%v → %q, want %q", c.v, got, c.want)
		}
	}
	if got := Percent(85, 1); got != "85,0%" {
		t.Errorf("Percent = %q", got)
	}
	if got := Share(1, 3); got != "33,3%" {
		t.Errorf("Share = %q", got)
	}
	if got := Share(1, 0); got != "–" {
		t.Errorf("Share/0 = %q", got)
	}
}

func TestSymbol(t *testing.T) {
	for flag, want := range map[string]string{"-": "–", ".": ".", "x": "x", "0": "0,0", "?": "?"} {
		if got := Symbol(flag, 1); got != want {
			t.Errorf("Symbol(%q) = %q, want %q", flag, got, want)
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		f        func(string) string
		in, want string
	}{
		{Date, "2024-12-31", "31.12.2024"},
		{Date, "2024-01-05", "05.01.2024"},
		{Date, "2025-01", "01.2025"},
		{Date, "2025", "2025"},
		{Date, "jutro", "jutro"},
		{Date, "2024-13-01", "2024-13-01"},
		{DateLong, "2024-11-25", "25⍽listopada⍽2024⍽r."},
		{DateLong, "2024-06-01", "1⍽czerwca⍽2024⍽r."},
		{DateLong, "2025-01", "styczeń⍽2025⍽r."},
		{MonthYear, "2025-01", "01.2025"},
		{MonthYear, "2025-01-15", "01.2025"},
		{MonthYearLong, "2025-01", "styczeń⍽2025"},
		{MonthYearLong, "2025-09", "wrzesień⍽2025"},
		{MonthYearGen, "2025-03", "marca⍽2025"},
		{MonthYearGen, "2027-12-31", "grudnia⍽2027"},
		{MonthYearGen, "2027", "2027"},
	} {
		if got := show(c.f(c.in)); got != c.want {
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		}
	}
	if Range(2024, 2030) != "2024–2030" || Range(2024, 2024) != "2024" {
		t.Error("Range")
	}
	if DateRange("2024-08-23", "2024-09-26") != "23.08.2024–26.09.2024" {
		t.Error("DateRange")
	}
	if Year("2024-06-27") != 2024 || Year("x") != 0 {
		t.Error("Year")
	}
}

func TestSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Gmina leży w dolinie rzeki, a jej mieszkańcy", "Gmina leży w⍽dolinie rzeki, a⍽jej mieszkańcy"},
		{"W gminie i w powiecie", "W⍽gminie i⍽w⍽powiecie"},
		{"(z uwagi na", "(z⍽uwagi na"},
		{"„o tym”", "„o⍽tym”"},
		{"ma 12 km długości", "ma 12⍽km długości"},
		{"w 2024 r. przyjęto", "w⍽2024⍽r. przyjęto"},
		{"kwota 5,5 mln zł", "kwota 5,5⍽mln zł"},
		{"art. 10e usg", "art.⍽10e usg"},
		{"art. 10 ust. 3 pkt 2", "art.⍽10 ust.⍽3 pkt⍽2"},
		{"Kolno – Grabowo", "Kolno⍽– Grabowo"},
		{"bez zmian", "bez zmian"},
		{"ozon i", "ozon i"},
		{"tab. 3 i ryc. 2", "tab.⍽3 i⍽ryc.⍽2"},
		{"wynosi 85,0 %", "wynosi 85,0⍽%"},
		{"zajmuje 940 km.", "zajmuje 940⍽km."},
		{"osób (2022 r.).", "osób (2022⍽r.)."},
		{"w 2023 r., a", "w⍽2023⍽r., a"},
		{"", ""},
	} {
		if got := show(Spaces(c.in)); got != c.want {
			t.Errorf("Spaces(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`Stowarzyszenie "Razem" - lata 2024-2030...`, "Stowarzyszenie „Razem”⍽– lata 2024–2030…"},
		{"data 2024-06-30 i okres 2021-2027", "data 2024-06-30 i⍽okres 2021–2027"},
		{"od -- do", "od⍽– do"},
		{"(\"cytat\")", "(„cytat”)"},
		{"kod 12-345", "kod 12-345"},
	} {
		if got := show(Text(c.in)); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEndsWithOneLetter(t *testing.T) {
	for s, want := range map[string]bool{"w": true, "idzie w": true, "(a": true, "ozon": false, "Tokio": false, "": false, "„z": true} {
		if got := EndsWithOneLetter(s); got != want {
			t.Errorf("EndsWithOneLetter(%q) = %v", s, got)
		}
	}
}

func BenchmarkSpaces(b *testing.B) {
	s := strings.Repeat("Gmina leży w dolinie rzeki, a jej mieszkańcy w 2024 r. liczyli 12 345 osób. ", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Spaces(s)
	}
}

func TestFirstLetter(t *testing.T) {
	for in, want := range map[string]string{
		"Średni wynik": "średni wynik", "Ludność": "ludność", "PKB na 1 mieszkańca": "PKB na 1 mieszkańca",
		"ósmoklasista": "ósmoklasista", "": "", "Ż": "ż",
	} {
		if got := LowerFirst(in); got != want {
			t.Errorf("LowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"świadectwo": "Świadectwo", "Łódź": "Łódź", "": ""} {
		if got := UpperFirst(in); got != want {
			t.Errorf("UpperFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuoteNests(t *testing.T) {
	for in, want := range map[string]string{
		"Produkt turystyczny":                   "„Produkt turystyczny”",
		"Produkt turystyczny „Kurpie nad Pisą”": "„Produkt turystyczny «Kurpie nad Pisą»”",
		`Produkt "Kurpie"`:                      "„Produkt «Kurpie»”",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSpacesTables checks the length bound Spaces uses to skip the
// lookup of abbreviations.
func TestSpacesTables(t *testing.T) {
	for a := range abbrevs {
		if len(a) > maxAbbrevLen {
			t.Errorf("abbreviation %q is longer than maxAbbrevLen", a)
		}
	}
}

// FuzzSpaces checks Spaces against the plain word-by-word statement of
// its rules (spacesByWords, with keepPlainly).
func FuzzSpaces(f *testing.F) {
	for _, s := range []string{"Gmina leży w dolinie rzeki, a jej mieszkańcy", "w 2024 r. przyjęto", "art. 10 ust. 3 pkt 2",
		"Kolno – Grabowo", "( – x", "a  b", "12\u00a0345 osób", "nr\u00a0 5", "5 zł,; x", "§ 3 i IV", " w ", "85,0 % z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Spaces(s), spacesByWords(s); got != want {
			t.Errorf("Spaces(%q) = %q, want %q", s, got, want)
		}
	})
}

// spacesByWords is Spaces written plainly: every space, the word before
// and the word after it.
func spacesByWords(s string) string {
	var b strings.Builder
	start, last := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		next := s[i+1:]
		if j := strings.Index(next, " "); j >= 0 {
			next = next[:j]
		}
		if j := strings.Index(next, NBSP); j >= 0 {
			next = next[:j]
		}
		if keepPlainly(s[start:i], next) {
			b.WriteString(s[last:i])
			b.WriteString(NBSP)
			last = i + 1
		}
		start = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// keepPlainly is keep written plainly (as it was before its fast paths),
// the reference for FuzzSpaces: it reports whether the space between
// words prev and next must not break.
func keepPlainly(prev, next string) bool {
	// The word before may follow a no-break space or opening punctuation.
	if j := strings.LastIndex(prev, "\u00a0"); j >= 0 {
		prev = prev[j+2:]
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
	if isNumber(w) {
		if units[strings.TrimRight(next, ",;:)")] || units[next] || units[strings.TrimRight(strings.TrimSuffix(next, "."), ",;:)")] {
			return true
		}
	}
	if abbrevs[w] {
		r, _ := utf8.DecodeRuneInString(next)
		if unicode.IsDigit(r) || r == 'I' || r == 'V' || r == 'X' {
			return true
		}
	}
	return false
}
