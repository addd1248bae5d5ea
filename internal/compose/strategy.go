package compose

import (
	"github.com/strategia-pl/strategia/internal/grammar"
	"slices"
	"strings"
	"time"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
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
	tables := &doc.Section{Level: 1, Anchor: c.anchor("spis-tabel"), Unnumbered: true, NoTOC: true, PageBreakBefore: true,
		Title: ins(raw("Spis tabel")), Blocks: []doc.Block{&doc.TOC{Of: doc.TOCTables}}}
	figures := &doc.Section{Level: 1, Anchor: c.anchor("spis-map"), Unnumbered: true, NoTOC: true,
		Blocks: []doc.Block{&doc.TOC{Of: doc.TOCFigures}}}
	abbr := &doc.Section{Level: 1, Anchor: c.anchor("skroty"), Unnumbered: true, PageBreakBefore: true, Title: ins(raw("Wykaz skrótów"))}
	c.front = []doc.Block{&doc.TOC{Title: "Spis treści", Depth: 2}, tables, figures, abbr}
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
	switch {
	case nm > 0 && nf > 0:
		figures.Title = ins(raw("Spis map i\u00a0rycin"))
	case nm > 0:
		figures.Title = ins(raw("Spis map"))
	default:
		figures.Title = ins(raw("Spis rycin"))
	}
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

// strategyTitle is "Strategia rozwoju ponadlokalnego Partnerstwa … na lata 2024–2030".
func (c *composer) strategyTitle() string {
	p := c.s.Partnership
	kind := label(docKind, p.DocType)
	if kind == "" {
		kind = "Strategia"
	}
	t := kind
	if g, ok := genitive(p.Name); ok {
		t += " " + g
	} else if p.Name != "" {
		t += " – " + p.Name
	}
	if p.Period.From != 0 {
		t += " na lata " + plfmt.Range(p.Period.From, p.Period.To)
	}
	return plfmt.Text(t)
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

// fillAbbreviations lists the abbreviations that occur in the document.
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
	text := b.String()
	t := &doc.Table{Widths: []float64{1, 5}, HeaderRows: 1, Rows: []*doc.Row{headerRow("Skrót", "Objaśnienie")}}
	for _, a := range abbreviations {
		if containsWord(text, a[0]) {
			t.Rows = append(t.Rows, row(&doc.Cell{Bold: true, Blocks: []doc.Block{paraIn(raw(a[0]))}}, tcell(a[1])))
		}
	}
	if len(t.Rows) == 1 {
		sec.Blocks = []doc.Block{para("Dokument nie używa skrótów wymagających objaśnienia.")}
		return
	}
	sec.Blocks = []doc.Block{t}
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

func bullets(items []string) *doc.List {
	l := &doc.List{}
	for _, it := range items {
		l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{para(it)}})
	}
	return l
}

