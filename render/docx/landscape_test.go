package docx

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
	"github.com/strategia-pl/strategia/render/pdf"
)

// landscapeDoc has three wide tables, each introduced by a heading: a
// section's (with a short paragraph under it) after text on a portrait
// page, a chapter's whose only subsection opens with the table, and a
// plain heading's.
func landscapeDoc() *doc.Document {
	p := func(s string) *doc.Paragraph { return &doc.Paragraph{Inlines: []doc.Inline{tx(s)}} }
	wide := func(n int) *doc.Table {
		t := doctest.WideTable(fmt.Sprintf("Tabela %d. Uwagi", n), 8, 3)
		t.Anchor = fmt.Sprintf("t%d", n)
		return t
	}
	text := strings.Repeat("Partnerstwo gmin realizuje wspólne przedsięwzięcia rozwojowe. ", 6)
	intro := p("Tabela zawiera wszystkie uwagi w kolejności wpływu.")
	return &doc.Document{
		Meta: doc.Meta{Title: "Sprawozdanie", Language: "pl-PL", Date: "2024-05-31"},
		Blocks: []doc.Block{
			&doc.TOC{Title: "Spis treści", Depth: 3},
			&doc.Section{Level: 1, Anchor: "wstep", PageBreakBefore: true, Title: []doc.Inline{tx("Wstęp")}, Blocks: []doc.Block{p(text), p(text)}},
			&doc.Section{Level: 1, Anchor: "uwagi", Title: []doc.Inline{tx("Uwagi i sposób ich rozpatrzenia")}, Blocks: []doc.Block{intro, wide(1)}},
			&doc.Section{Level: 1, Anchor: "zest", PageBreakBefore: true, Title: []doc.Inline{tx("Zestawienie")}, Blocks: []doc.Block{
				&doc.Section{Level: 2, Anchor: "miesz", Title: []doc.Inline{tx("Uwagi mieszkańców")}, Blocks: []doc.Block{wide(2)}},
			}},
			&doc.Section{Level: 1, Anchor: "inne", Title: []doc.Inline{tx("Inne uwagi")}, Blocks: []doc.Block{
				p(text), &doc.Heading{Level: 3, Text: []doc.Inline{tx("Wykaz uwag")}}, intro, wide(3), p(text)}},
		},
	}
}

// TestLandscapeLeadIn: the heading that introduces a landscape table (and
// the short paragraph under it) opens the landscape section, so Word and
// LibreOffice put it on the table's page, as the PDF does: the pre-filled
// table of contents (the PDF's pages) matches LibreOffice's pages, and in
// LibreOffice's rendering every such heading stands on a landscape page
// with its table.
func TestLandscapeLeadIn(t *testing.T) {
	d := landscapeDoc()
	body := string(checkPackage(t, render(t, d, Options{}))["word/document.xml"])
	// Which section holds each heading: the section's properties follow it.
	sect := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`)
	for _, h := range []string{"Uwagi i sposób ich rozpatrzenia", "Zestawienie", "Uwagi mieszkańców", "Wykaz uwag", "kolejności wpływu"} {
		i := strings.LastIndex(body, h) // not the table of contents' entry
		if i < 0 {
			t.Fatalf("%q not in document.xml", h)
		}
		s := sect.FindString(body[i:])
		if !strings.Contains(s, `w:orient="landscape"`) {
			t.Errorf("%q is in a portrait section", h)
		}
	}
	if n := len(sect.FindAllString(body, -1)); n != 7 {
		t.Errorf("%d sections, want 7 (front matter, portrait, landscape, landscape, portrait, landscape, portrait)", n)
	}

	lo := libreOffice(t)
	checkPrefilledPages(t, d, "landscape", 1)
	out := convertToPDF(t, lo, render(t, d, Options{}), "landscape-plain")
	pages := pdfPages(t, out)
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "999", out).Output()
	if err != nil {
		t.Skip("pdfinfo: ", err)
	}
	var land []bool
	for _, l := range strings.Split(string(info), "\n") {
		f := strings.Fields(l)
		if len(f) >= 6 && f[0] == "Page" && f[2] == "size:" {
			w, _ := strconv.ParseFloat(f[3], 64)
			h, _ := strconv.ParseFloat(f[5], 64)
			land = append(land, w > h)
		}
	}
	find := func(s string) int {
		for i := len(pages) - 1; i >= 0; i-- { // not the table of contents' page
			if strings.Contains(strings.Join(strings.Fields(pages[i]), " "), s) {
				return i
			}
		}
		return -1
	}
	for _, c := range []struct{ heading, caption string }{
		{"Uwagi i sposób ich rozpatrzenia", "Tabela 1. Uwagi"},
		{"3. Zestawienie", "Tabela 2. Uwagi"},
		{"Wykaz uwag", "Tabela 3. Uwagi"},
	} {
		h, tb := find(c.heading), find(c.caption)
		if h < 0 || tb < 0 || h >= len(land) {
			t.Errorf("LibreOffice: %q on page %d, %q on page %d", c.heading, h+1, c.caption, tb+1)
			continue
		}
		if h != tb || !land[h] {
			t.Errorf("LibreOffice: %q on page %d (landscape %v), %q on page %d", c.heading, h+1, land[h], c.caption, tb+1)
		}
	}
}

// TestLandscapeTableLast: a document that ends with a landscape table
// ends with the table's landscape section, not with an empty portrait
// page after it (LibreOffice shows as many pages as the PDF).
func TestLandscapeTableLast(t *testing.T) {
	d := landscapeDoc()
	last := d.Blocks[len(d.Blocks)-1].(*doc.Section)
	last.Blocks = last.Blocks[:len(last.Blocks)-1] // the wide table is last
	body := string(checkPackage(t, render(t, d, Options{}))["word/document.xml"])
	secs := regexp.MustCompile(`<w:sectPr>.*?</w:sectPr>`).FindAllString(body, -1)
	if n := len(secs); n != 6 || !strings.Contains(secs[n-1], `w:orient="landscape"`) {
		t.Errorf("%d sections, the last landscape %v: want 6, the last the table's landscape one", n, n > 0 && strings.Contains(secs[n-1], `w:orient="landscape"`))
	}
	lo := libreOffice(t)
	var ours bytes.Buffer
	if err := pdf.Render(&ours, d, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ours.pdf")
	if err := os.WriteFile(path, ours.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := len(pdfPages(t, path))
	if got := len(pdfPages(t, convertToPDF(t, lo, render(t, d, Options{}), "landscape-last"))); got != want {
		t.Errorf("LibreOffice: %d pages, the PDF %d", got, want)
	}
}
