package compose

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/compose/composetest"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/docx"
	"github.com/strategia-pl/strategia/render/pdf"
)

// TestExampleDOCX renders the example's strategy and package as DOCX.
func TestExampleDOCX(t *testing.T) {
	s, x, f, opt := loadExample(t)
	d, _ := Strategy(s, x, f, opt)
	if err := docx.Render(io.Discard, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	p, _ := Package(s, x, f, opt)
	if err := docx.Render(io.Discard, p, docx.Options{}); err != nil {
		t.Fatal(err)
	}
}

const exampleDir = "../../content/ziemia-kolnenska"

// loadExample loads the example partnership, skipping when it is absent.
func loadExample(t testing.TB) (*model.Strategy, *model.Index, *model.Facts, Options) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(exampleDir, "partnership.yaml")); err != nil {
		t.Skip("example content not present")
	}
	return loadDir(t, exampleDir)
}

// TestExampleDeterministic composes the example twice (strategy, every
// fiche, the package) and requires identical dumps and no diagnostics.
func TestExampleDeterministic(t *testing.T) {
	s, x, f, opt := loadExample(t)
	a, l := Strategy(s, x, f, opt)
	if l.Len() > 0 {
		t.Errorf("diagnostics:\n%s", diagText(l, s.Dir))
	}
	b, _ := Strategy(s, x, f, opt)
	if dump(a) != dump(b) {
		t.Error("two composes of the strategy differ")
	}
	for _, p := range s.Projects {
		f1, l := Fiche(s, x, f, p.ID, opt)
		if l.Len() > 0 {
			t.Errorf("fiche %s diagnostics:\n%s", p.ID, diagText(l, s.Dir))
		}
		f2, _ := Fiche(s, x, f, p.ID, opt)
		if dump(f1) != dump(f2) {
			t.Errorf("two composes of fiche %s differ", p.ID)
		}
	}
	p1, _ := Package(s, x, f, opt)
	p2, _ := Package(s, x, f, opt)
	if dump(p1) != dump(p2) {
		t.Error("two composes of the package differ")
	}
	checkLinks(t, a)
}

// checkLinks requires every internal link of d to have a target.
func checkLinks(t *testing.T, d *doc.Document) {
	t.Helper()
	anchors, links := map[string]bool{}, map[string]bool{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Section:
			anchors[n.Anchor] = true
		case *doc.Heading:
			anchors[n.Anchor] = true
		case *doc.Paragraph:
			anchors[n.Anchor] = true
		case *doc.Table:
			anchors[n.Anchor] = true
		case *doc.Figure:
			anchors[n.Anchor] = true
		case *doc.Link:
			if n.Anchor != "" {
				links[n.Anchor] = true
			}
		}
		return doc.WalkContinue, nil
	})
	for a := range links {
		if !anchors[a] {
			t.Errorf("link to missing anchor %q", a)
		}
	}
}

var (
	mdLinkRE  = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdSpanRE  = regexp.MustCompile(`\[([^\]]*)\]\{lang=[^}]*\}`) // [smart village]{lang=en}
	sentEndRE = regexp.MustCompile(`[.!?…:;]\s+`)
	listRE    = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
)

// sentences extracts the prose sentences of a Markdown text: lines of
// tables, headings, code, references and footnotes are left out (their
// text is laid out differently), and inline markup is removed.
func sentences(src string) []string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	code := false
	for _, ln := range strings.Split(src, "\n") {
		tl := strings.TrimSpace(ln)
		if strings.HasPrefix(tl, "```") {
			code = !code
			flush()
			continue
		}
		switch {
		case code, tl == "", strings.HasPrefix(tl, "|"), strings.HasPrefix(tl, "#"), strings.HasPrefix(tl, "[^"),
			strings.HasPrefix(tl, "<!--"), strings.HasPrefix(tl, ":"):
			flush()
			continue
		}
		if listRE.MatchString(ln) || strings.HasPrefix(tl, ">") {
			flush()
			tl = strings.TrimSpace(strings.TrimLeft(listRE.ReplaceAllString(tl, ""), "> "))
		}
		cur = append(cur, tl)
	}
	flush()
	var out []string
	for _, p := range paras {
		p = mdLinkRE.ReplaceAllString(p, "$1")
		p = mdSpanRE.ReplaceAllString(p, "$1")
		p = strings.NewReplacer("**", "", "*", "", "`", "", "\\", "").Replace(p)
		for _, s := range sentEndRE.Split(p, -1) {
			if strings.Contains(s, "{{") || strings.Contains(s, "[^") || strings.Contains(s, "<") || len(strings.Fields(s)) < 3 {
				continue
			}
			out = append(out, s)
		}
	}
	return out
}

