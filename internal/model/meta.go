package model

import (
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Meta records where an entity was defined (its mapping) and where the
// value of each of its keys stands. The loader fills it.
type Meta struct {
	Pos  diag.Pos
	Keys map[string]diag.Pos
}

// At returns the position of key's value, or the entity's position when
// the key is absent.
func (m Meta) At(key string) diag.Pos {
	if p, ok := m.Keys[key]; ok {
		return p
	}
	return m.Pos
}

// Has reports whether key was given.
func (m Meta) Has(key string) bool {
	_, ok := m.Keys[key]
	return ok
}

// Ref is a reference by ID (or a TERYT code) with its position.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error { return n.Decode(&r.ID) }

// Refs is a list of references.
type Refs []Ref

// IDs returns the referenced IDs.
func (rs Refs) IDs() []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// Markdown is prose: inline Markdown, or a path (relative to the
// partnership folder) of a .md file. After loading, Text holds the
// Markdown either way and File the file's path (empty for inline text).
type Markdown struct {
	Raw  string // the YAML value as written
	Text string
	File string // partnership-relative path when Raw names a file
	// Line is the line in File (or in the YAML file for inline text) where
	// Text starts, for positioning diagnostics inside the prose.
	Line int
	Pos  diag.Pos
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (m *Markdown) UnmarshalYAML(n *yaml.Node) error {
	if err := n.Decode(&m.Raw); err != nil {
		return err
	}
	m.Text = m.Raw
	return nil
}

// IsPath reports whether a *_md value names a file rather than holding
// inline text: one line, no spaces, ending in ".md".
func IsPath(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(strings.ToLower(s), ".md") && !strings.ContainsAny(s, " \t\n")
}

// LooksLikePath reports whether a *_md value that is not a path (IsPath)
// still looks like a file name rather than prose: one token with a "/" or
// a file extension ("diag/demografia", "model.txt"), not a URL. Such a
// value that names no Markdown file is an error, never inline prose.
func LooksLikePath(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || IsPath(s) || strings.ContainsAny(s, " \t\n") || strings.Contains(s, "://") {
		return false
	}
	if strings.ContainsAny(s, `/\`) {
		return true
	}
	dot := strings.LastIndexByte(s, '.')
	if dot <= 0 || dot == len(s)-1 || len(s)-dot > 6 {
		return false
	}
	for _, r := range s[dot+1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	// a sentence ending in a full stop ("Tak.") has no extension after it
	return true
}

// Empty reports whether there is no prose.
func (m Markdown) Empty() bool { return strings.TrimSpace(m.Text) == "" }

var markdownType = reflect.TypeFor[Markdown]()

// ForEachMarkdown calls fn for every Markdown value reachable from v (a
// pointer to a Strategy or to any part of it), in field order, so callers
// see prose in a fixed order.
func ForEachMarkdown(v any, fn func(*Markdown)) { walkMarkdown(reflect.ValueOf(v), fn) }

func walkMarkdown(v reflect.Value, fn func(*Markdown)) {
	if !mayHoldMarkdown(v.Type()) {
		return // indicator series, lists of codes: nothing to visit
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkMarkdown(v.Elem(), fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkMarkdown(v.Index(i), fn)
		}
	case reflect.Struct:
		if v.Type() == markdownType {
			if v.CanAddr() {
				fn(v.Addr().Interface().(*Markdown))
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkMarkdown(v.Field(i), fn)
			}
		}
	}
}

// markdownHolders remembers, per type, whether a value of it can hold a
// Markdown value that walkMarkdown would reach.
var markdownHolders sync.Map // reflect.Type → bool

// mayHoldMarkdown reports whether walkMarkdown can reach a Markdown value
// from a value of type t.
func mayHoldMarkdown(t reflect.Type) bool {
	if v, ok := markdownHolders.Load(t); ok {
		return v.(bool)
	}
	holds := reaches(t, map[reflect.Type]bool{})
	markdownHolders.Store(t, holds)
	return holds
}

// reaches is the search behind mayHoldMarkdown: the types walkMarkdown
// follows from t, depth first; seen stops at a type already on the way
// (a recursive type adds nothing the first visit does not find).
func reaches(t reflect.Type, seen map[reflect.Type]bool) bool {
	if t == markdownType {
		return true
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return true // what it holds is known only at run time
	case reflect.Pointer, reflect.Slice:
		return reaches(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && reaches(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

// PosAt returns the source position of byte offset off in the prose: in
// its Markdown file (dir is the partnership folder), or in the YAML file
// for inline text. Diagnostics about prose point into the text this way.
func (m *Markdown) PosAt(dir string, off int) diag.Pos {
	before := m.Text[:off]
	line := strings.Count(before, "\n")
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	if m.File != "" {
		return diag.Pos{File: filepath.Join(dir, filepath.FromSlash(m.File)), Line: m.Line + line, Col: col}
	}
	p := m.Pos
	if m.Line > p.Line { // block scalar: text starts on the next line, indented
		p.Line, p.Col = m.Line+line, col+p.Col-1
		return p
	}
	if line == 0 {
		p.Col += col - 1
	} else {
		p.Line, p.Col = p.Line+line, col
	}
	return p
}
