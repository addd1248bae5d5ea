package compose

import (
	"github.com/strategia-pl/strategia/internal/refdata"
	"slices"
	"strings"
	"time"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/tmpl"
	"github.com/strategia-pl/strategia/render/doc"
)

// Strategy composes the strategy document of s: title page metadata, the
// table of contents, the lists of tables and of maps (and figures), the
// list of abbreviations, numbered chapters from
// the introduction to the financial framework and the project list, and
// the annexes (project fiches; the art. 29 CPR checklist for territorial
// strategies). x and f may be nil (they are then built from s).
func Strategy(s *model.Strategy, x *model.Index, f *model.Facts, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	c.strategyTargets()
	c.d.Meta = c.strategyMeta()
	const fm = "strategy/front-matter.tmpl"
	tables := &doc.Section{Level: 1, Anchor: c.anchor("spis-tabel"), Unnumbered: true, NoTOC: true, PageBreakBefore: true,
		Title: c.readInline(c.run(fm, "spis-tabel", nil)), Blocks: []doc.Block{&doc.TOC{Of: doc.TOCTables}}}
	figures := &doc.Section{Level: 1, Anchor: c.anchor("spis-map"), Unnumbered: true, NoTOC: true,
		Blocks: []doc.Block{&doc.TOC{Of: doc.TOCFigures}}}
	abbr := &doc.Section{Level: 1, Anchor: c.anchor("skroty"), Unnumbered: true, PageBreakBefore: true, Title: c.readInline(c.run(fm, "wykaz-skrotow", nil))}
	c.front = []doc.Block{&doc.TOC{Title: plfmt.Text(c.run(fm, "spis-tresci", nil)), Depth: 2}, tables, figures, abbr}
	c.d.Blocks = c.tplBlocks("strategy/document.tmpl", "", c.view(), 0)
	c.fillAbbreviations(abbr)
	c.fillLists(tables, figures)
	return c.finish()
}

// fillLists gives every captioned table and figure an anchor and keeps
// the list of tables and the list of figures ("Spis map", "Spis rycin" or
// "Spis map i rycin", after what the document holds) only when they have
// entries; a list of figures without one of tables takes its page break.
func (c *composer) fillLists(tables, figures *doc.Section) {
	nt, nm, nf := c.anchorCaptions()
	figures.Title = c.readInline(c.run("strategy/front-matter.tmpl", "spis-rycin", struct{ Maps, Figures int }{nm, nf}))
	drop := map[doc.Block]bool{}
	if nt == 0 {
		drop[tables] = true
		figures.PageBreakBefore = true
	}
	if nm+nf == 0 {
		drop[figures] = true
	}
	c.d.Blocks = slices.DeleteFunc(c.d.Blocks, func(b doc.Block) bool { return drop[b] })
}

// anchorCaptions gives every captioned table and figure that lacks an
// anchor one ("tabela-N", "rycina-N" after its place among them, with a
// suffix if taken), so lists of tables and figures can link to all of
// them, and counts the captioned tables, maps and other figures.
func (c *composer) anchorCaptions() (tables, maps, figs int) {
	unique := func(base string) string {
		for i := 1; ; i++ {
			a := base
			if i > 1 {
				a += "-" + itoa(i)
			}
			if got := c.anchor(a); got != "" {
				return got
			}
		}
	}
	_ = doc.Walk(c.d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Table:
			if len(n.Caption) > 0 {
				tables++
				if n.Anchor == "" {
					n.Anchor = unique("tabela-" + itoa(tables))
				}
			}
		case *doc.Figure:
			if len(n.Caption) > 0 {
				if t, ok := n.Caption[0].(*doc.Text); ok && (c.labels[t] == "Mapa" || strings.HasPrefix(t.Text, "Mapa")) {
					maps++
				} else {
					figs++
				}
				if n.Anchor == "" {
					n.Anchor = unique("rycina-" + itoa(maps+figs))
				}
			}
		}
		return doc.WalkContinue, nil
	})
	return tables, maps, figs
}

// strategyTargets lists the anchors the strategy will contain.
func (c *composer) strategyTargets() {
	for id := range c.x.Goals {
		c.targets[anchorGoal(id)] = true
	}
	for id := range c.x.OpGoals {
		c.targets[anchorGoal(id)] = true
	}
	for id := range c.x.Directions {
		c.targets[anchorDir(id)] = true
	}
	for id := range c.x.Projects {
		c.targets[anchorProject(id)] = true
	}
	for id := range c.x.OSI {
		c.targets[anchorOSI(id)] = true
	}
	for id := range c.x.Maps {
		c.targets[anchorMap(id)] = true
	}
}

// genitive turns the partnership's name into the genitive for titles
// ("Partnerstwo Ziemi Kolneńskiej" → "Partnerstwa Ziemi Kolneńskiej",
// "Partnerstwo Nadnoteckie" → "Partnerstwa Nadnoteckiego"): the leading
// noun and the adjectives that follow it; ok is false for other names.
func genitive(name string) (string, bool) {
	for _, n := range []struct {
		nom, gen string
		neuter   bool
	}{{"Partnerstwo", "Partnerstwa", true}, {"Stowarzyszenie", "Stowarzyszenia", true},
		{"Porozumienie", "Porozumienia", true}, {"Związek", "Związku", false}, {"Obszar", "Obszaru", false}} {
		rest, ok := strings.CutPrefix(name, n.nom+" ")
		if !ok {
			continue
		}
		words := strings.Fields(rest)
		for i, w := range words {
			g := adjGenitive(w, n.neuter)
			if g == "" {
				break
			}
			words[i] = g
		}
		return n.gen + " " + strings.Join(words, " "), true
	}
	return name, false
}

