package pdf

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// tallRowDoc is a two-column fiche-like table whose value cell holds far
// more text than a page.
func tallRowDoc() *doc.Document {
	var blocks []doc.Block
	for i := range 60 {
		blocks = append(blocks, &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: fmt.Sprintf(
			"Akapit %d: Projekt obejmuje przebudowę dróg gminnych i powiatowych łączących miejscowości obszaru partnerstwa z węzłem drogi ekspresowej.", i+1)}}})
	}
	return &doc.Document{Meta: doc.Meta{Title: "Test", Language: "pl-PL", Date: "2024-11-25"}, Blocks: []doc.Block{
		&doc.Table{Widths: []float64{1, 3}, HeaderRows: 1, Rows: []*doc.Row{
			{Cells: []*doc.Cell{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Pole"}}}}},
				{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Wartość"}}}}}}},
			{Cells: []*doc.Cell{{Shade: doc.ShadeHeader, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Opis"}}}}},
				{Blocks: blocks}}},
		}},
	}}
}

// TestTallRowSplitsAcrossPages checks that a table row taller than a page
// is cut between lines into parts that each fit, with the header repeated,
// and that no text is lost.
func TestTallRowSplitsAcrossPages(t *testing.T) {
	d := tallRowDoc()
	l := testLayout(d)
	l.flow(d.Blocks, flowCtx{x0: marginL, w: textW})
	pages := paginate(l.boxes)
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the row to continue on a second page", len(pages))
	}
	for i, pg := range pages {
		for _, pl := range pg.boxes {
			if pl.y+pl.b.h > textBottom+0.01 {
				t.Errorf("page %d: a box ends at %.1f mm, below the text area (%.1f mm)", i+1, pl.y+pl.b.h, textBottom)
			}
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{NoTitlePage: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &buf
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Akapit 1:", "Akapit 30:", "Akapit 60:"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the PDF text", want)
		}
	}
	if n := strings.Count(text, "Wartość"); n < 2 {
		t.Errorf("the header row appears %d times, want it repeated on the continuation page", n)
	}
}
