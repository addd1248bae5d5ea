package docx

import (
	"fmt"

	"github.com/strategia-pl/strategia/render/doc"
	ref "github.com/strategia-pl/strategia/templates/docx"
)

// Sections (w:sectPr).
//
// The document has a section for its front matter (title page, table of
// contents, lists of tables and maps), so that the body can start a
// section of its own, and a landscape section around every table that
// compose marks doc.Table.Landscape; the body goes on in a new portrait
// section after it. A section's properties stand in the last paragraph
// of the section (an empty SectionBreak paragraph, 1 pt high) and, for
// the last section, at the end of the body. Every section starts a new
// page; page numbers run on through all of them, as in the PDF. The
// heading that introduces a landscape table, and a short paragraph under
// it (doc.LandscapeLead, the rule the PDF follows too), open the
// landscape section, so that they stand on the table's page.

// landTextWidth is the text width of a landscape page (twips).
const landTextWidth = ref.PageHeight - ref.MarginLeft - ref.MarginRight

// sectPr writes the properties of the section that ends here.
func (r *renderer) sectPr(landscape bool) {
	b := r.b
	first := r.sections == 0 && r.titlePage
	r.sections++
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId6"/>`)
	if first {
		b.WriteString(`<w:headerReference w:type="first" r:id="rId8"/>`)
	}
	b.WriteString(`<w:footerReference w:type="default" r:id="rId7"/>`)
	if first {
		b.WriteString(`<w:footerReference w:type="first" r:id="rId9"/>`)
	}
	if landscape {
		fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, ref.PageHeight, ref.PageWidth)
	} else {
		fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d"/>`, ref.PageWidth, ref.PageHeight)
	}
	fmt.Fprintf(b, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/><w:cols w:space="708"/>`,
		ref.MarginTop, ref.MarginRight, ref.MarginBottom, ref.MarginLeft, ref.MarginHeader, ref.MarginFooter)
	if first {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`<w:docGrid w:linePitch="360"/></w:sectPr>`)
}

// sectionBreak ends the current section (landscape or not) with an empty
// paragraph holding its properties; what follows starts a new page.
func (r *renderer) sectionBreak(landscape bool) {
	r.lastBreak.start, r.lastBreak.land = r.b.Len(), landscape
	r.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="SectionBreak"/>`)
	r.sectPr(landscape)
	r.b.WriteString(`</w:pPr></w:p>`)
	r.lastBreak.end = r.b.Len()
	r.breakNext = false
	r.newSection = true
	r.pendingAfter = 0
	r.lastSpacing = spacingMark{}
}

// frontMatterEnd returns the index of the last top-level block that holds
// a table of contents or a list of tables or figures, or -1.
func frontMatterEnd(bs []doc.Block) int {
	end := -1
	for i, blk := range bs {
		_ = doc.Walk(blk, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
			if _, ok := n.(*doc.TOC); ok {
				end = i
				return doc.WalkStop, nil
			}
			return doc.WalkContinue, nil
		})
	}
	return end
}

// landscapeLead is doc.LandscapeLead for top-level blocks: -1 unless bs
// open with a table set on landscape pages.
func (r *renderer) landscapeLead(c ctx, bs []doc.Block) int {
	if !c.top || c.inCell || r.inNote || r.landOpen {
		return -1
	}
	return doc.LandscapeLead(bs, r.landscapeTable)
}

// openLandscape ends the portrait section before the heading that
// introduces a landscape table: the heading opens the landscape section.
func (r *renderer) openLandscape() {
	if !r.newSection {
		r.sectionBreak(false)
	}
	r.landOpen = true
}

// headingLead opens the landscape section before bs[i] when it is a
// heading (not a section's) introducing a landscape table.
func (r *renderer) headingLead(c ctx, bs []doc.Block, i int) {
	if _, ok := bs[i].(*doc.Heading); ok && r.landscapeLead(c, bs[i+1:]) >= 0 {
		r.openLandscape()
	}
}

// endBody writes the properties of the last section. When the body ends
// with a section break (a landscape table last), that break's section is
// the last one: a section after it would be an empty page.
func (r *renderer) endBody() {
	if lb := r.lastBreak; lb.end > 0 && lb.end == r.b.Len() {
		r.b.Truncate(lb.start)
		r.sections--
		r.sectPr(lb.land)
		return
	}
	r.sectPr(false)
}
