package docx

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc/doctest"
)

// TestLibreOffice converts a rendered sample to PDF with LibreOffice and,
// when pdftotext is installed, checks the text LibreOffice laid out:
// running header, "Strona X z Y", numbered headings, TOC page numbers
// from Options.TOCPages, footnotes. It is skipped where LibreOffice is
// absent.
func TestLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	lo := libreOffice(t)
	d := doctest.Sample(20)
	pdfPath := convertToPDF(t, lo, render(t, d, Options{TOCPages: map[string]int{"wstep": 3, "r1": 4}}), "sample")
	pdf, err := os.ReadFile(pdfPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("output is not a PDF")
	}
	pageTexts := pdfPages(t, pdfPath)
	text := strings.Join(pageTexts, "\f")
	pages := len(pageTexts)
	if pages < 10 {
		t.Errorf("%d pages, want at least 10", pages)
	}
	for _, want := range []string{
		"Spis treści", "Strona 2 z ", d.Meta.Header,
		doctest.Sentences[0], "Bank Danych Lokalnych GUS",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice PDF lacks %q", want)
		}
	}
	for _, re := range []string{`(?m)^\s*1\.\s+Diagnoza sytuacji`, `(?m)^\s*1\.1\.\s+\S`, `(?m)^\s*1\.1\.1\.\s+\S`} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("LibreOffice PDF lacks a numbered heading matching %s", re)
		}
	}
	// Pre-filled TOC entries with the given page numbers.
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "Wprowadzenie") && strings.Contains(line, "...") {
			if !strings.HasSuffix(strings.TrimSpace(line), "3") {
				t.Errorf("TOC line %q does not end in its page number 3", line)
			}
			break
		}
	}
}
