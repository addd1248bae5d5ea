package doctest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

func TestSampleDeterministicAndComplete(t *testing.T) {
	var a, b bytes.Buffer
	doc.Dump(&a, Sample(20))
	doc.Dump(&b, Sample(20))
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("Sample is not deterministic")
	}
	seen := map[doc.Kind]bool{}
	styles := map[doc.ParaStyle]bool{}
	d := Sample(120)
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		seen[n.Kind()] = true
		if p, ok := n.(*doc.Paragraph); ok {
			styles[p.Style] = true
		}
		return doc.WalkContinue, nil
	})
	for _, k := range doc.AllKinds() {
		if !seen[k] {
			t.Errorf("Sample(120) has no %s", k)
		}
	}
	for s := doc.ParaBody; s <= doc.ParaDefinition; s++ {
		if !styles[s] {
			t.Errorf("Sample(120) has no paragraph style %s", s)
		}
	}
	pt := doc.PlainText(d)
	for _, s := range Sentences {
		if !strings.Contains(pt, s) {
			t.Errorf("sample lacks %q", s)
		}
	}
	ids := map[string]bool{}
	for _, f := range d.Footnotes {
		ids[f.ID] = true
	}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if r, ok := n.(*doc.FootnoteRef); ok && !ids[r.ID] {
			t.Errorf("dangling footnote %s", r.ID)
		}
		return doc.WalkContinue, nil
	})
}
