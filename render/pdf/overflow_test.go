package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// keepPDF, when set, is a folder where the layout tests leave their PDFs
// to be looked at (pdftoppm).
var keepPDF = flag.String("keep", "", "write the overflow tests' PDFs into this folder")

func para(s string) *doc.Paragraph { return &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}} }

func textCell(s string) *doc.Cell { return &doc.Cell{Blocks: []doc.Block{para(s)}} }

// unbreakableDoc holds what issue 9 found running off the page: a long
// autolink, a 3 000-character word, a 5 000-character word in a heading
// (and so in the table of contents and a table), a 25-column table and a
// grouped number in a narrow cell.
func unbreakableDoc() *doc.Document {
	long := strings.Repeat("abcdefghij", 300)
	title := strings.Repeat("Projektowy", 500)
	url := "https://example.org/" + strings.Repeat("katalog/podkatalog-", 12) + "plik.pdf?wersja=1&jezyk=pl"
	wide := &doc.Table{HeaderRows: 1, Columns: make([]doc.Column, 25)}
	var hdr, body doc.Row
	for i := range 25 {
		hdr.Cells = append(hdr.Cells, textCell(fmt.Sprintf("Kolumna%d", i+1)))
		body.Cells = append(body.Cells, textCell(fmt.Sprintf("wartość%dzbyt_długa_do_komórki", i)))
	}
	wide.Rows = []*doc.Row{&hdr, &body}
	narrow := &doc.Table{HeaderRows: 1, Columns: []doc.Column{{Kind: doc.ColText}, {Kind: doc.ColNumber, Width: 0.08}},
		Rows: []*doc.Row{{Cells: []*doc.Cell{textCell("Gmina"), textCell("Ludność")}},
			{Cells: []*doc.Cell{textCell("Kolno"), {Align: doc.AlignRight, Blocks: []doc.Block{para("1 014 824")}}}}}}
	return &doc.Document{Meta: doc.Meta{Title: "Test", Language: "pl-PL", Date: "2024-11-25"}, Blocks: []doc.Block{
		&doc.TOC{Title: "Spis treści", Depth: 2},
		&doc.Section{Level: 1, Title: []doc.Inline{&doc.Text{Text: "Rozdział " + title}}, Blocks: []doc.Block{
			&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Adres: "}, &doc.Link{URL: url, Inlines: []doc.Inline{&doc.Text{Text: url, Style: doc.Mono}}}, &doc.Text{Text: " – koniec."}}},
			para("Słowo " + long + " i dalszy tekst akapitu."),
			&doc.Table{HeaderRows: 1, Rows: []*doc.Row{{Cells: []*doc.Cell{textCell("Projekt"), textCell("Opis")}},
				{Cells: []*doc.Cell{textCell(title), textCell("Krótki opis.")}}}},
			wide,
			narrow,
		}},
	}}
}

