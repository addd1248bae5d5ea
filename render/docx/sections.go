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
// page; page numbers run on through all of them, as in the PDF.

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
	r.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="SectionBreak"/>`)
	r.sectPr(landscape)
	r.b.WriteString(`</w:pPr></w:p>`)
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
