package doc

import (
	"errors"
	"strings"
	"testing"
)

func small() *Document {
	return &Document{
		Meta: Meta{Title: "Strategia", Date: "2024-05-01", Language: "pl-PL", Keywords: []string{"ZIT"}},
		Blocks: []Block{
			&TOC{Title: "Spis treści", Depth: 2},
			&Section{Level: 1, Anchor: "diag", PageBreakBefore: true, Title: []Inline{&Text{Text: "Diagnoza"}},
				Blocks: []Block{
					&Paragraph{Inlines: []Inline{
						&Text{Text: "Gmina leży w\u00a0powiecie "},
						&Text{Text: "kępińskim", Style: Bold | Italic},
						&FootnoteRef{ID: "f1"},
						&LineBreak{},
						&Link{Anchor: "cele", Inlines: []Inline{&Text{Text: "zob. cele"}}},
					}},
					&List{Ordered: true, Start: 3, Items: []*ListItem{{Blocks: []Block{&Paragraph{Inlines: []Inline{&Text{Text: "punkt"}}}}}}},
					&Table{Anchor: "t1", Widths: []float64{2, 1}, HeaderRows: 1, Caption: []Inline{&Text{Text: "Tabela 1."}},
						Rows: []*Row{{Cells: []*Cell{{ColSpan: 2, Shade: ShadeHeader, Bold: true, Align: AlignCenter,
							Blocks: []Block{&Paragraph{Inlines: []Inline{&Text{Text: "Nagłówek"}}}}}}}}},
					&Figure{Anchor: "m1", Name: "M1.png", Format: "png", WidthPx: 10, HeightPx: 5, Data: []byte{1, 2},
						Caption: []Inline{&Text{Text: "Mapa 1."}}},
					&Heading{Level: 3, Text: []Inline{&Text{Text: "Wnioski"}}},
					&PageBreak{},
				}},
		},
		Footnotes: []*Footnote{{ID: "f1", Blocks: []Block{&Paragraph{Style: ParaNote, Inlines: []Inline{&Text{Text: "GUS, BDL."}}}}}},
	}
}

func TestDump(t *testing.T) {
	var b strings.Builder
	Dump(&b, small())
	want := `Document
  Meta title="Strategia" lang="pl-PL" date="2024-05-01"
    Keyword "ZIT"
  TOC title="Spis treści" depth=2
  Section level=1 anchor="diag" pagebreak
    title:
      Text "Diagnoza"
    Paragraph style=body
      Text "Gmina leży w\u00a0powiecie "
      Text [bold,italic] "kępińskim"
      FootnoteRef id="f1"
      LineBreak
      Link anchor="cele"
        Text "zob. cele"
    List ordered start=3
      ListItem
        Paragraph style=body
          Text "punkt"
    Table anchor="t1" widths=2,1 header=1
      caption:
        Text "Tabela 1."
      Row
        Cell colspan=2 align=center shade=header bold
          Paragraph style=body
            Text "Nagłówek"
    Figure anchor="m1" name="M1.png" format=png size=10x5 bytes=2
      caption:
        Text "Mapa 1."
    Heading level=3
      Text "Wnioski"
    PageBreak
  Footnote id="f1"
    Paragraph style=note
      Text "GUS, BDL."
`
	if got := b.String(); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
	var b2 strings.Builder
	Dump(&b2, small())
	if b2.String() != b.String() {
		t.Error("Dump is not stable")
	}
}

func TestPlainText(t *testing.T) {
	got := PlainText(small())
	want := "Spis treści\nDiagnoza\nGmina leży w\u00a0powiecie kępińskim\nzob. cele\npunkt\nTabela 1.\nNagłówek\nMapa 1.\nWnioski\nGUS, BDL.\n"
	if got != want {
		t.Errorf("PlainText = %q\nwant %q", got, want)
	}
}

func TestWalk(t *testing.T) {
	var kinds []string
	depth, maxDepth := 0, 0
	err := Walk(small(), func(n Node, entering bool) (WalkStatus, error) {
		if !entering {
			depth--
			return WalkContinue, nil
		}
		depth++
		maxDepth = max(maxDepth, depth)
		kinds = append(kinds, n.Kind().String())
		if n.Kind() == KindTable {
			return WalkSkipChildren, nil
		}
		return WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(kinds, " ")
	want := "Document TOC Section Text Paragraph Text Text FootnoteRef LineBreak Link Text List ListItem Paragraph Text Table Figure Text Heading Text PageBreak Paragraph Text"
	if got != want {
		t.Errorf("Walk order:\n%s\nwant\n%s", got, want)
	}
	if depth != 1 { // the skipped table never got a leave call
		t.Errorf("enter/leave imbalance %d", depth)
	}
	// WalkStop and errors stop the walk.
	n := 0
	_ = Walk(small(), func(Node, bool) (WalkStatus, error) { n++; return WalkStop, nil })
	if n != 1 {
		t.Errorf("WalkStop visited %d", n)
	}
	boom := errors.New("boom")
	if err := Walk(small(), func(n Node, _ bool) (WalkStatus, error) {
		if n.Kind() == KindFootnoteRef {
			return WalkContinue, boom
		}
		return WalkContinue, nil
	}); err != boom {
		t.Errorf("err = %v", err)
	}
}

func TestKindNames(t *testing.T) {
	for _, k := range AllKinds() {
		if s := k.String(); s == "" || strings.HasPrefix(s, "Kind(") {
			t.Errorf("kind %d has no name", k)
		}
	}
}

func TestDumpTOCKind(t *testing.T) {
	var b strings.Builder
	Dump(&b, &Section{Level: 1, Unnumbered: true, NoTOC: true, Title: []Inline{&Text{Text: "Spis tabel"}},
		Blocks: []Block{&TOC{Of: TOCTables}, &TOC{Title: "Spis map", Of: TOCFigures}, &TOC{Depth: 2}}})
	want := `Section level=1 unnumbered notoc
  title:
    Text "Spis tabel"
  TOC depth=0 of=tables
  TOC title="Spis map" depth=0 of=figures
  TOC depth=2
`
	if got := b.String(); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
	if s := TOCKind(7).String(); s != "TOCKind(7)" {
		t.Errorf("TOCKind(7).String() = %q", s)
	}
}
