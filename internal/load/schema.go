package load

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/schema"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// schemaBase is the URL the embedded schema files are registered under;
// relative $refs between them resolve against it.
const schemaBase = schema.BaseURL

// schemaSet holds the compiled schemas and their raw documents (used to
// list the keys a mapping allows, for "did you mean").
type schemaSet struct {
	compiled map[model.FileKind]*jsonschema.Schema
	docs     map[string]any // file name → decoded JSON
	err      error
}

var (
	schemasOnce sync.Once
	schemas     *schemaSet
)

// loadSchemas compiles every embedded schema once per process.
func loadSchemas() *schemaSet {
	schemasOnce.Do(func() {
		s := &schemaSet{compiled: map[model.FileKind]*jsonschema.Schema{}}
		schemas = s
		if s.docs, s.err = schema.Docs(); s.err != nil {
			return
		}
		c, err := schema.CompilerFor(s.docs)
		if err != nil {
			s.err = err
			return
		}
		c.AssertFormat()
		for _, k := range schema.Kinds() {
			sch, err := c.Compile(schema.URL(k))
			if err != nil {
				s.err = fmt.Errorf("schema %s: %w", k, err)
				return
			}
			s.compiled[model.FileKind(k)] = sch
		}
	})
	return schemas
}

var printer = message.NewPrinter(language.English)

// validate applies the schema of kind to t and reports each violation at
// the value (or key) it concerns.
func validate(file string, k model.FileKind, t *tree, l *diag.List) {
	s := loadSchemas()
	if s.err != nil {
		l.Errorf(diag.Pos{File: file}, RuleValue, "internal error: %v", s.err)
		return
	}
	sch := s.compiled[k]
	if sch == nil {
		l.Errorf(diag.Pos{File: file}, RuleValue, "internal error: no schema for %s", k)
		return
	}
	err := sch.Validate(t.value)
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		return
	}
	ls := leaves(ve, nil)
	// A misspelt key also makes the key it should have been "missing":
	// report the misspelling only.
	suggested := map[string]bool{}
	for _, e := range ls {
		if k, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
			allowed := s.properties(e.SchemaURL)
			for _, p := range k.Properties {
				for _, n := range diag.Nearest(p, allowed, 2) {
					suggested[pointer(e.InstanceLocation)+"/"+n] = true
				}
			}
		}
	}
	for _, e := range ls {
		if k, ok := e.ErrorKind.(*kind.Required); ok {
			ptr := pointer(e.InstanceLocation)
			k.Missing = slices.DeleteFunc(slices.Clone(k.Missing), func(m string) bool { return suggested[ptr+"/"+m] })
			if len(k.Missing) == 0 {
				continue
			}
		}
		s.report(file, t, e, l)
	}
}

func leaves(e *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return append(out, e)
	}
	for _, c := range e.Causes {
		out = leaves(c, out)
	}
	return out
}

