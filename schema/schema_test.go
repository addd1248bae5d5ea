package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var printer = message.NewPrinter(language.English)

// files returns every embedded schema file name, sorted.
func files(t *testing.T) []string {
	t.Helper()
	names, err := filepathGlob("*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no schema files embedded")
	}
	return names
}

func filepathGlob(pattern string) ([]string, error) {
	var out []string
	entries, err := FS.ReadDir(".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if ok, _ := filepath.Match(pattern, e.Name()); ok {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

func load(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: invalid JSON: %v", name, err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("%s: top level is not an object", name)
	}
	return m
}

func TestKinds(t *testing.T) {
	want := []string{"comments", "diagnosis", "finance", "goals", "implementation", "indicators", "partnership", "project", "spatial", "swot"}
	if got := Kinds(); !slices.Equal(got, want) {
		t.Errorf("Kinds() = %v, want %v", got, want)
	}
}

// Test 1: every file is valid JSON, follows the file conventions and compiles.
func TestCompile(t *testing.T) {
	for _, name := range files(t) {
		doc := load(t, name)
		if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %v, want draft 2020-12", name, doc["$schema"])
		}
		if _, ok := doc["$id"]; ok {
			t.Errorf("%s: has $id; editors resolve the relative refs against the file path, so leave it out", name)
		}
		if s, _ := doc["title"].(string); s == "" {
			t.Errorf("%s: no title", name)
		}
		if s, _ := doc["description"].(string); s == "" {
			t.Errorf("%s: no description", name)
		}
	}
	c, err := NewCompiler()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files(t) {
		if _, err := c.Compile(BaseURL + name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Compile(); err != nil {
		t.Error(err)
	}
}

// subschema keywords whose value is a schema, a list of schemas or a map of schemas.
var (
	schemaKeys = []string{"items", "additionalProperties", "unevaluatedProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems"}
	listKeys   = []string{"allOf", "anyOf", "oneOf", "prefixItems"}
	mapKeys    = []string{"properties", "$defs", "patternProperties", "dependentSchemas"}
)

// node is one schema object met while walking a file, with its JSON pointer.
type node struct {
	ptr    string
	schema map[string]any
	named  bool // an entry of properties or $defs
}

func walk(ptr string, v any, named bool, visit func(node)) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	visit(node{ptr, m, named})
	for _, k := range schemaKeys {
		if sub, ok := m[k]; ok {
			walk(ptr+"/"+k, sub, false, visit)
		}
	}
	for _, k := range listKeys {
		if l, ok := m[k].([]any); ok {
			for i, sub := range l {
				walk(ptr+"/"+k+"/"+strconv.Itoa(i), sub, false, visit)
			}
		}
	}
	for _, k := range mapKeys {
		if mm, ok := m[k].(map[string]any); ok {
			names := make([]string, 0, len(mm))
			for n := range mm {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				walk(ptr+"/"+k+"/"+escape(n), mm[n], k == "properties" || k == "$defs", visit)
			}
		}
	}
}

func escape(s string) string { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }

func isObject(m map[string]any) bool {
	switch ty := m["type"].(type) {
	case string:
		if ty == "object" {
			return true
		}
	case []any:
		for _, x := range ty {
			if x == "object" {
				return true
			}
		}
	}
	_, hasProps := m["properties"]
	return hasProps
}

// newerKeywords are 2019-09/2020-12 keywords with no draft-07 meaning; the
// schemas avoid them so that editors validate exactly as strategia does.
var newerKeywords = []string{"unevaluatedProperties", "unevaluatedItems", "prefixItems", "dependentSchemas", "dependentRequired", "$dynamicRef", "$dynamicAnchor", "$anchor"}

var english = regexp.MustCompile(`^(The|A|An|This|List of|Identifier|Name of|Number of)\b`)

// Test 2: documentation and closedness of every schema.
func TestMeta(t *testing.T) {
	for _, name := range files(t) {
		walk("#", load(t, name), false, func(n node) {
			where := name + n.ptr
			if n.named {
				desc, _ := n.schema["description"].(string)
				switch {
				case strings.TrimSpace(desc) == "":
					t.Errorf("%s: no description", where)
				case english.MatchString(desc):
					t.Errorf("%s: description looks English, write it in Polish: %q", where, desc)
				}
				if _, isRef := n.schema["$ref"]; !isRef {
					if ex, _ := n.schema["examples"].([]any); len(ex) == 0 {
						t.Errorf("%s: no examples", where)
					}
				}
			}
			if isObject(n.schema) && n.schema["additionalProperties"] != false && n.schema["unevaluatedProperties"] != false {
				t.Errorf("%s: object is not closed (additionalProperties: false)", where)
			}
			for _, k := range newerKeywords {
				if _, ok := n.schema[k]; ok {
					t.Errorf("%s: uses %s, which editors that understand only draft-07 (the VS Code YAML extension) ignore", where, k)
				}
			}
			if md, ok := n.schema["markdownDescription"]; ok {
				if s, _ := md.(string); s == "" {
					t.Errorf("%s: empty markdownDescription", where)
				}
			}
		})
	}
}

// Test 3: every examples value validates against the schema it illustrates.
func TestExamples(t *testing.T) {
	c, err := NewCompiler()
	if err != nil {
		t.Fatal(err)
	}
	c.AssertFormat()
	n := 0
	for _, name := range files(t) {
		walk("#", load(t, name), false, func(nd node) {
			ex, _ := nd.schema["examples"].([]any)
			if len(ex) == 0 {
				return
			}
			loc := BaseURL + name + nd.ptr
			sch, err := c.Compile(loc)
			if err != nil {
				t.Errorf("%s%s: %v", name, nd.ptr, err)
				return
			}
			for i, e := range ex {
				n++
				if err := sch.Validate(e); err != nil {
					t.Errorf("%s%s: examples[%d] is invalid:\n%s", name, nd.ptr, i, strings.Join(flatten(err), "\n"))
				}
			}
		})
	}
	if n < 100 {
		t.Errorf("only %d examples checked", n)
	}
}

// flatten lists the leaf errors of a validation error as "instance-location: message".
func flatten(err error) []string {
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return []string{err.Error()}
	}
	var out []string
	var rec func(e *jsonschema.ValidationError)
	rec = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, fmt.Sprintf("  /%s: %s", strings.Join(e.InstanceLocation, "/"), e.ErrorKind.LocalizedString(printer)))
			return
		}
		for _, c := range e.Causes {
			rec(c)
		}
	}
	rec(verr)
	sort.Strings(out)
	return slices.Compact(out)
}

