package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/tmpl"
)

// TestChapterTemplateOverride overrides one chapter template (the SWOT
// table's source line in strategy/chapters/swot.tmpl) in a workspace and
// checks the built strategy: in the PDF only the page with that line
// changes, in the DOCX only that paragraph.
func TestChapterTemplateOverride(t *testing.T) {
	ws, dir := overrideWorkspace(t)
	build := func() map[string][]byte {
		out := filepath.Join(t.TempDir(), "out")
		r := New(Options{Out: out, Version: "test", Force: true, Formats: []string{FormatPDF, FormatDOCX}}).Partnership(context.Background(), dir)
		if !r.OK() {
			t.Fatalf("build: %v %v", r.Err, r.Diags.Items())
		}
		return readAll(t, out)
	}
	base := build()

	const name = "strategy/chapters/swot.tmpl"
	const old, new = "na podstawie diagnozy i warsztatów strategicznych.", "na podstawie diagnozy i warsztatów z radnymi."
	src, _ := tmpl.Builtin(name)
	if !strings.Contains(src, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	writeOverride(t, ws, name, strings.Replace(src, old, new, 1))
	over := build()

	pdf := filepath.FromSlash("ziemia-kolnenska/ziemia-kolnenska-strategia.pdf")
	a, b := pdfPages(t, base[pdf]), pdfPages(t, over[pdf])
	if len(a) != len(b) {
		t.Fatalf("pages: %d, with the override %d", len(a), len(b))
	}
	var changed []int
	for i := range a {
		if a[i] != b[i] {
			changed = append(changed, i+1)
			if !strings.Contains(b[i], "radnymi") {
				t.Errorf("page %d changed but does not show the override", i+1)
			}
		}
	}
	if len(changed) != 1 {
		t.Errorf("PDF pages changed: %v, want only the SWOT table's page", changed)
	}
	docx := filepath.FromSlash("ziemia-kolnenska/ziemia-kolnenska-strategia.docx")
	diffs := changedParagraphs(t, base[docx], over[docx])
	if len(diffs) != 1 || !strings.Contains(diffs[0], "radnymi") {
		t.Errorf("DOCX: want only the SWOT table's source line changed, got %d changed paragraphs", len(diffs))
	}
}
