package build

import (
	"bytes"
	"context"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBuildExampleHTML builds the example's HTML editions: one folder per
// document with its page, stylesheet and images, the same bytes on a
// second build, and the folder of a removed project's fiche pruned.
func TestBuildExampleHTML(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	src := filepath.Join(t.TempDir(), "ziemia-kolnenska")
	copyDir(t, example, src)
	read := func(out string) map[string][]byte {
		files := map[string][]byte{}
		_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				files[filepath.ToSlash(rel)] = data
			}
			return nil
		})
		return files
	}
	out := t.TempDir()
	r := New(Options{Out: out, Version: "test", Formats: []string{FormatHTML}}).Partnership(context.Background(), src)
	if !r.OK() {
		t.Fatalf("build failed: %v\n%v", r.Err, r.Diags.Items())
	}
	files := read(out)
	for _, want := range []string{
		"ziemia-kolnenska/ziemia-kolnenska-strategia/index.html",
		"ziemia-kolnenska/ziemia-kolnenska-strategia/style.css",
		"ziemia-kolnenska/ziemia-kolnenska-pakiet-projektow/index.html",
		"ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01/index.html",
	} {
		if len(files[want]) == 0 {
			t.Errorf("missing %s", want)
		}
	}
	for name := range files {
		if strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".docx") {
			t.Errorf("-format html wrote %s", name)
		}
	}
	maps, _ := filepath.Glob(filepath.Join(out, "ziemia-kolnenska", "ziemia-kolnenska-strategia", "img", "M1-*.png"))
	if len(maps) != 1 {
		t.Fatalf("map M1 in the edition's img/: %v", maps)
	}
	m1 := filepath.Base(maps[0])
	if p := files["ziemia-kolnenska/ziemia-kolnenska-strategia/index.html"]; !bytes.Contains(p, []byte(`<img src="img/`+m1+`"`)) {
		t.Errorf("the strategy's page does not show map M1 from its own folder (img/%s)", m1)
	}

	out2 := t.TempDir()
	if r := New(Options{Out: out2, Version: "test", Formats: []string{FormatHTML}}).Partnership(context.Background(), src); !r.OK() {
		t.Fatal(r.Err)
	}
	files2 := read(out2)
	for name, data := range files {
		if !bytes.Equal(data, files2[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}

	// A file the edition no longer has (a map's image before it was
	// redrawn) goes;
	// the edition's own files stay.
	strayImg := filepath.Join(out, "ziemia-kolnenska", "ziemia-kolnenska-strategia", "img", "M1-00000000.png")
	if err := os.WriteFile(strayImg, []byte("stara mapa"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = New(Options{Out: out, Version: "test", Formats: []string{FormatHTML}, Force: true}).Partnership(context.Background(), src)
	if !r.OK() {
		t.Fatal(r.Err)
	}
	if _, err := os.Stat(strayImg); !os.IsNotExist(err) {
		t.Errorf("the image of a removed map stays in the edition: %v", err)
	}
	if _, err := os.Stat(maps[0]); err != nil {
		t.Errorf("pruning removed a current map: %v", err)
	}

	// The folder of a fiche whose project no longer exists goes.
	stale := filepath.Join(out, "ziemia-kolnenska", "fiszki", "ziemia-kolnenska-fiszka-P99")
	if err := os.MkdirAll(filepath.Join(stale, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stale, "index.html"), []byte("stary"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = New(Options{Out: out, Version: "test", Formats: []string{FormatHTML}, Force: true}).Partnership(context.Background(), src)
	if !r.OK() {
		t.Fatal(r.Err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the folder of a removed project's fiche stays: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "ziemia-kolnenska", "fiszki", "ziemia-kolnenska-fiszka-P01", "index.html")); err != nil {
		t.Errorf("pruning removed a current fiche: %v", err)
	}
}

var (
	numberedRE = regexp.MustCompile(`<h[1-6]><span class="numer">([0-9.]+)</span> (.*?)</h[1-6]>`)
	captionRE  = regexp.MustCompile(`<caption[^>]*>(.*?)</caption>|<figcaption>(.*?)(?:<br>|</figcaption>)`)
	tagRE      = regexp.MustCompile(`<[^>]+>`)
	spaceRE    = regexp.MustCompile(`\s+`)
)

// TestHTMLMatchesPDF checks the HTML edition numbers its sections and
// captions its tables and maps as the PDF does: every numbered heading
// and every caption of the HTML strategy is in the PDF's text.
func TestHTMLMatchesPDF(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	out := t.TempDir()
	r := New(Options{Out: out, Version: "test", Formats: []string{FormatHTML, FormatPDF}}).Partnership(context.Background(), example)
	if !r.OK() {
		t.Fatalf("build failed: %v", r.Err)
	}
	base := filepath.Join(out, "ziemia-kolnenska", "ziemia-kolnenska-strategia")
	page, err := os.ReadFile(filepath.Join(base, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, base+".pdf", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	norm := func(s string) string {
		s = strings.ReplaceAll(s, "\u00a0", " ")
		s = strings.ReplaceAll(s, "\u00ad", "")
		return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
	}
	// The PDF hyphenates and breaks lines: compare without hyphens at
	// line ends and with spaces collapsed.
	pdf := norm(strings.ReplaceAll(string(text), "-\n", ""))
	pdfNoSpace := strings.ReplaceAll(pdf, " ", "")
	plain := func(s string) string { return norm(html.UnescapeString(tagRE.ReplaceAllString(s, ""))) }
	heads := numberedRE.FindAllStringSubmatch(string(page), -1)
	if len(heads) < 20 {
		t.Fatalf("only %d numbered headings in the HTML", len(heads))
	}
	for _, m := range heads {
		want := m[1] + " " + plain(m[2])
		if !strings.Contains(pdfNoSpace, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("heading %q is not in the PDF", want)
		}
	}
	caps := captionRE.FindAllStringSubmatch(string(page), -1)
	if len(caps) < 5 {
		t.Fatalf("only %d captions in the HTML", len(caps))
	}
	for _, m := range caps {
		want := plain(m[1] + m[2])
		if !strings.Contains(pdfNoSpace, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("caption %q is not in the PDF", want)
		}
	}
}
