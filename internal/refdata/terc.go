package refdata

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/strategia-pl/strategia/internal/diag"
	data "github.com/strategia-pl/strategia/templates/refdata"
)

// Unit is one row of TERC: a voivodeship (2-digit code), a powiat or
// miasto na prawach powiatu (4 digits) or a gmina or its part (7 digits).
type Unit struct {
	Code string // WW, WWPP or WWPPGGT
	Name string // NAZWA
	Kind string // NAZWA_DOD: "województwo", "powiat", "gmina miejska" …
	Type int    // RODZ (1–5, 8, 9) for 7-digit codes, else 0
}

// Level names the level of a code: "voivodeship", "powiat" or "gmina".
func (u Unit) Level() string {
	switch len(u.Code) {
	case 2:
		return "voivodeship"
	case 4:
		return "powiat"
	}
	return "gmina"
}

// IsGmina reports whether u is a gmina (a JST of TERC type 1, 2 or 3).
func (u Unit) IsGmina() bool { return len(u.Code) == 7 && u.Type >= 1 && u.Type <= 3 }

// IsCityWithPowiatRights reports whether u is a miasto na prawach powiatu:
// its powiat number is 61 or more.
func (u Unit) IsCityWithPowiatRights() bool { return len(u.Code) >= 4 && u.Code[2:4] >= "61" }

// String is "2006011 Kolno (gmina miejska)".
func (u Unit) String() string { return fmt.Sprintf("%s %s (%s)", u.Code, u.Name, u.Kind) }

// TypeNames names the TERC unit types (RODZ).
var TypeNames = map[int]string{
	1: "gmina miejska", 2: "gmina wiejska", 3: "gmina miejsko-wiejska",
	4: "miasto w gminie miejsko-wiejskiej", 5: "obszar wiejski w gminie miejsko-wiejskiej",
	8: "dzielnica m.st. Warszawy", 9: "delegatura",
}

// Register is the TERC register.
type Register struct {
	edition string
	units   []Unit // file order
	byCode  map[string]int
	norm    []string // Normalize(units[i].Name)

	namesOnce  sync.Once
	byNameType map[string][]int // name + type → gminy, for Namesakes
}

var (
	tercOnce sync.Once
	terc     *Register
)

// TERC returns the embedded TERC register, parsed on first use.
func TERC() *Register {
	tercOnce.Do(func() {
		b, err := data.FS.ReadFile("TERC.csv")
		if err != nil {
			panic("refdata: " + err.Error())
		}
		r, err := ParseTERC(b)
		if err != nil {
			panic("refdata: TERC.csv: " + err.Error())
		}
		terc = r
	})
	return terc
}

// ParseTERC parses a TERC file in GUS's CSV layout
// (WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA), with or without a BOM and
// CRLF line endings.
func ParseTERC(b []byte) (*Register, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	r := &Register{byCode: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), "\r")
		if t == "" || line == 1 && strings.HasPrefix(t, "WOJ;") {
			continue
		}
		f := strings.Split(t, ";")
		if len(f) != 7 {
			return nil, fmt.Errorf("line %d: %d fields, want 7", line, len(f))
		}
		u := Unit{Code: f[0] + f[1] + f[2] + f[3], Name: f[4], Kind: f[5]}
		if f[3] != "" {
			u.Type = int(f[3][0] - '0')
		}
		if r.edition == "" {
			r.edition = f[6]
		}
		if _, dup := r.byCode[u.Code]; dup {
			return nil, fmt.Errorf("line %d: duplicate code %s", line, u.Code)
		}
		r.byCode[u.Code] = len(r.units)
		r.units = append(r.units, u)
		r.norm = append(r.norm, Normalize(u.Name))
	}
	if len(r.units) == 0 {
		return nil, fmt.Errorf("no rows")
	}
	return r, sc.Err()
}

// Edition returns the register's STAN_NA date (YYYY-MM-DD).
func (r *Register) Edition() string { return r.edition }

// Len returns the number of units.
func (r *Register) Len() int { return len(r.units) }

