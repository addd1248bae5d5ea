package compose

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/render/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

const minimalDir = "../check/testdata/minimal"

// loadDir checks a partnership folder and fails the test on errors.
func loadDir(t testing.TB, dir string) (*model.Strategy, *model.Index, *model.Facts, Options) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := check.Dir(abs)
	if r.Diags.HasErrors() {
		var b strings.Builder
		for _, d := range r.Diags.Items() {
			fmt.Fprintln(&b, d)
		}
		t.Fatalf("%s does not check clean:\n%s", dir, b.String())
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	opt := Options{Date: "2024-11-25", ReadFile: func(rel string) ([]byte, error) { return root.ReadFile(rel) }}
	return r.Strategy, r.Index, model.Derive(r.Strategy, r.Index), opt
}

// diagText prints diagnostics with paths relative to dir.
func diagText(l *diag.List, dir string) string {
	var b strings.Builder
	for _, d := range l.Items() {
		s := d.String()
		s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
		b.WriteString(s + "\n")
	}
	return b.String()
}

func dump(n doc.Node) string {
	var b bytes.Buffer
	doc.Dump(&b, n)
	return b.String()
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v; run go test -update", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", file, lineDiff(string(want), got))
	}
}

// lineDiff shows the first differing lines.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b)
		}
	}
	return "(equal lines, different endings)"
}

// composeMarkdown converts one Markdown text in the context of the
// minimal partnership, as if it were the file case.md of a chapter.
func composeMarkdown(t *testing.T, input string) (string, string) {
	s, x, f, opt := loadDir(t, minimalDir)
	c := newComposer(s, x, f, opt)
	c.strategyTargets()
	md := &model.Markdown{Raw: "case.md", Text: input, File: "case.md", Line: 1}
	c.d.Blocks = c.markdown(md, 1)
	d, l := c.finish()
	return dump(d), diagText(l, s.Dir)
}

// TestMarkdown runs the txtar cases of testdata/markdown: input.md is
// converted inside a level-1 chapter; want.dump is the IR and want.diag
// the diagnostics. Each case runs twice and must give the same output.
func TestMarkdown(t *testing.T) {
	files, _ := filepath.Glob("testdata/markdown/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input string
			for _, f := range ar.Files {
				if f.Name == "input.md" {
					input = string(f.Data)
				}
			}
			got, diags := composeMarkdown(t, input)
			again, diags2 := composeMarkdown(t, input)
			if got != again || diags != diags2 {
				t.Fatal("two conversions differ")
			}
			if *update {
				ar.Files = []txtar.File{{Name: "input.md", Data: []byte(input)}, {Name: "want.dump", Data: []byte(got)}}
				if diags != "" {
					ar.Files = append(ar.Files, txtar.File{Name: "want.diag", Data: []byte(diags)})
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			var want, wantDiag string
			for _, f := range ar.Files {
				switch f.Name {
				case "want.dump":
					want = string(f.Data)
				case "want.diag":
					wantDiag = string(f.Data)
				}
			}
			if got != want {
				t.Errorf("dump differs:\n%s", lineDiff(want, got))
			}
			if diags != wantDiag {
				t.Errorf("diagnostics differ:\ngot:\n%swant:\n%s", diags, wantDiag)
			}
		})
	}
}

// TestMinimalSections pins the strategy of the minimal partnership, one
// golden dump per top-level block, plus its fiche and package.
func TestMinimalSections(t *testing.T) {
	s, x, f, opt := loadDir(t, minimalDir)
	d, l := Strategy(s, x, f, opt)
	if l.Len() > 0 {
		t.Errorf("diagnostics:\n%s", diagText(l, s.Dir))
	}
	meta := &doc.Document{Meta: d.Meta, Footnotes: d.Footnotes}
	golden(t, "testdata/minimal/00-meta.dump", dump(meta))
	for i, b := range d.Blocks {
		name := b.Kind().String()
		if sec, ok := b.(*doc.Section); ok {
			name = sec.Anchor
		}
		golden(t, fmt.Sprintf("testdata/minimal/%02d-%s.dump", i+1, name), dump(b))
	}
	fd, l := Fiche(s, x, f, "P01", opt)
	if l.Len() > 0 {
		t.Errorf("fiche diagnostics:\n%s", diagText(l, s.Dir))
	}
	golden(t, "testdata/minimal/fiche-P01.dump", dump(fd))
	pd, _ := Package(s, x, f, opt)
	golden(t, "testdata/minimal/package.dump", dump(pd))
}

