// Package doctest generates deterministic sample documents for the tests
// and benchmarks of every renderer. It imports only render/doc and the
// standard library.
package doctest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"

	"github.com/strategia-pl/strategia/render/doc"
)

// Sentences with Polish diacritics that Sample always includes verbatim
// (each in a body paragraph of its own, single spaces, no-break spaces
// after one-letter words already applied); renderer tests look for them
// in extracted text.
var Sentences = []string{
	"Zażółć gęślą jaźń – ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż.",
	"Strategia rozwoju ponadlokalnego obejmuje gminy powiatu kępińskiego.",
	"Przedsiębiorczość mieszkańców i\u00a0infrastruktura transportowa wymagają wsparcia.",
}

// rng is a small deterministic generator (xorshift64*), so the sample does
// not depend on math/rand's algorithm choices.
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	*r = rng(x)
	return x * 2685821657736338717
}

func (r *rng) intn(n int) int { return int(r.next()>>33) % n }

var subjects = []string{
	"Partnerstwo gmin", "Obszar strategiczny", "Samorząd lokalny", "Województwo wielkopolskie",
	"Sieć osadnicza obszaru", "Lokalna gospodarka", "Społeczność lokalna", "Rynek pracy",
	"Infrastruktura techniczna", "System transportowy", "Środowisko przyrodnicze", "Dziedzictwo kulturowe",
}
var verbs = []string{
	"wykazuje", "charakteryzuje się", "odznacza się", "osiąga", "utrzymuje", "wzmacnia", "potrzebuje",
	"rozwija", "wykorzystuje", "ogranicza",
}
var objects = []string{
	"zróżnicowaną strukturą przestrzenną i\u00a0funkcjonalną",
	"wysokim poziomem przedsiębiorczości mieszkańców",
	"stabilne saldo migracji w\u00a0ostatnich latach",
	"potencjał turystyczny doliny rzeki Prosny",
	"dostępność komunikacyjną do ośrodków regionalnych",
	"niewystarczającą liczbę miejsc w\u00a0żłobkach i\u00a0przedszkolach",
	"rozbudowę sieci kanalizacyjnej i\u00a0wodociągowej",
	"współpracę z\u00a0organizacjami pozarządowymi",
	"zrównoważony rozwój obszarów wiejskich",
	"inwestycje w\u00a0odnawialne źródła energii",
	"rewitalizację zdegradowanych przestrzeni publicznych",
	"kompetencje cyfrowe osób starszych",
}
var tails = []string{
	"co potwierdzają dane Głównego Urzędu Statystycznego",
	"zgodnie z\u00a0wnioskami z\u00a0diagnozy",
	"w\u00a0porównaniu ze średnią dla województwa",
	"szczególnie w\u00a0gminach wiejskich",
	"o\u00a0czym świadczą wyniki badania ankietowego",
	"a\u00a0także w\u00a0ujęciu dynamicznym",
	"na tle pozostałych powiatów subregionu",
	"z\u00a0uwagi na ograniczone zasoby finansowe",
}
var gminy = []string{"Kępno", "Baranów", "Bralin", "Łęka Opatowska", "Perzów", "Rychtal", "Trzcinica"}

func (r *rng) sentence() string {
	s := subjects[r.intn(len(subjects))] + " " + verbs[r.intn(len(verbs))] + " " +
		objects[r.intn(len(objects))]
	if r.intn(3) > 0 {
		s += ", " + tails[r.intn(len(tails))]
	}
	return s + "."
}

func text(s string) *doc.Text { return &doc.Text{Text: s} }

