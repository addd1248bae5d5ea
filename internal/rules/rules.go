package rules

import (
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// Rule is one check of the catalogue.
type Rule struct {
	ID       string
	Severity diag.Severity
	Title    string // what it checks, one line
	Legal    string // the provision behind it, or ""
	Explain  string // why it matters and how to fix a failure
	Check    func(c *Context)
}

// Context is what a rule sees: the strategy, its index, the facts derived
// from it and the optional local data files (never nil inside a rule; the
// embedded reference data is reached through package refdata).
type Context struct {
	S          *model.Strategy
	X          *model.Index
	F          *model.Facts
	D          *refdata.Local
	rule       *Rule
	l          *diag.List
	refTargets map[string]target // ID definitions by entity kind, built once per run
}

// Report adds a diagnostic of the running rule at pos.
func (c *Context) Report(pos diag.Pos, format string, args ...any) *diag.Diagnostic {
	if c.rule.Severity == diag.Warning {
		return c.l.Warnf(pos, c.rule.ID, format, args...)
	}
	return c.l.Errorf(pos, c.rule.ID, format, args...)
}

// Warn adds a warning of the running rule regardless of its severity (for
// rules whose catalogue entry is "E / W").
func (c *Context) Warn(pos diag.Pos, format string, args ...any) *diag.Diagnostic {
	return c.l.Warnf(pos, c.rule.ID, format, args...)
}

var catalogue []*Rule

func register(r *Rule) { catalogue = append(catalogue, r) }

// All returns the catalogue sorted by ID.
func All() []*Rule {
	out := slices.Clone(catalogue)
	slices.SortFunc(out, func(a, b *Rule) int { return compareIDs(a.ID, b.ID) })
	return out
}

// Lookup returns the rule with id (case-insensitive), or nil.
func Lookup(id string) *Rule {
	for _, r := range catalogue {
		if strings.EqualFold(r.ID, id) {
			return r
		}
	}
	return nil
}

// CheckWith runs every rule over s with its facts f and the optional data
// d (nil: none supplied) and appends the findings to l.
func CheckWith(s *model.Strategy, x *model.Index, f *model.Facts, d *refdata.Local, l *diag.List) {
	if d == nil {
		d = &refdata.Local{}
	}
	targets := targetsOf(x)
	for _, r := range All() {
		if r.Check != nil {
			r.Check(&Context{S: s, X: x, F: f, D: d, rule: r, l: l, refTargets: targets})
		}
	}
}

// compareIDs orders "REF-2" before "REF-10".
func compareIDs(a, b string) int {
	pa, na, _ := strings.Cut(a, "-")
	pb, nb, _ := strings.Cut(b, "-")
	if pa != pb {
		return strings.Compare(pa, pb)
	}
	if len(na) != len(nb) {
		return len(na) - len(nb)
	}
	return strings.Compare(na, nb)
}