func TestFicheUnknown(t *testing.T) {
	s, x, f, opt := loadDir(t, minimalDir)
	_, l := Fiche(s, x, f, "P99", opt)
	if !l.HasErrors() {
		t.Error("no error for an unknown project")
	}
}

// TestMapReadError checks that an unreadable map is a positioned error.
func TestMapReadError(t *testing.T) {
	s, x, f, opt := loadDir(t, minimalDir)
	opt.ReadFile = func(string) ([]byte, error) { return nil, os.ErrNotExist }
	_, l := Strategy(s, x, f, opt)
	got := diagText(l, s.Dir)
	if !strings.Contains(got, "spatial.yaml:") || !strings.Contains(got, RuleImage) {
		t.Errorf("want a FILE-04 error in spatial.yaml, got:\n%s", got)
	}
	opt.ReadFile = func(string) ([]byte, error) { return []byte("GIF89a"), nil }
	_, l = Strategy(s, x, f, opt)
	if !strings.Contains(diagText(l, s.Dir), "not a PNG or JPEG") {
		t.Error("a GIF file is not reported")
	}
}

// TestNilIndexFacts composes with the index and facts left to compose.
func TestNilIndexFacts(t *testing.T) {
	s, x, f, opt := loadDir(t, minimalDir)
	a, _ := Strategy(s, x, f, opt)
	b, _ := Strategy(s, nil, nil, opt)
	if dump(a) != dump(b) {
		t.Error("composing with nil index and facts differs")
	}
}

func TestGenitive(t *testing.T) {
	for in, want := range map[string]string{
		"Partnerstwo Ziemi Kolneńskiej":   "Partnerstwa Ziemi Kolneńskiej",
		"Partnerstwo Testowe":             "Partnerstwa Testowego",
		"Związek Gmin Nadnoteckich":       "Związku Gmin Nadnoteckich",
		"Związek Międzygminny Kurpiowski": "Związku Międzygminnego Kurpiowskiego",
		"Stowarzyszenie „Razem”":          "Stowarzyszenia „Razem”",
		"Partnerstwo Doliny Pisy":         "Partnerstwa Doliny Pisy",
		"Partnerstwo Nadnoteckie":         "Partnerstwa Nadnoteckiego",
		"Obszar Funkcjonalny Kolneński":   "Obszaru Funkcjonalnego Kolneńskiego",
	} {
		if got, _ := genitive(in); got != want {
			t.Errorf("genitive(%q) = %q, want %q", in, got, want)
		}
	}
	if _, ok := genitive("Kolneńska Grupa"); ok {
		t.Error("a name without a known noun is not put in the genitive")
	}
}

// A Markdown table's caption keeps its first sentence; a legend after it
// goes to the note, before the source.
func TestSplitCaption(t *testing.T) {
	for _, tc := range []struct{ in, caption, rest string }{
		{"Lesistość i ruch turystyczny. Znak „.” oznacza dane niedostępne.", "Lesistość i ruch turystyczny.", "Znak „.” oznacza dane niedostępne."},
		{"Struktura ludności w 2022 r. Dane szacunkowe.", "Struktura ludności w 2022 r.", "Dane szacunkowe."},
		{"Drogi m.in. Kolno – Stawiski", "Drogi m.in. Kolno – Stawiski", ""},
		{"Ludność ok. 38 tys. osób", "Ludność ok. 38 tys. osób", ""},
		{"Ludność gmin partnerstwa.", "Ludność gmin partnerstwa.", ""},
	} {
		c, r := splitCaption(tc.in)
		if c != tc.caption || r != tc.rest {
			t.Errorf("splitCaption(%q) = %q, %q; want %q, %q", tc.in, c, r, tc.caption, tc.rest)
		}
	}
}
