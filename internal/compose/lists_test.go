package compose

import (
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/render/doc"
)

// TestFillLists checks that captioned tables and figures get unique
// anchors and that the lists are titled after what the document holds and
// dropped when empty.
func TestFillLists(t *testing.T) {
	capt := func(s string) []doc.Inline { return ins(raw(s)) }
	for _, tc := range []struct {
		name       string
		blocks     []doc.Block
		wantTitles []string // titles of the front-matter sections kept, in order
	}{
		{"tables and maps", []doc.Block{&doc.Table{Caption: capt("Tabela 1. A")}, &doc.Figure{Caption: capt("Mapa 1. B")}},
			[]string{"Spis tabel", "Spis map"}},
		{"figures only", []doc.Block{&doc.Figure{Caption: capt("Rycina 1. B")}}, []string{"Spis rycin"}},
		{"maps and figures", []doc.Block{&doc.Figure{Caption: capt("Mapa 1. B")}, &doc.Figure{Caption: capt("Rycina 1. C")}},
			[]string{"Spis map i\u00a0rycin"}},
		{"nothing captioned", []doc.Block{&doc.Table{}, &doc.Figure{}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newComposer(&model.Strategy{}, nil, nil, Options{})
			c.anchor("tabela-1") // taken: the table gets tabela-1-2
			tables := &doc.Section{Title: ins(raw("Spis tabel")), PageBreakBefore: true}
			figures := &doc.Section{}
			c.d.Blocks = append([]doc.Block{tables, figures}, tc.blocks...)
			c.fillLists(tables, figures)
			var titles []string
			for _, b := range c.d.Blocks {
				if s, ok := b.(*doc.Section); ok {
					titles = append(titles, inlineString(s.Title))
					if len(titles) == 1 && !s.PageBreakBefore {
						t.Errorf("the first list %q starts no page", titles[0])
					}
				}
			}
			if len(titles) != len(tc.wantTitles) {
				t.Fatalf("lists %q, want %q", titles, tc.wantTitles)
			}
			for i := range titles {
				if titles[i] != tc.wantTitles[i] {
					t.Errorf("list %d is %q, want %q", i, titles[i], tc.wantTitles[i])
				}
			}
			seen := map[string]bool{}
			for _, b := range tc.blocks {
				a, captioned := "", false
				switch n := b.(type) {
				case *doc.Table:
					a, captioned = n.Anchor, len(n.Caption) > 0
				case *doc.Figure:
					a, captioned = n.Anchor, len(n.Caption) > 0
				}
				if captioned && (a == "" || seen[a]) {
					t.Errorf("%s: anchor %q missing or repeated", b.Kind(), a)
				}
				if !captioned && a != "" {
					t.Errorf("%s without a caption got anchor %q", b.Kind(), a)
				}
				seen[a] = true
			}
			if tb, ok := tc.blocks[0].(*doc.Table); ok && tb.Caption != nil && tb.Anchor != "tabela-1-2" {
				t.Errorf("table anchor %q, want tabela-1-2", tb.Anchor)
			}
		})
	}
}

func inlineString(is []doc.Inline) string {
	s := ""
	for _, in := range is {
		if t, ok := in.(*doc.Text); ok {
			s += t.Text
		}
	}
	return s
}