// paragraph returns a justified body paragraph of about n sentences with
// bold and italic runs, sometimes a footnote and a link.
func (g *gen) paragraph(n int) *doc.Paragraph {
	p := &doc.Paragraph{}
	for i := range n {
		s := g.r.sentence()
		if i > 0 {
			s = " " + s
		}
		switch g.r.intn(7) {
		case 0: // a bold phrase inside the sentence
			w := strings.SplitN(s, " ", 3)
			if len(w) == 3 {
				p.Inlines = append(p.Inlines, text(w[0]+" "), &doc.Text{Text: w[1], Style: doc.Bold}, text(" "+w[2]))
				continue
			}
		case 1:
			p.Inlines = append(p.Inlines, &doc.Text{Text: s, Style: doc.Italic})
			continue
		case 2:
			if len(g.anchors) > 0 {
				a := g.anchors[g.r.intn(len(g.anchors))]
				p.Inlines = append(p.Inlines, text(s[:len(s)-1]+" (zob. "),
					&doc.Link{Anchor: a.anchor, Inlines: []doc.Inline{text(a.label)}}, text(")."))
				continue
			}
		case 3:
			g.fn++
			id := fmt.Sprintf("fn%d", g.fn)
			g.d.Footnotes = append(g.d.Footnotes, &doc.Footnote{ID: id, Blocks: []doc.Block{&doc.Paragraph{
				Style: doc.ParaNote, Inlines: []doc.Inline{text(fmt.Sprintf("Bank Danych Lokalnych GUS, dane za %d r.; ", 2015+g.r.intn(9))),
					&doc.Link{URL: "https://bdl.stat.gov.pl/", Inlines: []doc.Inline{text("bdl.stat.gov.pl")}}, text(".")}}}})
			p.Inlines = append(p.Inlines, text(s), &doc.FootnoteRef{ID: id})
			continue
		}
		p.Inlines = append(p.Inlines, text(s))
	}
	return p
}

type target struct{ anchor, label string }

type gen struct {
	r       rng
	d       *doc.Document
	fn      int
	tables  int
	figs    int
	anchors []target
	png     []byte
}

// budget units: one unit ≈ one line of body text.
const linesPerPage = 40

// Sample returns a realistic strategy-like document of about pages A4
// pages (as render/pdf lays it out): title page metadata, a TOC, an
// unnumbered introduction, numbered chapters with sections and
// subsections, justified paragraphs with bold, italic, footnotes and
// links, every paragraph style, nested lists, indicator tables spanning
// pages (header rows, ColSpan, RowSpan, shades), a SWOT grid, figures from
// a generated PNG, and an unnumbered annex. The same pages always give the
// same document.
func Sample(pages int) *doc.Document {
	pages = max(pages, 1)
	g := &gen{r: rng(0x9E3779B97F4A7C15), png: chartPNG()}
	g.d = &doc.Document{Meta: doc.Meta{
		Title:     "Strategia rozwoju ponadlokalnego Partnerstwa Gmin Powiatu Kępińskiego",
		Subtitle:  "na lata 2024–2030",
		Author:    "Stowarzyszenie „Partnerstwo Ziemi Kępińskiej”",
		Subject:   "Strategia rozwoju ponadlokalnego",
		Keywords:  []string{"strategia", "rozwój ponadlokalny", "powiat kępiński"},
		Language:  "pl-PL",
		Date:      "2024-05-31",
		Header:    "Strategia rozwoju ponadlokalnego 2024–2030",
		TitlePage: []string{"Gminy: " + strings.Join(gminy, ", "), "Wersja 1.2 – projekt do konsultacji", "Załącznik do uchwały nr XII/123/2024"},
	}}
	g.d.Blocks = append(g.d.Blocks, &doc.TOC{Title: "Spis treści", Depth: 3})
	g.d.Blocks = append(g.d.Blocks, &doc.Section{Level: 1, Anchor: "wstep", Unnumbered: true, PageBreakBefore: true,
		Title: []doc.Inline{text("Wprowadzenie")}, Blocks: []doc.Block{
			&doc.Paragraph{Style: doc.ParaLead, Inlines: []doc.Inline{text("Dokument określa kierunki rozwoju obszaru partnerstwa do 2030 roku i\u00a0wskazuje przedsięwzięcia o\u00a0znaczeniu ponadlokalnym.")}},
			&doc.Paragraph{Inlines: []doc.Inline{text(Sentences[0])}},
			&doc.Paragraph{Inlines: []doc.Inline{text(Sentences[1])}},
			&doc.Paragraph{Inlines: []doc.Inline{text(Sentences[2])}},
			g.paragraph(6),
			&doc.Paragraph{Style: doc.ParaQuote, Inlines: []doc.Inline{text("„Wspólnie możemy więcej” – hasło partnerstwa przyjęte na pierwszym spotkaniu wójtów i\u00a0burmistrzów.")}},
		}})
	chapters := []string{"Diagnoza sytuacji społecznej i gospodarczej", "Analiza SWOT", "Wizja i cele rozwoju",
		"Model struktury funkcjonalno-przestrzennej", "Przedsięwzięcia ponadlokalne", "System realizacji i monitoringu",
		"Ramy finansowe", "Oddziaływanie na środowisko"}
	budget := pages*linesPerPage - 3*linesPerPage
	nch := min(len(chapters), max(1, pages/10))
	per := budget / nch
	for c := range nch {
		g.d.Blocks = append(g.d.Blocks, g.chapter(c+1, chapters[c], per))
	}
	g.d.Blocks = append(g.d.Blocks, &doc.Section{Level: 1, Anchor: "zalaczniki", Unnumbered: true, PageBreakBefore: true,
		Title: []doc.Inline{text("Załączniki")}, Blocks: []doc.Block{
			&doc.Paragraph{Style: doc.ParaTerm, Inlines: []doc.Inline{text("OSI")}},
			&doc.Paragraph{Style: doc.ParaDefinition, Inlines: []doc.Inline{text("Obszar strategicznej interwencji – obszar, do którego kierowana jest interwencja polityki rozwoju.")}},
			&doc.Paragraph{Style: doc.ParaTerm, Inlines: []doc.Inline{text("ZIT")}},
			&doc.Paragraph{Style: doc.ParaDefinition, Inlines: []doc.Inline{text("Zintegrowane inwestycje terytorialne.")}},
			&doc.Paragraph{Style: doc.ParaCode, Inlines: []doc.Inline{text("strategia build content/kepno"), &doc.LineBreak{}, text("strategia validate -strict content/kepno")}},
			&doc.Paragraph{Style: doc.ParaCaption, Inlines: []doc.Inline{text("Schemat 1. Struktura zarządzania strategią")}},
			&doc.PageBreak{},
			&doc.Paragraph{Align: doc.AlignCenter, Inlines: []doc.Inline{&doc.Text{Text: "Koniec dokumentu", Style: doc.Italic}}},
		}})
	return g.d
}