// leaves is like flatten but keeps the instance location as tokens, and for
// an unknown key the key's name, so that the report can point at the key.
func leaves(err error) (locs [][]string, msgs, keys []string) {
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		return [][]string{nil}, []string{err.Error()}, []string{""}
	}
	var rec func(e *jsonschema.ValidationError)
	rec = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			key := ""
			if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok && len(ap.Properties) > 0 {
				key = ap.Properties[0]
			}
			locs = append(locs, e.InstanceLocation)
			msgs = append(msgs, e.ErrorKind.LocalizedString(printer))
			keys = append(keys, key)
			return
		}
		for _, c := range e.Causes {
			rec(c)
		}
	}
	rec(verr)
	return locs, msgs, keys
}

// fromYAML converts a YAML tree to the values the validator expects:
// mappings → map[string]any, sequences → []any, !!int and !!float →
// json.Number, !!bool → bool, !!null → nil and every other scalar (including
// !!timestamp, so unquoted dates) → string.
func fromYAML(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return fromYAML(n.Content[0])
	case yaml.AliasNode:
		return fromYAML(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := fromYAML(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := fromYAML(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			err := n.Decode(&b)
			return b, err
		case "!!int":
			var i int64
			if err := n.Decode(&i); err != nil {
				return nil, err
			}
			return json.Number(strconv.FormatInt(i, 10)), nil
		case "!!float":
			if jsonNumber.MatchString(n.Value) {
				return json.Number(n.Value), nil
			}
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, err
			}
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
		default:
			return n.Value, nil
		}
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node kind %v", n.Line, n.Kind)
}

var jsonNumber = regexp.MustCompile(`^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$`)

// position finds the line and column of an instance location in a YAML tree,
// or of the key named key inside it when key is not empty.
func position(n *yaml.Node, loc []string, key string) (int, int) {
	if key != "" {
		loc = append(slices.Clone(loc), key)
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for j, tok := range loc {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					if key != "" && j == len(loc)-1 {
						return n.Content[i].Line, n.Content[i].Column
					}
					n, found = n.Content[i+1], true
					break
				}
			}
			if !found {
				return n.Line, n.Column
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i >= len(n.Content) {
				return n.Line, n.Column
			}
			n = n.Content[i]
		default:
			return n.Line, n.Column
		}
	}
	return n.Line, n.Column
}