// membersTable is the table of the partnership's members.
func (c *composer) membersTable() *doc.Table {
	p := c.s.Partnership
	f := c.f
	t := c.table("Jednostki samorządu terytorialnego tworzące partnerstwo", []float64{0.5, 2.6, 1.3, 2, 1.5, 1.5, 1}, 1,
		headerRow("Lp.", "Jednostka", "Kod TERYT", "Rodzaj", "Ludność", "Powierzchnia [km²]", "Rola"))
	popYears := map[int]bool{}
	for i, m := range p.Members {
		pop, area := plfmt.NoData, plfmt.NoData
		if m.Population != nil {
			pop = plfmt.Number(m.Population.Value, 0)
			popYears[m.Population.Year] = true
		}
		if m.AreaKm2 > 0 {
			area = plfmt.Number(m.AreaKm2, 1)
		}
		t.Rows = append(t.Rows, row(ccell(itoa(i+1)+"."), tcell(c.memberName(m.Teryt.ID)), ccell(m.Teryt.ID),
			tcell(c.memberType(m)), ncell(pop), ncell(area), tcell(label(roles, m.Role))))
	}
	popTotal, areaTotal := plfmt.NoData, plfmt.NoData // a total only when every gmina has a value
	if f.Population.Complete() {
		popTotal = plfmt.Number(f.Population.Value, 0)
	}
	if len(f.AreaMissing) == 0 && f.AreaKm2 > 0 {
		areaTotal = plfmt.Number(f.AreaKm2, 1)
	}
	total := row(&doc.Cell{ColSpan: 4, Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw("Razem (gminy)"))}},
		&doc.Cell{Align: doc.AlignRight, Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw(popTotal))}},
		&doc.Cell{Align: doc.AlignRight, Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw(areaTotal))}},
		&doc.Cell{Shade: doc.ShadeLight})
	t.Rows = append(t.Rows, total)
	src := "Ludność według GUS, Bank Danych Lokalnych"
	if f.Population.Year != 0 {
		src += " (stan na 31.12." + itoa(f.Population.Year) + ")"
	}
	if p.TerytEdition != "" {
		src += "; kody według rejestru TERC, stan na " + plfmt.Date(p.TerytEdition)
	}
	if missing := c.missingPopulation(); len(missing) > 0 {
		src += ". Łącznej liczby ludności nie podano – brak danych dla " + plural(len(missing), "gminy", "gmin", "gmin") + ": " + strings.Join(missing, ", ")
	}
	if missing := c.missingArea(); len(missing) > 0 {
		src += ". Łącznej powierzchni nie podano – brak danych dla " + plural(len(missing), "gminy", "gmin", "gmin") + ": " + strings.Join(missing, ", ")
	}
	t.Note = sourceNote(src + ".")
	return t
}

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

// ---- 2. Diagnoza (strategy/chapters/diagnoza.tmpl; data in diagnosis.go) ----

// ---- 3. Wnioski z diagnozy (strategy/chapters/wnioski.tmpl; data in diagnosis.go) ----

// ---- 4. SWOT (strategy/chapters/swot.tmpl; data in swot.go) ----

// ---- 6. Cele i kierunki działań, 7. Rezultaty (strategy/chapters/cele.tmpl, rezultaty.tmpl; data in goals.go) ----

// ---- 8. OSI (strategy/chapters/osi.tmpl; data in osi.go) ----

// ---- 9. Model struktury funkcjonalno-przestrzennej ----

func (c *composer) spatialModel() *doc.Section {
	m := c.s.Spatial.ModelFSP
	if m == nil {
		return nil
	}
	sec := section(1, c.anchor("model"), "Model struktury funkcjonalno-przestrzennej")
	sec.Blocks = append(sec.Blocks, c.markdown(&m.Description, 1)...)
	if len(m.Elements) > 0 {
		t := c.table("Elementy modelu struktury funkcjonalno-przestrzennej", []float64{0.7, 1.2, 5, 1.4}, 1,
			headerRow("Oznaczenie", "Typ", "Element", "Poziom"))
		for _, e := range m.Elements {
			desc := []doc.Block{para(e.Name)}
			desc = append(desc, c.markdown(&e.Description, 4)...)
			if len(e.Members) > 0 {
				desc = append(desc, &doc.Paragraph{Style: doc.ParaNote, Inlines: ins(tx("Gminy: " + c.memberNames(e.Members.IDs())))})
			}
			t.Rows = append(t.Rows, row(ccell(e.ID), tcell(label(elementTypes, e.Type)), bcell(desc...), tcell(e.Level)))
		}
		sec.Blocks = append(sec.Blocks, t)
	}
	for _, r := range m.Maps {
		if f := c.mapFigure(r.ID, r.Pos); f != nil {
			sec.Blocks = append(sec.Blocks, f)
		}
	}
	// Maps placed nowhere else.
	used := c.mapUses()
	for _, mp := range c.s.Spatial.Maps {
		if _, placed := c.placed[mp.ID]; !placed && !used[mp.ID] && mp.ID != "" {
			if f := c.mapFigure(mp.ID, mp.Pos); f != nil {
				sec.Blocks = append(sec.Blocks, f)
			}
		}
	}
	return sec
}

// ---- 10. Ustalenia i rekomendacje ----

