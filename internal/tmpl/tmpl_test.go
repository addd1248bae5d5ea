package tmpl

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/diag"
)

func TestBuiltinParses(t *testing.T) {
	if len(BuiltinNames()) == 0 {
		t.Fatal("no built-in templates")
	}
	_, l := Load("")
	if l.Len() > 0 {
		t.Fatalf("built-in templates: %v", l.Items())
	}
}

// TestExportRoundTrip: an exported set, loaded as overrides, has no
// diagnostics and runs to the same output as the built-in set.
func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	files, err := Export(dir)
	if err != nil || len(files) != len(BuiltinNames()) {
		t.Fatalf("Export: %v, %d files", err, len(files))
	}
	b, _ := os.ReadFile(files[0])
	if !strings.HasPrefix(string(b), stampPrefix) {
		t.Errorf("exported file has no version stamp:\n%s", b[:min(len(b), 200)])
	}
	s, l := Load(dir)
	if l.Len() > 0 {
		t.Fatalf("exported set: %v", l.Items())
	}
	if len(s.Overrides()) != len(files) {
		t.Fatalf("%d overrides, want %d", len(s.Overrides()), len(files))
	}
	for _, f := range s.Overrides() {
		body := strings.TrimPrefix(f.Source, Stamp(f.Name))
		if cur, _ := Builtin(f.Name); body != cur {
			t.Errorf("%s: exported text differs from the built-in", f.Name)
		}
		// the stamp produces no output
		for _, tp := range f.tpl.Templates() {
			var a, b strings.Builder
			errA := f.tpl.ExecuteTemplate(&a, tp.Name(), nil)
			errB := Default().files[f.Name].tpl.ExecuteTemplate(&b, tp.Name(), nil)
			if (errA == nil) != (errB == nil) || a.String() != b.String() {
				t.Errorf("%s %s: output differs from the built-in", f.Name, tp.Name())
			}
		}
	}
	out, err := Diff(dir)
	if err != nil || !strings.Contains(out, "same text as the built-in") {
		t.Errorf("Diff of an unchanged export: %v\n%s", err, out)
	}
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func only(t *testing.T, l *diag.List, rule string) diag.Diagnostic {
	t.Helper()
	if l.Len() != 1 || l.Items()[0].Rule != rule {
		t.Fatalf("want one %s, got %v", rule, l.Items())
	}
	return l.Items()[0]
}

func TestParseErrorPositioned(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "strategy/title.tmpl", "{{define \"title\"}}\nłódź {{.Kind}\n{{end}}")
	_, l := Load(dir)
	d := only(t, l, RuleParse)
	if d.Pos.File != p || d.Pos.Line != 2 || d.Severity != diag.Error {
		t.Errorf("got %v", d)
	}
	p = write(t, dir, "strategy/title.tmpl", "{{define \"title\"}}{{nosuchfunc .Kind}}{{end}}")
	_, l = Load(dir)
	if d := only(t, l, RuleParse); d.Pos.File != p || d.Pos.Line != 1 || !strings.Contains(d.Msg, "nosuchfunc") {
		t.Errorf("got %v", d)
	}
}

func TestExecErrorPositioned(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "strategy/title.tmpl", "{{define \"title\"}}\nżółw {{.NoSuchField}}{{end}}")
	s, l := Load(dir)
	if l.Len() > 0 {
		t.Fatal(l.Items())
	}
	var el diag.List
	out := s.Execute(&el, "strategy/title.tmpl", "title", struct{ Kind string }{"x"})
	d := only(t, &el, RuleExec)
	// column in characters: "żółw " is 5 characters, the action starts at 6
	if out != "" || d.Pos.File != p || d.Pos.Line != 2 || d.Pos.Col != 8 || !strings.Contains(d.Msg, "NoSuchField") {
		t.Errorf("got %q %v", out, d)
	}
	// a function misused
	write(t, dir, "strategy/title.tmpl", "{{define \"title\"}}{{int 2.5}}{{end}}")
	s, _ = Load(dir)
	el = diag.List{}
	s.Execute(&el, "strategy/title.tmpl", "title", nil)
	if d := only(t, &el, RuleExec); !strings.Contains(d.Msg, "whole number") {
		t.Errorf("got %v", d)
	}
}