// adjGenitive returns the genitive of an adjective agreeing with a neuter
// noun (Testowe → Testowego, Nadnoteckie → Nadnoteckiego) or a masculine
// one (Międzygminny → Międzygminnego, Kolneński → Kolneńskiego), or ""
// for a word that is not one ("Ziemi", "Doliny", "Gmin" are nouns in the
// genitive and stay).
func adjGenitive(w string, neuter bool) string {
	if neuter {
		if strings.HasSuffix(w, "e") && len([]rune(w)) > 3 {
			return strings.TrimSuffix(w, "e") + "ego"
		}
		return ""
	}
	for _, suf := range []string{"owy", "ny", "ty", "ły"} {
		if strings.HasSuffix(w, suf) {
			return strings.TrimSuffix(w, "y") + "ego"
		}
	}
	for _, suf := range []string{"ski", "cki", "dzki"} {
		if strings.HasSuffix(w, suf) {
			return w + "ego"
		}
	}
	return ""
}

// strategyTitle is the strategy's title as strategy/title.tmpl words it
// ("Strategia rozwoju ponadlokalnego Partnerstwa … na lata 2024–2030"),
// for the other documents' subtitles and sentences.
func (c *composer) strategyTitle() string {
	return plfmt.Text(c.run("strategy/title.tmpl", "title", c.view()))
}

// strategyMeta is the title page and metadata, from strategy/title.tmpl.
func (c *composer) strategyMeta() doc.Meta {
	v := c.view()
	const f = "strategy/title.tmpl"
	m := doc.Meta{
		Title:     plfmt.Text(c.run(f, "title", v)),
		Subtitle:  plfmt.Text(c.run(f, "subtitle", v)),
		Author:    plfmt.Text(c.s.Partnership.Name),
		Subject:   label(docKind, c.s.Partnership.DocType),
		Language:  "pl-PL",
		Date:      c.opt.Date,
		TitleDate: strings.TrimSpace(c.run(f, "date", v)),
		Header:    plfmt.Text(c.run(f, "header", v)),
		Keywords:  v.keywords(),
	}
	for _, ln := range strings.Split(c.run(f, "page", v), "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			m.TitlePage = append(m.TitlePage, plfmt.Text(ln))
		}
	}
	m.Footer = c.versionFooter()
	m.DraftMark = c.draftMark()
	return m
}

// draftMarkText is printed on every page of a document built from content
// that still holds placeholders (rule PLH-01).
const draftMarkText = "PROJEKT – zawiera pola do uzupełnienia"

// draftMark is draftMarkText when the content holds placeholders, else "".
func (c *composer) draftMark() string {
	if len(c.s.Placeholders) > 0 {
		return draftMarkText
	}
	return ""
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// bodyGenitive puts the name of a council into the genitive ("Rada
// Miasta Kolno" → "Rady Miasta Kolno").
func bodyGenitive(body string) string {
	for nom, gen := range map[string]string{"Rada ": "Rady ", "Zgromadzenie ": "Zgromadzenia ", "Zarząd ": "Zarządu ",
		"Walne Zebranie ": "Walnego Zebrania ", "Komitet ": "Komitetu "} {
		if rest, ok := strings.CutPrefix(body, nom); ok {
			return gen + strings.Replace(rest, "Miejska ", "Miejskiej ", 1)
		}
	}
	return body
}

// ---- Wykaz skrótów ----

// fillAbbreviations lists the abbreviations that occur in the document
// (strategy/front-matter.tmpl, "skroty").
func (c *composer) fillAbbreviations(sec *doc.Section) {
	var b strings.Builder
	for _, bl := range c.d.Blocks {
		b.WriteString(doc.PlainText(bl))
		b.WriteByte(' ')
	}
	for _, f := range c.d.Footnotes {
		for _, bl := range f.Blocks {
			b.WriteString(doc.PlainText(bl))
		}
	}
	sec.Blocks = c.tplBlocks("strategy/front-matter.tmpl", "skroty", &abbrView{text: b.String()}, 1)
}

// abbrView is the data of the list of abbreviations: the document's text.
type abbrView struct {
	text   string
	Listed int // abbreviations listed so far
}

// Abbr is a row of the list for abbreviation a meaning m when the
// document uses a, else "".
func (v *abbrView) Abbr(a, m string) string {
	if !containsWord(v.text, a) {
		return ""
	}
	v.Listed++
	return tmpl.Mark + string(tmpl.OpRow) + tmpl.BoldOn + clean(a) + tmpl.BoldOff + tmpl.CellSep + clean(m)
}

// containsWord reports whether w occurs in s as a whole word (or followed
// by a digit, as in CS1 or KD1.1.1).
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, after := rune(' '), rune(' ')
		if j > 0 {
			before = lastRune(s[:j])
		}
		if k := j + len(w); k < len(s) {
			after = firstRune(s[k:])
		}
		if !isLetter(before) && !isLetter(after) {
			return true
		}
		i = j + len(w)
	}
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '\u00a0' && r != '–' && r != '”' && r != '„' && r != '’'
}

