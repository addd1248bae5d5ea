package doc

import "unicode/utf8"

// A table too wide for a portrait page is set on landscape pages. What
// introduces it goes along: a careful typesetter does not leave a heading
// (and the sentence or two under it that present the table) alone at the
// foot of the portrait page before, or alone on a portrait page of its
// own. Every renderer that turns pages asks LandscapeLead, so that the PDF
// and the DOCX agree on where the page turns (the DOCX's pre-filled table
// of contents holds the PDF's page numbers).

// Limits of a lead-in: at most this many paragraphs, of at most this many
// characters together, between a heading and its landscape table.
const (
	maxLeadParas = 2
	maxLeadChars = 400
)

// LandscapeLead reports whether bs, the blocks under a heading, open with
// a landscape table: directly, after at most two short paragraphs (body,
// lead or note text), or with a heading or section whose own blocks open
// so. It returns how many blocks come before that table (or that heading
// or section), which go on the landscape page with the heading; -1 when
// bs does not open with a landscape table. landscape says whether the
// renderer sets a table on landscape pages.
func LandscapeLead(bs []Block, landscape func(*Table) bool) int {
	chars := 0
	for i, b := range bs {
		switch n := b.(type) {
		case *Table:
			if landscape(n) {
				return i
			}
			return -1
		case *Section:
			if i > 0 || n.PageBreakBefore || LandscapeLead(n.Blocks, landscape) < 0 {
				return -1
			}
			return 0
		case *Heading:
			if i > 0 || LandscapeLead(bs[i+1:], landscape) < 0 {
				return -1
			}
			return 0
		case *Paragraph:
			if i >= maxLeadParas || n.Anchor != "" ||
				(n.Style != ParaBody && n.Style != ParaLead && n.Style != ParaNote) {
				return -1
			}
			chars += utf8.RuneCountInString(PlainText(n))
			if chars > maxLeadChars {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}
