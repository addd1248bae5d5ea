package docx

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestSections checks the section layout: the front matter ends a section
// of its own (with the title page's first-page header and footer), a
// landscape table stands in a landscape section between portrait ones,
// and no section break is followed by a page break of its own.
func TestSections(t *testing.T) {
	d := fixture()
	wide := &doc.Table{Anchor: "szeroka", Landscape: true, Caption: []doc.Inline{tx("Tabela 2. Szeroka")}, HeaderRows: 1,
		Rows: []*doc.Row{{Cells: []*doc.Cell{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("a")}}}}, {Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("b")}}}}}}}}
	r1 := d.Blocks[2].(*doc.Section)
	r1.Blocks = append([]doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Przed tabelą.")}}, wide, &doc.Paragraph{Inlines: []doc.Inline{tx("Po tabeli.")}}}, r1.Blocks...)
	parts := checkPackage(t, render(t, d, Options{}))
	checkContent(t, d, parts)
	body := string(parts["word/document.xml"])
	secs := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllString(body, -1)
	if len(secs) != 4 {
		t.Fatalf("%d sections, want 4 (front matter, body, landscape table, body)", len(secs))
	}
	for i, s := range secs {
		land := strings.Contains(s, `w:orient="landscape"`)
		if land != (i == 2) {
			t.Errorf("section %d: landscape %v", i+1, land)
		}
		if first := strings.Contains(s, `<w:titlePg/>`) && strings.Contains(s, `w:type="first"`); first != (i == 0) {
			t.Errorf("section %d: title page header %v", i+1, first)
		}
	}
	if !strings.Contains(secs[2], `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`) {
		t.Errorf("landscape section %s", secs[2])
	}
	// The wide table spans the landscape text width and its caption is in
	// the landscape section.
	land := body[strings.Index(body, secs[1]):strings.Index(body, secs[2])]
	if !strings.Contains(land, `<w:tblW w:w="14004" w:type="dxa"/>`) || !strings.Contains(land, "Szeroka") {
		t.Error("the landscape section lacks the table at the landscape width with its caption")
	}
	if regexp.MustCompile(`</w:sectPr></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="[A-Za-z0-9]+"/>(<w:[a-zA-Z]+/>)*<w:pageBreakBefore/>`).MatchString(body) {
		t.Error("a page break right after a section break")
	}
}

// TestDeepList checks that a list nested deeper than Word's 9 levels is
// written with every item, the deeper ones at the 9th level (compose
// warns about it, rule MD-02).
func TestDeepList(t *testing.T) {
	var l *doc.List
	for i := 11; i >= 1; i-- {
		it := &doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("poziom " + strconv.Itoa(i))}}}}
		if l != nil {
			it.Blocks = append(it.Blocks, l)
		}
		l = &doc.List{Ordered: i%2 == 0, Items: []*doc.ListItem{it}}
	}
	d := &doc.Document{Blocks: []doc.Block{l}}
	parts := checkPackage(t, render(t, d, Options{NoTitlePage: true}))
	checkContent(t, d, parts)
	body := string(parts["word/document.xml"])
	levels := regexp.MustCompile(`<w:ilvl w:val="(\d+)"/>`).FindAllStringSubmatch(body, -1)
	if len(levels) != 11 {
		t.Fatalf("%d numbered items, want 11", len(levels))
	}
	for i, m := range levels {
		if want := strconv.Itoa(min(i, 8)); m[1] != want {
			t.Errorf("item %d at level %s, want %s", i+1, m[1], want)
		}
	}
}
