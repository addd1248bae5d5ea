package docx

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
	ref "github.com/strategia-pl/strategia/templates/docx"
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

// TestTableBordersOneWidth checks that every border of the TableGrid
// style, its header row's included, is 0.5 pt: LibreOffice adds a row's
// border to the row's height, so a header row with a 1 pt rule below it
// was 0.5 pt taller than the PDF's (whose rules are all the same) and
// every table with a two-row header ended 1 pt lower in LibreOffice.
func TestTableBordersOneWidth(t *testing.T) {
	style := regexp.MustCompile(`<w:style w:type="table" w:styleId="TableGrid">.*?</w:style>`).FindString(ref.Styles)
	if style == "" {
		t.Fatal("no TableGrid style in the reference styles.xml")
	}
	borders := regexp.MustCompile(`<w:(\w+) w:val="single" w:sz="(\d+)"`).FindAllStringSubmatch(style, -1)
	if len(borders) < 6 {
		t.Fatalf("TableGrid has %d borders, want the 6 of the grid", len(borders))
	}
	for _, b := range borders {
		if b[2] != "4" {
			t.Errorf("TableGrid's %s border is %s eighths of a point, want 4 (0.5 pt) as every other", b[1], b[2])
		}
	}
	// LibreOffice also adds the table's bottom border below its last
	// row: the paragraph after a table makes up for it, so that what
	// follows stands where it does in the PDF (1.2 mm from the last row
	// to a note, 2 mm to the next paragraph's space before).
	const border = 10 // twips
	for _, c := range []struct {
		style, attr string
		pdf         int
	}{
		{"TableNote", "before", 68},
		{"TableAfter", "line", 113},
	} {
		m := regexp.MustCompile(`w:styleId="` + c.style + `">.*?<w:spacing [^>]*w:` + c.attr + `="(\d+)"`).FindStringSubmatch(ref.Styles)
		if m == nil {
			t.Errorf("%s has no w:%s", c.style, c.attr)
		} else if m[1] != strconv.Itoa(c.pdf-border) {
			t.Errorf("%s's w:%s is %s twips, want %d (the PDF's %d less the table's bottom border)", c.style, c.attr, m[1], c.pdf-border, c.pdf)
		}
	}
}
