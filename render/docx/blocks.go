package docx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/render/doc"
)

// ctx is what a block needs to know about where it stands.
type ctx struct {
	width     int       // available width in twips
	top       bool      // directly in the body flow
	inCell    bool      // inside a table cell
	style     string    // paragraph style replacing BodyText (cells, footnotes)
	bold      bool      // cell text is bold
	align     doc.Align // default alignment of a cell's paragraphs
	listDepth int       // nesting depth of lists (0 outside lists)
	contInd   int       // left indent of an item's further paragraphs
	keepNext  bool      // a table row kept with the next (see keepRow)
}

// Spacing that the PDF renderer applies outside its styles (twips).
const (
	listIndent  = 368 // 6.5 mm per list level
	cellParaGap = 57  // 1 mm between the paragraphs of a table cell
)

// paraStyles maps doc.ParaStyle to the reference's style IDs.
var paraStyles = [...]string{
	doc.ParaBody:       "BodyText",
	doc.ParaLead:       "Lead",
	doc.ParaQuote:      "Quote",
	doc.ParaCaption:    "Caption",
	doc.ParaNote:       "Note",
	doc.ParaCode:       "Code",
	doc.ParaTerm:       "DefinitionTerm",
	doc.ParaDefinition: "Definition",
}

// pprops are the paragraph properties we write.
type pprops struct {
	style           string
	keepNext        bool
	pageBreakBefore bool
	numID           int // -1: none
	ilvl            int
	ind             int // left indent, -1: none
	jc              string
	before, after   int  // spacing overriding the style's (twips), -1: none
	noHyphens       bool // w:suppressAutoHyphens (a centred title)
}

func props(style string) pprops {
	return pprops{style: style, numID: -1, ind: -1, before: -1, after: -1}
}