func (g *gen) chapter(n int, title string, lines int) *doc.Section {
	ch := &doc.Section{Level: 1, Anchor: fmt.Sprintf("r%d", n), PageBreakBefore: true, Title: []doc.Inline{text(title)}}
	g.anchors = append(g.anchors, target{ch.Anchor, fmt.Sprintf("rozdz. %d", n)})
	ch.Blocks = append(ch.Blocks, &doc.Paragraph{Style: doc.ParaLead, Inlines: []doc.Inline{text(g.r.sentence() + " " + g.r.sentence())}})
	lines -= 4
	for s := 1; lines > 0; s++ {
		sec := &doc.Section{Level: 2, Anchor: fmt.Sprintf("r%d.%d", n, s), Title: []doc.Inline{text(subjects[(n*3+s)%len(subjects)] + " – stan i\u00a0trendy")}}
		g.anchors = append(g.anchors, target{sec.Anchor, fmt.Sprintf("podrozdz. %d.%d", n, s)})
		secLines := min(lines, 3*linesPerPage)
		lines -= secLines
		for sub := 1; secLines > 0; sub++ {
			ss := &doc.Section{Level: 3, Anchor: fmt.Sprintf("r%d.%d.%d", n, s, sub), Title: []doc.Inline{text(objects[(s+sub)%len(objects)])}}
			sec.Blocks = append(sec.Blocks, ss)
			used := 3
			for used < linesPerPage && used < secLines {
				var b []doc.Block
				var l int
				switch k := g.r.intn(16); {
				case k < 9:
					b, l = []doc.Block{g.paragraph(3 + g.r.intn(4))}, 10
				case k == 9:
					b, l = []doc.Block{g.list(false, 0)}, 10
				case k == 10:
					b, l = []doc.Block{g.list(true, 0)}, 10
				case k == 11:
					b, l = []doc.Block{g.indicatorTable(12 + g.r.intn(30))}, 30
				case k == 12:
					b, l = []doc.Block{g.figure()}, 24
				case k == 13:
					b, l = []doc.Block{g.swot()}, 20
				case k == 14:
					b, l = []doc.Block{&doc.Heading{Level: 4, Text: []doc.Inline{text("Wnioski cząstkowe")}}, g.paragraph(3)}, 8
				default:
					b, l = []doc.Block{&doc.Paragraph{Style: doc.ParaNote, Inlines: []doc.Inline{text("Uwaga: " + g.r.sentence())}}, g.paragraph(4)}, 12
				}
				ss.Blocks = append(ss.Blocks, b...)
				used += l
			}
			secLines -= used
		}
		ch.Blocks = append(ch.Blocks, sec)
	}
	return ch
}

