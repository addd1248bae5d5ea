package docx

import (
	"bytes"
	"strconv"

	"github.com/strategia-pl/strategia/render/doc"
)

// Cell fills for doc.Shade; ShadeNone leaves the table style in charge.
var shadeFill = [...]string{
	doc.ShadeNone:   "",
	doc.ShadeHeader: "D9E2F0",
	doc.ShadeAccent: "FBE5D6",
	doc.ShadeLight:  "F2F2F2",
}

// The space the PDF leaves above a table without a caption (twips): 4 mm
// above its first row, 2 mm more above an anchored one.
const (
	tableGapAbove  = 227
	anchorGapAbove = 113
)

// cellPad is the horizontal cell padding of the TableGrid style (twips).
const cellPad = 2 * 80

// span is a vertical merge still covering a grid column.
type span struct {
	rows, cols int
	shade      doc.Shade
}

// gridColumns returns the number of grid columns the rows cover.
func gridColumns(t *doc.Table) int {
	n := len(t.Widths)
	var cover []span
	for _, row := range t.Rows {
		if row == nil {
			continue
		}
		col := 0
		next := func() {
			for col < len(cover) && cover[col].rows > 0 {
				cover[col].rows--
				col += max(cover[col].cols, 1)
			}
		}
		for _, c := range row.Cells {
			next()
			cs, rs := cellSpan(c)
			for len(cover) < col+cs {
				cover = append(cover, span{})
			}
			if rs > 1 {
				cover[col] = span{rows: rs - 1, cols: cs}
			}
			col += cs
		}
		next()
		n = max(n, col)
	}
	return max(n, 1)
}

func cellSpan(c *doc.Cell) (cols, rows int) {
	if c == nil {
		return 1, 1
	}
	return max(c.ColSpan, 1), max(c.RowSpan, 1)
}

// columnWidths scales Table.Widths to total twips; missing or invalid
// widths share equally.
func columnWidths(t *doc.Table, n, total int) []int {
	ws := make([]float64, n)
	sum := 0.0
	for i := range ws {
		w := 0.0
		if i < len(t.Widths) {
			w = t.Widths[i]
		}
		ws[i] = w
		sum += max(w, 0)
	}
	known := 0
	for _, w := range ws {
		if w > 0 {
			known++
		}
	}
	avg := 1.0
	if known > 0 {
		avg = sum / float64(known)
	}
	sum = 0
	for i, w := range ws {
		if !(w > 0) {
			ws[i] = avg
		}
		sum += ws[i]
	}
	out := make([]int, n)
	used := 0
	for i, w := range ws {
		out[i] = int(w / sum * float64(total))
		used += out[i]
	}
	out[n-1] += total - used
	return out
}

