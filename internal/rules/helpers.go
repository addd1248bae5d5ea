package rules

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// Document types.
const (
	docSRP = "srp"
	docSRG = "srg"
	docST  = "strategia_terytorialna"
	docZIT = "strategia_zit"
	docIIT = "strategia_iit"
)

// isDev reports whether the document is a development strategy under usg
// (srg or srp), to which art. 10e ust. 3–4 usg applies.
func (c *Context) isDev() bool {
	d := c.S.Partnership.DocType
	return d == docSRP || d == docSRG
}

func (c *Context) docIs(types ...string) bool { return slices.Contains(types, c.S.Partnership.DocType) }

// ppos is the position of a key of partnership.yaml (the file when absent).
func (c *Context) ppos(key string) diag.Pos { return c.or(c.S.Partnership.At(key), "partnership.yaml") }

// or returns p, or the position of a standard file of the partnership when
// p is empty (a section that was not written at all).
func (c *Context) or(p diag.Pos, file string) diag.Pos {
	if p.IsValid() {
		return p
	}
	return diag.Pos{File: fileIn(c.S.Dir, file)}
}

func fileIn(dir, name string) string {
	if dir == "" {
		return name
	}
	return strings.TrimRight(dir, "/") + "/" + name
}

// date parses YYYY-MM-DD, YYYY-MM (the first day, or with end the last
// day of the month) or YYYY (1 January, or 31 December with end).
func date(s string, end bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		t, err := time.Parse("2006-01-02", s[:10])
		return t, err == nil
	}
	if len(s) == 7 {
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return t, false
		}
		if end {
			t = t.AddDate(0, 1, -1)
		}
		return t, true
	}
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil {
			return time.Time{}, false
		}
		if end {
			return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), true
		}
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, false
}

func days(a, b time.Time) int { return int(math.Round(b.Sub(a).Hours() / 24)) }

func fmtDate(t time.Time) string { return t.Format("2006-01-02") }

// adoption is one adopting resolution's date and position.
type adoption struct {
	t   time.Time
	pos diag.Pos
	who string
}

// adoptions returns every adoption date (partnership-level, participation
// and member adoptions), earliest first.
func (c *Context) adoptions() []adoption {
	var out []adoption
	add := func(s string, p diag.Pos, who string) {
		if t, ok := date(s, false); ok {
			out = append(out, adoption{t, p, who})
		}
	}
	for _, a := range c.S.Participation.Adoptions {
		add(a.Date, a.At("date"), cmpOr(a.Member.ID, a.Body))
	}
	for _, m := range c.S.Partnership.Members {
		if m.Adoption != nil {
			add(m.Adoption.Date, m.Adoption.At("date"), m.Teryt.ID)
		}
	}
	if r := c.S.Partnership.AdoptedResolution; r != nil {
		add(r.Date, r.At("date"), r.Body)
	}
	slices.SortStableFunc(out, func(a, b adoption) int { return a.t.Compare(b.t) })
	return out
}

// adopted reports whether the strategy is adopted: its status says so or
// an adoption is recorded.
func (c *Context) adopted() bool {
	return c.S.Partnership.Status == "adopted" || len(c.adoptions()) > 0
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// memberVoivodeships returns the voivodeship codes of the members, sorted.
func (c *Context) memberVoivodeships() []string {
	var out []string
	for _, m := range c.S.Partnership.Members {
		if len(m.Teryt.ID) >= 2 && !slices.Contains(out, m.Teryt.ID[:2]) {
			out = append(out, m.Teryt.ID[:2])
		}
	}
	slices.Sort(out)
	return out
}

// memberGminy returns the member gminy (TERC types 1–3).
func (c *Context) memberGminy() []*model.Member {
	var out []*model.Member
	for _, m := range c.S.Partnership.Members {
		if model.IsGminaCode(m.Teryt.ID) {
			out = append(out, m)
		}
	}
	return out
}

// memberPowiaty returns the member powiaty (4-digit codes).
func (c *Context) memberPowiaty() []*model.Member {
	var out []*model.Member
	for _, m := range c.S.Partnership.Members {
		if len(m.Teryt.ID) == 4 {
			out = append(out, m)
		}
	}
	return out
}

// inTerritory reports whether a TERC code lies within the partnership: a
// member, a town or rural part of a member gmina, a gmina (or its part) of
// a member powiat, or a member powiat.
func (c *Context) inTerritory(code string) bool {
	if _, ok := c.X.Members[code]; ok {
		return true
	}
	if len(code) == 7 && (code[6] == '4' || code[6] == '5') {
		if _, ok := c.X.Members[code[:6]+"3"]; ok {
			return true
		}
	}
	if len(code) == 7 {
		if m, ok := c.X.Members[code[:4]]; ok && m != nil {
			return true
		}
	}
	return false
}

// programme returns the registry entry of a source ID, or nil.
func programme(id string) *refdata.Programme { return refdata.Programmes().Lookup(id) }

// pln formats an amount as "12 345 678,90 zł" for messages.
func pln(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	s := strconv.FormatFloat(v, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := plfmt.GroupDigits(whole, " ")
	if frac != "00" {
		out += "," + frac
	}
	if neg {
		out = "−" + out
	}
	return out + " zł"
}

// num formats a number for messages without trailing zeros.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// notice reports, once per partnership, that a rule could not run for
// lack of data the tool does not ship.
func (c *Context) notice(pos diag.Pos, file, subject, what string) {
	c.Warn(pos, "%s not checked: strategia ships no %s; supply data/%s in the partnership or workspace folder (see strategia validate -explain %s)",
		subject, what, file, c.rule.ID)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

type (
	timeT       = time.Time
	voivOpinion = model.VoivodeshipOpinion
	adoptionT   = model.Adoption
)
