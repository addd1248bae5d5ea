package docx

import (
	"regexp"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
	ref "github.com/strategia-pl/strategia/templates/docx"
)

// swotLike is a table like the SWOT grids: a full-width group label,
// then a row whose cells hold short lists, then a long table body.
func swotLike() *doc.Table {
	list := func(items ...string) *doc.Cell {
		l := &doc.List{}
		for _, s := range items {
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx(s)}}}})
		}
		return &doc.Cell{Blocks: []doc.Block{l}}
	}
	cell := func(s string) *doc.Cell {
		return &doc.Cell{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx(s)}}}}
	}
	t := &doc.Table{HeaderRows: 1, Widths: []float64{1, 1}, Rows: []*doc.Row{
		{Cells: []*doc.Cell{cell("Mocne strony"), cell("Słabe strony")}},
		{Cells: []*doc.Cell{list("pierwsza", "druga"), list("trzecia")}},
	}}
	for i := range 12 {
		if i == 5 {
			t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{{ColSpan: 2, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Obszar 2")}}}}}})
			continue
		}
		t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{cell("wiersz"), cell("1,0")}})
	}
	return t
}

// tableRows returns the XML of each row of the first table in body.
func tableRows(t *testing.T, body string) []string {
	t.Helper()
	tbl := body[strings.Index(body, "<w:tbl>"):]
	tbl = tbl[:strings.Index(tbl, "</w:tbl>")]
	return regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`).FindAllString(tbl, -1)
}

// TestCellEndingWithList checks that a cell whose last block is a list
// gets no empty paragraph after it (a cell must end with a paragraph, and
// the list's last item is one): LibreOffice set the SWOT grids one empty
// line per row taller than the PDF.
func TestCellEndingWithList(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{swotLike()}}
	body := string(checkPackage(t, render(t, d, Options{NoTitlePage: true}))["word/document.xml"])
	rows := tableRows(t, body)
	if len(rows) < 2 {
		t.Fatalf("%d rows", len(rows))
	}
	if regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`).MatchString(rows[1]) {
		t.Errorf("an empty paragraph closes a cell that ends with a list:\n%s", rows[1])
	}
	if n := strings.Count(rows[1], "<w:numPr>"); n != 3 {
		t.Errorf("%d list items in the row, want 3", n)
	}
}

// TestTableRowsBreakLikePDF checks the DOCX's mirror of the PDF's table
// breaking for rows the PDF never cuts or keeps: a short row of list
// items cannot split (the PDF cuts no row under 20 mm of text), and a
// full-width group label keeps with the row below it (render/pdf keeps
// it with that row), as the PDF sets them.
func TestTableRowsBreakLikePDF(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{swotLike()}}
	body := string(checkPackage(t, render(t, d, Options{NoTitlePage: true}))["word/document.xml"])
	rows := tableRows(t, body)
	if len(rows) != 14 {
		t.Fatalf("%d rows, want 14", len(rows))
	}
	if !strings.Contains(rows[1], "<w:cantSplit/>") {
		t.Error("a short row of list items may split across pages")
	}
	label := rows[7]
	if !strings.Contains(label, "Obszar 2") {
		t.Fatalf("row 7 is not the group label: %s", label)
	}
	if !strings.Contains(label, "<w:keepNext/>") {
		t.Error("the group label does not keep with the row below it")
	}
	if strings.Contains(rows[8], "<w:keepNext/>") {
		t.Error("an ordinary body row of a long table keeps with the next")
	}
	if strings.Contains(rows[13], "<w:keepNext/>") {
		t.Error("the last row of a table without a note keeps with the next paragraph")
	}
	// The note stays with the last row, as in the PDF (LibreOffice left
	// a table's last two rows on a page and its note on the next one
	// where the PDF moves the rows to the note).
	tbl := swotLike()
	tbl.Note = []doc.Inline{tx("Źródło: opracowanie własne.")}
	d = &doc.Document{Blocks: []doc.Block{tbl}}
	rows = tableRows(t, string(checkPackage(t, render(t, d, Options{NoTitlePage: true}))["word/document.xml"]))
	if !strings.Contains(rows[13], "<w:keepNext/>") {
		t.Error("the last row does not keep with the table's note")
	}
}

// TestFootnoteArea checks the DOCX's footnote area against the PDF's
// (render/pdf fnSep, fnGap): the space between footnotes (0.8 mm) is all
// space before a footnote paragraph, since LibreOffice 7.4 left out the
// space after (footnotes were 12.05 pt apart where the PDF's are 12.9, so
// its pages held more text than the PDF's); the separator stands in the
// PDF's 2.2 mm (Word reads it; LibreOffice sets 1 mm, rule, 1 mm).
func TestFootnoteArea(t *testing.T) {
	st := regexp.MustCompile(`<w:style w:type="paragraph" w:styleId="FootnoteText">.*?</w:style>`).FindString(ref.Styles)
	if !strings.Contains(st, `<w:spacing w:before="45" w:after="0" w:line="213" w:lineRule="exact"/>`) {
		t.Errorf("FootnoteText spacing is not 45 twips (0.8 mm) before, none after: %s", st)
	}
	notes := string(checkPackage(t, render(t, fixture(), Options{}))["word/footnotes.xml"])
	sep := regexp.MustCompile(`<w:footnote w:type="separator" w:id="-1">.*?</w:footnote>`).FindString(notes)
	if !strings.Contains(sep, `w:line="125" w:lineRule="exact"`) {
		t.Errorf("the footnote separator does not stand in 125 twips (2.2 mm): %s", sep)
	}
}
