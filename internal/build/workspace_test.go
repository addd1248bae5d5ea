package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/diag"
)

func hasRule(l *diag.List, rule, file string) bool {
	for _, d := range l.Items() {
		if d.Rule == rule && d.Severity == diag.Error && strings.HasSuffix(d.Pos.File, file) && d.Pos.Line > 0 {
			return true
		}
	}
	return false
}

// TestCheckFindsWhatOnlyComposeFinds: raw HTML in Markdown (MD-01) and a
// missing map (FILE-04) are found by Check, which validate runs, though
// the content checks alone (check.Dir) pass them: validate fails exactly
// when build would.
func TestCheckFindsWhatOnlyComposeFinds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ziemia-kolnenska")
	copyDir(t, example, dir)
	md := filepath.Join(dir, "diag", "ankiety.md")
	data, _ := os.ReadFile(md)
	if err := os.WriteFile(md, append(data, "\n<div style=\"color:red\">Uwaga</div>\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "maps", "m1-obszar.png")); err != nil {
		t.Fatal(err)
	}
	if r := check.Dir(dir); r.Diags.HasErrors() {
		t.Fatalf("check.Dir already finds errors; the test no longer shows the gap: %v", r.Diags.Items())
	}
	r := Check(dir, "")
	if !hasRule(r.Diags, "MD-01", "ankiety.md") {
		t.Errorf("no MD-01 error in ankiety.md: %v", r.Diags.Items())
	}
	if !hasRule(r.Diags, "FILE-04", "spatial.yaml") {
		t.Errorf("no FILE-04 error in spatial.yaml: %v", r.Diags.Items())
	}
	// And build agrees.
	b := New(Options{Out: t.TempDir(), Version: "test", Formats: []string{FormatPDF}})
	if br := b.Partnership(context.Background(), dir); br.OK() {
		t.Error("build succeeded where Check found errors")
	}
}

// TestDuplicateIDs copies a partnership folder within a workspace: both
// copies report WS-01 at their id, naming the other folder, and nothing is
// written for either.
func TestDuplicateIDs(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	ws := t.TempDir()
	a := filepath.Join(ws, "ziemia-kolnenska")
	b := filepath.Join(ws, "ziemia-kolnenska-kopia")
	copyDir(t, example, a)
	copyDir(t, example, b)
	other := filepath.Join(ws, "inna")
	genPartnership(t, other, "inna", false)
	out := t.TempDir()
	reports := New(Options{Out: out, Version: "test", Formats: []string{FormatPDF}}).All(context.Background(), []string{a, b, other})
	for i, dir := range []string{a, b} {
		r := reports[i]
		if r.OK() || !hasRule(r.Diags, "WS-01", "partnership.yaml") {
			t.Fatalf("%s: want a WS-01 error at its id, got ok=%v %v", dir, r.OK(), r.Diags.Items())
		}
		peer := []string{b, a}[i]
		if msg := r.Diags.Items()[0].Msg; !strings.Contains(msg, peer) {
			t.Errorf("the error does not name the other folder %s: %s", peer, msg)
		}
	}
	if !reports[2].OK() {
		t.Errorf("an unrelated partnership was not built: %v %v", reports[2].Err, reports[2].Diags.Items())
	}
	if _, err := os.Stat(filepath.Join(out, "ziemia-kolnenska")); err == nil {
		t.Error("documents were written for a duplicated id")
	}
}
