package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/render/doc/doctest"
)

// convertRedline converts a DOCX with LibreOffice to format (pdf, odt)
// and returns the output's bytes.
func convertRedline(t *testing.T, lo string, data []byte, format string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "redline.docx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	profile := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "profile")}).String()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation="+profile, "--headless", "--convert-to", format, "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", lo, err, out)
	}
	out, err := os.ReadFile(filepath.Join(dir, "redline."+format))
	if err != nil {
		t.Fatalf("LibreOffice wrote no %s: %v", format, err)
	}
	return out
}

// TestRedlineLibreOffice: LibreOffice opens the redline, lists its
// changes (the ODT it saves holds them as tracked changes, what Edit →
// Track Changes → Manage shows) and prints them: the deleted word is in
// the PDF, struck through, beside the inserted one.
func TestRedlineLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	older, newer := doctest.Sample(12), doctest.Sample(12)
	deleted := amend(t, newer)
	red := redline(t, older, newer)

	odt := convertRedline(t, lo, red, "odt")
	zr, err := zip.NewReader(bytes.NewReader(odt), int64(len(odt)))
	if err != nil {
		t.Fatal(err)
	}
	var content string
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			content = string(b)
		}
	}
	ins, del := strings.Count(content, "<text:insertion>"), strings.Count(content, "<text:deletion>")
	if ins < 3 || del < 3 {
		t.Errorf("LibreOffice sees %d insertions and %d deletions, want at least 3 of each", ins, del)
	}
	if !strings.Contains(content, "<dc:creator>strategia</dc:creator>") {
		t.Error("the tracked changes' author is not strategia")
	}

	pdf := filepath.Join(t.TempDir(), "redline.pdf")
	os.WriteFile(pdf, convertRedline(t, lo, red, "pdf"), 0o644)
	text := strings.Join(pdfPages(t, pdf), "\f")
	for _, want := range []string{deleted, "łączy", "Akapit dodany po konsultacjach", "Nowy wiersz", doctest.Sentences[2][:20]} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's PDF of the redline lacks %q", want)
		}
	}
}
