// Package check runs the validating half of the pipeline on one
// partnership folder: load (YAML, schema, Markdown) then the rules. It is
// what `strategia validate` runs and what `build` runs before composing.
//
// check imports load, model, rules and diag; it never imports compose or a
// renderer.
package check

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/load"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/internal/rules"
)

// Result is a checked partnership.
type Result struct {
	Strategy *model.Strategy
	Index    *model.Index
	// Facts are derived once here; compose and the renderers read them.
	Facts *model.Facts
	Diags *diag.List
}

// OK reports whether the partnership has no errors.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// Dir loads and checks the partnership folder dir.
func Dir(dir string) *Result { return DirCached(dir, nil) }

// DirCached is Dir loading through c (see load.Cache; nil means none):
// watch and serve keep the parsed YAML of unchanged files across
// rebuilds.
func DirCached(dir string, c *load.Cache) *Result {
	s, l := load.LoadCached(dir, c)
	x := model.NewIndex(s)
	f := model.Derive(s, x)
	// The rules compute with the model's values: while a value failed to
	// parse (wrong type, refused number) they would compute with 0 and
	// report consequences of the typo ("the total is 0 zł"), so they wait
	// until the values are fixed, as they do for an unreadable file.
	if len(s.Unreadable) == 0 && len(s.Files) > 0 && !hasValueErrors(l) {
		local, problems := refdata.LoadLocal(s.Dir)
		l.Append(*problems)
		rules.CheckWith(s, x, f, local, l)
	}
	l.Sort()
	return &Result{Strategy: s, Index: x, Facts: f, Diags: l}
}

// hasValueErrors reports whether a value of the content failed to parse:
// a wrong type (SCH-02) or a refused number (NUM-01).
func hasValueErrors(l *diag.List) bool {
	for _, d := range l.Items() {
		if d.Severity == diag.Error && (d.Rule == load.RuleType || d.Rule == load.RuleNumber) {
			return true
		}
	}
	return false
}
