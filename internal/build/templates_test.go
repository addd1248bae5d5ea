package build

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/tmpl"
)

// pdfPages is the text of each page of a PDF (pdftotext).
func pdfPages(t *testing.T, data []byte) []string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(out), "\f")
}

// docxParagraphs is the paragraphs of a DOCX's document.xml.
// overrideWorkspace is a workspace holding a copy of the example (the
// partnership folder dir) for template overrides, built at a fixed date;
// it skips the test without pdftotext, which the override tests read
// pages with.
func overrideWorkspace(t *testing.T) (ws, dir string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	ws = t.TempDir()
	dir = filepath.Join(ws, "kolno")
	copyDir(t, example, dir)
	return ws, dir
}

// writeOverride writes src as the workspace's override of the built-in
// template name, stamped as exported from the current built-in set, and
// returns its path.
func writeOverride(t *testing.T, ws, name, src string) string {
	t.Helper()
	p := filepath.Join(ws, "templates", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(tmpl.Stamp(name)+src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// changedParagraphs returns the paragraphs of DOCX b that differ from
// DOCX a's (the two have as many paragraphs, or the test fails).
func changedParagraphs(t *testing.T, a, b []byte) []string {
	t.Helper()
	pa, pb := docxParagraphs(t, a), docxParagraphs(t, b)
	if len(pa) != len(pb) {
		t.Fatalf("DOCX paragraphs: %d, with the override %d", len(pa), len(pb))
	}
	var diffs []string
	for i := range pa {
		if pa[i] != pb[i] {
			diffs = append(diffs, pb[i])
		}
	}
	return diffs
}

func docxParagraphs(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return strings.Split(string(b), "</w:p>")
		}
	}
	t.Fatal("no word/document.xml")
	return nil
}

// TestTemplateOverrides builds a workspace three ways: with the built-in
// templates; with the exported built-in set as its templates/ folder
// (byte-identical documents); with one template changed (only the title
// page changes) and with a broken one (a positioned TPL-01 error, the
// last good documents kept).
func TestTemplateOverrides(t *testing.T) {
	ws, dir := overrideWorkspace(t)
	build := func() (*Report, map[string][]byte) {
		out := filepath.Join(t.TempDir(), "out")
		r := New(Options{Out: out, Version: "test", Force: true}).Partnership(context.Background(), dir)
		return r, readAll(t, out)
	}
	r, base := build()
	if !r.OK() {
		t.Fatalf("build: %v %v", r.Err, r.Diags.Items())
	}

	tdir := filepath.Join(ws, "templates")
	if _, err := tmpl.Export(tdir); err != nil {
		t.Fatal(err)
	}
	r, exported := build()
	if !r.OK() || len(exported) != len(base) {
		t.Fatalf("build with the exported set: %v %v", r.Err, r.Diags.Items())
	}
	for name, data := range base {
		if !bytes.Equal(data, exported[name]) {
			t.Errorf("%s differs when built with the exported built-in templates", name)
		}
	}

	title := filepath.Join(tdir, "strategy", "title.tmpl")
	src, _ := os.ReadFile(title)
	changed := strings.Replace(string(src), "Członkowie partnerstwa:", "Jednostki tworzące partnerstwo:", 1)
	if changed == string(src) {
		t.Fatal("title.tmpl has no members line")
	}
	if err := os.WriteFile(title, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	r, over := build()
	if !r.OK() {
		t.Fatalf("build with an override: %v %v", r.Err, r.Diags.Items())
	}
	const strategy = "ziemia-kolnenska/ziemia-kolnenska-strategia.pdf"
	a, b := pdfPages(t, base[filepath.FromSlash(strategy)]), pdfPages(t, over[filepath.FromSlash(strategy)])
	if len(a) != len(b) {
		t.Fatalf("pages: %d, with the override %d", len(a), len(b))
	}
	if !strings.Contains(b[0], "Jednostki tworzące partnerstwo:") || strings.Contains(b[0], "Członkowie partnerstwa") {
		t.Errorf("the title page does not show the override:\n%s", b[0])
	}
	for i := 1; i < len(a); i++ {
		if a[i] != b[i] {
			t.Errorf("page %d changed, only the title page should", i+1)
		}
	}
	// the DOCX: one paragraph differs, the title page's members line
	const docxName = "ziemia-kolnenska/ziemia-kolnenska-strategia.docx"
	diffs := changedParagraphs(t, base[filepath.FromSlash(docxName)], over[filepath.FromSlash(docxName)])
	if len(diffs) != 1 || !strings.Contains(diffs[0], "Jednostki tworzące partnerstwo:") {
		t.Errorf("DOCX: want only the members line changed, got %d changed paragraphs: %.300q", len(diffs), diffs)
	}
	for name, data := range base {
		if strings.Contains(name, "fiszka") && !bytes.Equal(data, over[name]) {
			t.Errorf("%s changed, although only the strategy's title page was overridden", name)
		}
	}

	// a broken override: a positioned error, the documents stay
	out := filepath.Join(t.TempDir(), "out")
	good := New(Options{Out: out, Version: "test", Force: true}).Partnership(context.Background(), dir)
	if !good.OK() {
		t.Fatal(good.Err)
	}
	before := readAll(t, out)
	if err := os.WriteFile(title, []byte(strings.Replace(changed, "{{.Version}}", "{{.Version}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r = New(Options{Out: out, Version: "test", Force: true}).Partnership(context.Background(), dir)
	if r.OK() {
		t.Fatal("a broken template built")
	}
	found := false
	for _, d := range r.Diags.Items() {
		if d.Rule == tmpl.RuleParse && d.Pos.File == title && d.Pos.Line > 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no positioned TPL-01 error in %s: %v", title, r.Diags.Items())
	}
	after := readAll(t, out)
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s was rewritten by a failed build", name)
		}
	}
}

// TestFicheLayoutOverride overrides only the fiche layout
// (fiche/karta.tmpl): every fiche changes, in the fiche documents, the
// package and the strategy's annex of fiches, and nothing else does; a
// fiche override that fails while running gives a positioned TPL-02
// error and keeps the last good documents.
func TestFicheLayoutOverride(t *testing.T) {
	ws, dir := overrideWorkspace(t)
	out := filepath.Join(t.TempDir(), "out")
	build := func() (*Report, map[string][]byte) {
		r := New(Options{Out: out, Version: "test", Force: true}).Partnership(context.Background(), dir)
		return r, readAll(t, out)
	}
	r, base := build()
	if !r.OK() {
		t.Fatalf("build: %v %v", r.Err, r.Diags.Items())
	}
	src, _ := tmpl.Builtin("fiche/karta.tmpl")
	changed := strings.Replace(src, `{{row "Grupy docelowe"`, `{{row "Odbiorcy projektu"`, 1)
	if changed == src {
		t.Fatal("fiche/karta.tmpl has no row Grupy docelowe")
	}
	karta := writeOverride(t, ws, "fiche/karta.tmpl", changed)
	r, over := build()
	if !r.OK() {
		t.Fatalf("build with the fiche override: %v %v", r.Err, r.Diags.Items())
	}
	fiches := 0
	for name, data := range base {
		text := func(m map[string][]byte) string { return strings.Join(pdfPages(t, m[name]), "\f") }
		switch {
		case !strings.HasSuffix(name, ".pdf"):
		case strings.Contains(name, "fiszka") || strings.Contains(name, "pakiet") || strings.HasSuffix(name, "strategia.pdf"):
			a, b := text(base), text(over)
			if strings.Contains(a, "Grupy docelowe") == strings.Contains(b, "Grupy docelowe") || !strings.Contains(b, "Odbiorcy projektu") {
				t.Errorf("%s: the fiches do not show the override", name)
			}
			if strings.ReplaceAll(a, "Grupy docelowe", "Odbiorcy projektu") != b {
				t.Errorf("%s: more than the overridden label changed", name)
			}
			if strings.Contains(name, "fiszka") {
				fiches++
			}
		default:
			if !bytes.Equal(data, over[name]) {
				t.Errorf("%s changed, although only the fiche layout was overridden", name)
			}
		}
	}
	if fiches == 0 {
		t.Fatal("no fiche documents built")
	}

	// an override that fails while running: positioned TPL-02, nothing rewritten
	broken := strings.Replace(changed, `{{row "Lider" (print .Leader`, `{{row "Lider" (print .Lider`, 1)
	if broken == changed {
		t.Fatal("fiche/karta.tmpl has no Lider row")
	}
	if err := os.WriteFile(karta, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	r, after := build()
	if r.OK() {
		t.Fatal("a broken fiche template built")
	}
	line := strings.Count(broken[:strings.Index(broken, ".Lider")], "\n") + 1
	found := false
	for _, d := range r.Diags.Items() {
		if d.Rule == tmpl.RuleExec && d.Pos.File == karta && d.Pos.Line == line && d.Pos.Col > 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("no TPL-02 error at %s:%d: %v", karta, line, r.Diags.Items())
	}
	for name, data := range over {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s was rewritten by a failed build", name)
		}
	}
}
