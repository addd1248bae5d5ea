package pdf

import (
	"github.com/strategia-pl/strategia/render/doc"
)

const (
	cellPadX = 1.6
	cellPadY = 1.1
)

type placedCell struct {
	c       *doc.Cell
	r, col  int
	cs, rs  int
	content *vbox
	breaks  []float64 // offsets in content where a page may cut the cell (between its lines)
	header  bool
}

// table lays a table out as one box per group of rows joined by row
// spans; header rows repeat above every continuation on a new page.
func (l *layout) table(t *doc.Table, ctx flowCtx) {
	nrows := len(t.Rows)
	cells, ncols := placeCells(t)
	var xs []float64
	land := false
	fitsWords := false // every column at least as wide as its longest word
	if nrows > 0 && ncols > 0 {
		var fits bool
		if pc, ok := l.portraitCols[t]; ok && ctx.x0 == marginL && ctx.w == textW {
			xs, fits = pc.xs, pc.fits // measured by turnsPage
		} else {
			xs, fits = l.columnXs(t, ctx, ncols)
		}
		top := !ctx.inCell && !ctx.inNote && ctx.listLvl == 0
		if top && (t.Landscape || !fits) {
			// too wide for a portrait page: a landscape one
			land = true
			ctx.x0, ctx.w = marginL, landTextW
			xs, fits = l.columnXs(t, ctx, ncols)
		}
		fitsWords = fits
	}
	l.recordColumns(t, xs)
	first := len(l.boxes)
	if land {
		defer func() {
			for _, b := range l.boxes[first:] {
				b.land = true
			}
		}()
	}
	// caption above
	l.tg.open("Table")
	tableOpen := true
	defer func() {
		if tableOpen {
			l.tg.close()
		}
	}()
	if len(t.Caption) > 0 {
		ps, _, _, _, _ := paraSpecFor(doc.ParaCaption, flowCtx{})
		ps.align = doc.AlignLeft
		l.tg.open("Caption")
		lines := l.typeset(t.Caption, ps, ctx.x0, ctx.w)
		l.tg.close()
		for i, ln := range lines {
			b := &vbox{h: ln.h, items: ln.items, fns: ln.fns, keep: true}
			if i == 0 {
				b.before = 4
				if t.Anchor != "" {
					b.items = append(b.items, item{kind: itAnchor, key: t.Anchor})
				}
			}
			if i == len(lines)-1 {
				b.h += 1
			}
			l.emit(b)
		}
	} else if t.Anchor != "" {
		l.emit(&vbox{before: 2, keep: true, items: []item{{kind: itAnchor, key: t.Anchor}}})
	}
	if nrows == 0 || ncols == 0 {
		return
	}
	// cell contents
	rowH := make([]float64, nrows)
	minH := 9*ptMM*1.18 + 2*cellPadY
	for i := range rowH {
		rowH[i] = minH
	}
	st := tableTagger{tg: l.tg, headerRows: t.HeaderRows}
	for _, pc := range cells {
		cctx := flowCtx{x0: xs[pc.col] + cellPadX, w: xs[pc.col+pc.cs] - xs[pc.col] - 2*cellPadX, inCell: true,
			bold: pc.c.Bold || pc.header, align: pc.c.Align, compact: t.Compact,
			noHyph: pc.cs == 1 && pc.col < len(t.Columns) && t.Columns[pc.col].Kind == doc.ColLabel && fitsWords}
		st.cell(pc)
		var bs []*vbox
		l.flowInto(&bs, pc.c.Blocks, cctx)
		l.tg.close()
		pc.content = stack(bs)
		pc.breaks = breakOffsets(bs)
		if pc.rs == 1 {
			rowH[pc.r] = max(rowH[pc.r], pc.content.h+2*cellPadY)
		}
	}
	st.end()
	for _, pc := range cells {
		if pc.rs > 1 {
			have := 0.0
			for r := pc.r; r < pc.r+pc.rs; r++ {
				have += rowH[r]
			}
			if need := pc.content.h + 2*cellPadY; need > have {
				rowH[pc.r+pc.rs-1] += need - have
			}
		}
	}
	// row groups
	rowY := make([]float64, nrows+1)
	for r := range nrows {
		rowY[r+1] = rowY[r] + rowH[r]
	}
	groupEnd := make([]int, nrows) // last row of the group starting at r
	for r := range groupEnd {
		groupEnd[r] = r
	}
	for _, pc := range cells {
		groupEnd[pc.r] = max(groupEnd[pc.r], pc.r+pc.rs-1)
	}
	var hdr []*vbox
	rowsFirst := len(l.boxes)
	for r := 0; r < nrows; {
		end := groupEnd[r]
		for k := r; k <= end; k++ {
			end = max(end, groupEnd[k])
		}
		if r < t.HeaderRows && end >= t.HeaderRows {
			end = max(end, t.HeaderRows-1)
		}
		b := &vbox{h: rowY[end+1] - rowY[r]}
		y0 := rowY[r]
		for _, pc := range cells {
			if pc.r < r || pc.r > end {
				continue
			}
			x, y := xs[pc.col], rowY[pc.r]-y0
			w, h := xs[pc.col+pc.cs]-x, rowY[pc.r+pc.rs]-rowY[pc.r]
			shade := pc.c.Shade
			if pc.header && shade == doc.ShadeNone {
				shade = doc.ShadeHeader
			}
			b.items = append(b.items, item{kind: itRect, x: x, y: y, w: w, h: h, fill: shadeFill[min(int(shade), len(shadeFill)-1)], border: true})
		}
		for _, pc := range cells {
			if pc.r < r || pc.r > end {
				continue
			}
			y := rowY[pc.r] - y0 + cellPadY
			h := rowY[pc.r+pc.rs] - rowY[pc.r]
			if pc.header || pc.rs > 1 {
				y += (h - 2*cellPadY - pc.content.h) / 2 // centred vertically
			}
			for _, it := range pc.content.items {
				it.y += y
				b.items = append(b.items, it)
			}
			b.fns = append(b.fns, pc.content.fns...)
		}
		if r == 0 {
			b.before = 1
			if len(t.Caption) == 0 {
				b.before = 4
			}
		}
		// a full-width group label stays with the row below it
		nc := 0
		full := false
		for _, pc := range cells {
			if pc.r >= r && pc.r <= end {
				nc++
				full = full || pc.cs == ncols
			}
		}
		if nc == 1 && full && end+1 < nrows {
			b.keep = true
		}
		if r < t.HeaderRows {
			b.keep = true
			hdr = append(hdr, b)
		} else if t.HeaderRows > 0 {
			b.hdr = hdr
		}
		if r == end && r >= t.HeaderRows {
			var row []*placedCell
			for _, pc := range cells {
				if pc.r == r {
					row = append(row, pc)
				}
			}
			rs := &rowSplitter{row: row}
			b.split = func(avail float64) (*vbox, *vbox) { return rs.split(b, avail) }
		}
		l.emit(b)
		r = end + 1
	}
	l.tg.close()
	tableOpen = false
	l.keepRows(l.boxes[rowsFirst:], nrows-t.HeaderRows, rowY[nrows])
	if len(t.Note) > 0 {
		ps, _, _, _, _ := paraSpecFor(doc.ParaNote, flowCtx{})
		l.tg.open("P")
		defer l.tg.close()
		lines := l.typeset(t.Note, ps, ctx.x0, ctx.w)
		// the note stays with the last row
		if n := len(l.boxes); n > 0 {
			l.boxes[n-1].keep = true
		}
		l.emitKeptLines(lines, 1.2, false)
	}
	if n := len(l.boxes); n > 0 {
		l.boxes[n-1].h += 2
		if len(t.Note) > 0 {
			// below a note, the space may run past the page's foot; below
			// a row it stays (the DOCX's empty paragraph after a table
			// is that space, and moves to the next page when it does
			// not fit)
			l.boxes[n-1].after += 2
		}
	}
}