func (r *renderer) table(c ctx, t *doc.Table) error {
	if r.landscapeTable(t) && c.top && !r.inNote {
		// A table too wide for a portrait page stands in a landscape
		// section of its own, caption and note included (and the
		// heading that introduces it: openLandscape).
		if !r.landOpen {
			r.sectionBreak(false)
		}
		r.landOpen = false
		c.width = landTextWidth
		c.top = false
		if err := r.table(c, t); err != nil {
			return err
		}
		r.sectionBreak(true)
		return nil
	}
	b := r.b
	mark := r.anchor(t.Anchor)
	markDone := false
	if len(t.Caption) == 0 && !c.inCell && !r.inNote {
		// A table has no space above of its own: the space the PDF
		// leaves above an uncaptioned table (4 mm, 2 more for an anchor)
		// and the space below the previous paragraph become space below
		// that paragraph. A table opening a page has none, as in the PDF.
		if !r.breakNext && !r.newSection {
			gap := r.pendingAfter + tableGapAbove
			if t.Anchor != "" {
				gap += anchorGapAbove
			}
			r.spaceBelowLast(gap)
		}
		r.pendingAfter = 0
	}
	if len(t.Caption) > 0 {
		pp := props("Caption")
		pp.keepNext = true
		r.openPara(c, pp)
		id := r.markStart(mark)
		markDone = true
		if err := r.caption(c, t.Anchor, t.Caption); err != nil {
			return err
		}
		r.markEnd(id)
		closePara(r)
	} else if r.breakNext && !r.inNote && !c.inCell {
		// A table cannot carry pageBreakBefore; break in a paragraph.
		r.breakNext = false
		b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
	n := gridColumns(t)
	widths := columnWidths(t, n, c.width)
	if ws := r.opt.ColumnWidths[t]; len(ws) == n {
		widths = scaleWidths(ws, c.width)
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(c.width) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/>`)
	if t.HeaderRows > 0 {
		b.WriteString(`<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	} else {
		b.WriteString(`<w:tblLook w:val="0600" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	}
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	style := "TableText"
	if t.Compact {
		style = "TableTextCompact"
	}
	cover := make([]span, n)
	allShort := true
	for _, row := range t.Rows {
		allShort = allShort && row != nil && shortRow(row)
	}
	for ri, row := range t.Rows {
		if row == nil {
			row = &doc.Row{}
		}
		b.WriteString(`<w:tr>`)
		switch {
		case ri < t.HeaderRows:
			b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		case shortRow(row):
			// Short rows stay whole; long ones (fiches) may break.
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		col := 0
		// continued writes the cells of vertical merges from rows above.
		continued := func() {
			for col < n && cover[col].rows > 0 {
				sp := &cover[col]
				sp.rows--
				cols := min(sp.cols, n-col)
				r.tcPr(widths, col, cols, "continue", sp.shade, false)
				b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr></w:p></w:tc>`)
				col += cols
			}
		}
		for _, cell := range row.Cells {
			continued()
			if col >= n {
				break
			}
			if cell == nil {
				cell = &doc.Cell{}
			}
			cs, rs := cellSpan(cell)
			cs = min(cs, n-col)
			merge := ""
			if rs > 1 {
				merge = "restart"
				cover[col] = span{rows: rs - 1, cols: cs, shade: cell.Shade}
			}
			r.tcPr(widths, col, cs, merge, cell.Shade, ri < t.HeaderRows)
			r.cellParas = 0
			cc := ctx{width: max(sum(widths[col:col+cs])-cellPad, 567), inCell: true, style: style, bold: cell.Bold, align: cell.Align,
				keepNext: !c.inCell && keepRow(t, ri, n, allShort)}
			outer := r.inCell
			r.inCell = true
			err := r.blocks(cc, cell.Blocks)
			r.inCell = outer
			if err != nil {
				return err
			}
			if !bytes.HasSuffix(b.Bytes(), []byte(`</w:p>`)) {
				// A cell must end with a paragraph. One that ends with
				// a list's item has it: another, empty one would add
				// a line the PDF does not have.
				b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr></w:p>`)
			}
			b.WriteString(`</w:tc>`)
			col += cs
		}
		continued()
		for col < n {
			// A short row is padded with empty cells.
			r.tcPr(widths, col, 1, "", doc.ShadeNone, false)
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr></w:p></w:tc>`)
			col++
			continued()
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// The note (or an empty paragraph) separates the table from what
	// follows: adjacent tables would merge into one. LibreOffice adds
	// the table's bottom border (0.5 pt) below its last row, where the
	// PDF's rules lie on the rows' edges, so the TableNote's space before
	// (the PDF's 1.2 mm) and the TableAfter's height (the PDF's 2 mm) are
	// each 10 twips less in the reference styles (TestTableBordersOneWidth).
	pp := props("TableNote")
	if len(t.Note) == 0 {
		pp.style = "TableAfter"
	}
	r.openPara(c, pp)
	id := -1
	if !markDone {
		id = r.markStart(mark)
	}
	if err := r.inlines(c, t.Note, 0); err != nil {
		return err
	}
	r.markEnd(id)
	closePara(r)
	return nil
}

// portraitTextMM is the portrait text width in millimetres.
const portraitTextMM = float64(textWidth) / 56.6929

// landscapeTable reports whether t is set on landscape pages.
func (r *renderer) landscapeTable(t *doc.Table) bool {
	return t.Landscape || r.pdfLandscape(t)
}

// pdfLandscape reports whether the PDF set t on landscape pages: its
// columns are wider together than the portrait text width.
func (r *renderer) pdfLandscape(t *doc.Table) bool {
	sum := 0.0
	for _, w := range r.opt.ColumnWidths[t] {
		sum += w
	}
	return sum > portraitTextMM+1
}

// scaleWidths scales widths of any unit to total twips, the last column
// taking the rounding.
func scaleWidths(ws []float64, total int) []int {
	sum := 0.0
	for _, w := range ws {
		sum += max(w, 0)
	}
	out := make([]int, len(ws))
	if !(sum > 0) {
		return out
	}
	used := 0
	for i, w := range ws {
		out[i] = int(max(w, 0) / sum * float64(total))
		used += out[i]
	}
	out[len(out)-1] += total - used
	return out
}

// tcPr opens a cell and writes its properties.
func (r *renderer) tcPr(widths []int, col, cols int, merge string, shade doc.Shade, header bool) {
	b := r.b
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(sum(widths[col:col+cols])) + `" w:type="dxa"/>`)
	if cols > 1 {
		b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(cols) + `"/>`)
	}
	switch merge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	if int(shade) > 0 && int(shade) < len(shadeFill) {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + shadeFill[shade] + `"/>`)
	}
	if header || merge != "" {
		// Header cells and cells spanning rows are centred vertically,
		// as in the PDF.
		b.WriteString(`<w:vAlign w:val="center"/>`)
	}
	b.WriteString(`</w:tcPr>`)
}

// keepRow mirrors the PDF's table breaking (render/pdf keepRows) with
// keep-with-next on the paragraphs of a row: a table of up to 8 body rows
// of short text moves whole to the next page; a longer one keeps its first
// 4 body rows with the header and never leaves its last row alone; a
// group label stays with the row below it; the last row stays with the
// table's note.
func keepRow(t *doc.Table, ri, cols int, allShort bool) bool {
	body, last := len(t.Rows)-t.HeaderRows, len(t.Rows)-1
	switch {
	case ri >= last:
		return len(t.Note) > 0
	case ri < t.HeaderRows:
		return true
	case body <= 8 && allShort:
		return true
	case groupLabel(t.Rows[ri], cols):
		return true
	}
	return ri-t.HeaderRows < 4-1 || ri == last-1
}

// groupLabel reports whether row is a single cell spanning the whole
// width (a group label of the rows below it).
func groupLabel(row *doc.Row, cols int) bool {
	return row != nil && len(row.Cells) == 1 && row.Cells[0] != nil && max(row.Cells[0].ColSpan, 1) >= cols
}

// shortRow reports whether a row is only a few lines of paragraphs or
// list items, so keeping it on one page costs little (the PDF never cuts
// a row of less than 20 mm of text; render/pdf rowSplitter).
func shortRow(row *doc.Row) bool {
	n := 0
	for _, c := range row.Cells {
		if c == nil {
			continue
		}
		for _, blk := range c.Blocks {
			if _, ok := blk.(*doc.List); ok {
				n += len(doc.PlainText(blk))
				continue
			}
			p, ok := blk.(*doc.Paragraph)
			if !ok {
				return false
			}
			for _, in := range p.Inlines {
				if t, ok := in.(*doc.Text); ok {
					n += len(t.Text)
				}
			}
		}
	}
	return n < 600
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