func (g *gen) list(ordered bool, depth int) *doc.List {
	l := &doc.List{Ordered: ordered, Start: 1}
	n := 3 + g.r.intn(3)
	for i := range n {
		it := &doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{text(g.r.sentence())}}}}
		if depth < 2 && i == 1 {
			it.Blocks = append(it.Blocks, g.list(!ordered, depth+1))
		}
		l.Items = append(l.Items, it)
	}
	return l
}

func para(s string) []doc.Block { return []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{text(s)}}} }

func (g *gen) indicatorTable(rows int) *doc.Table {
	g.tables++
	t := &doc.Table{Anchor: fmt.Sprintf("tab%d", g.tables), HeaderRows: 2, Widths: []float64{4, 1.2, 1.4, 1.4, 1.4},
		Caption: []doc.Inline{text(fmt.Sprintf("Tabela %d. Wskaźniki monitorowania w\u00a0gminach partnerstwa", g.tables))},
		Note:    []doc.Inline{text("Źródło: opracowanie własne na podstawie BDL GUS.")}}
	g.anchors = append(g.anchors, target{t.Anchor, fmt.Sprintf("tabela %d", g.tables)})
	hdr := func(s string, cs, rs int) *doc.Cell {
		return &doc.Cell{ColSpan: cs, RowSpan: rs, Shade: doc.ShadeHeader, Bold: true, Align: doc.AlignCenter, Blocks: para(s)}
	}
	t.Rows = append(t.Rows,
		&doc.Row{Cells: []*doc.Cell{hdr("Wskaźnik", 1, 2), hdr("Jednostka", 1, 2), hdr("Wartość", 3, 1)}},
		&doc.Row{Cells: []*doc.Cell{hdr("2018", 1, 1), hdr("2022", 1, 1), hdr("Cel 2030", 1, 1)}})
	for i := range rows {
		name := objects[(i+g.tables)%len(objects)]
		if i%9 == 4 {
			// a group label spanning the whole width
			t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{{ColSpan: 5, Shade: doc.ShadeLight, Bold: true,
				Blocks: para(fmt.Sprintf("Obszar %d: %s", i/9+1, subjects[i%len(subjects)]))}}})
			continue
		}
		v := 100 + g.r.intn(9000)
		row := &doc.Row{Cells: []*doc.Cell{
			{Blocks: para(upperFirst(name))},
			{Align: doc.AlignCenter, Blocks: para("%")},
			{Align: doc.AlignRight, Blocks: para(fmt.Sprintf("%d,%d", v/100, v%10))},
			{Align: doc.AlignRight, Blocks: para(fmt.Sprintf("%d,%d", (v+37)/100, (v+3)%10))},
			{Align: doc.AlignRight, Shade: doc.ShadeAccent, Blocks: para(fmt.Sprintf("%d,0", v/90))},
		}}
		if i%11 == 7 && i+1 < rows && (i+1)%9 != 4 {
			// a unit cell spanning two rows
			row.Cells[1].RowSpan = 2
			t.Rows = append(t.Rows, row)
			i2 := fmt.Sprintf("%d,%d", v/120, v%7)
			t.Rows = append(t.Rows, &doc.Row{Cells: []*doc.Cell{{Blocks: para("w tym: obszary wiejskie")},
				{Align: doc.AlignRight, Blocks: para(i2)}, {Align: doc.AlignRight, Blocks: para(i2)},
				{Align: doc.AlignRight, Shade: doc.ShadeAccent, Blocks: para(i2)}}})
			continue
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (g *gen) swot() *doc.Table {
	g.tables++
	t := &doc.Table{Anchor: fmt.Sprintf("tab%d", g.tables), HeaderRows: 1, Widths: []float64{1, 1},
		Caption: []doc.Inline{text(fmt.Sprintf("Tabela %d. Analiza SWOT obszaru partnerstwa", g.tables))}}
	q := func(title string) *doc.Cell {
		return &doc.Cell{Shade: doc.ShadeAccent, Bold: true, Align: doc.AlignCenter, Blocks: para(title)}
	}
	items := func() *doc.Cell {
		l := &doc.List{}
		for range 3 + g.r.intn(3) {
			l.Items = append(l.Items, &doc.ListItem{Blocks: para(objects[g.r.intn(len(objects))])})
		}
		return &doc.Cell{Blocks: []doc.Block{l}}
	}
	t.Rows = []*doc.Row{
		{Cells: []*doc.Cell{{ColSpan: 2, Shade: doc.ShadeHeader, Bold: true, Align: doc.AlignCenter, Blocks: para("Czynniki wewnętrzne i zewnętrzne")}}},
		{Cells: []*doc.Cell{q("Mocne strony"), q("Słabe strony")}},
		{Cells: []*doc.Cell{items(), items()}},
		{Cells: []*doc.Cell{q("Szanse"), q("Zagrożenia")}},
		{Cells: []*doc.Cell{items(), items()}},
	}
	return t
}

func (g *gen) figure() *doc.Figure {
	g.figs++
	f := &doc.Figure{Anchor: fmt.Sprintf("ryc%d", g.figs), Name: fmt.Sprintf("ryc%d.png", g.figs), Format: "png",
		Data: g.png, WidthPx: chartW, HeightPx: chartH, Alt: "Wykres słupkowy liczby ludności",
		Caption:   []doc.Inline{text(fmt.Sprintf("Rycina %d. Liczba ludności gmin partnerstwa w\u00a0latach 2015–2023", g.figs))},
		Source:    []doc.Inline{text("Źródło: opracowanie własne na podstawie "), &doc.Link{URL: "https://bdl.stat.gov.pl/", Inlines: []doc.Inline{text("BDL GUS")}}, text(".")},
		WidthFrac: []float64{1, 0.8, 0.6}[g.figs%3]}
	g.anchors = append(g.anchors, target{f.Anchor, fmt.Sprintf("ryc. %d", g.figs)})
	return f
}

const chartW, chartH = 480, 270

// chartPNG draws a simple bar chart; png.Encode is deterministic.
func chartPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, chartW, chartH))
	for y := range chartH {
		for x := range chartW {
			img.Set(x, y, color.RGBA{250, 250, 250, 255})
		}
	}
	bars := []int{180, 150, 200, 120, 90, 160, 210, 140}
	for i, h := range bars {
		x0 := 30 + i*55
		for y := chartH - 20 - h; y < chartH-20; y++ {
			for x := x0; x < x0+40; x++ {
				img.Set(x, y, color.RGBA{uint8(40 + i*20), 90, uint8(160 - i*10), 255})
			}
		}
	}
	for x := 20; x < chartW-10; x++ {
		img.Set(x, chartH-20, color.RGBA{0, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // cannot happen with an in-memory RGBA image
	}
	return b.Bytes()
}

// upperFirst capitalises the first letter of s (rune-aware: "świat" → "Świat").
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// WideTable is a table of cols text columns (a header row and rows-1 rows
// of a few words each) marked for a landscape page, as compose marks one
// too wide for portrait: the landscape tests of the renderers share it.
func WideTable(caption string, cols, rows int) *doc.Table {
	t := &doc.Table{Caption: []doc.Inline{text(caption)}, HeaderRows: 1, Landscape: true}
	for r := range rows {
		row := &doc.Row{}
		for c := range cols {
			s := fmt.Sprintf("Nagłówek %d", c+1)
			if r > 0 {
				s = fmt.Sprintf("komórka %d.%d z opisem rozpatrzenia uwagi", r, c+1)
			}
			row.Cells = append(row.Cells, &doc.Cell{Blocks: para(s)})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
