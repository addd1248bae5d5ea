package pdf

import (
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/pdfua"
	"github.com/strategia-pl/strategia/render/doc"
)

// checkUA fails t for every PDF/UA checkpoint the rendered file fails
// (render runs it on every PDF these tests make).
func checkUA(t testing.TB, b []byte) {
	t.Helper()
	ps, err := pdfua.Check(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Errorf("PDF/UA: %s", p)
	}
}

// The structure tree follows the IR: a footnote's Note comes right after
// the paragraph that calls it (not at the foot of the page), a table's
// caption is its first child, header cells are TH with a scope, a figure
// carries its alt text, and a word hyphenated at a line end reads whole.
func TestStructureOrder(t *testing.T) {
	long := strings.Repeat("Rozwój gospodarczy partnerstwa wymaga współdziałania samorządów terytorialnych. ", 12)
	d := &doc.Document{
		Meta: doc.Meta{Title: "Próba", Language: "pl-PL"},
		Blocks: []doc.Block{&doc.Section{Level: 1, Title: []doc.Inline{tx("Rozdział")}, Blocks: []doc.Block{
			&doc.Paragraph{Inlines: []doc.Inline{tx("Pierwszy akapit"), &doc.FootnoteRef{ID: "a"}, tx(" " + long)}},
			&doc.Paragraph{Inlines: []doc.Inline{tx("Drugi akapit.")}},
			&doc.Table{Caption: []doc.Inline{tx("Tabela 1. Dane")}, HeaderRows: 1, Rows: []*doc.Row{
				{Cells: []*doc.Cell{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Rok")}}}}, {Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Wartość")}}}}}},
				{Cells: []*doc.Cell{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("2024")}}}}, {Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("12")}}}}}},
			}},
			&doc.Figure{Name: "m.png", Format: "png", Data: doctestPNG(), WidthPx: 4, HeightPx: 3, Alt: "Mapa gmin", Caption: []doc.Inline{tx("Mapa 1. Gminy")}},
		}}},
		Footnotes: []*doc.Footnote{{ID: "a", Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Treść przypisu.")}}}}},
	}
	tree, err := pdfua.Tree(render(t, d))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(e *pdfua.Elem, depth int)
	walk = func(e *pdfua.Elem, depth int) {
		if e.Type == "" {
			return
		}
		s := strings.Repeat(" ", depth) + e.Type
		if e.Alt != "" {
			s += " alt=" + e.Alt
		}
		switch e.Type {
		case "H1", "P", "Caption", "TH", "TD":
			s += " " + strings.Join(strings.Fields(e.AllText()), " ")
			if len(s) > 60 {
				s = s[:60]
			}
		}
		got = append(got, s)
		if !strings.Contains(" P H1 TH TD Caption ", " "+e.Type+" ") {
			for _, k := range e.Kids {
				walk(k, depth+1)
			}
		}
	}
	walk(tree, 0)
	want := `StructTreeRoot
 Document
  P Próba
  Sect
   H1 1. Rozdział
   P Pierwszy akapit1 Rozwój gospodarczy partnerstwa wymaga
   Note
    P Treść przypisu.
   P Drugi akapit.
   Table
    Caption Tabela 1. Dane
    THead
     TR
      TH Rok
      TH Wartość
    TBody
     TR
      TD 2024
      TD 12
   Figure alt=Mapa gmin
   Caption Mapa 1. Gminy`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("structure tree:\n%s\nwant:\n%s", g, want)
	}
	// the long paragraph is justified and hyphenated, yet reads whole
	for _, k := range tree.Kids[0].Kids[1].Kids {
		if k.Type == "P" && strings.HasPrefix(k.AllText(), "Pierwszy") {
			text := strings.Join(strings.Fields(k.AllText()), " ")
			if want := "Pierwszy akapit1 " + strings.TrimSpace(long); text != want {
				t.Errorf("paragraph text:\n%s\nwant:\n%s", text, want)
			}
		}
	}
}

// A run in another language is a Span with its /Lang (a link in it takes
// the language itself), continues as one Span across a line break, and
// is never hyphenated by the Polish patterns, while the Polish words
// around it are.
func TestLanguageSpans(t *testing.T) {
	pl := "Partnerstwo samorządów terytorialnych przygotowuje przedsięwzięcia wzmacniające przedsiębiorczość mieszkańców. "
	en := "interconnectedness responsibilities internationalisation environmentalists"
	var in []doc.Inline
	for range 6 {
		in = append(in, tx(pl), &doc.Text{Text: en, Lang: "en"}, tx(". "))
	}
	in = append(in, &doc.Link{URL: "https://example.org/", Inlines: []doc.Inline{&doc.Text{Text: "Smart Villages", Lang: "en-GB"}}}, tx("."))
	d := &doc.Document{
		Meta:   doc.Meta{Title: "Próba", Language: "pl-PL"},
		Blocks: []doc.Block{&doc.Paragraph{Inlines: in}},
	}
	b := render(t, d)
	tree, err := pdfua.Tree(b)
	if err != nil {
		t.Fatal(err)
	}
	var spans, links []*pdfua.Elem
	var walk func(e *pdfua.Elem)
	walk = func(e *pdfua.Elem) {
		switch e.Type {
		case "Span":
			spans = append(spans, e)
		case "Link":
			links = append(links, e)
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(tree)
	if len(spans) != 6 {
		t.Fatalf("%d Span elements, want 6 (one per English phrase, whatever the line breaks)", len(spans))
	}
	for _, s := range spans {
		if s.Lang != "en" || strings.Join(strings.Fields(s.AllText()), " ") != en {
			t.Errorf("Span lang=%q text=%q, want lang=en text=%q", s.Lang, s.AllText(), en)
		}
	}
	if len(links) != 1 || links[0].Lang != "en-GB" {
		t.Errorf("the English link: %d links, lang %q", len(links), func() string {
			if len(links) > 0 {
				return links[0].Lang
			}
			return ""
		}())
	}
	english := map[string]bool{}
	for _, w := range strings.Fields(en) {
		english[w] = true
	}
	var plHyphens int
	words := pdfWords(t, b)
	for i, w := range words {
		if !strings.HasSuffix(w.text, "-") || i+1 == len(words) {
			continue
		}
		whole := strings.TrimSuffix(w.text, "-") + strings.TrimRight(words[i+1].text, ".")
		if english[whole] {
			t.Errorf("English word hyphenated by Polish patterns: %s %s", w.text, words[i+1].text)
		} else {
			plHyphens++
		}
	}
	if plHyphens == 0 {
		t.Error("no Polish word hyphenated either: the paragraph does not test hyphenation")
	}
}
