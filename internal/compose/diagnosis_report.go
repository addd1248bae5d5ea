package compose

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// DiagnosisReport composes the diagnosis report (raport diagnostyczny):
// the diagnosis of art. 10a ust. 1 upzpr published on its own, for
// comments, before the strategy is drafted (CWD practice). It holds the
// partnership's description, the diagnosis chapters with their indicator
// tables, the conclusions and the SWOT analysis, with its own title page,
// table of contents and lists of tables and maps; its chapters and
// tables are numbered on their own.
func DiagnosisReport(s *model.Strategy, x *model.Index, f *model.Facts, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	for id := range c.x.Maps {
		c.targets[anchorMap(id)] = true
	}
	p := s.Partnership
	name := p.Name
	if g, ok := genitive(p.Name); ok {
		name = g
	}
	c.d.Meta = c.procedureMeta("Raport diagnostyczny "+name,
		"Raport diagnostyczny", "raport diagnostyczny")
	c.d.Meta.Subtitle = "Diagnoza sytuacji społecznej, gospodarczej i przestrzennej obszaru partnerstwa – materiał do konsultacji przed opracowaniem strategii"
	tables := &doc.Section{Level: 1, Anchor: c.anchor("spis-tabel"), Unnumbered: true, NoTOC: true, PageBreakBefore: true,
		Title: ins(raw("Spis tabel")), Blocks: []doc.Block{&doc.TOC{Of: doc.TOCTables}}}
	figures := &doc.Section{Level: 1, Anchor: c.anchor("spis-map"), Unnumbered: true, NoTOC: true,
		Blocks: []doc.Block{&doc.TOC{Of: doc.TOCFigures}}}
	c.d.Blocks = append(c.d.Blocks, &doc.TOC{Title: "Spis treści", Depth: 2}, tables, figures)
	for _, ch := range []func() *doc.Section{c.diagnosisReportIntro, c.diagnosis, c.conclusions, c.swot} {
		if sec := ch(); sec != nil {
			sec.PageBreakBefore = true
			c.d.Blocks = append(c.d.Blocks, sec)
		}
	}
	c.fillLists(tables, figures)
	return c.finish()
}

// diagnosisReportIntro says what the report is, whose it is and what
// happens next.
func (c *composer) diagnosisReportIntro() *doc.Section {
	p := c.s.Partnership
	sec := section(1, c.anchor("wprowadzenie"), "Wprowadzenie")
	if p.Note != "" {
		sec.Blocks = append(sec.Blocks, note(italic(p.Note)))
	}
	what := "Raport przedstawia diagnozę sytuacji społecznej, gospodarczej i przestrzennej obszaru partnerstwa, " +
		"z uwzględnieniem obszarów funkcjonalnych, przygotowaną na potrzeby " + plfmt.LowerFirst(c.strategyNameGen()) +
		" (art. 10a ust. 1 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju). " +
		"Wnioski z diagnozy i analiza SWOT są podstawą celów strategicznych i kierunków działań strategii."
	sec.Blocks = append(sec.Blocks, para(what))
	sec.Blocks = append(sec.Blocks, para("Raport udostępnia się mieszkańcom, partnerom społecznym i gospodarczym oraz instytucjom, "+
		"aby przed opracowaniem projektu strategii mogli ocenić, czy trafnie opisuje potrzeby i potencjały obszaru, "+
		"i zgłosić uwagi."))
	if ps := c.strategySubsection("wprowadzenie", "partnerstwo"); ps != nil {
		sec.Blocks = append(sec.Blocks, ps)
	}
	return sec
}

// strategySubsection composes the strategy's chapter (its template) and
// returns its subsection with anchor, so a procedure document shows that
// part exactly as the strategy does; nil when the chapter lacks it.
func (c *composer) strategySubsection(chapter, anchor string) *doc.Section {
	var found *doc.Section
	for _, b := range c.tplBlocks("strategy/chapters/"+chapter+".tmpl", "", c.view(), 0) {
		_ = doc.Walk(b, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
			if s, ok := n.(*doc.Section); ok && entering && s.Anchor == anchor && found == nil {
				found = s
				return doc.WalkStop, nil
			}
			return doc.WalkContinue, nil
		})
	}
	return found
}