// Lookup returns the unit with code (2, 4 or 7 digits).
func (r *Register) Lookup(code string) (Unit, bool) {
	i, ok := r.byCode[code]
	if !ok {
		return Unit{}, false
	}
	return r.units[i], true
}

// Powiat returns the powiat (or miasto na prawach powiatu) of a 4- or 7-digit code.
func (r *Register) Powiat(code string) (Unit, bool) {
	if len(code) < 4 {
		return Unit{}, false
	}
	return r.Lookup(code[:4])
}

// Namesakes returns the other gminy of the register with the same name
// and type as the gmina code ("Kolno", gmina wiejska: 2006032 and
// 2814082), in register order; none for an unknown code or a non-gmina.
func (r *Register) Namesakes(code string) []Unit {
	r.namesOnce.Do(func() {
		r.byNameType = map[string][]int{}
		for i, u := range r.units {
			if u.IsGmina() {
				k := u.Name + "\x00" + strconv.Itoa(u.Type)
				r.byNameType[k] = append(r.byNameType[k], i)
			}
		}
	})
	u, ok := r.Lookup(code)
	if !ok || !u.IsGmina() {
		return nil
	}
	var out []Unit
	for _, i := range r.byNameType[u.Name+"\x00"+strconv.Itoa(u.Type)] {
		if r.units[i].Code != code {
			out = append(out, r.units[i])
		}
	}
	return out
}

// GminyOf returns the gminy (types 1–3) of a powiat (WWPP) or of a
// voivodeship (WW), in register order.
func (r *Register) GminyOf(prefix string) []Unit {
	var out []Unit
	for _, u := range r.units {
		if u.IsGmina() && strings.HasPrefix(u.Code, prefix) {
			out = append(out, u)
		}
	}
	return out
}

// NameMatches reports whether name equals the unit's NAZWA, ignoring case
// and diacritics. Voivodeship names match with or without "województwo".
func (r *Register) NameMatches(u Unit, name string) bool {
	n := Normalize(name)
	return n == r.norm[r.byCode[u.Code]] || n == "wojewodztwo "+r.norm[r.byCode[u.Code]]
}

// Search returns up to max units whose name matches query, ignoring case
// and diacritics: exact matches first, then prefix matches, then names
// containing the query, then names within a small edit distance; ties
// keep register order. Only voivodeships, powiaty and gminy (types 1–3)
// are searched.
func (r *Register) Search(query string, max int) []Unit {
	q := Normalize(query)
	if q == "" {
		return nil
	}
	type hit struct{ rank, i int }
	var hits []hit
	for i, u := range r.units {
		if len(u.Code) == 7 && !u.IsGmina() {
			continue
		}
		n := r.norm[i]
		switch {
		case n == q:
			hits = append(hits, hit{0, i})
		case strings.HasPrefix(n, q):
			hits = append(hits, hit{1, i})
		case strings.Contains(n, q):
			hits = append(hits, hit{2, i})
		default:
			if len(diag.Nearest(q, []string{n}, 1)) == 1 {
				hits = append(hits, hit{3, i})
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.rank - b.rank })
	var out []Unit
	for _, h := range hits {
		if len(out) == max {
			break
		}
		out = append(out, r.units[h.i])
	}
	return out
}

// NearestCodes returns up to max codes of the same length as code that
// differ least from it (one or two digits), for "did you mean" hints on
// unknown codes; gminy parts (types 4, 5, 8, 9) are skipped.
func (r *Register) NearestCodes(code string, max int) []Unit {
	type hit struct{ d, i int }
	var hits []hit
	for i, u := range r.units {
		if len(u.Code) != len(code) || len(u.Code) == 7 && !u.IsGmina() {
			continue
		}
		d := 0
		for k := range code {
			if code[k] != u.Code[k] {
				d++
			}
		}
		if d <= 2 {
			hits = append(hits, hit{d, i})
		}
	}
	prefix := func(h hit) int {
		n := 0
		for n < len(code) && code[n] == r.units[h.i].Code[n] {
			n++
		}
		return n
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return prefix(b) - prefix(a) // the same powiat first
	})
	var out []Unit
	for _, h := range hits {
		if len(out) == max {
			break
		}
		out = append(out, r.units[h.i])
	}
	return out
}
