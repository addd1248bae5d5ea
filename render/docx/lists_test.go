package docx

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
	ref "github.com/strategia-pl/strategia/templates/docx"
)

// TestListsOfTablesAndFigures checks the list of tables and the list of
// figures: TOC fields collecting caption styles, one hyperlinked entry per
// captioned, anchored table or figure with a PAGEREF field to its bookmark
// and the page from TOCPages.
func TestListsOfTablesAndFigures(t *testing.T) {
	d := fixture()
	lists := []doc.Block{
		&doc.Section{Level: 1, Unnumbered: true, NoTOC: true, PageBreakBefore: true, Title: []doc.Inline{tx("Spis tabel")},
			Blocks: []doc.Block{&doc.TOC{Of: doc.TOCTables}}},
		&doc.Section{Level: 1, Unnumbered: true, NoTOC: true, Title: []doc.Inline{tx("Spis map")},
			Blocks: []doc.Block{&doc.TOC{Of: doc.TOCFigures}}},
	}
	d.Blocks = append(append([]doc.Block{d.Blocks[0]}, lists...), d.Blocks[1:]...)
	parts := checkPackage(t, render(t, d, Options{TOCPages: map[string]int{"r1.1": 7, "tab1": 8, "map1": 9}}))
	checkContent(t, d, parts)
	body := string(parts["word/document.xml"])
	for _, want := range []string{
		`TOC \h \z \c "Tabela" </w:instrText>`,
		`TOC \h \z \c "Mapa" </w:instrText>`,
		`<w:hyperlink w:anchor="tab1" w:history="1"><w:r><w:t xml:space="preserve">Tabela 1. Wskaźniki</w:t><w:tab/></w:r>`,
		`<w:hyperlink w:anchor="map1" w:history="1"><w:r><w:t xml:space="preserve">Mapa 1. Obszar</w:t><w:tab/></w:r>`,
		`PAGEREF tab1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>8</w:t>`,
		`PAGEREF map1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t>`,
		`<w:bookmarkStart w:id="`, `w:name="tab1"/>`, `w:name="map1"/>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	// the table without a caption is not listed; the section TOC is unchanged
	if n := strings.Count(body, `<w:pStyle w:val="TableofFigures"/>`); n != 2 {
		t.Errorf("%d TableofFigures paragraphs, want 2 (two list entries)", n)
	}
	if n := strings.Count(body, `<w:pStyle w:val="TOC2"/>`); n != 1 {
		t.Errorf("%d TOC2 paragraphs, want 1 (r1.1)", n)
	}
	// every field is closed: begin, separate and end balance
	for _, k := range []string{"begin", "separate", "end"} {
		re := regexp.MustCompile(`w:fldCharType="` + k + `"`)
		if got, want := len(re.FindAllString(body, -1)), strings.Count(body, `w:fldCharType="begin"`); got != want {
			t.Errorf("%d %s field chars, want %d", got, k, want)
		}
	}
}

// TestCaptionFields checks that caption numbers are SEQ fields in
// bookmarks and that links to numbered tables and maps refer to those
// bookmarks with REF fields, keeping the typed words around the number.
func TestCaptionFields(t *testing.T) {
	d := fixture()
	intro := d.Blocks[1].(*doc.Section)
	intro.Blocks = append(intro.Blocks, &doc.Paragraph{Inlines: []doc.Inline{
		tx("Dane zawiera "), &doc.Link{Anchor: "tab1", Inlines: []doc.Inline{tx("tabela\u00a01")}},
		tx(", obszar pokazuje "), &doc.Link{Anchor: "map1", Inlines: []doc.Inline{tx("mapa 1")}}, tx("."),
	}})
	parts := checkPackage(t, render(t, d, Options{}))
	checkContent(t, d, parts)
	body := string(parts["word/document.xml"])
	for _, want := range []string{
		`<w:t xml:space="preserve">Tabela </w:t></w:r><w:bookmarkStart w:id="`,
		`w:name="_Ref1"/><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Tabela \* ARABIC </w:instrText>`,
		`SEQ Mapa \* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd`,
		"<w:t xml:space=\"preserve\">tabela\u00a0</w:t></w:r>" + `<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:instrText xml:space="preserve"> REF _Ref1 \h </w:instrText>`,
		` REF _Ref2 \h </w:instrText>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

// TestOrderedListLevels checks that the ordered lists' numbering marks
// the levels as render/pdf does: "1." at even depths, "a)" at odd ones.
func TestOrderedListLevels(t *testing.T) {
	var n struct {
		Abstract []struct {
			ID  string `xml:"abstractNumId,attr"`
			Lvl []struct {
				Ilvl int `xml:"ilvl,attr"`
				Fmt  struct {
					Val string `xml:"val,attr"`
				} `xml:"numFmt"`
				Text struct {
					Val string `xml:"val,attr"`
				} `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
	}
	if err := xml.Unmarshal([]byte(ref.Numbering), &n); err != nil {
		t.Fatal(err)
	}
	levels := 0
	for _, a := range n.Abstract {
		if a.ID != "2" {
			continue
		}
		for _, l := range a.Lvl {
			levels++
			want, text := "decimal", fmt.Sprintf("%%%d.", l.Ilvl+1)
			if l.Ilvl%2 == 1 {
				want, text = "lowerLetter", fmt.Sprintf("%%%d)", l.Ilvl+1)
			}
			if l.Fmt.Val != want || l.Text.Val != text {
				t.Errorf("ordered list level %d: %s %q, want %s %q", l.Ilvl, l.Fmt.Val, l.Text.Val, want, text)
			}
		}
	}
	if levels != 9 {
		t.Errorf("%d levels of ordered lists, want 9", levels)
	}
}