// recommendationsTable is the table of spatial-policy settings and
// recommendations, nil when there are none.
func (c *composer) recommendationsTable() *doc.Table {
	rs := c.s.Spatial.Recommendations
	if len(rs) == 0 {
		return nil
	}
	t := c.table("Ustalenia i rekomendacje polityki przestrzennej", []float64{0.6, 5, 2, 1.3}, 1,
		headerRow("Nr", "Ustalenie lub rekomendacja", "Dotyczy", "Kierunki działań"))
	all := len(c.f.Gminy)
	for _, r := range rs {
		applies := c.memberNames(r.AppliesTo.IDs())
		if all > 1 && len(r.AppliesTo) >= all {
			applies = "wszystkie gminy partnerstwa"
		}
		text := r.Text
		if r.Topic != "" {
			text = r.Topic + ": " + text
		}
		t.Rows = append(t.Rows, row(ccell(r.ID), tcell(text), tcell(applies), icell(c.refLinks(r.Related.IDs())...)))
	}
	return t
}

// ---- 11. System realizacji ----

// managementTable is the table of the bodies managing the strategy, nil
// when there are none.
func (c *composer) managementTable() *doc.Table {
	im := c.s.Implementation
	if len(im.Management) == 0 {
		return nil
	}
	t := c.table("Podmioty zarządzające realizacją strategii", []float64{2, 2.5, 3.5}, 1, headerRow("Podmiot", "Skład", "Zadania"))
	for _, b := range im.Management {
		t.Rows = append(t.Rows, row(tcell(b.Body), tcell(cmpOr(b.Composition, "–")), tcell(cmpOr(b.Role, "–"))))
	}
	return t
}

// evaluationTable is the schedule of evaluations, nil when there is none.
func (c *composer) evaluationTable() *doc.Table {
	im := c.s.Implementation
	if len(im.Evaluation) == 0 {
		return nil
	}
	t := c.table("Harmonogram ewaluacji strategii", []float64{3, 2, 3}, 1, headerRow("Rodzaj ewaluacji", "Termin", "Wykonawca"))
	for _, e := range im.Evaluation {
		when := plfmt.NoData
		switch {
		case e.Done != "":
			when = "wykonano " + plfmt.Date(e.Done)
		case e.Planned != 0:
			when = "planowana w " + itoa(e.Planned) + " r."
		}
		t.Rows = append(t.Rows, row(tcell(label(evaluationTypes, e.Type)), tcell(when), tcell(cmpOr(e.By, "–"))))
	}
	return t
}

// ---- 12. Partycypacja i procedura ----

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

// procedureTable is the table of the procedure's stages, nil when the
// content records none.
func (c *composer) procedureTable() *doc.Table {
	pa := c.s.Participation
	t := c.table("Przebieg procedury opracowania i przyjęcia strategii", []float64{2.2, 5}, 1, headerRow("Etap", "Przebieg"))
	add := func(stage string, in ...doc.Inline) {
		t.Rows = append(t.Rows, row(lcell(stage), icell(in...)))
	}
	if r := pa.ProcedureResolution; r != nil {
		add("Uchwała w sprawie trybu i harmonogramu", tx(resolutionText(r.Body, cmpOr(r.Number, r.Resolution), r.Date)))
	}
	if k := pa.Consultation; k != nil {
		var parts []string
		if k.Announced != "" {
			parts = append(parts, "ogłoszenie: "+plfmt.Date(k.Announced))
		}
		if k.From != "" || k.To != "" {
			s := "termin zgłaszania uwag: " + plfmt.DateRange(k.From, k.To)
			if n := days(k.From, k.To); n > 0 {
				s += " (" + itoa(n) + " dni)"
			}
			parts = append(parts, s)
		}
		if len(k.Channels) > 0 {
			var ch []string
			for _, x := range k.Channels {
				ch = append(ch, label(channels, x))
			}
			parts = append(parts, "formy: "+strings.Join(ch, ", "))
		}
		if k.CommentsReceived != nil {
			s := "zgłoszone uwagi: " + itoa(*k.CommentsReceived)
			if k.CommentsAccepted != nil {
				s += ", w tym uwzględnione: " + itoa(*k.CommentsAccepted)
			}
			parts = append(parts, s)
		}
		if k.ReportDate != "" {
			parts = append(parts, "sprawozdanie z konsultacji: "+plfmt.Date(k.ReportDate))
		}
		add("Konsultacje społeczne (art. 6 upzpr)", tx(strings.Join(parts, "; ")))
	}
	for _, o := range pa.VoivodeshipOpinion {
		stage := "Opinia zarządu"
		if v := grammar.Default().Voivodeships([]string{o.Voivodeship}, grammar.Gen); v != "" {
			stage = "Opinia Zarządu " + titleWords(v) // the body's name: "Zarządu Województwa Podlaskiego"
		} else {
			stage += " województwa"
		}
		add(stage, tx(opinion(o.Requested, o.Received, o.Result, o.Reference)))
	}
	if so := pa.SOOS; so != nil {
		s := label(soosModes, so.Mode)
		var ag []string
		if so.RDOS != "" {
			ag = append(ag, "RDOŚ: "+plfmt.Date(so.RDOS))
		}
		if so.PWIS != "" {
			ag = append(ag, "PWIS: "+plfmt.Date(so.PWIS))
		}
		if len(ag) > 0 {
			s += " (" + strings.Join(ag, ", ") + ")"
		}
		if so.Note != "" {
			s += ". " + so.Note
		}
		add("Strategiczna ocena oddziaływania na środowisko", tx(s))
	}
	if iz := pa.IZOpinion; iz != nil {
		add("Opinia instytucji zarządzającej ("+label(instruments, iz.Instrument)+")", tx(opinion(iz.Requested, iz.Received, iz.Result, iz.Reference)))
	}
	if len(t.Rows) > 1 {
		return t
	}
	return nil
}