func lastRune(s string) rune {
	r := []rune(s[max(0, len(s)-4):])
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return ' '
}

// ---- 1. Wprowadzenie (strategy/chapters/wprowadzenie.tmpl) ----

// missingPopulation names the member gminy without a population for the
// year summed (all of them when none has one), in member order.
func (c *composer) missingPopulation() []string {
	pop := c.f.Population
	if pop.Complete() {
		return nil
	}
	var out []string
	for _, g := range c.f.Gminy {
		if pop.Year == 0 || slices.Contains(pop.Missing, g) {
			out = append(out, c.memberName(g))
		}
	}
	return out
}

// missingArea names the member gminy without an area.
func (c *composer) missingArea() []string {
	var out []string
	for _, g := range c.f.AreaMissing {
		out = append(out, c.memberName(g))
	}
	return out
}

func plural(n int, one, few, many string) string {
	switch {
	case n == 1:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return few
	}
	return many
}

// mapUses returns the map IDs referenced by OSI, the spatial model and
// Markdown.
func (c *composer) mapUses() map[string]bool {
	used := map[string]bool{}
	for _, o := range c.s.Spatial.OSI {
		used[o.Map.ID] = true
	}
	if m := c.s.Spatial.ModelFSP; m != nil {
		for _, r := range m.Maps {
			used[r.ID] = true
		}
	}
	model.ForEachMarkdown(c.s, func(md *model.Markdown) {
		for _, m := range refRE.FindAllStringSubmatch(md.Text, -1) {
			if m[1] == "map" {
				used[m[2]] = true
			}
		}
	})
	return used
}

// areaMap is the map of the partnership's area: the first map no other
// part of the document places.
func (c *composer) areaMap() string {
	used := c.mapUses()
	for _, m := range c.s.Spatial.Maps {
		if !used[m.ID] && m.ID != "" {
			return m.ID
		}
	}
	return ""
}

// ---- 2. Diagnoza ----

func (c *composer) diagnosis() *doc.Section {
	dg := c.s.Diagnosis
	sec := section(1, c.anchor("diagnoza"), "Diagnoza sytuacji społecznej, gospodarczej i przestrzennej")
	sec.Blocks = append(sec.Blocks, c.markdown(&dg.Summary, 1)...)
	var facts []string
	if dg.ReferenceYear != 0 {
		facts = append(facts, "rok odniesienia danych: "+itoa(dg.ReferenceYear))
	}
	if dg.DataCutoff != "" {
		facts = append(facts, "stan danych na "+plfmt.Date(dg.DataCutoff))
	}
	if dg.ComparisonGroup != "" {
		facts = append(facts, "grupa porównawcza: "+dg.ComparisonGroup)
	}
	if len(facts) > 0 {
		s := strings.Join(facts, "; ")
		sec.Blocks = append(sec.Blocks, para("Diagnozę opracowano z uwzględnieniem obszarów funkcjonalnych ("+s+")."))
	}
	if len(dg.Sources) > 0 {
		l := &doc.List{}
		for _, src := range dg.Sources {
			in := ins(tx(src.Name))
			if src.URL != "" {
				in = append(in, raw(" ("), &doc.Link{URL: src.URL, Inlines: ins(raw(src.URL))}, raw(")"))
			}
			if src.Note != "" {
				in = append(in, tx(" – "+src.Note))
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(in...)}})
		}
		sec.Blocks = append(sec.Blocks, para("Źródła danych diagnozy:"), l)
	}
	for _, ch := range dg.Chapters {
		cs := &doc.Section{Level: 2, Anchor: c.anchor("diag-" + ch.ID), Title: ins(tx(ch.Title))}
		cs.Blocks = append(cs.Blocks, c.markdown(&ch.Body, 2)...)
		for _, r := range ch.Indicators {
			if in := c.x.Indicators[r.ID]; in != nil {
				if t := c.indicatorTable(in); t != nil {
					cs.Blocks = append(cs.Blocks, t)
				}
			}
		}
		sec.Blocks = append(sec.Blocks, cs)
	}
	if !dg.FunctionalLinks.Empty() {
		sec.Blocks = append(sec.Blocks, section(2, c.anchor("powiazania"), "Powiązania funkcjonalne", c.markdown(&dg.FunctionalLinks, 2)...))
	}
	if len(dg.Surveys) > 0 {
		sec.Blocks = append(sec.Blocks, c.surveys())
	}
	return sec
}

