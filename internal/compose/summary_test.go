package compose

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/pdfua"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/docx"
	"github.com/strategia-pl/strategia/render/html"
	"github.com/strategia-pl/strategia/render/pdf"
)

// topSections are the titles of d's top-level sections in order.
func topSections(d *doc.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if s, ok := b.(*doc.Section); ok && s.Level == 1 {
			var t strings.Builder
			for _, in := range s.Title {
				t.WriteString(doc.PlainText(in))
			}
			out = append(out, t.String())
		}
	}
	return out
}

// exampleWithSummary is the example partnership asking for the summary
// (partnership.document_options.executive_summary).
func exampleWithSummary(t *testing.T) (*model.Strategy, *model.Index, *model.Facts, Options) {
	t.Helper()
	s, x, f, opt := loadExample(t)
	s.Partnership.DocumentOptions.ExecutiveSummary = true
	return s, x, f, opt
}

// TestExecutiveSummaryPlace: the example asks for the summary; asked for, it is the first section after the front matter (the contents, the lists and
// the abbreviations, which are unnumbered and come before); without the
// switch — and in the minimal and scaffolded partnerships, which do not
// ask — there is none.
func TestExecutiveSummaryPlace(t *testing.T) {
	s, x, f, opt := loadExample(t)
	if !s.Partnership.DocumentOptions.ExecutiveSummary {
		t.Error("the example does not ask for the executive summary (partnership.document_options.executive_summary)")
	}
	s.Partnership.DocumentOptions.ExecutiveSummary = true
	d, _ := Strategy(s, x, f, opt)
	secs := topSections(d)
	i := strings.Index(strings.Join(secs, "\n"), "Streszczenie")
	if i < 0 {
		t.Fatalf("no „Streszczenie” among the top sections: %q", secs)
	}
	for k, title := range secs {
		if title == "Streszczenie" {
			if k+1 >= len(secs) || secs[k+1] != "Wprowadzenie" {
				t.Errorf("„Streszczenie” is not followed by the first chapter: %q", secs)
			}
			for _, before := range secs[:k] {
				if before != "Spis tabel" && before != "Spis map" && before != "Spis map i rycin" && before != "Wykaz skrótów" && before != "" {
					t.Errorf("%q comes before „Streszczenie”: only the front matter may", before)
				}
			}
		}
	}
	text := docText(d)
	for _, want := range []string{"Wizja rozwoju do 2030 roku", "CS1. Ziemia Kolneńska", "CS1.1. Edukacja", "P01", "Za kluczowe uznano 6 z nich", "Budżety jednostek samorządu terytorialnego", "215 000 000 zł"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}

	s.Partnership.DocumentOptions.ExecutiveSummary = false
	d, _ = Strategy(s, x, f, opt)
	if secs := topSections(d); strings.Contains(strings.Join(secs, "\n"), "Streszczenie") {
		t.Errorf("a summary nobody asked for: %q", secs)
	}
	for _, dir := range []string{minimalDir, scaffoldDir(t)} {
		s, x, f, opt := loadDir(t, dir)
		d, _ := Strategy(s, x, f, opt)
		if secs := topSections(d); strings.Contains(strings.Join(secs, "\n"), "Streszczenie") {
			t.Errorf("%s: a summary nobody asked for: %q", dir, secs)
		}
	}
}