// adoptionsTable is the table of the resolutions adopting the strategy,
// nil when there are none.
func (c *composer) adoptionsTable() *doc.Table {
	pa := c.s.Participation
	if len(pa.Adoptions) == 0 {
		return nil
	}
	at := c.table("Uchwały o przyjęciu strategii", []float64{2.2, 2.8, 1.8, 1.6}, 1, headerRow("Jednostka", "Organ", "Nr uchwały", "Data"))
	for _, a := range pa.Adoptions {
		body := a.Body
		if cn, ok := c.council(a.Member.ID); ok && body == "" {
			body = cn.In(grammar.Nom)
		}
		at.Rows = append(at.Rows, row(tcell(c.memberName(a.Member.ID)), tcell(body), ccell(a.Resolution), ccell(plfmt.Date(a.Date))))
	}
	return at
}

func resolutionText(body, number, date string) string {
	s := "uchwała"
	if number != "" {
		s += " nr " + number
	}
	if body != "" {
		s += " " + bodyGenitive(body)
	}
	if date != "" {
		s += " z dnia " + plfmt.DateLong(date)
	}
	return s
}

// ---- 13. Ramy finansowe ----

func (c *composer) finance() *doc.Section {
	ff := c.f.Finance
	fw := c.s.Finance
	if ff.Total == 0 && len(ff.ByGoal) == 0 && len(ff.BySource) == 0 && len(ff.ByYear) == 0 && c.f.ProjectTotal == 0 {
		return nil
	}
	sec := section(1, c.anchor("finanse"), "Ramy finansowe i źródła finansowania")
	if ff.Total > 0 {
		s := "Szacunkowa wartość przedsięwzięć realizujących strategię"
		if fw.Period != nil && fw.Period.From != 0 {
			s += " w latach " + plfmt.Range(fw.Period.From, fw.Period.To)
		}
		s += " wynosi " + c.money(ff.Total) + " (" + plfmt.MoneyMln(ff.Total) + ")."
		sec.Blocks = append(sec.Blocks, paraIn(raw(plfmt.Spaces(s))))
	}
	share := func(v, total float64) string { return plfmt.Share(v, total) }
	totalRow := func(label string, sum, total float64, extra int) *doc.Row {
		r := row(&doc.Cell{Bold: true, Shade: doc.ShadeLight, ColSpan: 1 + extra, Blocks: []doc.Block{paraIn(raw(label))}})
		for _, s := range []string{c.money(sum), share(sum, total)} {
			cl := ncell(s)
			cl.Bold, cl.Shade = true, doc.ShadeLight
			r.Cells = append(r.Cells, cl)
		}
		return r
	}
	if len(ff.ByGoal) > 0 {
		t := c.table("Ramy finansowe według celów strategicznych", []float64{5, 2, 1}, 1, headerRow("Cel strategiczny", "Kwota", "Udział"))
		for _, a := range ff.ByGoal {
			title := a.Key
			var in []doc.Inline
			if g := c.x.Goals[a.Key]; g != nil {
				in = c.link(anchorGoal(a.Key), raw(a.Key+". "), tx(g.Title))
			} else {
				in = ins(raw(title))
			}
			t.Rows = append(t.Rows, row(icell(in...), ncell(c.money(a.Amount)), ncell(share(a.Amount, ff.SumGoal))))
		}
		t.Rows = append(t.Rows, totalRow("Razem", ff.SumGoal, ff.SumGoal, 0))
		t.Note = sourceNote("opracowanie własne.")
		sec.Blocks = append(sec.Blocks, t)
	}
	if len(ff.BySource) > 0 {
		t := c.table("Ramy finansowe według źródeł finansowania", []float64{5, 2, 1}, 1, headerRow("Źródło finansowania", "Kwota", "Udział"))
		for _, a := range ff.BySource {
			t.Rows = append(t.Rows, row(tcell(sourceName(a.Key)), ncell(c.money(a.Amount)), ncell(share(a.Amount, ff.SumSource))))
		}
		t.Rows = append(t.Rows, totalRow("Razem", ff.SumSource, ff.SumSource, 0))
		sec.Blocks = append(sec.Blocks, t)
	}
	if len(ff.ByYear) > 0 {
		t := c.table("Ramy finansowe według lat", []float64{2, 2, 1}, 1, headerRow("Rok", "Kwota", "Udział"))
		for _, y := range ff.ByYear {
			t.Rows = append(t.Rows, row(ccell(itoa(y.Year)), ncell(c.money(y.Amount)), ncell(share(y.Amount, ff.SumYear))))
		}
		t.Rows = append(t.Rows, totalRow("Razem", ff.SumYear, ff.SumYear, 0))
		sec.Blocks = append(sec.Blocks, t)
	}
	if m := c.f.ProjectMatrix; len(m.Rows) > 0 && len(m.Cols) > 0 && c.f.ProjectTotal > 0 {
		widths := []float64{4}
		hdr := row(hcell("Źródło finansowania"))
		for _, g := range m.Rows {
			widths = append(widths, 1.6)
			hdr.Cells = append(hdr.Cells, hcell(g))
		}
		widths = append(widths, 1.8)
		hdr.Cells = append(hdr.Cells, hcell("Razem"))
		t := c.table("Finansowanie projektów kluczowych według źródeł i celów strategicznych", widths, 1, hdr)
		t.Compact = len(m.Rows) > 3
		for j, src := range m.Cols {
			r := row(tcell(sourceName(src)))
			for i := range m.Rows {
				r.Cells = append(r.Cells, ncell(c.moneyOrDash(m.Cells[i][j])))
			}
			tot := ncell(c.money(c.f.ProjectBySource[j].Amount))
			tot.Bold = true
			r.Cells = append(r.Cells, tot)
			t.Rows = append(t.Rows, r)
		}
		r := row(&doc.Cell{Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw("Razem"))}})
		for _, g := range c.f.ProjectByGoal {
			cl := ncell(c.money(g.Amount))
			cl.Bold, cl.Shade = true, doc.ShadeLight
			r.Cells = append(r.Cells, cl)
		}
		cl := ncell(c.money(c.f.ProjectTotal))
		cl.Bold, cl.Shade = true, doc.ShadeLight
		r.Cells = append(r.Cells, cl)
		t.Rows = append(t.Rows, r)
		t.Note = sourceNote("karty projektów; projekt przypisano do celu, z którym ma powiązanie główne.")
		if c.f.ProjectUnlinked > 0 {
			t.Note = append(t.Note, raw(" Projekty bez rozstrzygniętego powiązania głównego: "+c.money(c.f.ProjectUnlinked)+"."))
		}
		sec.Blocks = append(sec.Blocks, t)
	}
	if !fw.Assumptions.Empty() {
		sec.Blocks = append(sec.Blocks, section(2, c.anchor("zalozenia-finansowe"), "Założenia ram finansowych", c.markdown(&fw.Assumptions, 2)...))
	}
	return sec
}

