package compose

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
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
	// The title page shows the report's own date, the diagnosis's data
	// cutoff, not the build's (the build time stays in the metadata).
	if dc := s.Diagnosis.DataCutoff; len(dc) == len("2006-01-02") {
		c.d.Meta.TitleDate = dc
	}
	tables := &doc.Section{Level: 1, Anchor: c.anchor("spis-tabel"), Unnumbered: true, NoTOC: true, PageBreakBefore: true,
		Title: ins(raw("Spis tabel")), Blocks: []doc.Block{&doc.TOC{Of: doc.TOCTables}}}
	figures := &doc.Section{Level: 1, Anchor: c.anchor("spis-map"), Unnumbered: true, NoTOC: true,
		Blocks: []doc.Block{&doc.TOC{Of: doc.TOCFigures}}}
	c.front = []doc.Block{&doc.TOC{Title: "Spis treści", Depth: 2}, tables, figures}
	c.d.Blocks = c.tplBlocks("procedure/raport-diagnostyczny.tmpl", "", &diagnosisReportView{c.view()}, 0)
	c.fillLists(tables, figures)
	return c.finish()
}

// diagnosisReportView is what templates/procedure/raport-diagnostyczny.tmpl
// sees: the strategy's view (its chapters and data) and the partnership
// section of the strategy's introduction.
type diagnosisReportView struct{ *strategyView }

// StrategyGen is the strategy's title in the genitive.
func (v *diagnosisReportView) StrategyGen() string { return v.c.strategyNameGen() }

// PartnershipSection is the strategy's "Partnerstwo i jego obszar", as a
// subsection of the report's introduction.
func (v *diagnosisReportView) PartnershipSection() string {
	return v.c.blockTok(v.c.strategySubsection("wprowadzenie", "partnerstwo"))
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
