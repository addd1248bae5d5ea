package pdf

import (
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestEmergencyPassPrefersLooseLines: a justified paragraph a little too
// long for one line, whose every two-line setting is looser than the
// tolerance, is set by the emergency pass with its first line loose, not
// with one word alone on it (a list item of the large sample read
// "1. Dziedzictwo" / "kulturowe odznacza się …").
func TestEmergencyPassPrefersLooseLines(t *testing.T) {
	d := &doc.Document{}
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	setup(p, d.Meta, Options{})
	l := newLayout(d, p)
	ps, _, _, _, _ := paraSpecFor(doc.ParaBody, flowCtx{x0: marginL, w: textW})
	text := "Dziedzictwo kulturowe odznacza się dostępność komunikacyjną do ośrodków regionalnych."
	lines := l.typeset([]doc.Inline{&doc.Text{Text: text}}, ps, marginL, 140.5)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	var first []string
	for _, it := range lines[0].items {
		if it.kind == itText {
			first = append(first, strings.Fields(it.s)...)
		}
	}
	if len(first) < 3 {
		t.Errorf("first line %q: the emergency pass left a word alone on it", strings.Join(first, " "))
	}
}