func (s *schemaSet) report(file string, t *tree, e *jsonschema.ValidationError, l *diag.List) {
	ptr := pointer(e.InstanceLocation)
	where := dotted(e.InstanceLocation)
	at := func(p string) diag.Pos {
		if n := t.nodes[p]; n != nil {
			return pos(file, n)
		}
		return diag.Pos{File: file, Line: 1, Col: 1}
	}
	in := ""
	if where != "" {
		in = " in " + where
	}
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		allowed := s.properties(e.SchemaURL)
		for _, p := range k.Properties {
			kp := at(ptr)
			if kn := t.keys[ptr+"/"+escapePtr(p)]; kn != nil {
				kp = pos(file, kn)
			}
			hint := diag.DidYouMean(p, allowed)
			if hint == "" && len(allowed) > 0 && len(allowed) <= 12 {
				hint = " (allowed: " + strings.Join(allowed, ", ") + ")"
			}
			l.Errorf(kp, RuleUnknown, "unknown key %q%s%s", p, in, hint)
		}
	case *kind.Required:
		for _, m := range k.Missing {
			l.Errorf(at(ptr), RuleRequired, "missing required key %q%s", m, in)
		}
	case *kind.Type:
		if bad := t.badNumbers[ptr]; bad != "" && k.Got == "string" {
			l.Errorf(at(ptr), RuleNumber, "%s: %s", orRoot(where), bad)
			return
		}
		got := jsonTypeName(k.Got)
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = jsonTypeName(w)
		}
		msg := fmt.Sprintf("%s: expected %s, found %s", orRoot(where), strings.Join(want, " or "), got)
		if n := t.nodes[ptr]; n != nil && slices.Contains(k.Want, "string") && (got == "integer" || got == "number") {
			msg += fmt.Sprintf(" (put it in quotes: \"%s\")", n.Value)
		}
		if n := t.nodes[ptr]; n != nil && k.Got == "string" && (slices.Contains(k.Want, "number") || slices.Contains(k.Want, "integer")) {
			if plain := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(n.Value); plain != n.Value {
				if _, err := strconv.ParseFloat(strings.Replace(plain, ",", ".", 1), 64); err == nil {
					msg += fmt.Sprintf(" (write it without spaces: %s)", plain)
				}
			}
		}
		l.Errorf(at(ptr), RuleType, "%s", msg)
	case *kind.Enum:
		var opts []string
		for _, w := range k.Want {
			opts = append(opts, fmt.Sprint(w))
		}
		got := fmt.Sprint(k.Got)
		l.Errorf(at(ptr), RuleValue, "%s: %q is not one of %s%s", orRoot(where), got, strings.Join(opts, ", "), diag.DidYouMean(got, opts))
	case *kind.Pattern:
		l.Errorf(at(ptr), RuleValue, "%s: %q does not have the expected form (%s)%s", orRoot(where), k.Got, k.Want, s.exampleHint(e.SchemaURL))
	case *kind.Format:
		l.Errorf(at(ptr), RuleValue, "%s: %v is not a valid %s", orRoot(where), k.Got, formatName(k.Want))
	case *kind.FalseSchema:
		l.Errorf(at(ptr), RuleUnknown, "%s is not allowed here", orRoot(where))
	default:
		l.Errorf(at(ptr), RuleValue, "%s: %s", orRoot(where), e.ErrorKind.LocalizedString(printer))
	}
}

func orRoot(where string) string {
	if where == "" {
		return "document"
	}
	return where
}

func jsonTypeName(t string) string {
	switch t {
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	case "null":
		return "nothing (null)"
	case "integer":
		return "integer"
	}
	return t
}

func formatName(f string) string {
	switch f {
	case "date":
		return "date (YYYY-MM-DD)"
	case "uri":
		return "URL"
	case "email":
		return "e-mail address"
	}
	return f
}

// resolve returns the raw schema object a schema URL points at.
func (s *schemaSet) resolve(url string) map[string]any {
	url = strings.TrimPrefix(url, schemaBase)
	name, frag, _ := strings.Cut(url, "#")
	var v any = s.docs[name]
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[unescapePtr(tok)]
	}
	m, _ := v.(map[string]any)
	return m
}

// properties lists the keys the schema at url (a keyword location such as
// ".../goals.schema.json#/$defs/goal/additionalProperties") allows.
func (s *schemaSet) properties(url string) []string {
	url = strings.TrimSuffix(strings.TrimSuffix(url, "/additionalProperties"), "/unevaluatedProperties")
	m := s.resolve(url)
	var out []string
	seen := map[string]bool{}
	var collect func(m map[string]any, base string, depth int)
	collect = func(m map[string]any, base string, depth int) {
		if m == nil || depth > 4 {
			return
		}
		if props, ok := m["properties"].(map[string]any); ok {
			for k := range props {
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
		if ref, ok := m["$ref"].(string); ok {
			collect(s.resolve(resolveRef(base, ref)), resolveRef(base, ref), depth+1)
		}
		if all, ok := m["allOf"].([]any); ok {
			for _, a := range all {
				sub, _ := a.(map[string]any)
				collect(sub, base, depth+1)
			}
		}
	}
	collect(m, url, 0)
	sort.Strings(out)
	return out
}

// exampleHint returns ` (for example "CS1")` from the failing schema's
// examples, when it has any.
func (s *schemaSet) exampleHint(url string) string {
	url = strings.TrimSuffix(url, "/pattern")
	m := s.resolve(url)
	if m == nil {
		return ""
	}
	if ex, ok := m["examples"].([]any); ok && len(ex) > 0 {
		return fmt.Sprintf(", for example %q", fmt.Sprint(ex[0]))
	}
	return ""
}

func resolveRef(base, ref string) string {
	if strings.HasPrefix(ref, "#") {
		name, _, _ := strings.Cut(strings.TrimPrefix(base, schemaBase), "#")
		return schemaBase + name + ref
	}
	return schemaBase + ref
}