func (c *composer) surveys() *doc.Section {
	sec := section(2, c.anchor("badania"), "Badania ankietowe")
	t := c.table("Badania ankietowe przeprowadzone na potrzeby diagnozy", []float64{0.8, 3, 1.6, 1.2, 2}, 1,
		headerRow("Nr", "Badanie", "Grupa", "Liczba odpowiedzi", "Termin"))
	for _, sv := range c.s.Diagnosis.Surveys {
		title := sv.Title
		if sv.Method != "" {
			title = strings.TrimSpace(title + " (" + sv.Method + ")")
		}
		n := plfmt.NoData
		if sv.N > 0 {
			n = plfmt.Int(int64(sv.N))
		}
		t.Rows = append(t.Rows, row(ccell(sv.ID), tcell(title), tcell(label(surveyTypes, sv.Type)), ncell(n), ccell(plfmt.DateRange(sv.From, sv.To))))
	}
	sec.Blocks = append(sec.Blocks, t)
	for _, sv := range c.s.Diagnosis.Surveys {
		if sv.Report.Empty() {
			continue
		}
		sec.Blocks = append(sec.Blocks, &doc.Heading{Level: 3, Text: ins(raw(sv.ID+". "), tx(cmpOr(sv.Title, label(surveyTypes, sv.Type))))})
		sec.Blocks = append(sec.Blocks, c.markdown(&sv.Report, 3)...)
	}
	return sec
}

// benchmarkName names a comparison unit of an indicator table.
func (c *composer) benchmarkName(unit string) string {
	switch {
	case unit == "PL":
		return "Polska"
	case unit == "MRL_group":
		return "Grupa porównawcza (MRL)"
	case len(unit) == 2:
		if v := refdata.VoivodeshipName(unit); v != "" {
			return "Województwo " + v
		}
	case len(unit) == 4:
		return "Powiat (" + unit + ")"
	case len(unit) == 7 && (unit[6] == '4' || unit[6] == '5'):
		base := c.x.Members[unit[:6]+"3"]
		if base != nil {
			if unit[6] == '4' {
				return base.Name + " – miasto"
			}
			return base.Name + " – obszar wiejski"
		}
	}
	return unit
}

// maxYears is how many years an indicator table shows (the latest ones).
const maxYears = 7

// indicatorTable is an indicator's values: member units and the
// partnership (from Facts) and benchmarks in rows, years in columns.
func (c *composer) indicatorTable(in *model.Indicator) *doc.Table {
	type cellv struct {
		v    *float64
		flag string
	}
	vals := map[string]map[int]cellv{}
	yearSet := map[int]bool{}
	var order []string
	for _, v := range in.Values {
		if v.Unit.ID == "partnership" {
			yearSet[v.Year] = true
			continue
		}
		if vals[v.Unit.ID] == nil {
			vals[v.Unit.ID] = map[int]cellv{}
			order = append(order, v.Unit.ID)
		}
		if _, dup := vals[v.Unit.ID][v.Year]; !dup {
			vals[v.Unit.ID][v.Year] = cellv{v.Value, v.Flag}
		}
		yearSet[v.Year] = true
	}
	fi := c.f.Indicator(in.ID)
	if fi != nil {
		for _, y := range fi.Years {
			if y.Value() != nil {
				yearSet[y.Year] = true
			}
		}
	}
	if len(yearSet) == 0 {
		return nil
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	slices.Sort(years)
	if len(years) > maxYears {
		years = years[len(years)-maxYears:]
	}
	widths := []float64{3.2}
	hdr := row(hcell("Jednostka"))
	for _, y := range years {
		widths = append(widths, 1)
		hdr.Cells = append(hdr.Cells, hcell(itoa(y)))
	}
	unit := ""
	if in.Unit != "" {
		unit = " [" + in.Unit + "]"
	}
	t := c.table(in.Name+unit+" "+tmpl.InYears(years[0], years[len(years)-1]), widths, 1, hdr)
	t.Compact = len(years) > 6
	symbols := false
	cellFor := func(cv cellv, ok bool) string {
		switch {
		case ok && cv.v != nil:
			return indValue(in, *cv.v)
		case ok && cv.flag != "":
			symbols = true
			return plfmt.Symbol(cv.flag, decimals(in))
		}
		symbols = true
		return plfmt.NoData
	}
	memberRow := func(u string, shade doc.Shade) {
		r := row(&doc.Cell{Shade: shade, Blocks: []doc.Block{paraIn(tx(c.unitName(u)))}})
		for _, y := range years {
			cv, ok := vals[u][y]
			cell := ncell(cellFor(cv, ok))
			cell.Shade = shade
			r.Cells = append(r.Cells, cell)
		}
		t.Rows = append(t.Rows, r)
	}
	// members in member order, then parts, then benchmarks
	for _, m := range c.s.Partnership.Members {
		if _, ok := vals[m.Teryt.ID]; ok {
			memberRow(m.Teryt.ID, doc.ShadeNone)
		}
	}
	for _, u := range order {
		if c.x.Members[u] == nil && len(u) == 7 {
			memberRow(u, doc.ShadeNone)
		}
	}
	// partnership
	pr := row(&doc.Cell{Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw("Partnerstwo"))}})
	var partial []string // gminy without a value, where that leaves the partnership's value out
	for _, y := range years {
		s := plfmt.NoData
		if fi != nil {
			if iy := fi.Year(y); iy != nil && iy.Value() != nil {
				s = indValue(in, *iy.Value())
			} else if iy != nil {
				for _, g := range iy.Missing {
					if n := c.memberName(g); !slices.Contains(partial, n) {
						partial = append(partial, n)
					}
				}
			}
		}
		if s == plfmt.NoData {
			symbols = true
		}
		cell := ncell(s)
		cell.Bold, cell.Shade = true, doc.ShadeLight
		pr.Cells = append(pr.Cells, cell)
	}
	t.Rows = append(t.Rows, pr)
	for _, u := range order {
		if c.x.Members[u] == nil && len(u) != 7 {
			memberRow(u, doc.ShadeNone)
		}
	}
	src := c.indicatorSource(in)
	if src == "" {
		src = "opracowanie własne"
	}
	if fi != nil && fi.Method != "" && fi.Method != "none" {
		src += "; wartość dla partnerstwa obliczona z danych gmin (" + map[string]string{
			"sum": "suma", "ratio": "iloraz sum", "weighted_mean": "średnia ważona"}[fi.Method] + ")"
	}
	if len(partial) > 0 {
		src = strings.TrimRight(src, ".") + ". Wartości dla partnerstwa nie podano tam, gdzie brak danych gmin – brak danych dla: " + strings.Join(partial, ", ")
	}
	t.Note = sourceNote(strings.TrimRight(src, ".") + ".")
	if symbols {
		t.Note = append(t.Note, &doc.LineBreak{}, raw(plfmt.SymbolsLegend))
	}
	return t
}

