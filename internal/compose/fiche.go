package compose

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// Fiche composes the standalone fiche of project id (karta projektu): its
// own metadata and title page, then the fiche's tables. A project that
// does not exist gives an empty document and an error.
func Fiche(s *model.Strategy, x *model.Index, f *model.Facts, id string, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	p := c.x.Projects[id]
	if p == nil {
		c.l.Errorf(diag.Pos{File: s.Dir}, "REF-01", "project %s does not exist", id)
		return c.finish()
	}
	c.targets[anchorProject(p.ID)] = true
	c.d.Meta = c.ficheMeta("fiche/dokument.tmpl", c.ficheView(p))
	c.d.Blocks = append(c.d.Blocks, c.ficheSection(p, 1))
	return c.finish()
}

// Package composes all project fiches in one document with its own table
// of contents: a summary list, then one chapter per fiche, each on a new
// page.
func Package(s *model.Strategy, x *model.Index, f *model.Facts, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	for id := range c.x.Projects {
		c.targets[anchorProject(id)] = true
	}
	c.d.Meta = c.ficheMeta("fiche/pakiet.tmpl", nil)
	c.d.Blocks = c.tplBlocks("fiche/pakiet.tmpl", "", &ficheDocView{strategyView: c.view()}, 0)
	return c.finish()
}

// ficheDocView is the data of the fiche documents' templates
// (fiche/dokument.tmpl, fiche/pakiet.tmpl): the strategy's data and,
// for a single fiche, its project.
type ficheDocView struct {
	*strategyView
	Project *ficheView
}

// Contents is the table of contents titled title.
func (v *ficheDocView) Contents(title string) string {
	return v.c.blockTok(&doc.TOC{Title: plfmt.Text(title), Depth: 1})
}

// HasProjects reports whether the content has projects.
func (v *ficheDocView) HasProjects() bool { return len(v.c.s.Projects) > 0 }

// Fiches are the fiches of every project, each a chapter on a new page.
func (v *ficheDocView) Fiches() string {
	var bs []doc.Block
	for _, p := range v.c.s.Projects {
		sec := v.c.ficheSection(p, 1)
		sec.PageBreakBefore = true
		bs = append(bs, sec)
	}
	return v.c.blockTok(bs...)
}

// ficheMeta is the metadata and title page of a fiche document, from
// the defines "title", "subject", "header" and "page" of its template
// file; the subtitle is the strategy's title (strategy/title.tmpl).
func (c *composer) ficheMeta(file string, project *ficheView) doc.Meta {
	v := &ficheDocView{strategyView: c.view(), Project: project}
	m := doc.Meta{
		Title:    plfmt.Text(c.run(file, "title", v)),
		Subtitle: plfmt.Text(c.run("strategy/title.tmpl", "title", v.strategyView)),
		Author:   plfmt.Text(c.s.Partnership.Name),
		Subject:  plfmt.Text(c.run(file, "subject", v)),
		Keywords: []string{"karta projektu", "fiszka projektowa", plfmt.Text(c.s.Partnership.Name)},
		Language: "pl-PL",
		Date:     c.opt.Date,
		Header:   plfmt.Text(c.run(file, "header", v)),
	}
	m.TitlePage = c.titlePageLines(file, v)
	m.Footer = c.versionFooter()
	m.DraftMark = c.draftMark()
	return m
}

// numberParts numbers the fiche's parts in order, from one place: every
// table headed by a part row (newKV, partTable) gets "1. ", "2. " … before
// its title, counting only the parts the fiche has.
func numberParts(blocks []doc.Block) {
	n := 0
	for _, b := range blocks {
		t, ok := b.(*doc.Table)
		if !ok || len(t.Rows) == 0 || len(t.Rows[0].Cells) != 1 {
			continue
		}
		cell := t.Rows[0].Cells[0]
		if cell.Shade != doc.ShadeAccent || len(cell.Blocks) != 1 {
			continue
		}
		if p, ok := cell.Blocks[0].(*doc.Paragraph); ok && len(p.Inlines) > 0 {
			n++
			if t, ok := p.Inlines[0].(*doc.Text); ok {
				t.Text = itoa(n) + ". " + t.Text
			} else {
				p.Inlines = append([]doc.Inline{raw(itoa(n) + ". ")}, p.Inlines...)
			}
		}
	}
}

// boldInlines returns in with every text run bold.
func boldInlines(in []doc.Inline) []doc.Inline {
	for _, n := range in {
		switch n := n.(type) {
		case *doc.Text:
			n.Style |= doc.Bold
		case *doc.Link:
			boldInlines(n.Inlines)
		}
	}
	return in
}

func (c *composer) indicatorName(name, ref string) (string, *model.Indicator) {
	in := c.x.Indicators[ref]
	if name == "" && in != nil {
		name = in.Name
	}
	return cmpOr(name, ref), in
}

func unitOf(in *model.Indicator) string {
	if in == nil {
		return "–"
	}
	return cmpOr(in.Unit, "–")
}