func (c *composer) moneyOrDash(v float64) string {
	if v == 0 {
		return plfmt.Dash
	}
	return c.money(v)
}

// ---- 14. Projekty ----

func (c *composer) projects() *doc.Section {
	if len(c.s.Projects) == 0 && c.s.IntegratedApproach.Empty() {
		return nil
	}
	sec := section(1, c.anchor("projekty"), "Projekty kluczowe i spójność strategii")
	if !c.s.IntegratedApproach.Empty() {
		sec.Blocks = append(sec.Blocks, section(2, c.anchor("podejscie-zintegrowane"), "Zintegrowane podejście terytorialne", c.markdown(&c.s.IntegratedApproach, 2)...))
	}
	if len(c.s.Projects) == 0 {
		return sec
	}
	ls := section(2, c.anchor("lista-projektow"), "Lista projektów", para("Karty projektów zawiera załącznik 1; numer projektu w tabeli prowadzi do jego karty."))
	ls.Blocks = append(ls.Blocks, c.projectList())
	sec.Blocks = append(sec.Blocks, ls)
	sec.Blocks = append(sec.Blocks, section(2, c.anchor("macierz-spojnosci"), "Macierz spójności celów i projektów", c.coherence()))
	return sec
}

func (c *composer) projectList() *doc.Table {
	t := c.table("Projekty kluczowe i uzupełniające partnerstwa", []float64{0.8, 4, 2, 1.3, 1.8, 1.3}, 1,
		headerRow("Nr", "Tytuł projektu", "Lider", "Okres", "Wartość", "Priorytet"))
	for _, p := range c.s.Projects {
		period := plfmt.NoData
		if tl := p.Timeline; tl != nil && (tl.Start != "" || tl.End != "") {
			period = plfmt.MonthYear(tl.Start) + "–" + plfmt.MonthYear(tl.End)
		}
		value := plfmt.NoData
		if p.Budget != nil {
			value = c.money(p.Budget.Total)
		}
		title := ins(tx(p.Title))
		if !p.Counted() {
			title = append(title, italic(" (wycofany)"))
		}
		t.Rows = append(t.Rows, row(icell(c.link(anchorProject(p.ID), bold(p.ID))...), icell(title...),
			tcell(c.leaderName(p)), ccell(period), ncell(value), tcell(label(projectPriority, p.Priority))))
	}
	r := row(&doc.Cell{ColSpan: 4, Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw("Razem (bez projektów wycofanych)"))}})
	tot := ncell(c.money(c.f.ProjectTotal))
	tot.Bold, tot.Shade = true, doc.ShadeLight
	r.Cells = append(r.Cells, tot, &doc.Cell{Shade: doc.ShadeLight})
	t.Rows = append(t.Rows, r)
	return t
}