// unitName names a row of an indicator table.
func (c *composer) unitName(u string) string {
	if c.x.Members[u] != nil {
		return c.memberName(u)
	}
	return c.benchmarkName(u)
}

// indicatorSource names an indicator's data source.
func (c *composer) indicatorSource(in *model.Indicator) string {
	if in.Source == nil {
		return ""
	}
	s := in.Source.ID.ID
	if src := c.x.Sources[s]; src != nil {
		s = src.Name
	}
	if in.Source.Variable != "" {
		s += ", " + in.Source.Variable
	}
	if in.Source.Note != "" {
		s += " (" + in.Source.Note + ")"
	}
	return s
}

// ---- 3. Wnioski z diagnozy i wyzwania ----

func (c *composer) conclusions() *doc.Section {
	dg := c.s.Diagnosis
	if len(dg.Conclusions) == 0 && len(dg.Challenges) == 0 {
		return nil
	}
	sec := section(1, c.anchor("wnioski"), "Wnioski z diagnozy i wyzwania rozwojowe")
	if len(dg.Conclusions) > 0 {
		ws := section(2, c.anchor("wnioski-z-diagnozy"), "Wnioski z diagnozy")
		for _, dim := range dimensionOrder(dg.Conclusions, func(w *model.Conclusion) string { return w.Dimension }) {
			l := &doc.List{}
			for _, w := range dg.Conclusions {
				if w.Dimension != dim {
					continue
				}
				in := ins(bold(w.ID+". "), tx(w.Text))
				if ev := c.evidence(w.Evidence); ev != "" {
					in = append(in, italic(" (podstawa: "+ev+")"))
				}
				l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(in...)}})
			}
			title := cmpOr(dimensionTitles[dim], "Pozostałe wnioski")
			ws.Blocks = append(ws.Blocks, &doc.Heading{Level: 3, Text: ins(raw(title))}, l)
		}
		sec.Blocks = append(sec.Blocks, ws)
	}
	if len(dg.Challenges) > 0 {
		cs := section(2, c.anchor("wyzwania"), "Wyzwania rozwojowe")
		l := &doc.List{}
		for _, ch := range dg.Challenges {
			in := ins(bold(ch.ID+". "), tx(ch.Text))
			if len(ch.From) > 0 {
				in = append(in, italic(" (na podstawie: "+strings.Join(ch.From.IDs(), ", ")+")"))
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(in...)}})
		}
		cs.Blocks = append(cs.Blocks, l)
		sec.Blocks = append(sec.Blocks, cs)
	}
	return sec
}