func TestStaleAndUnknown(t *testing.T) {
	dir := t.TempDir()
	if _, err := Export(dir); err != nil {
		t.Fatal(err)
	}
	name := BuiltinNames()[0]
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, _ := os.ReadFile(p)
	old := strings.Replace(string(b), " version ", " version 000000", 1)
	old = strings.Replace(old, "version 000000"+Version(string(b[len(Stamp(name)):])), "version 000000abcdef", 1)
	if err := os.WriteFile(p, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "strategy/titel.tmpl", "x")
	_, l := Load(dir)
	var rules []string
	for _, d := range l.Items() {
		rules = append(rules, d.Rule+" "+d.Severity.String())
	}
	slices.Sort(rules)
	if strings.Join(rules, ",") != "TPL-03 warning,TPL-04 warning" {
		t.Errorf("got %v", l.Items())
	}
	out, err := Diff(dir)
	if err != nil || !strings.Contains(out, "exported from built-in version 000000abcdef") {
		t.Errorf("Diff: %v\n%s", err, out)
	}
}

func TestDiffShowsChange(t *testing.T) {
	dir := t.TempDir()
	name := "strategy/title.tmpl"
	cur, _ := Builtin(name)
	write(t, dir, name, Stamp(name)+strings.Replace(cur, "Członkowie partnerstwa", "Gminy partnerstwa", 1))
	out, err := Diff(dir)
	if err != nil || !strings.Contains(out, "-{{with .MemberNames}}Członkowie") || !strings.Contains(out, "+{{with .MemberNames}}Gminy") {
		t.Errorf("Diff: %v\n%s", err, out)
	}
}

func TestSentenceAndYears(t *testing.T) {
	for _, c := range [][2]string{
		{Sentence("Podstawą jest porozumienie z 20 września 2022 r."), "Podstawą jest porozumienie z 20 września 2022 r."},
		{Sentence("Obszar", "", "zajmuje 940 km²"), "Obszar zajmuje 940 km²."},
		{Sentence("Czy tak?"), "Czy tak?"},
		{InYears(2022, 2022), "w\u00a02022\u00a0r."},
		{InYears(2018, 2022), "w latach 2018–2022"},
		{Count(7, "jednostka", "jednostki", "jednostek"), "7\u00a0jednostek"},
		{Count(22, "jednostka", "jednostki", "jednostek"), "22\u00a0jednostki"},
		{Count(12, "jednostka", "jednostki", "jednostek"), "12\u00a0jednostek"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
	if s, err := countString(37980.0); err != nil || s != "37\u00a0980" {
		t.Errorf("int(37980.0) = %q, %v", s, err)
	}
}

// TestInclude: include gives a defined template's output to a function;
// a template that includes itself is an error, not a crash.
func TestInclude(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "strategy", "chapters", "wizja.tmpl")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "{{define \"y\"}}(podstawa: {{.}}){{end}}{{define \"loop\"}}{{include \"loop\" .}}{{end}}" +
		"{{if eq . 1}}{{upperFirst (include \"y\" \"badanie\")}}{{else if eq . 2}}{{include \"loop\" .}}{{else}}{{include \"none\" .}}{{end}}"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, l := Load(dir)
	if l.HasErrors() {
		t.Fatal(l.Items())
	}
	if got := s.Execute(l, "strategy/chapters/wizja.tmpl", "", 1); got != "(podstawa: badanie)" || l.Len() > 0 {
		t.Errorf("include: %q %v", got, l.Items())
	}
	for data, want := range map[int]string{2: "nested more than", 3: `defines no template "none"`} {
		l := &diag.List{}
		if got := s.Execute(l, "strategy/chapters/wizja.tmpl", "", data); got != "" || l.Len() != 1 ||
			!strings.Contains(l.Items()[0].Msg, want) || l.Items()[0].Pos.Line != 1 {
			t.Errorf("include %d: %q %v, want an error at line 1 saying %q", data, got, l.Items(), want)
		}
	}
}

func TestTrimEnd(t *testing.T) {
	for in, want := range map[string]string{
		"Plany ogólne gmin;": "Plany ogólne gmin", "dokumenty wykonawcze. ": "dokumenty wykonawcze",
		"drogi, chodniki itp.": "drogi, chodniki itp.", "do 2030 r.": "do 2030 r.", "bez kropki": "bez kropki", "we wsi.": "we wsi",
	} {
		if got := trimEnd(in); got != want {
			t.Errorf("trimEnd(%q) = %q, want %q", in, got, want)
		}
	}
}
