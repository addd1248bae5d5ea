package pdf

import (
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestEmergencyPassPrefersLooseLines: a justified paragraph a little too
// long for one line, whose every two-line setting is looser than the
// tolerance, is set by the emergency pass with its first line loose, not
// with one word alone on it (a list item of the large sample read
// "1. Dziedzictwo" / "kulturowe odznacza się …").
func TestEmergencyPassPrefersLooseLines(t *testing.T) {
	d := &doc.Document{}
	l := testLayout(d)
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

// TestHeadingBalanced: a heading of two lines is set at the narrowest
// measure that keeps two lines, so its last line is not one word alone.
func TestHeadingBalanced(t *testing.T) {
	d := &doc.Document{}
	l := testLayout(d)
	hs := headingStyle(2)
	ps := paraSpec{face: hs.face, size: hs.size, lead: hs.size * 1.2 * ptMM, align: doc.AlignLeft, color: colHeading}
	title := []doc.Inline{&doc.Text{Text: "Zasady wyboru przedsięwzięć do pakietu i kryteria oceny dojrzałości projektu strategii"}}
	words := func(ps paraSpec) []int {
		var n []int
		for _, ln := range l.typeset(title, ps, marginL, 120) {
			c := 0
			for _, it := range ln.items {
				if it.kind == itText {
					c += len(strings.Fields(it.s))
				}
			}
			n = append(n, c)
		}
		return n
	}
	plain := words(ps)
	ps.balance = true
	bal := words(ps)
	if len(plain) != 2 || len(bal) != 2 {
		t.Fatalf("lines: %v plain, %v balanced; want 2 each", plain, bal)
	}
	if bal[1] < 3 || bal[1] <= plain[1] {
		t.Errorf("balanced heading: %v words per line (unbalanced: %v)", bal, plain)
	}
}