func (c *composer) leaderName(p *model.Project) string {
	if p.Leader.External != nil {
		return p.Leader.External.Name
	}
	return c.memberName(p.Leader.Member.ID)
}

// coherence is the goals × projects matrix from Facts.Coherence.
func (c *composer) coherence() *doc.Table {
	widths := []float64{4}
	hdr := row(hcell("Projekt"))
	for _, g := range c.f.Coherence {
		widths = append(widths, 1)
		hdr.Cells = append(hdr.Cells, &doc.Cell{Shade: doc.ShadeHeader, Bold: true, Align: doc.AlignCenter,
			Blocks: []doc.Block{paraIn(c.link(anchorGoal(g.Goal), raw(g.Goal))...)}})
	}
	t := c.table("Macierz spójności: cele strategiczne × projekty", widths, 1, hdr)
	t.Compact = len(c.f.Coherence) > 5
	for _, p := range c.s.Projects {
		r := row(icell(append(c.link(anchorProject(p.ID), bold(p.ID+" ")), tx(p.Title))...))
		for _, g := range c.f.Coherence {
			mark := ""
			for _, pc := range g.Projects {
				if pc.Project == p.ID {
					mark = "○"
					if pc.Primary {
						mark = "●"
					}
				}
			}
			r.Cells = append(r.Cells, ccell(mark))
		}
		t.Rows = append(t.Rows, r)
	}
	t.Note = ins(raw("● – powiązanie główne, ○ – powiązanie uzupełniające (przez cel, cel operacyjny lub kierunek działań)."))
	return t
}