// TestExecutiveSummaryPDF renders the example's strategy and checks the
// summary in the PDF: at most four pages (its outline entry's page to the
// next chapter's, read by qpdf), an H1 in the structure tree, its tables
// tagged Table with TH header cells.
func TestExecutiveSummaryPDF(t *testing.T) {
	s, x, f, opt := exampleWithSummary(t)
	d, _ := Strategy(s, x, f, opt)
	var buf bytes.Buffer
	if err := pdf.Render(&buf, d, pdf.Options{}); err != nil {
		t.Fatal(err)
	}

	ut, err := pdfua.Tree(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var elems []*pdfua.Elem
	var flat func(e *pdfua.Elem)
	flat = func(e *pdfua.Elem) {
		elems = append(elems, e)
		for _, k := range e.Kids {
			if k.Type != "" {
				flat(k)
			}
		}
	}
	flat(ut)
	start := -1
	for i, e := range elems {
		if e.Type == "H1" && strings.TrimSpace(e.AllText()) == "Streszczenie" {
			start = i
		}
	}
	if start < 0 {
		t.Fatal("no H1 „Streszczenie” in the PDF's structure tree")
	}
	tables, ths := 0, 0
	for _, e := range elems[start+1:] {
		if e.Type == "H1" {
			break
		}
		switch e.Type {
		case "Table":
			tables++
		case "TH":
			ths++
		}
	}
	if tables < 2 || ths < 2*3 {
		t.Errorf("the summary has %d tables with %d TH cells in the structure tree, want 2 tables with header rows", tables, ths)
	}

	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf is not installed")
		}
		t.Skip("qpdf not installed")
	}
	file := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	var js struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	for i, o := range js.Outlines {
		if o.Title != "Streszczenie" {
			continue
		}
		if i+1 == len(js.Outlines) {
			t.Fatal("„Streszczenie” is the last outline entry")
		}
		next := js.Outlines[i+1]
		pages := next.Page - o.Page
		t.Logf("„Streszczenie” pages %d–%d (%d), next %q", o.Page, next.Page-1, pages, next.Title)
		if pages < 1 || pages > 4 {
			t.Errorf("„Streszczenie” takes %d pages (page %d to %q on page %d), want 1–4", pages, o.Page, next.Title, next.Page)
		}
		return
	}
	t.Fatal("no outline entry „Streszczenie”")
}

// TestExecutiveSummaryDOCXAndHTML: the DOCX and HTML editions carry the
// summary as a chapter-level heading (Heading1; in HTML the level of the
// chapters, h2 under the page's h1 title) with its tables' header rows
// marked (w:tblHeader; thead/th).
func TestExecutiveSummaryDOCXAndHTML(t *testing.T) {
	s, x, f, opt := exampleWithSummary(t)
	d, _ := Strategy(s, x, f, opt)

	var buf bytes.Buffer
	if err := docx.Render(&buf, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var body string
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			body = string(b)
		}
	}
	h1 := regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="Heading1(?:Unlisted)?"/>.*?</w:p>`)
	var part string
	locs := h1.FindAllStringIndex(body, -1)
	for k, l := range locs {
		if plainXML(body[l[0]:l[1]]) == "Streszczenie" {
			end := len(body)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			part = body[l[0]:end]
		}
	}
	if part == "" {
		t.Fatal("DOCX: no Heading1 paragraph „Streszczenie”")
	}
	if n, h := strings.Count(part, "<w:tbl>"), strings.Count(part, "<w:tblHeader/>"); n < 2 || h < 2 {
		t.Errorf("DOCX: the summary has %d tables, %d header rows; want 2 tables with header rows", n, h)
	}

	files, err := html.Render(d, html.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The HTML page's title is its h1, so a chapter is an h2: the summary
	// stands at the level of the chapter „Wprowadzenie”.
	page := string(files[len(files)-1].Data)
	lv := regexp.MustCompile(`<(h[1-6])>(?:<span class="numer">[^<]*</span> )?Wprowadzenie</h[1-6]>`).FindStringSubmatch(page)
	if lv == nil {
		t.Fatal("HTML: no heading „Wprowadzenie”")
	}
	hs := regexp.MustCompile(`<`+lv[1]+`[ >].*?</`+lv[1]+`>`).FindAllStringIndex(page, -1)
	part = ""
	for k, l := range hs {
		if strings.Contains(page[l[0]:l[1]], ">Streszczenie<") {
			end := len(page)
			if k+1 < len(hs) {
				end = hs[k+1][0]
			}
			part = page[l[0]:end]
		}
	}
	if part == "" {
		t.Fatalf("HTML: no <%s> „Streszczenie” (the level of a chapter)", lv[1])
	}
	if n, h := strings.Count(part, "<table"), strings.Count(part, "<thead>"); n < 2 || h < 2 || !strings.Contains(part, "<th") {
		t.Errorf("HTML: the summary has %d tables, %d with thead; want 2 tables with header cells", n, h)
	}
}

// plainXML is the text of an XML fragment's w:t elements.
func plainXML(s string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`).FindAllStringSubmatch(s, -1) {
		b.WriteString(m[1])
	}
	return b.String()
}