// dimensionOrder returns the dimensions used by items: społeczny,
// gospodarczy, przestrzenny, then any other (including none).
func dimensionOrder[T any](items []T, dim func(T) string) []string {
	seen := map[string]bool{}
	for _, it := range items {
		seen[dim(it)] = true
	}
	var out []string
	for _, d := range []string{"spoleczny", "gospodarczy", "przestrzenny"} {
		if seen[d] {
			out = append(out, d)
			delete(seen, d)
		}
	}
	var rest []string
	for d := range seen {
		rest = append(rest, d)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// evidence names the evidence of a conclusion or SWOT item: indicators by
// name, other entities by ID.
func (c *composer) evidence(rs model.Refs) string {
	var out []string
	for _, r := range rs {
		switch {
		case c.x.Indicators[r.ID] != nil:
			out = append(out, plfmt.LowerFirst(c.x.Indicators[r.ID].Name))
		case c.x.Surveys[r.ID] != nil:
			out = append(out, "badanie "+r.ID)
		case c.x.Chapters[r.ID] != nil:
			out = append(out, "rozdział "+plfmt.Quote(c.x.Chapters[r.ID].Title))
		default:
			out = append(out, r.ID)
		}
	}
	return strings.Join(out, "; ")
}

// ---- 4. SWOT ----

func (c *composer) swot() *doc.Section {
	sw := c.s.SWOT
	if len(sw.Items()) == 0 {
		return nil
	}
	sec := section(1, c.anchor("swot"), "Analiza SWOT")
	sec.Blocks = append(sec.Blocks, para("Analiza SWOT zestawia mocne i słabe strony obszaru partnerstwa (czynniki wewnętrzne) z szansami i zagrożeniami wynikającymi z otoczenia (czynniki zewnętrzne)."))
	items := func(its []*model.SWOTItem) *doc.Cell {
		l := &doc.List{}
		for _, it := range its {
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(bold(it.ID+" "), tx(it.Text))}})
		}
		if len(l.Items) == 0 {
			return tcell("–")
		}
		return bcell(l)
	}
	q := func(s string) *doc.Cell {
		return &doc.Cell{Shade: doc.ShadeAccent, Bold: true, Align: doc.AlignCenter, Blocks: []doc.Block{paraIn(raw(s))}}
	}
	t := c.table("Analiza SWOT obszaru partnerstwa", []float64{1, 1}, 1,
		headerRow("Czynniki pozytywne", "Czynniki negatywne"),
		row(q("Mocne strony (czynniki wewnętrzne)"), q("Słabe strony (czynniki wewnętrzne)")),
		row(items(sw.Strengths), items(sw.Weaknesses)),
		row(q("Szanse (czynniki zewnętrzne)"), q("Zagrożenia (czynniki zewnętrzne)")),
		row(items(sw.Opportunities), items(sw.Threats)))
	t.Note = sourceNote("opracowanie własne na podstawie diagnozy i warsztatów strategicznych.")
	sec.Blocks = append(sec.Blocks, t)
	if len(sw.TOWS) > 0 {
		ts := section(2, c.anchor("tows"), "Analiza TOWS")
		ts.Blocks = append(ts.Blocks, para("Analiza TOWS łączy czynniki SWOT w kierunki strategiczne."))
		names := map[string]string{
			"SO": "SO – strategia agresywna (mocne strony wobec szans)",
			"ST": "ST – strategia konkurencyjna (mocne strony wobec zagrożeń)",
			"WO": "WO – strategia konserwatywna (słabe strony wobec szans)",
			"WT": "WT – strategia defensywna (słabe strony wobec zagrożeń)",
		}
		tt := c.table("Analiza TOWS – kierunki strategiczne", []float64{2, 1.3, 4}, 1,
			headerRow("Typ strategii", "Czynniki", "Kierunek strategiczny"))
		for _, tw := range sw.TOWS {
			tt.Rows = append(tt.Rows, row(tcell(label(names, tw.Type)), tcell(strings.Join(tw.Links.IDs(), ", ")), tcell(tw.Text)))
		}
		ts.Blocks = append(ts.Blocks, tt)
		sec.Blocks = append(sec.Blocks, ts)
	}
	return sec
}

// ---- 5. Wizja i misja (strategy/chapters/wizja.tmpl) ----

// visionLead is the vision as a lead paragraph, nil when there is none.
func (c *composer) visionLead() *doc.Paragraph {
	if c.s.Vision.Text == "" {
		return nil
	}
	return &doc.Paragraph{Style: doc.ParaLead, Inlines: ins(tx(c.s.Vision.Text))}
}

// missionBlocks is the mission's prose, its body paragraphs as leads.
func (c *composer) missionBlocks() []doc.Block {
	if c.s.Mission.Empty() {
		return nil
	}
	bs := c.markdown(&c.s.Mission, 2)
	for _, b := range bs {
		if p, ok := b.(*doc.Paragraph); ok && p.Style == doc.ParaBody {
			p.Style = doc.ParaLead
		}
	}
	return bs
}

// ---- 6. Cele i kierunki działań ----

func (c *composer) goals() *doc.Section {
	if len(c.s.StrategicGoals) == 0 {
		return nil
	}
	nOp, nDir := 0, len(c.s.AllDirections())
	for _, g := range c.s.StrategicGoals {
		nOp += len(g.OperationalGoals)
	}
	sec := section(1, c.anchor("cele"), "Cele strategiczne i kierunki działań")
	s := "Strategia wyznacza " + itoa(len(c.s.StrategicGoals)) + " " + plural(len(c.s.StrategicGoals), "cel strategiczny", "cele strategiczne", "celów strategicznych")
	if nOp > 0 {
		s += ", " + itoa(nOp) + " " + plural(nOp, "cel operacyjny", "cele operacyjne", "celów operacyjnych")
	}
	s += " i " + itoa(nDir) + " " + plural(nDir, "kierunek działań", "kierunki działań", "kierunków działań") + "."
	sec.Blocks = append(sec.Blocks, para(s), c.goalTree())
	for _, g := range c.s.StrategicGoals {
		gs := &doc.Section{Level: 2, Anchor: c.anchor(anchorGoal(g.ID)), Title: ins(raw(g.ID+". "), tx(g.Title))}
		gs.Blocks = append(gs.Blocks, c.markdown(&g.Description, 2)...)
		if len(g.Dimensions) > 0 {
			var ds []string
			for _, d := range g.Dimensions {
				ds = append(ds, label(dimensions, d))
			}
			gs.Blocks = append(gs.Blocks, labelled("Wymiar rozwoju", raw(strings.Join(ds, ", "))))
		}
		if len(g.RespondsTo) > 0 {
			gs.Blocks = append(gs.Blocks, labelled("Odpowiada na wnioski, wyzwania i czynniki SWOT", raw(strings.Join(g.RespondsTo.IDs(), ", "))))
		}
		for _, l := range g.SRWLinks {
			gs.Blocks = append(gs.Blocks, labelled("Zgodność ze strategią rozwoju województwa", tx(srwGoal(l.Document, l.Goal))))
		}
		if len(g.CPRPolicyObjectives) > 0 {
			gs.Blocks = append(gs.Blocks, labelled("Cele polityki UE (CPR)", raw(strings.Join(policyObjectives(g.CPRPolicyObjectives), ", "))))
		}
		for _, d := range g.Directions {
			gs.Blocks = append(gs.Blocks, c.direction(d, 3)...)
		}
		for _, og := range g.OperationalGoals {
			os := &doc.Section{Level: 3, Anchor: c.anchor(anchorGoal(og.ID)), Title: ins(raw(og.ID+". "), tx(og.Title))}
			os.Blocks = append(os.Blocks, c.markdown(&og.Description, 3)...)
			for _, d := range og.Directions {
				os.Blocks = append(os.Blocks, c.direction(d, 4)...)
			}
			gs.Blocks = append(gs.Blocks, os)
		}
		sec.Blocks = append(sec.Blocks, gs)
	}
	return sec
}