// ---- Załączniki ----

func (c *composer) annexes() []doc.Block {
	var out []doc.Block
	n := 0
	if len(c.s.Projects) > 0 {
		n++
		sec := &doc.Section{Level: 1, Anchor: c.anchor("zalacznik-karty"), Unnumbered: true, PageBreakBefore: true,
			Title: ins(raw("Załącznik " + itoa(n) + ". Karty projektów"))}
		for i, p := range c.s.Projects {
			fs := c.ficheSection(p, 2)
			fs.PageBreakBefore = i > 0 // the first shares the annex's title page
			sec.Blocks = append(sec.Blocks, fs)
		}
		out = append(out, sec)
	}
	if isTerritorial(c.s.Partnership.DocType) {
		n++
		out = append(out, c.art29(n))
	}
	return out
}

// art29 is the art. 29 CPR compliance checklist.
func (c *composer) art29(n int) *doc.Section {
	sec := &doc.Section{Level: 1, Anchor: c.anchor("zalacznik-art29"), Unnumbered: true, PageBreakBefore: true,
		Title: ins(raw("Załącznik " + itoa(n) + ". Zgodność z art. 29 rozporządzenia (UE) 2021/1060"))}
	t := &doc.Table{Widths: []float64{3.5, 3, 1.2}, HeaderRows: 1, Rows: []*doc.Row{headerRow("Wymóg art. 29 ust. 1 CPR", "Miejsce w strategii", "Spełnienie")}}
	yes := func(ok bool) *doc.Cell {
		if ok {
			return ccell("tak")
		}
		return &doc.Cell{Align: doc.AlignCenter, Shade: doc.ShadeAccent, Bold: true, Blocks: []doc.Block{paraIn(raw("brak"))}}
	}
	add := func(req, anchor, where string, ok bool) {
		w := icell(tx(where))
		if c.anchors[anchor] {
			w = icell(&doc.Link{Anchor: anchor, Inlines: ins(tx(where))})
		}
		t.Rows = append(t.Rows, row(tcell(req), w, yes(ok)))
	}
	add("lit. a – obszar geograficzny objęty strategią", "partnerstwo", "Partnerstwo i jego obszar", len(c.s.Partnership.Members) > 0)
	add("lit. b – analiza potrzeb rozwojowych i potencjału obszaru, w tym powiązań gospodarczych, społecznych i środowiskowych", "diagnoza", "Diagnoza", len(c.s.Diagnosis.Chapters) > 0)
	if c.anchors["podejscie-zintegrowane"] {
		add("lit. c – opis zintegrowanego podejścia do potrzeb i potencjału", "podejscie-zintegrowane", "Zintegrowane podejście terytorialne", true)
	} else {
		t.Rows = append(t.Rows, row(tcell("lit. c – opis zintegrowanego podejścia do potrzeb i potencjału"), tcell("–"), yes(false)))
	}
	add("lit. d – opis zaangażowania partnerów zgodnie z art. 8 CPR w przygotowanie i realizację strategii", "proces", "Proces opracowania strategii i partycypacja", len(c.s.Participation.PartnersInvolved) > 0)
	if c.anchors["lista-projektow"] {
		add("akapit drugi – wykaz operacji, które mają być wspierane (fakultatywnie)", "lista-projektow", "Lista projektów", true)
	}
	sec.Blocks = append(sec.Blocks, t)
	return sec
}

// opinion describes an opinion procedure in one line: "wystąpienie:
// 02.05.2024; opinia: 28.05.2024; wynik: opinia pozytywna; uchwała nr …".
func opinion(requested, received, result, reference string) string {
	var parts []string
	if requested != "" {
		parts = append(parts, "wystąpienie: "+plfmt.Date(requested))
	}
	if received != "" {
		parts = append(parts, "opinia: "+plfmt.Date(received))
	}
	if result != "" {
		parts = append(parts, "wynik: opinia "+label(opinionResults, result))
	}
	if reference != "" {
		parts = append(parts, plfmt.LowerFirst(reference))
	}
	return strings.Join(parts, "; ")
}