// norm keeps letters and digits only, and folds typographic variants, so
// line breaks, hyphenation, no-break spaces and quotes do not matter.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z',
			strings.ContainsRune("ąćęłńóśźżĄĆĘŁŃÓŚŹŻéüöä", r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestExamplePDFText renders the example strategy and package to PDF and
// checks with pdftotext that every prose sentence of every Markdown file
// is in the text, Polish letters intact.
func TestExamplePDFText(t *testing.T) {
	s, x, f, opt := loadExample(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	d, _ := Strategy(s, x, f, opt)
	var buf bytes.Buffer
	if err := pdf.Render(&buf, d, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "s.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Drop running headers and footers, which interrupt paragraphs
	// that cross a page, and the table header rows repeated at the top of
	// a page, which interrupt a table row broken across pages.
	repeated := map[string]bool{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if t, ok := n.(*doc.Table); ok && entering {
			for _, r := range t.Rows[:min(t.HeaderRows, len(t.Rows))] {
				for _, c := range r.Cells {
					repeated[norm(doc.PlainText(c))] = true
				}
			}
		}
		return doc.WalkContinue, nil
	})
	var keep []string
	glue := false // the last kept line ends in a word hyphenated across the page
	for _, page := range strings.Split(string(out), "\f") {
		top := true // still among the lines at the top of the page
		for _, ln := range strings.Split(page, "\n") {
			if m := gluedFooter.FindStringSubmatch(ln); m != nil {
				// poppler joins a word hyphenated at the foot of a
				// page with the page number below it
				keep = append(keep, m[1])
				glue = true
				continue
			}
			l := strings.TrimSpace(ln)
			if strings.HasPrefix(l, "Strona ") && strings.Contains(l, " z ") || norm(l) == norm(d.Meta.Header) || d.Meta.Footer != "" && norm(l) == norm(d.Meta.Footer) {
				continue
			}
			if top && (l == "" || repeated[norm(l)]) {
				continue
			}
			top = false
			if glue && len(keep) > 0 {
				keep[len(keep)-1] += l
				glue = false
				continue
			}
			keep = append(keep, ln)
		}
	}
	text := norm(strings.Join(keep, "\n"))
	// Footnotes stand at the foot of the page, inside a paragraph that
	// continues on the next: take them (and their numbers) out.
	// Footnotes are numbered in the order of d.Footnotes (their first
	// references); only the number is taken with the note, not digits
	// of the text before it ("(4,8%)." then note 3).
	for k, fn := range d.Footnotes {
		var b strings.Builder
		for _, bl := range fn.Blocks {
			b.WriteString(doc.PlainText(bl))
		}
		if nb := norm(b.String()); nb != "" {
			if i := strings.Index(text, nb); i >= 0 {
				j := i
				if num := strconv.Itoa(k + 1); strings.HasSuffix(text[:i], num) {
					j -= len(num)
				}
				text = text[:j] + text[i+len(nb):]
			}
		}
	}
	if !strings.Contains(text, "ąćęłńóśźż"[:2]) && !strings.ContainsAny(text, "ąęłńśźż") {
		t.Fatal("no Polish letters in the extracted text")
	}
	checked, missing := 0, 0
	seen := map[string]bool{}
	model.ForEachMarkdown(s, func(md *model.Markdown) {
		if md.File == "" || seen[md.File] {
			return
		}
		seen[md.File] = true
		for _, sn := range sentences(md.Text) {
			checked++
			if !strings.Contains(text, norm(sn)) {
				missing++
				if missing <= 15 {
					t.Errorf("%s: sentence not in the PDF text: %q", md.File, sn)
				}
			}
		}
	})
	if checked < 100 {
		t.Errorf("only %d sentences checked", checked)
	}
	t.Logf("%d sentences checked in %d Markdown files, %d missing", checked, len(seen), missing)
}

// gluedFooter is a text line that ends with the page number line glued
// to it: "… w kierunku południoStrona 38 z 124".
var gluedFooter = regexp.MustCompile(`^(.*\p{L})Strona \d+ z \d+$`)

// BenchmarkComposePDF120 composes the generated 120-page strategy and
// renders it to PDF.
func BenchmarkComposePDF120(b *testing.B) {
	s, read := composetest.Strategy(120)
	x := model.NewIndex(s)
	f := model.Derive(s, x)
	opt := Options{Date: "2024-11-25", ReadFile: read}
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		d, l := Strategy(s, x, f, opt)
		if l.HasErrors() {
			b.Fatal(l.Items())
		}
		if err := pdf.Render(io.Discard, d, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
		pages = 1
	}
	_ = pages
}

// BenchmarkCompose120 is the compose step alone.
func BenchmarkCompose120(b *testing.B) {
	s, read := composetest.Strategy(120)
	x := model.NewIndex(s)
	f := model.Derive(s, x)
	opt := Options{Date: "2024-11-25", ReadFile: read}
	b.ReportAllocs()
	for b.Loop() {
		Strategy(s, x, f, opt)
	}
}

// BenchmarkExamplePDFSet composes and renders the example's strategy,
// every fiche and the package.
func BenchmarkExamplePDFSet(b *testing.B) {
	s, x, f, opt := loadExample(b)
	b.ReportAllocs()
	for b.Loop() {
		d, _ := Strategy(s, x, f, opt)
		if err := pdf.Render(io.Discard, d, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
		for _, p := range s.Projects {
			fd, _ := Fiche(s, x, f, p.ID, opt)
			if err := pdf.Render(io.Discard, fd, pdf.Options{}); err != nil {
				b.Fatal(err)
			}
		}
		pd, _ := Package(s, x, f, opt)
		if err := pdf.Render(io.Discard, pd, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExampleCompose composes the example's strategy alone (no
// rendering): the share of the document set that templates can affect.
func BenchmarkExampleCompose(b *testing.B) {
	s, x, f, opt := loadExample(b)
	b.ReportAllocs()
	for b.Loop() {
		Strategy(s, x, f, opt)
	}
}