// goalTree is the overview table: goals, operational goals and directions.
func (c *composer) goalTree() *doc.Table {
	hasOp := false
	for _, g := range c.s.StrategicGoals {
		hasOp = hasOp || len(g.OperationalGoals) > 0
	}
	hdr := headerRow("Cel strategiczny", "Kierunki działań")
	widths := []float64{1, 1.6}
	if hasOp {
		hdr = headerRow("Cel strategiczny", "Cel operacyjny", "Kierunki działań")
		widths = []float64{1, 1, 1.6}
	}
	t := c.table("Struktura celów strategicznych i kierunków działań", widths, 1, hdr)
	dirRow := func(d *model.Direction) *doc.Cell {
		return icell(c.link(anchorDir(d.ID), bold(d.ID+" "), tx(d.Title))...)
	}
	for _, g := range c.s.StrategicGoals {
		type line struct {
			op *model.OperationalGoal
			d  *model.Direction
		}
		var lines []line
		for _, d := range g.Directions {
			lines = append(lines, line{nil, d})
		}
		for _, og := range g.OperationalGoals {
			if len(og.Directions) == 0 {
				lines = append(lines, line{og, nil})
			}
			for _, d := range og.Directions {
				lines = append(lines, line{og, d})
			}
		}
		if len(lines) == 0 {
			lines = append(lines, line{})
		}
		gcell := icell(c.link(anchorGoal(g.ID), bold(g.ID+" "), tx(g.Title))...)
		gcell.RowSpan, gcell.Shade = len(lines), doc.ShadeLight
		var prevOp *model.OperationalGoal
		for i, ln := range lines {
			r := &doc.Row{}
			if i == 0 {
				r.Cells = append(r.Cells, gcell)
			}
			if hasOp && (i == 0 || ln.op != prevOp) {
				n := 0
				for _, l2 := range lines[i:] {
					if l2.op != ln.op {
						break
					}
					n++
				}
				if ln.op != nil {
					oc := icell(c.link(anchorGoal(ln.op.ID), bold(ln.op.ID+" "), tx(ln.op.Title))...)
					oc.RowSpan = n
					r.Cells = append(r.Cells, oc)
				} else {
					r.Cells = append(r.Cells, &doc.Cell{RowSpan: n, Blocks: []doc.Block{paraIn(raw("–"))}})
				}
			}
			prevOp = ln.op
			if ln.d != nil {
				r.Cells = append(r.Cells, dirRow(ln.d))
			} else {
				r.Cells = append(r.Cells, tcell("–"))
			}
			t.Rows = append(t.Rows, r)
		}
	}
	return t
}

// direction is a direction of action: a level-4 heading, its description,
// OSI, projects and expected results.
func (c *composer) direction(d *model.Direction, level int) []doc.Block {
	out := []doc.Block{&doc.Heading{Level: 4, Anchor: c.anchor(anchorDir(d.ID)), Text: ins(raw(d.ID+". "), tx(d.Title))}}
	out = append(out, c.markdown(&d.Description, 4)...)
	if len(d.OSI) > 0 {
		var in []doc.Inline
		for i, o := range d.OSI {
			if i > 0 {
				in = append(in, raw(", "))
			}
			name := ""
			if oo := c.x.OSI[o.ID]; oo != nil {
				name = osiName(oo)
			}
			in = append(in, c.entityLink(anchorOSI(o.ID), o.ID, name)...)
		}
		out = append(out, labelled("Obszary strategicznej interwencji", in...))
	}
	var projects []string
	for _, p := range c.s.Projects {
		for _, l := range p.Links.Goals {
			if l.Ref.ID == d.ID && !slices.Contains(projects, p.ID) {
				projects = append(projects, p.ID)
			}
		}
	}
	if len(projects) > 0 {
		out = append(out, labelled("Projekty realizujące kierunek", c.refLinks(projects)...))
	}
	if len(d.Results) > 0 {
		l := &doc.List{}
		for _, r := range d.Results {
			in := ins(bold(r.ID+" "), tx(r.Text))
			if r.Spatial {
				in = append(in, italic(" (rezultat w wymiarze przestrzennym)"))
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(in...)}})
		}
		out = append(out, labelled("Oczekiwane rezultaty"), l)
	}
	return out
}

