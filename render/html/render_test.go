package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func t(s string) *doc.Text { return &doc.Text{Text: s} }

// fixture is a small document with every node kind, skipped IR heading
// levels, a repeated footnote, spans and header columns.
func fixture() *doc.Document {
	png := doctest.Sample(1)
	var fig *doc.Figure
	_ = doc.Walk(png, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if f, ok := n.(*doc.Figure); ok && fig == nil {
			fig = f
		}
		return doc.WalkContinue, nil
	})
	data := []byte{0x89, 'P', 'N', 'G'}
	if fig != nil {
		data = fig.Data
	}
	return &doc.Document{
		Meta: doc.Meta{Title: "Strategia <Gminy> & „Okolic”", Subtitle: "na lata 2025–2030", Author: "Rada Gminy",
			Subject: "Strategia rozwoju", Keywords: []string{"strategia", "gmina"}, Language: "pl-PL", Date: "2025-01-15",
			TitlePage: []string{"Załącznik do uchwały nr I/1/2025"}, DraftMark: "PROJEKT – zawiera pola do uzupełnienia",
			TitleDate: "2024-06-27", Footer: "Wersja 1.0 – rewizja abc1234"},
		Blocks: []doc.Block{
			&doc.TOC{Title: "Spis treści", Depth: 3},
			&doc.Section{Level: 1, Anchor: "wstep", Unnumbered: true, Title: []doc.Inline{t("Wprowadzenie")}, Blocks: []doc.Block{
				&doc.Paragraph{Style: doc.ParaLead, Inlines: []doc.Inline{t("Wizja: "), &doc.Text{Text: "razem", Style: doc.Bold | doc.Italic}}},
				&doc.Paragraph{Inlines: []doc.Inline{t("Zob. "), &doc.Link{Anchor: "tab 1", Inlines: []doc.Inline{t("tabela 1")}},
					t(" i "), &doc.Link{URL: "https://example.org/?a=1&b=2", Inlines: []doc.Inline{t("strona")}},
					&doc.FootnoteRef{ID: "f1"}, t(" oraz "), &doc.Text{Text: "smart villages", Style: doc.Italic, Lang: "en"}, &doc.LineBreak{}, t("dalej"), &doc.FootnoteRef{ID: "f2"}, &doc.FootnoteRef{ID: "f1"}}},
			}},
			&doc.Section{Level: 1, Anchor: "diagnoza", PageBreakBefore: true, Title: []doc.Inline{t("Diagnoza")}, Blocks: []doc.Block{
				&doc.Heading{Level: 4, Anchor: "h-skok", Text: []doc.Inline{t("Nagłówek z Markdown (####)")}},
				&doc.Paragraph{Style: doc.ParaQuote, Inlines: []doc.Inline{t("Cytat 1")}},
				&doc.Paragraph{Style: doc.ParaQuote, Inlines: []doc.Inline{t("Cytat 2")}},
				&doc.List{Ordered: true, Start: 3, Items: []*doc.ListItem{
					{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{t("punkt a")}}}},
					{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{t("punkt b")}},
						&doc.List{Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{t("zagnieżdżony")}}}}}}}},
				}},
				&doc.Section{Level: 2, Anchor: "ludnosc", Title: []doc.Inline{t("Ludność")}, Blocks: []doc.Block{
					&doc.Table{Anchor: "tab 1", Caption: []doc.Inline{t("Tabela 1. Ludność gmin")}, Widths: []float64{3, 1, 1}, HeaderRows: 2, Compact: true,
						Columns: []doc.Column{{Kind: doc.ColLabel}, {Kind: doc.ColNumber}, {Kind: doc.ColNumber, Width: 0.2}}, Landscape: true,
						Rows: []*doc.Row{
							{Cells: []*doc.Cell{{RowSpan: 2, Shade: doc.ShadeHeader, Blocks: para("Gmina")}, {ColSpan: 2, Shade: doc.ShadeHeader, Blocks: para("Ludność")}}},
							{Cells: []*doc.Cell{{Shade: doc.ShadeHeader, Blocks: para("2020")}, {Shade: doc.ShadeHeader, Blocks: para("2024")}}},
							{Cells: []*doc.Cell{{Shade: doc.ShadeHeader, Blocks: para("Kolno")}, {Align: doc.AlignRight, Blocks: para("10 123")}, {Align: doc.AlignRight, Blocks: para("9 876")}}},
							{Cells: []*doc.Cell{{Shade: doc.ShadeAccent, Bold: true, Blocks: para("Razem")}, {Align: doc.AlignRight, Shade: doc.ShadeLight, Blocks: para("10 123")}, {Align: doc.AlignRight, Blocks: para("9 876")}}},
						},
						Note: []doc.Inline{t("Źródło: GUS, BDL.")}},
					&doc.Section{Level: 3, Title: []doc.Inline{t("Struktura wieku")}, Blocks: []doc.Block{
						&doc.Figure{Anchor: "m1", Name: "maps/m1 obszar.png", Format: "png", Data: data, WidthPx: 320, HeightPx: 200,
							Caption: []doc.Inline{t("Mapa 1. Obszar")}, Source: []doc.Inline{t("Źródło: opracowanie własne")}, WidthFrac: 0.8},
						&doc.Figure{Anchor: "m2", Name: "m1 obszar.png", Format: "png", Data: append([]byte(nil), data[:len(data)-1]...), Caption: []doc.Inline{t("Mapa 2. Inna")}},
					}},
				}},
				&doc.Heading{Level: 2, Text: []doc.Inline{t("Wnioski")}},
			}},
			&doc.Section{Level: 1, Anchor: "zalaczniki", Unnumbered: true, NoTOC: true, Title: []doc.Inline{t("Spis tabel")}, Blocks: []doc.Block{
				&doc.TOC{Of: doc.TOCTables},
				&doc.TOC{Of: doc.TOCFigures, Title: "Spis map"},
				&doc.Paragraph{Style: doc.ParaTerm, Inlines: []doc.Inline{t("OSI")}},
				&doc.Paragraph{Style: doc.ParaDefinition, Inlines: []doc.Inline{t("obszar strategicznej interwencji")}},
				&doc.Paragraph{Style: doc.ParaCode, Inlines: []doc.Inline{t("a < b"), &doc.LineBreak{}, t("c")}},
				&doc.Paragraph{Style: doc.ParaCaption, Inlines: []doc.Inline{&doc.Text{Text: "x", Style: doc.Sup}, &doc.Text{Text: "y", Style: doc.Sub | doc.Strike | doc.Mono}}},
				&doc.Paragraph{Style: doc.ParaNote, Align: doc.AlignCenter, Inlines: []doc.Inline{t("uwaga")}},
				&doc.PageBreak{},
			}},
		},
		Footnotes: []*doc.Footnote{
			{ID: "f2", Blocks: para("Drugi przypis.")},
			{ID: "f1", Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{t("Pierwszy przypis.")}}, &doc.Paragraph{Inlines: []doc.Inline{t("Ciąg dalszy.")}}}},
			{ID: "nieuzywany", Blocks: para("Nikt nie odsyła.")},
		},
	}
}

