package compose

import (
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
	m.TitlePage = c.titlePageLines(f, v)
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

// ---- 2. Diagnoza (strategy/chapters/diagnoza.tmpl; data in diagnosis.go) ----

// ---- 3. Wnioski z diagnozy (strategy/chapters/wnioski.tmpl; data in diagnosis.go) ----

// ---- 4. SWOT (strategy/chapters/swot.tmpl; data in swot.go) ----

// ---- 6. Cele i kierunki działań, 7. Rezultaty (strategy/chapters/cele.tmpl, rezultaty.tmpl; data in goals.go) ----

// ---- 8. OSI (strategy/chapters/osi.tmpl; data in osi.go) ----

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

// titlePageLines are the non-empty lines of the "page" define of a
// document's template: the title page's lines below the title.
func (c *composer) titlePageLines(file string, v any) []string {
	var out []string
	for _, ln := range strings.Split(c.run(file, "page", v), "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, plfmt.Text(ln))
		}
	}
	return out
}