var modeline = regexp.MustCompile(`(?m)^#\s*yaml-language-server:\s*\$schema=(\S+)`)

func kindOf(path string) string {
	switch filepath.Base(filepath.Dir(path)) {
	case "projects":
		return "project"
	case "consultation":
		return "comments"
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// Test 4: the example content validates against the schemas.
func TestContent(t *testing.T) {
	var paths []string
	for _, pat := range []string{"../content/*/*.yaml", "../content/*/projects/*.yaml", "../content/*/consultation/*.yaml"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		t.Skip("no content under ../content yet")
	}
	schemas, err := Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		kind := kindOf(p)
		sch, ok := schemas[kind]
		if !ok {
			t.Logf("%s: no schema for kind %q, skipped", p, kind)
			continue
		}
		t.Run(strings.TrimPrefix(p, "../"), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
			if m := modeline.FindSubmatch(data); m != nil {
				if got := filepath.Base(string(m[1])); got != File(kind) {
					t.Errorf("%s: the yaml-language-server modeline names %s, want %s", p, got, File(kind))
				}
			}
			var root yaml.Node
			if err := yaml.Unmarshal(data, &root); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			inst, err := fromYAML(&root)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if err := sch.Validate(inst); err != nil {
				locs, msgs, keys := leaves(err)
				var lines []string
				for i := range locs {
					l, c := position(&root, locs[i], keys[i])
					lines = append(lines, fmt.Sprintf("%s:%d:%d: /%s: %s", p, l, c, strings.Join(locs[i], "/"), msgs[i]))
				}
				sort.Strings(lines)
				t.Errorf("%s does not match schema/%s:\n%s", p, File(kind), strings.Join(slices.Compact(lines), "\n"))
			}
		})
	}
}

// The schema rejects what the brief says it must: unquoted TERYT codes and unknown keys.
func TestRejects(t *testing.T) {
	schemas, err := Compile()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		kind, yaml, want string
	}{
		{"partnership", "partnership: {id: x, name: X, doc_type: srp, members: [{teryt: 2006011, name: Kolno}]}", "/partnership/members/0/teryt"},
		{"partnership", "partnership: {id: x, name: X, doc_type: srp, members: [{teryt: \"2006011\", name: Kolno, nazwa: Kolno}]}", "/partnership/members/0"},
		{"partnership", "partnership: {id: x, name: X, doc_type: srp, members: [{teryt: \"0106011\", name: Kolno}]}", "/partnership/members/0/teryt"},
		{"goals", "vision: {text: v}\nmission: m\nstrategic_goals: [{id: CS1, title: T, dimensions: [spoleczny], directions: [{id: K1, title: T}]}]", "/strategic_goals/0/directions/0/id"},
		{"project", "project: {id: P01, title: T, leader: {member: \"2006011\", external: {name: X}}}", "/project/leader"},
		{"project", "project: {id: P01, title: T, timeline: {start: 2023-01-15}}", "/project/timeline/start"},
		{"indicators", "indicators: [{id: pop, name: P, unit: osoby, values: [{unit: \"2006011\", year: 2020, value: null, flag: \"?\"}]}]", "/indicators/0/values/0/flag"},
		{"implementation", "implementation: {}\nparticipation: {}\nextra: 1", ""},
	}
	for _, c := range cases {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(c.yaml), &root); err != nil {
			t.Fatal(err)
		}
		inst, err := fromYAML(&root)
		if err != nil {
			t.Fatal(err)
		}
		err = schemas[c.kind].Validate(inst)
		if err == nil {
			t.Errorf("%s: %s: accepted, want an error at %q", c.kind, c.yaml, c.want)
			continue
		}
		locs, _, _ := leaves(err)
		found := false
		for _, l := range locs {
			if "/"+strings.Join(l, "/") == c.want || (c.want == "" && len(l) == 0) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %s: no error at %q:\n%s", c.kind, c.yaml, c.want, strings.Join(flatten(err), "\n"))
		}
	}
}

