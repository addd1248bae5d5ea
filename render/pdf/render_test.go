package pdf

import (
	"bytes"
	"codeberg.org/go-pdf/fpdf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
)

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF: %q", b.Bytes()[:min(16, b.Len())])
	}
	checkUA(t, b.Bytes())
	return b.Bytes()
}

func tx(s string) *doc.Text { return &doc.Text{Text: s} }

// smallDoc contains every node kind.
func smallDoc() *doc.Document {
	body := "Gmina leży w\u00a0dolinie rzeki, a\u00a0jej mieszkańcy cenią przedsiębiorczość."
	return &doc.Document{
		Meta: doc.Meta{Title: "Strategia Gminy Żółkiewka", Subtitle: "na lata 2025–2030", Author: "Rada Gminy",
			Date: "2025-01-15", Keywords: []string{"strategia"}, TitlePage: []string{"Załącznik do uchwały"}},
		Blocks: []doc.Block{
			&doc.TOC{Title: "Spis treści", Depth: 2},
			&doc.Section{Level: 1, Anchor: "s1", PageBreakBefore: true, Title: []doc.Inline{tx("Diagnoza")}, Blocks: []doc.Block{
				&doc.Paragraph{Inlines: []doc.Inline{tx(body + " "), &doc.Text{Text: "Ważne", Style: doc.Bold},
					tx(" i "), &doc.Text{Text: "pochylone", Style: doc.Italic}, &doc.FootnoteRef{ID: "f1"}, &doc.LineBreak{},
					&doc.Link{Anchor: "t1", Inlines: []doc.Inline{tx("Tabela 1")}}, tx(" oraz "),
					&doc.Link{URL: "https://example.org/", Inlines: []doc.Inline{tx("strona")}}, tx(".")}},
				&doc.Heading{Level: 3, Anchor: "h", Text: []doc.Inline{tx("Wnioski")}},
				&doc.List{Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("pierwszy")}},
					&doc.List{Ordered: true, Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("zagnieżdżony")}}}}}}}}}},
				&doc.Table{Anchor: "t1", HeaderRows: 1, Widths: []float64{2, 1}, Caption: []doc.Inline{tx("Tabela 1. Dane")},
					Rows: []*doc.Row{
						{Cells: []*doc.Cell{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Nazwa")}}}}, {Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Wartość")}}}}}},
						{Cells: []*doc.Cell{{RowSpan: 2, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Ludność")}}}}, {Align: doc.AlignRight, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("12 345")}}}}}},
						{Cells: []*doc.Cell{{Shade: doc.ShadeAccent, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("6 789")}}}}}},
						{Cells: []*doc.Cell{{ColSpan: 2, Shade: doc.ShadeLight, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Razem")}}}}}},
					}, Note: []doc.Inline{tx("Źródło: GUS.")}},
				&doc.Figure{Anchor: "f", Name: "a.png", Format: "png", Data: doctestPNG(), WidthPx: 480, HeightPx: 270,
					Caption: []doc.Inline{tx("Rycina 1. Wykres")}, Source: []doc.Inline{tx("Źródło: własne.")}},
				&doc.PageBreak{},
				&doc.Paragraph{Style: doc.ParaQuote, Inlines: []doc.Inline{tx("Cytat.")}},
			}},
			&doc.Section{Level: 1, Unnumbered: true, Title: []doc.Inline{tx("Aneks")}},
		},
		Footnotes: []*doc.Footnote{{ID: "f1", Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Przypis ąęź.")}}}}},
	}
}

func doctestPNG() []byte {
	d := doctest.Sample(1)
	var data []byte
	_ = doc.Walk(d, func(n doc.Node, _ bool) (doc.WalkStatus, error) {
		if f, ok := n.(*doc.Figure); ok && data == nil {
			data = f.Data
		}
		return doc.WalkContinue, nil
	})
	if data == nil {
		// Sample(1) has no figure: make one from a larger sample
		_ = doc.Walk(doctest.Sample(40), func(n doc.Node, _ bool) (doc.WalkStatus, error) {
			if f, ok := n.(*doc.Figure); ok && data == nil {
				data = f.Data
			}
			return doc.WalkContinue, nil
		})
	}
	return data
}

func TestAllKindsHandled(t *testing.T) {
	d := smallDoc()
	seen := map[doc.Kind]bool{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		seen[n.Kind()] = true
		return doc.WalkContinue, nil
	})
	for _, k := range doc.AllKinds() {
		if !seen[k] {
			t.Errorf("smallDoc lacks kind %s", k)
		}
	}
	pdf := render(t, d)
	checkTools(t, pdf, []string{"Gmina leży w dolinie rzeki, a jej mieszkańcy cenią przedsiębiorczość.",
		"Przypis ąęź.", "Strona 2 z", "Strategia Gminy Żółkiewka"})
}

func TestDeterministic(t *testing.T) {
	a := render(t, doctest.Sample(30))
	b := render(t, doctest.Sample(30))
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
}