// ---- 7. Rezultaty i wskaźniki ----

func (c *composer) results() *doc.Section {
	t := c.table("Oczekiwane rezultaty i wskaźniki ich osiągnięcia", []float64{1.1, 3, 1.1, 1.5, 1.5, 2.2}, 1,
		headerRow("Cel / rezultat", "Wskaźnik", "Jednostka", "Wartość bazowa (rok)", "Wartość docelowa (rok)", "Źródło danych, częstotliwość"))
	n := 0
	add := func(owner string, it *model.IndicatorTarget) {
		in := c.x.Indicators[it.Indicator.ID]
		name, unit, src, freq := it.Indicator.ID, "", "", it.Frequency
		if in != nil {
			name, unit, src = in.Name, in.Unit, c.indicatorSourceShort(in)
			freq = cmpOr(freq, in.Frequency)
		}
		yv := func(v *model.YearValue) string {
			if v == nil {
				return plfmt.NoData
			}
			return indValue(in, v.Value) + " (" + itoa(v.Year) + ")"
		}
		sf := src
		if freq != "" {
			sf = strings.TrimPrefix(sf+", "+label(frequencies, freq), ", ")
		}
		t.Rows = append(t.Rows, row(ccell(owner), tcell(name), ccell(unit), ncell(yv(it.Baseline)), ncell(yv(it.Target)), tcell(sf)))
		n++
	}
	for _, g := range c.s.StrategicGoals {
		t.Rows = append(t.Rows, row(&doc.Cell{ColSpan: 6, Shade: doc.ShadeLight, Bold: true,
			Blocks: []doc.Block{paraIn(c.link(anchorGoal(g.ID), raw(g.ID+". "), tx(g.Title))...)}}))
		for _, it := range g.Indicators {
			add(g.ID, it)
		}
		for _, og := range g.OperationalGoals {
			for _, it := range og.Indicators {
				add(og.ID, it)
			}
		}
		for _, d := range g.AllDirections() {
			for _, r := range d.Results {
				for _, it := range r.Indicators {
					add(r.ID, it)
				}
			}
		}
	}
	if n == 0 {
		return nil
	}
	t.Note = sourceNote("opracowanie własne; wartości bazowe według diagnozy.")
	sec := section(1, c.anchor("rezultaty"), "Oczekiwane rezultaty i wskaźniki",
		para("Tabela zestawia wskaźniki, którymi mierzy się osiągnięcie celów strategicznych i oczekiwanych rezultatów kierunków działań, z wartościami bazowymi i docelowymi."), t)
	return sec
}

func (c *composer) indicatorSourceShort(in *model.Indicator) string {
	if in.Source == nil {
		return ""
	}
	if src := c.x.Sources[in.Source.ID.ID]; src != nil {
		return src.Name
	}
	return in.Source.ID.ID
}

// ---- 8. OSI ----

// osiBlocks are the OSI of an origin ("regional", "local"), each with its
// heading, facts, prose and map.
func (c *composer) osiBlocks(origin string) []doc.Block {
	var out []doc.Block
	for _, o := range c.s.Spatial.OSI {
		if o.Origin == origin {
			out = append(out, c.osiBlock(o)...)
		}
	}
	return out
}

func (c *composer) osiBlock(o *model.OSI) []doc.Block {
	out := []doc.Block{&doc.Heading{Level: 3, Anchor: c.anchor(anchorOSI(o.ID)), Text: ins(raw(o.ID+". "), tx(osiName(o)))}}
	if o.SRWRef != "" {
		out = append(out, labelled("Podstawa wyznaczenia", tx(o.SRWRef)))
	}
	if len(o.Members) > 0 {
		out = append(out, labelled("Zasięg", tx(c.memberNames(o.Members.IDs()))))
	}
	out = append(out, c.markdown(&o.Description, 3)...)
	if !o.Scope.Empty() || len(o.PlannedActions) > 0 {
		out = append(out, labelled("Zakres planowanych działań"))
		out = append(out, c.markdown(&o.Scope, 3)...)
		if len(o.PlannedActions) > 0 {
			l := &doc.List{}
			for _, a := range o.PlannedActions {
				title := ""
				if d := c.x.Directions[a.ID]; d != nil {
					title = d.Title
				}
				l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(c.entityLink(anchorDir(a.ID), a.ID, title)...)}})
			}
			out = append(out, l)
		}
	}
	if o.Map.ID != "" {
		if f := c.mapFigure(o.Map.ID, o.Map.Pos); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// days counts the days of a period, both ends included; 0 when a date is
// missing or malformed.
func days(from, to string) int {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil || b.Before(a) {
		return 0
	}
	return int(b.Sub(a).Hours()/24) + 1
}