// Tables and page breaks: a short table moves whole to the next page
// rather than leaving a few rows behind (unless it is taller than half
// a page); a long one keeps its first 4 rows with the header and never
// leaves its last row alone.
const (
	shortTableRows  = 8       // body rows of a table kept whole
	shortTableShare = 1.0 / 3 // or its height, as a share of the text height
	tableOrphanRows = 4       // body rows kept with the header at a break
)

// keepRows chains the row boxes of a table (header groups first).
func (l *layout) keepRows(rows []*vbox, bodyRows int, h float64) {
	if len(rows) == 0 {
		return
	}
	page := textBottom - textTop
	if bodyRows <= shortTableRows && h <= 0.5*page || h <= shortTableShare*page {
		for _, b := range rows[:len(rows)-1] {
			b.keep = true
		}
		for _, b := range rows {
			b.split = nil // short rows: moved, never cut
		}
		return
	}
	body := 0
	for _, b := range rows {
		if b.hdr == nil && body == 0 && b.keep {
			continue // the header rows keep already
		}
		body++
		if body < tableOrphanRows {
			b.keep = true
		}
	}
	if n := len(rows); n >= 2 {
		rows[n-2].keep = true // no last row alone on a page
	}
}

// placeCells puts the cells of t on the grid, spans included.
func placeCells(t *doc.Table) (cells []*placedCell, ncols int) {
	nrows := len(t.Rows)
	occ := make([][]bool, nrows)
	ncols = len(t.Widths)
	for r, row := range t.Rows {
		c := 0
		for _, cell := range row.Cells {
			if cell == nil {
				continue
			}
			for c < len(occ[r]) && occ[r][c] {
				c++
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			rs = min(rs, nrows-r)
			for rr := r; rr < r+rs; rr++ {
				for len(occ[rr]) < c+cs {
					occ[rr] = append(occ[rr], false)
				}
				for cc := c; cc < c+cs; cc++ {
					occ[rr][cc] = true
				}
			}
			cells = append(cells, &placedCell{c: cell, r: r, col: c, cs: cs, rs: rs, header: r < t.HeaderRows})
			c += cs
			ncols = max(ncols, c)
		}
	}
	return cells, ncols
}

// portraitColumns are a table's columns measured on a portrait page.
type portraitColumns struct {
	xs   []float64
	fits bool
}

// turnsPage reports whether table t, laid out at the top level in ctx,
// is set on landscape pages (as table does); the columns it measures are
// kept for table.
func (l *layout) turnsPage(t *doc.Table, ctx flowCtx) bool {
	if t.Landscape {
		return true
	}
	_, ncols := placeCells(t)
	if len(t.Rows) == 0 || ncols == 0 {
		return false
	}
	xs, fits := l.columnXs(t, ctx, ncols)
	if l.portraitCols == nil {
		l.portraitCols = map[*doc.Table]portraitColumns{}
	}
	l.portraitCols[t] = portraitColumns{xs, fits}
	return !fits
}

// columnXs returns the left edges of the columns and the table's right
// edge: sized to content when the table describes its columns, else from
// the relative Widths.
func (l *layout) columnXs(t *doc.Table, ctx flowCtx, ncols int) ([]float64, bool) {
	xs := make([]float64, ncols+1)
	xs[0] = ctx.x0
	if t.Columns != nil || t.Widths == nil {
		ws, fits := l.columnWidths(t, l.measureColumns(t, ctx), ctx.w)
		for i, w := range ws {
			xs[i+1] = xs[i] + w
		}
		xs[ncols] = ctx.x0 + ctx.w // no rounding gap at the right edge
		return xs, fits
	}
	ws := make([]float64, ncols)
	sum := 0.0
	for i := range ws {
		ws[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 {
			ws[i] = t.Widths[i]
		}
		sum += ws[i]
	}
	for i, w := range ws {
		xs[i+1] = xs[i] + w/sum*ctx.w
	}
	return xs, true
}

// rowSplitter cuts a single table row between the lines of its cells
// when it does not fit the rest of a page, as a word processor breaks a
// row across pages: the first part stays on the page, the rest continues
// on the next one below the repeated header rows. A row taller than a page
// is cut as often as needed, so no table overflows the page.
type rowSplitter struct {
	row []*placedCell
}

// Minimum heights of cell text on either side of a cut, so that a row is
// not split into slivers (a line or two alone).
const (
	minFirst = 12.0 // mm of content kept on the first page
	minRest  = 8.0  // mm of content carried to the next page
)

// split cuts b (a row box, or a rest of one made by an earlier split) so
// that its first part is at most avail high. It returns nil, nil when no
// cut between lines fits.
func (rs *rowSplitter) split(b *vbox, avail float64) (*vbox, *vbox) {
	from := b.splitFrom
	end := from + b.h - 2*cellPadY
	limit := from + avail - 2*cellPadY
	if limit-from < minFirst {
		return nil, nil
	}
	valid := func(pc *placedCell, y float64) bool {
		if y >= pc.content.h-0.01 || y <= from+0.01 {
			return true
		}
		for _, br := range pc.breaks {
			if br > y-0.01 && br < y+0.01 {
				return true
			}
		}
		return false
	}
	best := 0.0
	for _, pc := range rs.row {
		for _, br := range pc.breaks {
			if br <= from+minFirst || br > limit || br > end-minRest || br <= best {
				continue
			}
			ok := true
			for _, other := range rs.row {
				if !valid(other, br) {
					ok = false
					break
				}
			}
			if ok {
				best = br
			}
		}
	}
	if best == 0 {
		return nil, nil
	}
	first := &vbox{h: best - from + 2*cellPadY, before: b.before, fns: b.fns}
	rest := &vbox{h: end - best + 2*cellPadY, hdr: b.hdr, splitFrom: best}
	for _, it := range b.items {
		if it.kind == itRect && it.y == 0 {
			a, c := it, it
			a.h, c.h = first.h, rest.h
			first.items = append(first.items, a)
			rest.items = append(rest.items, c)
			continue
		}
		// content items sit at cellPadY + their offset in the cell
		off := it.y - cellPadY + from
		if off < best-0.01 {
			it.y = off - from + cellPadY
			first.items = append(first.items, it)
		} else {
			it.y = off - best + cellPadY
			rest.items = append(rest.items, it)
		}
	}
	rest.split = func(avail float64) (*vbox, *vbox) { return rs.split(rest, avail) }
	return first, rest
}

// recordColumns keeps the column widths of t for Options.TableColumns.
func (l *layout) recordColumns(t *doc.Table, xs []float64) {
	if len(xs) < 2 {
		return
	}
	if l.colWidths == nil {
		l.colWidths = map[*doc.Table][]float64{}
	}
	ws := make([]float64, len(xs)-1)
	for i := range ws {
		ws[i] = xs[i+1] - xs[i]
	}
	l.colWidths[t] = ws
}