func TestSample(t *testing.T) {
	if testing.Short() {
		t.Skip("large sample")
	}
	d := doctest.Sample(120)
	pdf := render(t, d)
	if out := os.Getenv("PDF_OUT"); out != "" {
		if err := os.WriteFile(out, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkTools(t, pdf, append(append([]string(nil), doctest.Sentences...), "Spis treści", "1.1. "))
	if pages := pageCount(t, pdf); pages > 0 && (pages < 100 || pages > 150) {
		t.Errorf("Sample(120) has %d pages", pages)
	}
}

func TestBadInput(t *testing.T) {
	if err := Render(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("nil document: no error")
	}
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Paragraph{Inlines: []doc.Inline{tx("emoji 😀 i\u00admiękki łącznik"), &doc.FootnoteRef{ID: "missing"}}},
		&doc.Table{}, &doc.List{}, &doc.Section{Level: 7},
		&doc.Paragraph{Inlines: []doc.Inline{tx(strings.Repeat("Konstantynopolitańczykowianeczka", 8))}},
	}}
	render(t, d)
}

var ws = strings.NewReplacer("\u00a0", " ", "\f", " ", "\n", " ", "\t", " ")

// normalize joins hyphenated line ends and collapses white space.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "-\n", "")
	return strings.Join(strings.Fields(ws.Replace(s)), " ")
}

func writeTemp(t testing.TB, pdf []byte) string {
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func checkTools(t *testing.T, pdf []byte, want []string) {
	t.Helper()
	p := writeTemp(t, pdf)
	if _, err := exec.LookPath("qpdf"); err == nil {
		out, err := exec.Command("qpdf", "--check", p).CombinedOutput()
		if err != nil || bytes.Contains(out, []byte("WARNING")) {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	} else {
		t.Log("qpdf not installed: skipping qpdf --check")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	got := normalize(string(out))
	for _, w := range want {
		if !strings.Contains(got, normalize(w)) {
			t.Errorf("extracted text lacks %q", w)
		}
	}
}

func pageCount(t *testing.T, pdf []byte) int {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		return 0
	}
	out, err := exec.Command("pdfinfo", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			n := 0
			for _, c := range f[1] {
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	return 0
}

func BenchmarkRender120(b *testing.B) {
	d := doctest.Sample(120)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/pdf")
}

// TestLayoutCache renders the sample without the layout cache, then
// twice with one: all three are the same bytes, and the second render
// with the cache measures no word and breaks no paragraph anew (it adds
// no entry).
func TestLayoutCache(t *testing.T) {
	d := doctest.Sample(30)
	render := func(c *LayoutCache) []byte {
		var buf bytes.Buffer
		if err := Render(&buf, d, Options{Cache: c}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	plain := render(nil)
	c := NewLayoutCache()
	first := render(c)
	lines, words := c.lines.Len(), c.words.Len()
	if lines == 0 || words == 0 {
		t.Fatalf("the render kept %d line breaks and %d words", lines, words)
	}
	second := render(c)
	if c.lines.Len() != lines || c.words.Len() != words {
		t.Errorf("the second render broke %d paragraphs and measured %d words anew", c.lines.Len()-lines, c.words.Len()-words)
	}
	if !bytes.Equal(plain, first) || !bytes.Equal(first, second) {
		t.Error("a render with the layout cache differs from one without")
	}
}

// TestBreakKey: a paragraph set at another measure, or changed in
// one item, has another key.
func TestBreakKey(t *testing.T) {
	items := []kpItem{{kind: kBox, w: 10}, {kind: kGlue, w: 2, st: 1, sh: 0.5}, {kind: kBox, w: 12}, {kind: kPen, pen: -inf}}
	ps := paraSpec{size: 11, justify: true}
	k := breakKey(items, 100, ps)
	if breakKey(items, 100, ps) != k {
		t.Fatal("the key is not a function of its input")
	}
	if breakKey(items, 101, ps) == k {
		t.Error("another measure, the same key")
	}
	ps2 := ps
	ps2.justify = false
	if breakKey(items, 100, ps2) == k {
		t.Error("another setting, the same key")
	}
	items[1].st = 1.5
	if breakKey(items, 100, ps) == k {
		t.Error("another stretch, the same key")
	}
}

// BenchmarkRerender120 is BenchmarkRender120 as a watch rebuild renders:
// with what the previous render measured and broke kept.
func BenchmarkRerender120(b *testing.B) {
	d := doctest.Sample(120)
	var buf bytes.Buffer
	c := NewLayoutCache()
	if err := Render(&buf, d, Options{Cache: c}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, Options{Cache: c}); err != nil {
			b.Fatal(err)
		}
	}
}

// testLayout is the layout Render makes for d (an A4 fpdf document set
// up with default Options), for tests that drive its stages themselves.
func testLayout(d *doc.Document) *layout {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	setup(p, d.Meta, Options{})
	return newLayout(d, p)
}
