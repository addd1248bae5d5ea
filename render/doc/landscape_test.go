package doc

import (
	"strings"
	"testing"
)

func TestLandscapeLead(t *testing.T) {
	p := func(s string) *Paragraph { return &Paragraph{Inlines: []Inline{&Text{Text: s}}} }
	wide, narrow := &Table{Landscape: true}, &Table{}
	landscape := func(t *Table) bool { return t.Landscape }
	short := p("Tabela zawiera wszystkie uwagi.")
	for _, tc := range []struct {
		name string
		bs   []Block
		want int
	}{
		{"table first", []Block{wide, short}, 0},
		{"one short paragraph", []Block{short, wide}, 1},
		{"two short paragraphs", []Block{short, short, wide}, 2},
		{"three paragraphs", []Block{short, short, short, wide}, -1},
		{"long paragraph", []Block{p(strings.Repeat("słowo ", 80)), wide}, -1},
		{"caption-style note", []Block{&Paragraph{Style: ParaNote, Inlines: []Inline{&Text{Text: "Źródło: GUS."}}}, wide}, 1},
		{"list between", []Block{&List{}, wide}, -1},
		{"portrait table", []Block{short, narrow}, -1},
		{"nothing", nil, -1},
		{"heading then table", []Block{&Heading{Level: 3}, short, wide}, 0},
		{"text then heading", []Block{short, &Heading{Level: 3}, wide}, -1},
		{"text then subsection", []Block{short, &Section{Level: 2, Blocks: []Block{wide}}}, -1},
		{"heading then text", []Block{&Heading{Level: 3}, p(strings.Repeat("słowo ", 80)), wide}, -1},
		{"subsection", []Block{&Section{Level: 2, Blocks: []Block{short, wide}}}, 0},
		{"subsection on a new page", []Block{&Section{Level: 2, PageBreakBefore: true, Blocks: []Block{wide}}}, -1},
	} {
		if got := LandscapeLead(tc.bs, landscape); got != tc.want {
			t.Errorf("%s: LandscapeLead = %d, want %d", tc.name, got, tc.want)
		}
	}
}
