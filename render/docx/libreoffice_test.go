package docx

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

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
	var lo string
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			lo = p
			break
		}
	}
	if lo == "" {
		t.Skip("LibreOffice not installed")
	}
	dir := t.TempDir()
	d := doctest.Sample(20)
	in := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(in, render(t, d, Options{TOCPages: map[string]int{"wstep": 3, "r1": 4}}), 0o644); err != nil {
		t.Fatal(err)
	}
	// A private profile, so the test runs as root and beside a running
	// LibreOffice without a profile lock clash.
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", lo, err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "sample.pdf"))
	if err != nil {
		t.Fatalf("no PDF: %v\n%s", err, out)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("output is not a PDF")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	txt, err := exec.CommandContext(ctx, pdftotext, "-layout", filepath.Join(dir, "sample.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(txt)
	pages := strings.Count(text, "\f")
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