// The enumerations of the data model (research/domain.md §5) are kept verbatim;
// this guards them against accidental edits.
func TestEnums(t *testing.T) {
	cases := []struct {
		file, ptr string
		want      []string
	}{
		{"partnership", "/properties/partnership/properties/doc_type", []string{"srp", "srg", "strategia_terytorialna", "strategia_zit", "strategia_iit"}},
		{"partnership", "/properties/partnership/properties/programme", []string{"cwd_pilot", "cwd_plus", "cwd_2023", "other"}},
		{"partnership", "/properties/partnership/properties/osi_types/items", []string{"oztm", "mmp", "mstf"}},
		{"partnership", "/properties/partnership/properties/legal_form", []string{"zwiazek_miedzygminny", "zwiazek_powiatowo_gminny", "stowarzyszenie", "porozumienie_miedzygminne", "list_intencyjny", "umowa_partnerska"}},
		{"partnership", "/properties/partnership/properties/status", []string{"draft", "consultation", "adopted"}},
		{"partnership", "/$defs/member/properties/kind", []string{"gmina", "powiat", "miasto_na_prawach_powiatu"}},
		{"partnership", "/$defs/member/properties/role", []string{"lider", "partner"}},
		{"common", "/$defs/dimension", []string{"spoleczny", "gospodarczy", "przestrzenny"}},
		{"common", "/$defs/gus_flag", []string{"-", "–", "0", ".", "x"}},
		{"diagnosis", "/properties/diagnosis/properties/surveys/items/properties/type", []string{"mieszkancy", "mlodziez", "liderzy", "przedsiebiorcy"}},
		{"indicators", "/$defs/indicator/properties/kind", []string{"context", "output", "result", "impact"}},
		{"indicators", "/$defs/indicator/properties/polarity", []string{"up", "down", "neutral"}},
		{"indicators", "/$defs/indicator/properties/aggregation/properties/method", []string{"sum", "ratio", "weighted_mean", "none"}},
		{"spatial", "/properties/osi/items/properties/origin", []string{"regional", "local"}},
		{"spatial", "/properties/model_fsp/properties/elements/items/properties/type", []string{"osrodek", "pasmo", "strefa", "obszar", "korytarz", "powiazanie"}},
		{"implementation", "/properties/implementation/properties/evaluation/items/properties/type", []string{"ex_ante", "mid_term", "ex_post"}},
		{"implementation", "/properties/participation/properties/soos/properties/mode", []string{"prognoza", "waiver"}},
		{"implementation", "/properties/participation/properties/partners_involved/items/properties/group", []string{"neighbouring_gminy", "ngo", "business", "residents", "rzgw", "science", "public_institutions", "youth", "seniors", "other"}},
		{"project", "/properties/project/properties/status", []string{"idea", "proposed", "accepted", "reserve", "in_preparation", "submitted", "funded", "completed", "dropped"}},
		{"project", "/properties/project/properties/priority", []string{"key", "complementary"}},
		{"project", "/properties/project/properties/kind", []string{"investment", "soft", "mixed"}},
		{"project", "/$defs/external/properties/type", []string{"ngo", "company", "public"}},
		{"project", "/properties/project/properties/links/properties/goals/items/properties/contribution", []string{"primary", "secondary"}},
		{"project", "/properties/project/properties/readiness/properties/stage", []string{"pomysl", "koncepcja", "studium_wykonalnosci", "dokumentacja_projektowa", "pozwolenie_na_budowe", "gotowy"}},
		{"project", "/properties/project/properties/readiness/properties/land_rights", []string{"secured", "partial", "none", "n/a"}},
		{"project", "/properties/project/properties/readiness/properties/env_decision", []string{"required_pending", "obtained", "not_required"}},
	}
	for _, c := range cases {
		var v any = load(t, File(c.file))
		for _, tok := range strings.Split(strings.TrimPrefix(c.ptr, "/"), "/") {
			m, _ := v.(map[string]any)
			v = m[tok]
		}
		m, _ := v.(map[string]any)
		enum, ok := m["enum"].([]any)
		if !ok {
			t.Errorf("%s#%s: no enum", File(c.file), c.ptr)
			continue
		}
		var got []string
		for _, e := range enum {
			got = append(got, e.(string))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s#%s: enum %q, want %q", File(c.file), c.ptr, got, c.want)
		}
	}
}
