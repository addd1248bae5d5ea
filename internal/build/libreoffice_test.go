package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDOCXOpensInLibreOffice converts the example's strategy, a fiche and
// procedure documents (the consultation report, a resolution, the
// opinion request) from DOCX to PDF with LibreOffice and checks that the
// conversion works and paginates like our own PDF. It skips where LibreOffice or
// pdfinfo is not installed (.ci/run installs both).
func TestDOCXOpensInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs LibreOffice")
	}
	lo := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			lo = p
			break
		}
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if lo == "" || err != nil {
		t.Skip("LibreOffice or pdfinfo not installed")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	out := t.TempDir()
	r := New(Options{Out: out, Version: "test"}).Partnership(context.Background(), example)
	if !r.OK() {
		t.Fatal(r.Err, r.Diags.Items())
	}
	dir := filepath.Join(out, "ziemia-kolnenska")
	conv := t.TempDir()
	profile := "file://" + filepath.ToSlash(t.TempDir())
	names := []string{"ziemia-kolnenska-strategia", "fiszki/ziemia-kolnenska-fiszka-P02",
		"ziemia-kolnenska-sprawozdanie-z-konsultacji", "uchwaly/ziemia-kolnenska-uchwala-rada-miejska-w-stawiskach",
		"pisma/ziemia-kolnenska-wniosek-o-opinie-zarzad-wojewodztwa-podlaskiego"}
	// One LibreOffice run converts them all: its start-up is most of the
	// cost of a small document.
	args := []string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", conv}
	for _, name := range names {
		args = append(args, filepath.Join(dir, name+".docx"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	cmd := exec.CommandContext(ctx, lo, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	b, err := cmd.CombinedOutput()
	cancel()
	if err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, b)
	}
	for _, name := range names {
		lopages := pages(t, pdfinfo, filepath.Join(conv, filepath.Base(name)+".pdf"))
		ours := pages(t, pdfinfo, filepath.Join(dir, name+".pdf"))
		diff := float64(lopages-ours) / float64(ours)
		t.Logf("%s: our PDF %d pages, LibreOffice from DOCX %d pages (%+.0f%%)", name, ours, lopages, diff*100)
		// Long documents within 15%; a short one (a resolution, a letter)
		// within a page.
		if ours >= 5 && (diff > 0.15 || diff < -0.15) || ours < 5 && (lopages-ours > 1 || ours-lopages > 1) {
			t.Errorf("%s: DOCX paginates to %d pages in LibreOffice, our PDF has %d (more than 15%% apart)", name, lopages, ours)
		}
	}
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pages(t *testing.T, pdfinfo, file string) int {
	t.Helper()
	b, err := exec.Command(pdfinfo, file).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	m := pagesRE.FindSubmatch(b)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count in %q", file, strings.TrimSpace(string(b)))
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
