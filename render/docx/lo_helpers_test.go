package docx

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// libreOffice returns the path of soffice, or skips the test where it is
// absent or the run is -short.
func libreOffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("slow")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice not installed")
	return ""
}

// convertToPDF writes data as name.docx in a temporary folder, converts it
// with LibreOffice and returns the path of the PDF.
func convertToPDF(t *testing.T, lo string, data []byte, name string) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
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
	pdf := filepath.Join(dir, name+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("no PDF: %v\n%s", err, out)
	}
	return pdf
}

// pdfPages returns the text of every page of a PDF (pdftotext -layout),
// or skips the test where pdftotext is absent.
func pdfPages(t *testing.T, pdf string) []string {
	t.Helper()
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command(p, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}
