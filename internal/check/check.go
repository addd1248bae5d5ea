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
	"github.com/strategia-pl/strategia/internal/rules"
)

// Result is a checked partnership.
type Result struct {
	Strategy *model.Strategy
	Index    *model.Index
	Diags    *diag.List
}

// OK reports whether the partnership has no errors.
func (r *Result) OK() bool { return !r.Diags.HasErrors() }

// Dir loads and checks the partnership folder dir.
func Dir(dir string) *Result {
	s, l := load.Load(dir)
	x := model.NewIndex(s)
	if len(s.Unreadable) == 0 {
		rules.Check(s, x, l)
	}
	l.Sort()
	return &Result{Strategy: s, Index: x, Diags: l}
}
