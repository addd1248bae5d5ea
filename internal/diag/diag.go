// Package diag owns strategia's one diagnostic type and its printers.
//
// Every problem found anywhere — a YAML syntax error, a schema violation,
// a dangling reference, a broken legal rule — becomes a Diagnostic with a
// source position (file, line, column; columns count characters, not
// bytes, as yaml.v3 does), a severity, a rule ID such as "REF-01" and a
// message. A List collects every problem of a run; it never stops at the
// first. Print writes the human form
//
//	path:line:col: error|warning: RULE-ID: message
//	    defined here: path:line:col
//
// and PrintJSON the same list as JSON.
//
// diag is a leaf: it imports nothing of strategia's and is imported by
// every stage (load, model, rules, compose, build, cli).
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity of a diagnostic.
type Severity int

// Severities. Errors block rendering; warnings do not (unless -strict).
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a position in a source file. Line and Col count from 1; Col
// counts characters (runes), not bytes. A zero Line means "the whole file".
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, line and column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Related is a secondary position that explains a diagnostic, such as the
// definition of a duplicated ID or a candidate for a misspelt reference.
type Related struct {
	Pos Pos    `json:"pos"`
	Msg string `json:"msg"`
}

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	Pos      Pos       `json:"pos"`
	Severity Severity  `json:"severity"`
	Rule     string    `json:"rule"`
	Msg      string    `json:"msg"`
	Related  []Related `json:"related,omitempty"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", d.Pos, d.Severity, d.Rule, d.Msg)
}

// Compare orders diagnostics by position, then severity, rule and message.
func (d Diagnostic) Compare(e Diagnostic) int {
	return cmp.Or(d.Pos.Compare(e.Pos), cmp.Compare(d.Severity, e.Severity),
		cmp.Compare(d.Rule, e.Rule), cmp.Compare(d.Msg, e.Msg))
}

// List is an ordered collection of diagnostics. The zero value is ready.
type List struct {
	items []Diagnostic
}

// Errorf adds an error of rule at pos.
func (l *List) Errorf(pos Pos, rule, format string, args ...any) *Diagnostic {
	return l.add(pos, Error, rule, format, args)
}

// Warnf adds a warning of rule at pos.
func (l *List) Warnf(pos Pos, rule, format string, args ...any) *Diagnostic {
	return l.add(pos, Warning, rule, format, args)
}

func (l *List) add(pos Pos, sev Severity, rule, format string, args []any) *Diagnostic {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: sev, Rule: rule, Msg: msg})
	return &l.items[len(l.items)-1]
}

// With adds a related position to d and returns d, for chaining after
// Errorf or Warnf (use it before the next Add on the same List).
func (d *Diagnostic) With(pos Pos, format string, args ...any) *Diagnostic {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	d.Related = append(d.Related, Related{Pos: pos, Msg: msg})
	return d
}

// Append adds every diagnostic of m.
func (l *List) Append(m List) { l.items = append(l.items, m.items...) }

// Dedupe drops each diagnostic equal to the one before it (in a sorted
// list: every repeat).
func (l *List) Dedupe() {
	l.items = slices.CompactFunc(l.items, func(a, b Diagnostic) bool {
		return a.Compare(b) == 0 && slices.Equal(a.Related, b.Related)
	})
}

// Items returns the diagnostics in their current order.
func (l *List) Items() []Diagnostic { return l.items }

// Len returns the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// Sort orders the list by position and removes exact duplicates.
func (l *List) Sort() {
	slices.SortStableFunc(l.items, Diagnostic.Compare)
	l.items = slices.CompactFunc(l.items, func(a, b Diagnostic) bool {
		return a.Compare(b) == 0 && slices.Equal(a.Related, b.Related)
	})
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// HasErrors reports whether the list holds at least one error.
func (l *List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Strict turns every warning into an error (the -strict flag).
func (l *List) Strict() {
	for i := range l.items {
		l.items[i].Severity = Error
	}
}