// openPara writes <w:p> and its properties. It consumes a pending page
// break (body paragraphs only) and a pending footnote mark.
func (r *renderer) openPara(c ctx, pp pprops) {
	b := r.b
	if r.breakNext && !r.inNote && !c.inCell {
		pp.pageBreakBefore = true
		r.breakNext = false
	}
	if !c.inCell && !r.inNote {
		// The space below the previous paragraph becomes space above
		// this one (see carryAfter).
		if r.pendingAfter > 0 {
			if pp.before < 0 {
				pp.before = styleBefore(pp.style)
			}
			pp.before += r.pendingAfter
		}
		r.pendingAfter = carryAfter[pp.style]
		if pp.after > 0 {
			r.pendingAfter, pp.after = pp.after, 0
		}
	}
	if r.newSection && !c.inCell && !r.inNote {
		// The section break has started the page already.
		pp.pageBreakBefore, pp.before = false, 0
		r.newSection = false
	}
	if pp.pageBreakBefore {
		// The PDF drops the space above whatever opens a page.
		pp.before = 0
	}
	if c.inCell {
		// Paragraphs after the first of a cell stand 1 mm apart, as in
		// the PDF; the first sits on the cell's padding.
		if r.cellParas > 0 && pp.before < 0 {
			pp.before = cellParaGap
		}
		r.cellParas++
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="`)
	b.WriteString(pp.style)
	b.WriteString(`"/>`)
	if pp.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if pp.pageBreakBefore {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if pp.numID >= 0 {
		if pp.numID > 0 {
			b.WriteString(`<w:numPr><w:ilvl w:val="` + strconv.Itoa(pp.ilvl) + `"/><w:numId w:val="` + strconv.Itoa(pp.numID) + `"/></w:numPr>`)
		} else {
			b.WriteString(`<w:numPr><w:numId w:val="0"/></w:numPr>`)
		}
	}
	if pp.noHyphens {
		b.WriteString(`<w:suppressAutoHyphens/>`)
	}
	body := !c.inCell && !r.inNote
	if body {
		r.lastSpacing = spacingMark{buf: b, at: b.Len(), before: pp.before, after: pp.after}
	}
	writeSpacing(b, pp.before, pp.after)
	if body {
		r.lastSpacing.end = b.Len()
	}
	if pp.ind >= 0 {
		b.WriteString(`<w:ind w:left="` + strconv.Itoa(pp.ind) + `" w:firstLine="0"/>`)
	}
	if pp.jc != "" {
		b.WriteString(`<w:jc w:val="` + pp.jc + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	if r.markPending {
		r.writeNoteMark()
	}
}

// writeSpacing writes a w:spacing element for the values that are set
// (>= 0), nothing when neither is.
func writeSpacing(b *bytes.Buffer, before, after int) {
	if before < 0 && after < 0 {
		return
	}
	b.WriteString(`<w:spacing`)
	if before >= 0 {
		b.WriteString(` w:before="` + strconv.Itoa(before) + `"`)
	}
	if after >= 0 {
		b.WriteString(` w:after="` + strconv.Itoa(after) + `"`)
	}
	b.WriteString(`/>`)
}

// spacingMark is where the spacing of the last body paragraph stands in
// its part, so that space below it can be added once what follows is
// known (a table, which has no space above of its own).
type spacingMark struct {
	buf           *bytes.Buffer // nil: no paragraph to add space to
	at, end       int           // the w:spacing element (empty: at == end)
	before, after int           // its values, -1: not set
}

// spaceBelowLast adds tw twips of space below the last body paragraph
// written, which must still be the last paragraph of the current part.
// It reports whether there was one.
func (r *renderer) spaceBelowLast(tw int) bool {
	m := &r.lastSpacing
	if m.buf != r.b || m.end > r.b.Len() || tw <= 0 {
		return false
	}
	tail := append([]byte(nil), r.b.Bytes()[m.end:]...)
	r.b.Truncate(m.at)
	m.after = max(m.after, 0) + tw
	writeSpacing(r.b, m.before, m.after)
	m.end = r.b.Len()
	r.b.Write(tail)
	return true
}

// writeNoteMark writes the footnote's own number at the start of its text.
func (r *renderer) writeNoteMark() {
	r.b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>`)
	r.markPending = false
}

func closePara(r *renderer) { r.b.WriteString(`</w:p>`) }

// markStart opens a bookmark; it returns its id, or -1 for no name.
func (r *renderer) markStart(name string) int {
	if name == "" {
		return -1
	}
	id := r.markID
	r.markID++
	fmt.Fprintf(r.b, `<w:bookmarkStart w:id="%d" w:name="`, id)
	escAttr(r.b, name)
	r.b.WriteString(`"/>`)
	return id
}

func (r *renderer) markEnd(id int) {
	if id >= 0 {
		fmt.Fprintf(r.b, `<w:bookmarkEnd w:id="%d"/>`, id)
	}
}

func jcOf(a doc.Align) string {
	switch a {
	case doc.AlignLeft:
		return "left"
	case doc.AlignCenter:
		return "center"
	case doc.AlignRight:
		return "right"
	}
	return ""
}

// blocks renders a sequence of blocks.
func (r *renderer) blocks(c ctx, bs []doc.Block) error {
	for i, blk := range bs {
		r.headingLead(c, bs, i)
		if err := r.block(c, blk); err != nil {
			return err
		}
	}
	return nil
}

// block renders one block; every block Kind has a case here.
func (r *renderer) block(c ctx, blk doc.Block) error {
	switch n := blk.(type) {
	case *doc.Section:
		return r.section(c, n)
	case *doc.Heading:
		return r.heading(c, n)
	case *doc.Paragraph:
		return r.paragraph(c, n, nil)
	case *doc.List:
		return r.list(c, n)
	case *doc.Table:
		return r.table(c, n)
	case *doc.Figure:
		return r.figure(c, n)
	case *doc.TOC:
		return r.tocBlock(c, n)
	case *doc.PageBreak:
		if !c.inCell && !r.inNote {
			r.breakNext = true
		}
		return nil
	case nil:
		return nil
	}
	return fmt.Errorf("docx: unsupported block %v", blk.Kind())
}

// headingStyle is the paragraph style of a heading of level lvl: HeadingN,
// or HeadingNUnlisted (based on HeadingN, so of the same outline level in
// Word's navigation pane and LibreOffice's outline) for a heading the
// table of contents leaves out, whose TOC field lists Heading1–3 by style.
func headingStyle(lvl int, listed bool) string {
	if !listed && lvl <= 3 {
		return "Heading" + strconv.Itoa(lvl) + "Unlisted"
	}
	return "Heading" + strconv.Itoa(lvl)
}

func (r *renderer) section(c ctx, s *doc.Section) error {
	if r.landscapeLead(c, s.Blocks) >= 0 {
		r.openLandscape()
	}
	lvl := headingLevel(s.Level)
	pp := props(headingStyle(lvl, !s.NoTOC))
	pp.pageBreakBefore = s.PageBreakBefore && !c.inCell
	if s.Unnumbered && lvl <= 3 {
		pp.numID = numNone
	}
	r.openPara(c, pp)
	id := r.markStart(r.secMark[s])
	if err := r.inlines(c, s.Title, 0); err != nil {
		return err
	}
	r.markEnd(id)
	closePara(r)
	return r.blocks(c, s.Blocks)
}

// heading renders a heading that opens no section: it uses the Heading
// style but is not numbered and stays out of the table of contents, as
// in the PDF, whose TOC lists sections only.
func (r *renderer) heading(c ctx, h *doc.Heading) error {
	lvl := headingLevel(h.Level)
	pp := props(headingStyle(lvl, false))
	if lvl <= 3 {
		pp.numID = numNone
	}
	r.openPara(c, pp)
	id := r.markStart(r.anchor(h.Anchor))
	if err := r.inlines(c, h.Text, 0); err != nil {
		return err
	}
	r.markEnd(id)
	closePara(r)
	return nil
}

// itemNum numbers the first paragraph of a list item.
type itemNum struct {
	numID, ilvl int
	ordered     bool
	first       bool // the list's first item
}

func (r *renderer) paragraph(c ctx, p *doc.Paragraph, num *itemNum) error {
	style := "BodyText"
	if int(p.Style) >= 0 && int(p.Style) < len(paraStyles) {
		style = paraStyles[p.Style]
	}
	pp := props(style)
	if p.Style == doc.ParaBody {
		switch {
		case c.style != "":
			pp.style = c.style
		case num != nil && num.ordered:
			pp.style = "ListNumber"
		case num != nil:
			pp.style = "ListBullet"
		case c.listDepth > 0:
			pp.style = "ListContinue"
		}
	}
	if r.inNote && p.Style != doc.ParaCode && p.Style != doc.ParaQuote {
		// The PDF sets every footnote paragraph alike; Word's own
		// footnote text style does here, so notes a user adds match.
		pp.style = "FootnoteText"
	}
	if num != nil {
		pp.numID, pp.ilvl = num.numID, num.ilvl
	} else if c.listDepth > 0 {
		pp.ind = c.contInd
	}
	if p.Style == doc.ParaTerm || p.Style == doc.ParaCaption || c.keepNext {
		pp.keepNext = true
	}
	if p.Style == doc.ParaCaption && !c.inCell {
		// A caption paragraph of its own (not a table's) sits like the
		// PDF's: 3 mm above, nothing below.
		pp.before, pp.after = 170, 0
	}
	if num != nil && num.first && c.listDepth == 1 && !c.inCell {
		// The first item of a list keeps a body paragraph's space above.
		pp.before = 125
	}
	pp.jc = jcOf(p.Align)
	pp.noHyphens = p.Align == doc.AlignCenter && !c.inCell // as the PDF sets a centred title
	if pp.jc == "" {
		pp.jc = jcOf(c.align)
	}
	r.openPara(c, pp)
	id := r.markStart(r.anchor(p.Anchor))
	var st doc.Style
	if c.bold {
		st = doc.Bold
	}
	if err := r.inlines(c, p.Inlines, st); err != nil {
		return err
	}
	r.markEnd(id)
	closePara(r)
	return nil
}

func (r *renderer) list(c ctx, l *doc.List) error {
	lvl := min(c.listDepth, 8)
	num := &itemNum{numID: numBullet, ilvl: lvl, ordered: l.Ordered}
	indent := listIndent * (lvl + 1)
	if l.Ordered {
		start := l.Start
		if start <= 0 {
			start = 1
		}
		r.nums = append(r.nums, listNum{level: lvl, start: start})
		num.numID = firstListNum + len(r.nums) - 1
	}
	ic := c
	ic.top = false
	ic.listDepth = c.listDepth + 1
	ic.contInd = indent
	for i, it := range l.Items {
		if it == nil {
			continue
		}
		num.first = i == 0
		bs := it.Blocks
		if p, ok := first(bs).(*doc.Paragraph); ok {
			if err := r.paragraph(ic, p, num); err != nil {
				return err
			}
			bs = bs[1:]
		} else {
			// An item that opens with a table or a nested list still
			// shows its number on a line of its own.
			if err := r.paragraph(ic, &doc.Paragraph{}, num); err != nil {
				return err
			}
		}
		if err := r.blocks(ic, bs); err != nil {
			return err
		}
	}
	return nil
}

func first(bs []doc.Block) doc.Block {
	if len(bs) == 0 {
		return nil
	}
	return bs[0]
}

// tocBlock writes a TOC field with pre-filled, hyperlinked entries whose
// page numbers are PAGEREF fields; Word refreshes the whole field on
// opening (w:updateFields), LibreOffice shows the entries as they are.
//
// The table of contents collects outline levels 1–Depth. A list of tables
// collects the paragraphs in the Caption style (table captions) and a list
// of figures those in Figure Caption (figure captions), as TOC2 entries,
// so Word rebuilds the same list when it updates the field.
func (r *renderer) tocBlock(c ctx, t *doc.TOC) error {
	var instr string
	var entries []tocEntry
	style := func(e tocEntry) string { return "TOC" + strconv.Itoa(e.level) }
	switch t.Of {
	case doc.TOCTables, doc.TOCFigures:
		// Over the captions' SEQ fields when they share one label, as
		// Word's "Insert Table of Figures" does; else over the styles.
		instr, entries = `TOC \h \z \t "caption,2"`, r.tables
		if t.Of == doc.TOCFigures {
			instr, entries = `TOC \h \z \t "Figure Caption,2"`, r.figures
		}
		if label := r.seqLabel(entries); label != "" {
			instr = `TOC \h \z \c "` + label + `"`
		}
		style = func(tocEntry) string { return "TableofFigures" }
	default:
		depth := t.Depth
		if depth < 1 || depth > 3 {
			depth = 3
		}
		// By style, not \o: the HeadingNUnlisted styles share the outline
		// levels of HeadingN but stay out of the table of contents.
		var styles []string
		for l := 1; l <= depth; l++ {
			styles = append(styles, "heading "+strconv.Itoa(l)+","+strconv.Itoa(l))
		}
		instr = `TOC \h \z \t "` + strings.Join(styles, ",") + `"`
		for _, e := range r.toc {
			if e.level <= depth {
				entries = append(entries, e)
			}
		}
	}
	if t.Title != "" {
		pp := props("TOCHeading")
		r.openPara(c, pp)
		r.run(r.b, t.Title, 0, "")
		closePara(r)
	}
	begin := func() {
		r.b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> `)
		escText(r.b, instr)
		r.b.WriteString(` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	}
	const end = `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	if len(entries) == 0 {
		r.openPara(c, props("TOC1"))
		begin()
		r.b.WriteString(end)
		closePara(r)
		return nil
	}
	for i, e := range entries {
		r.openPara(c, props(style(e)))
		if i == 0 {
			begin()
		}
		r.b.WriteString(`<w:hyperlink w:anchor="`)
		escAttr(r.b, e.mark)
		r.b.WriteString(`" w:history="1">`)
		if e.number != "" {
			r.run(r.b, e.number+"\t", 0, "")
		}
		r.run(r.b, e.text+"\t", 0, "")
		writeField(r.b, `PAGEREF `+e.mark+` \h`, e.page, "")
		r.b.WriteString(`</w:hyperlink>`)
		if i == len(entries)-1 {
			r.b.WriteString(end)
		}
		closePara(r)
	}
	return nil
}