var (
	reBBoxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	reBBoxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bboxWord is a word drawn on a page, in points.
type bboxWord struct {
	page                   int
	pageW, pageH           float64
	xMin, yMin, xMax, yMax float64
	text                   string
}

// pdfWords runs pdftotext -bbox on a PDF.
func pdfWords(t *testing.T, pdf []byte) []bboxWord {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	cmd := exec.Command("pdftotext", "-bbox", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var words []bboxWord
	for i, pg := range strings.Split(string(out), "</page>") {
		m := reBBoxPage.FindStringSubmatch(pg)
		if m == nil {
			continue
		}
		pw, _ := strconv.ParseFloat(m[1], 64)
		ph, _ := strconv.ParseFloat(m[2], 64)
		for _, w := range reBBoxWord.FindAllStringSubmatch(pg, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, bboxWord{page: i + 1, pageW: pw, pageH: ph, xMin: f(w[1]), yMin: f(w[2]), xMax: f(w[3]), yMax: f(w[4]), text: w[5]})
		}
	}
	return words
}

// outsideTextArea lists the words drawn outside the page's text area
// (the running header and the foot excepted).
func outsideTextArea(words []bboxWord) []string {
	const mm = 72 / 25.4
	var bad []string
	for _, w := range words {
		top, bottom := marginT*mm, w.pageH-marginB*mm
		if w.yMax < top-2*mm || w.yMin > bottom+5*mm {
			continue // header, footer
		}
		if w.xMin < marginL*mm-0.5 || w.xMax > w.pageW-marginR*mm+0.5 || w.yMin < top-1 || w.yMax > bottom+1 {
			bad = append(bad, fmt.Sprintf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f pt", w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax))
		}
	}
	return bad
}

// TestUnbreakableTextStaysInItsBox renders text that has no break point
// and checks on the rendered pages that no glyph leaves the text area,
// that the renderer said where it had to cut, that the URL got no
// hyphen and that the grouped number stayed on one line.
func TestUnbreakableTextStaysInItsBox(t *testing.T) {
	var buf bytes.Buffer
	var warns []Warning
	if err := Render(&buf, unbreakableDoc(), Options{NoTitlePage: true, Warnings: func(w []Warning) { warns = w }}); err != nil {
		t.Fatal(err)
	}
	if *keepPDF != "" {
		_ = os.WriteFile(filepath.Join(*keepPDF, "unbreakable.pdf"), buf.Bytes(), 0o644)
	}
	words := pdfWords(t, buf.Bytes())
	for _, b := range outsideTextArea(words) {
		t.Error(b)
	}
	if len(warns) == 0 {
		t.Error("no layout warning for the words broken at the measure")
	}
	for _, w := range warns {
		if w.Page < 1 || w.Rule != "PDF-01" || !strings.Contains(w.Message, "Rozdział") && !strings.Contains(w.Message, "Spis") {
			t.Errorf("warning without a page or a section: %v", w)
		}
	}
	landscape := false
	for i, w := range words {
		if strings.HasPrefix(w.text, "example.org") || strings.Contains(w.text, "katalog/") {
			if strings.HasSuffix(w.text, "-") && !strings.HasSuffix(w.text, "podkatalog-") {
				t.Errorf("a hyphen added inside the URL: %q", w.text)
			}
		}
		if w.text == "1" && i+2 < len(words) && words[i+1].text == "014" {
			if words[i+1].yMin != w.yMin || words[i+2].yMin != w.yMin {
				t.Error("1 014 824 broken across lines")
			}
		}
		if w.pageW > w.pageH {
			landscape = true
		}
	}
	if !landscape {
		t.Error("the 25-column table is not on a landscape page")
	}
}

// overlapping lists pairs of words drawn over each other on a page.
func overlapping(words []bboxWord) []string {
	var bad []string
	for i := range words {
		a := words[i]
		for j := i + 1; j < len(words) && words[j].page == a.page; j++ {
			b := words[j]
			if a.xMin < b.xMax-0.5 && b.xMin < a.xMax-0.5 && a.yMin < b.yMax-0.5 && b.yMin < a.yMax-0.5 {
				bad = append(bad, fmt.Sprintf("page %d: %q over %q", a.page, a.text, b.text))
			}
		}
	}
	return bad
}

// TestLongFootnoteSplitsAcrossPages gives a paragraph in the middle of a
// page a footnote of about 1 300 words, longer than a page: the note must start on that page,
// continue at the foot of the next ones, lose no word and never be drawn
// over the body or outside the text area.
func TestLongFootnoteSplitsAcrossPages(t *testing.T) {
	var body []doc.Block
	for i := range 12 {
		body = append(body, para(fmt.Sprintf("Akapit %d poprzedzający przypis: partnerstwo gmin obszaru funkcjonalnego realizuje wspólną strategię rozwoju ponadlokalnego.", i+1)))
	}
	var note strings.Builder
	for i := range 150 {
		fmt.Fprintf(&note, "Zdanie%d przypisu opisuje źródła danych i metodę ich opracowania. ", i+1)
	}
	body = append(body, &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Akapit z odwołaniem do długiego przypisu"}, &doc.FootnoteRef{ID: "n1"}, &doc.Text{Text: " i dalszy tekst."}}})
	for i := range 30 {
		body = append(body, para(fmt.Sprintf("Akapit %d po przypisie: tekst strategii toczy się dalej na kolejnych stronach dokumentu.", i+1)))
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Test", Language: "pl-PL", Date: "2024-11-25"}, Blocks: body,
		Footnotes: []*doc.Footnote{{ID: "n1", Blocks: []doc.Block{para(note.String())}}}}
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{NoTitlePage: true}); err != nil {
		t.Fatal(err)
	}
	if *keepPDF != "" {
		_ = os.WriteFile(filepath.Join(*keepPDF, "long-footnote.pdf"), buf.Bytes(), 0o644)
	}
	words := pdfWords(t, buf.Bytes())
	for _, b := range outsideTextArea(words) {
		t.Error(b)
	}
	for _, b := range overlapping(words) {
		t.Error(b)
	}
	next, refPage, notePages := 1, 0, map[int]bool{}
	for _, w := range words {
		if strings.HasPrefix(w.text, "odwołaniem") {
			refPage = w.page
		}
		if w.text == fmt.Sprintf("Zdanie%d", next) {
			notePages[w.page] = true
			next++
		}
	}
	if next != 151 {
		t.Errorf("footnote sentences in order up to %d of 150", next-1)
	}
	if !notePages[refPage] || len(notePages) < 2 {
		t.Errorf("footnote on pages %v, its reference on page %d: want it to start there and continue", notePages, refPage)
	}
}