func para(s string) []doc.Block { return []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{t(s)}}} }

func page(tb testing.TB, files []File) string {
	tb.Helper()
	for _, f := range files {
		if f.Name == Page {
			return string(f.Data)
		}
	}
	tb.Fatal("no index.html")
	return ""
}

func TestGolden(t *testing.T) {
	files, err := Render(fixture(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if got := strings.Join(names, " "); !regexp.MustCompile(`^img/m1-obszar-[0-9a-f]{8}\.png img/m1-obszar-[0-9a-f]{8}\.png style.css index.html$`).MatchString(got) || names[0] == names[1] {
		t.Errorf("files = %s, want two images named by map and content, the stylesheet and the page", got)
	}
	got := page(t, files)
	golden := filepath.Join("testdata", "fixture.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("index.html differs from %s (run go test -update and review the diff)", golden)
	}
}

func TestAllKinds(t *testing.T) {
	d := fixture()
	seen := map[doc.Kind]bool{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		seen[n.Kind()] = true
		return doc.WalkContinue, nil
	})
	for _, k := range doc.AllKinds() {
		if !seen[k] {
			t.Errorf("fixture lacks %v", k)
		}
	}
}

func TestSemantics(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    *doc.Document
		opt  Options
	}{
		{"fixture", fixture(), Options{}},
		{"fixture-no-title", fixture(), Options{NoTitlePage: true}},
		{"sample", doctest.Sample(30), Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Render(tc.d, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			h := page(t, files)
			checkBalanced(t, h)
			checkHeadings(t, h, tc.opt.NoTitlePage)
			checkLinks(t, h, files)
			for _, s := range []string{`<html lang="pl">`, "<main id=\"tresc\">", "<nav class=\"spis spis-sections\"", "<thead>", `<th scope="col"`, "<caption", "<figure", "<figcaption>", "<img src=\"img/"} {
				if !strings.Contains(h, s) {
					t.Errorf("no %s", s)
				}
			}
			if strings.Contains(h, "<script") {
				t.Error("the edition must need no script")
			}
			if tc.name == "fixture" {
				for _, s := range []string{
					`<h1>Strategia &lt;Gminy&gt; &amp; „Okolic”</h1>`,
					`<section id="diagnoza" class="nowa-strona">` + "\n" + `<h2><span class="numer">1.</span> Diagnoza</h2>`,
					`<h3 id="h-skok">Nagłówek z Markdown (####)</h3>`,
					`<h3><span class="numer">1.1.</span> Ludność</h3>`,
					`<h4><span class="numer">1.1.1.</span> Struktura wieku</h4>`,
					`<h3>Wnioski</h3>`,
					`<a href="#tab-1">tabela 1</a>`,
					`<a href="https://example.org/?a=1&amp;b=2">`,
					`<th scope="col" rowspan="2" class="cien-naglowek">Gmina</th><th scope="colgroup" colspan="2"`,
					`<th scope="row" class="cien-naglowek">Kolno</th><td class="do-prawej liczba">10 123</td>`,
					`<colgroup><col><col><col style="width:20.0%"></colgroup>`,
					`<div class="tabela zwarta pozioma" id="tab-1"`,
					`<td class="do-prawej liczba">9 876</td>`,
					`<td class="do-prawej cien-jasny liczba">10 123</td>`,
					`<p class="data">czerwiec 2024</p>`,
					"</main>\n<footer class=\"stopka\"><p>Wersja 1.0 – rewizja abc1234</p></footer>",
					`alt="Mapa 1. Obszar" width="320" height="200" style="width:80%"`, `<img src="img/m1-obszar-`,
					`<sup class="odwolanie"><a id="odwolanie-1" href="#przypis-1"`,
					`<a id="odwolanie-1-2" href="#przypis-1"`,
					`<li id="przypis-2">Drugi przypis. <a class="powrot" href="#odwolanie-2"`,
					`<ol start="3">`, "<blockquote>\n<p>Cytat 1</p>\n<p>Cytat 2</p>\n</blockquote>",
					"<dl>\n<dt>OSI</dt>\n<dd>obszar strategicznej interwencji</dd>\n</dl>",
					"<pre><code>a &lt; b\nc</code></pre>", `<nav class="spis spis-tables" aria-label="Spis tabel">`,
					`<li><a href="#m1">Mapa 1. Obszar</a></li>`,
					"<body>\n<a class=\"pomin\" href=\"#tresc\">Przejdź do treści</a>\n<p class=\"projekt\" role=\"note\">PROJEKT – zawiera pola do uzupełnienia</p>",
				} {
					if !strings.Contains(h, s) {
						t.Errorf("no %q", s)
					}
				}
				if strings.Contains(h, "Nikt nie odsyła") {
					t.Error("an unreferenced footnote is printed")
				}
			}
		})
	}
}

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>`)

var void = map[string]bool{"meta": true, "link": true, "br": true, "img": true, "col": true, "hr": true}

// checkBalanced checks every element is closed in order (the renderer
// writes no optional end tags away).
func checkBalanced(tb testing.TB, h string) {
	tb.Helper()
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(h, -1) {
		name := strings.ToLower(m[2])
		if void[name] {
			continue
		}
		if m[1] == "" {
			stack = append(stack, name)
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != name {
			tb.Fatalf("</%s> closes %v", name, stack)
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		tb.Fatalf("unclosed %v", stack)
	}
}

var headRE = regexp.MustCompile(`<h([1-6])[ >]`)

// checkHeadings checks heading levels never skip one going down, and that
// the page starts at h1 (or h1/h2 without a title page).
func checkHeadings(tb testing.TB, h string, noTitle bool) {
	tb.Helper()
	prev := 0
	for i, m := range headRE.FindAllStringSubmatch(h, -1) {
		lv, _ := strconv.Atoi(m[1])
		if i == 0 && lv != 1 && !noTitle {
			tb.Errorf("first heading is h%d", lv)
		}
		if lv > prev+1 && i > 0 {
			tb.Errorf("heading %d: h%d after h%d skips a level", i, lv, prev)
		}
		prev = lv
	}
}

var (
	idRE   = regexp.MustCompile(` id="([^"]+)"`)
	hrefRE = regexp.MustCompile(` (?:href|src)="([^"]+)"`)
)

