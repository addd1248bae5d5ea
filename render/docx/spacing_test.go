package docx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestSpaceAboveUncaptionedTable checks that a table without a caption
// keeps the PDF's 4 mm above it, as space below the paragraph before it
// (a table has no space above of its own), the space below a heading
// added; and that two such tables in a row are 2 + 4 mm apart, as in
// the PDF.
func TestSpaceAboveUncaptionedTable(t *testing.T) {
	cell := func(s string) *doc.Cell {
		return &doc.Cell{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx(s)}}}}
	}
	tbl := func(s string) *doc.Table {
		return &doc.Table{Rows: []*doc.Row{{Cells: []*doc.Cell{cell(s), cell("x")}}}}
	}
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Paragraph{Inlines: []doc.Inline{tx("Akapit przed tabelą.")}},
		tbl("pierwsza"),
		tbl("druga"),
		&doc.Heading{Level: 3, Text: []doc.Inline{tx("Nagłówek")}},
		tbl("trzecia"),
	}}
	parts := checkPackage(t, render(t, d, Options{NoTitlePage: true}))
	body := string(parts["word/document.xml"])
	// The pPr of the paragraph that ends right before each table.
	re := regexp.MustCompile(`<w:p><w:pPr>((?:[^<]|<[^/]|</[^w]|</w:[^p])*?)</w:pPr>(?:(?:[^<]|<[^/]|</[^w]|</w:[^p])*?)</w:p><w:tbl>`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		sp := regexp.MustCompile(`<w:spacing[^>]*/>`).FindString(m[1])
		st := regexp.MustCompile(`w:pStyle w:val="(\w+)"`).FindStringSubmatch(m[1])
		got = append(got, st[1]+" "+sp)
	}
	want := []string{
		`BodyText <w:spacing w:after="227"/>`,
		`TableAfter <w:spacing w:after="227"/>`,
		`Heading3Unlisted <w:spacing w:after="312"/>`, // 1.5 mm below the heading + 4 mm
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs before the tables:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkPPrOrder(t, "document.xml", parts["word/document.xml"])
}