// checkLinks checks ids are unique, every internal link has its target and
// every file the page names is in the folder.
func checkLinks(tb testing.TB, h string, files []File) {
	tb.Helper()
	ids := map[string]bool{}
	for _, m := range idRE.FindAllStringSubmatch(h, -1) {
		if ids[m[1]] {
			tb.Errorf("duplicate id %q", m[1])
		}
		ids[m[1]] = true
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = true
	}
	for _, m := range hrefRE.FindAllStringSubmatch(h, -1) {
		switch u := m[1]; {
		case strings.HasPrefix(u, "#"):
			if !ids[u[1:]] {
				tb.Errorf("link to missing id %s", u)
			}
		case strings.Contains(u, "://"):
		default:
			if !names[u] {
				tb.Errorf("page names %s, not in the folder", u)
			}
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]string{
		"https://bip.kolno.pl/a?b=1":  "https://bip.kolno.pl/a?b=1",
		"HTTP://x.pl":                 "HTTP://x.pl",
		"mailto:sekretariat@kolno.pl": "mailto:sekretariat@kolno.pl",
		"tel:+48862780000":            "tel:+48862780000",
		"dokumenty/plan.pdf":          "dokumenty/plan.pdf",
		"#r2":                         "#r2",
		"javascript:alert(1)":         "",
		" JavaScript:alert(1)":        "",
		"data:text/html,<script>":     "",
		"vbscript:x":                  "",
	} {
		if got := safeURL(u); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", u, got, want)
		}
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Link{URL: "javascript:alert(1)", Inlines: []doc.Inline{&doc.Text{Text: "klik"}}}}}}}
	files, err := Render(d, Options{NoTitlePage: true})
	if err != nil {
		t.Fatal(err)
	}
	if h := page(t, files); strings.Contains(h, "javascript") || !strings.Contains(h, "<p>klik</p>") {
		t.Errorf("a javascript: link is kept:\n%s", h)
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Render(doctest.Sample(20), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Render(doctest.Sample(20), Options{})
	if len(a) != len(b) {
		t.Fatal("file count differs")
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between runs", a[i].Name)
		}
	}
}

// TestSampleText checks the sample's Polish sentences arrive verbatim.
func TestSampleText(t *testing.T) {
	files, err := Render(doctest.Sample(10), Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := page(t, files)
	for _, s := range doctest.Sentences {
		if !strings.Contains(h, s) {
			t.Errorf("no %q", s)
		}
	}
}

// BenchmarkRender120 renders the 120-page sample (target ≤ 20 ms on one core).
func BenchmarkRender120(b *testing.B) {
	d := doctest.Sample(120)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
