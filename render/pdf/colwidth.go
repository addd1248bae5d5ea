package pdf

import (
	"github.com/strategia-pl/strategia/render/doc"
)

// Column sizing, after CSS's automatic table layout: every column's
// minimum content width (its widest unbreakable piece) and maximum content
// width (its widest paragraph on one line) are measured, then the text
// width is distributed. Number columns are as wide as their widest entry;
// label columns get the width of their entries (their header wraps
// between words) before running-text columns are widened, and their words
// are never cut while the table fits; running text takes what is left,
// hyphenating its longest word only when the table has no room for every
// column's longest word whole. A doc.Column with Width is fixed.

// labelShare is the most of a table's width a label column widens to
// before its labels wrap (between words, never hyphenated).
const labelShare = 0.3

// contentWidth is what a cell's text needs, padding excluded (mm).
type contentWidth struct {
	min     float64 // widest word (no hyphenation)
	minHyph float64 // widest piece between any break points, hyphens included
	max     float64 // widest paragraph set on one line
	// body is the widest body (non-header) cell on one line: what a
	// number column must be, its header wrapping as it needs
	body float64
}

// measureCell measures a cell laid out in the cell style of ctx.
func (l *layout) measureCell(c *doc.Cell, ctx flowCtx) contentWidth {
	var cw contentWidth
	l.measureBlocks(c.Blocks, ctx, 0, &cw)
	return cw
}

func (l *layout) measureBlocks(bs []doc.Block, ctx flowCtx, indent float64, cw *contentWidth) {
	for _, b := range bs {
		switch n := b.(type) {
		case *doc.Paragraph:
			ps, ind, indR, _, _ := paraSpecFor(n.Style, ctx)
			l.measureInlines(n.Inlines, ps, indent+ind+indR, cw)
		case *doc.Heading:
			hs := headingStyle(n.Level)
			l.measureInlines(n.Text, paraSpec{face: hs.face, size: hs.size, hyphen: false}, indent, cw)
		case *doc.List:
			for _, it := range n.Items {
				l.measureBlocks(it.Blocks, ctx, indent+6.5, cw)
			}
		case *doc.Figure:
			cw.min = max(cw.min, 20+indent)
			cw.minHyph = max(cw.minHyph, 20+indent)
			cw.max = max(cw.max, 40+indent)
		case *doc.Table:
			// a table in a cell: as wide as its measured columns
			var sum, sumMin float64
			for _, w := range l.measureColumns(n, ctx) {
				sum += w.max + 2*cellPadX
				sumMin += w.min + 2*cellPadX
			}
			cw.min = max(cw.min, sumMin+indent)
			cw.minHyph = max(cw.minHyph, sumMin+indent)
			cw.max = max(cw.max, sum+indent)
		}
	}
}

// measureInlines tokenizes inlines as typeset would (without registering
// footnotes) and widens cw by their minimum and maximum widths.
func (l *layout) measureInlines(is []doc.Inline, ps paraSpec, indent float64, cw *contentWidth) {
	buf := l.kpBuf
	l.kpBuf = nil
	t := l.tokenizer(ps, buf[:0], true)
	t.inlines(is, run{face: ps.face, size: ps.size, color: ps.color})
	t.endLine(false)
	items := t.items
	l.freeTok = t
	defer func() { l.kpBuf = items[:0] }()
	line, word, piece := 0.0, 0.0, 0.0
	for i := range items {
		it := &items[i]
		switch it.kind {
		case kBox:
			line += it.w
			word += it.w
			piece += it.w
		case kGlue:
			if it.st < fill/2 {
				line += it.w
			}
			if i > 0 && items[i-1].kind == kBox {
				cw.min = max(cw.min, word+indent)
				cw.minHyph = max(cw.minHyph, piece+indent)
				word, piece = 0, 0
			} else {
				word += it.w // a no-break space joins the words
				piece += it.w
			}
		case kPen:
			if it.pen <= -inf {
				cw.max = max(cw.max, line+indent)
				cw.min = max(cw.min, word+indent)
				cw.minHyph = max(cw.minHyph, piece+indent)
				line, word, piece = 0, 0, 0
			} else if it.pen < inf {
				cw.minHyph = max(cw.minHyph, piece+it.w+indent)
				piece = 0
				if !it.flagged || it.w == 0 {
					// an explicit hyphen, a slash, a URL separator:
					// a label may break there too
					cw.min = max(cw.min, word+indent)
					word = 0
				}
			}
		}
	}
	cw.max = max(cw.max, line+indent)
	cw.min = max(cw.min, word+indent)
	cw.minHyph = max(cw.minHyph, piece+indent)
}

// measureColumns measures every grid column of t from its single-column
// cells (cells spanning columns widen their columns afterwards).
func (l *layout) measureColumns(t *doc.Table, ctx flowCtx) []contentWidth {
	cells, ncols := placeCells(t)
	ws := make([]contentWidth, ncols)
	for _, pc := range cells {
		cctx := flowCtx{inCell: true, bold: pc.c.Bold || pc.header, align: pc.c.Align, compact: t.Compact || ctx.compact}
		cw := l.measureCell(pc.c, cctx)
		if pc.cs == 1 {
			w := &ws[pc.col]
			w.min, w.minHyph, w.max = max(w.min, cw.min), max(w.minHyph, cw.minHyph), max(w.max, cw.max)
			if !pc.header {
				w.body = max(w.body, cw.max)
			}
		}
	}
	// spanning cells: widen the spanned columns evenly when too narrow
	for _, pc := range cells {
		if pc.cs == 1 {
			continue
		}
		cw := l.measureCell(pc.c, flowCtx{inCell: true, bold: pc.c.Bold || pc.header, compact: t.Compact || ctx.compact})
		have := float64(pc.cs-1) * 2 * cellPadX
		for c := pc.col; c < pc.col+pc.cs; c++ {
			have += ws[c].minHyph
		}
		if need := cw.minHyph - have; need > 0 {
			for c := pc.col; c < pc.col+pc.cs; c++ {
				ws[c].minHyph += need / float64(pc.cs)
				ws[c].min = max(ws[c].min, ws[c].minHyph)
				ws[c].max = max(ws[c].max, ws[c].min)
			}
		}
	}
	return ws
}

// columnWidths distributes avail (mm) between the columns of t; it
// reports whether the table's minimum fits (else the widths are
// squeezed and words will be cut at the measure).
func (l *layout) columnWidths(t *doc.Table, ws []contentWidth, avail float64) ([]float64, bool) {
	n := len(ws)
	out := make([]float64, n)
	kind := func(i int) doc.ColKind {
		if i < len(t.Columns) {
			return t.Columns[i].Kind
		}
		return doc.ColText
	}
	fixed := make([]bool, n)
	free := avail
	minOf := make([]float64, n)
	maxOf := make([]float64, n)
	for i, w := range ws {
		pad := 2*cellPadX + 0.05 // rounding: a word exactly as wide as its column must fit
		if i < len(t.Columns) && t.Columns[i].Width > 0 {
			out[i] = min(t.Columns[i].Width, 1) * avail
			fixed[i] = true
			free -= out[i]
			continue
		}
		switch kind(i) {
		case doc.ColNumber:
			minOf[i] = max(w.body, w.min) + pad
		case doc.ColLabel:
			minOf[i] = w.min + pad
		default:
			// running text may hyphenate, but not below its longest
			// word's first 12 mm
			minOf[i] = min(w.min, max(w.minHyph, 12)) + pad
		}
		maxOf[i] = max(w.max+pad, minOf[i])
	}
	sumMin, sumMax := 0.0, 0.0
	for i := range ws {
		if !fixed[i] {
			sumMin += minOf[i]
			sumMax += maxOf[i]
		}
	}
	// a running-text column hyphenates its longest word only when the
	// table cannot give every column its longest word whole
	whole := sumMin
	for i, w := range ws {
		if !fixed[i] && kind(i) == doc.ColText {
			whole += max(w.min+2*cellPadX+0.05, minOf[i]) - minOf[i]
		}
	}
	if whole <= free && whole > sumMin {
		for i, w := range ws {
			if !fixed[i] && kind(i) == doc.ColText {
				minOf[i] = max(w.min+2*cellPadX+0.05, minOf[i])
				maxOf[i] = max(maxOf[i], minOf[i])
			}
		}
		sumMin, sumMax = whole, 0
		for i := range ws {
			if !fixed[i] {
				sumMax += maxOf[i]
			}
		}
	}
	switch {
	case free <= 0 || sumMin > free:
		// too wide even at the minimum: shrink to the hyphenated
		// minimum, no column over an equal share of the width unless
		// the others leave it room, then proportionally
		sum, nfree := 0.0, 0
		for i, w := range ws {
			if !fixed[i] {
				m := w.minHyph + 2*cellPadX
				if kind(i) == doc.ColNumber {
					m = minOf[i]
				}
				minOf[i] = m
				sum += m
				nfree++
			}
		}
		fits := sum <= free+0.01
		if share := max(free, 0) / float64(max(nfree, 1)); sum > free {
			sum = 0
			for i := range ws {
				if !fixed[i] {
					minOf[i] = min(minOf[i], share)
					sum += minOf[i]
				}
			}
		}
		scale := 1.0
		if sum > free {
			scale = max(free, 0) / sum
		}
		extra := max(free-sum, 0)
		for i := range ws {
			if !fixed[i] {
				out[i] = minOf[i]*scale + extra*minOf[i]/max(sum, 1e-9)
			}
		}
		return out, fits
	case sumMax <= free:
		// everything on one line: share the rest in proportion to the
		// maximum widths, so the table keeps the full text width
		extra := free - sumMax
		for i := range ws {
			if !fixed[i] {
				out[i] = maxOf[i] + extra*maxOf[i]/sumMax
			}
		}
		return out, true
	}
	// labels first get their maximum width, if the rest can still have
	// its minimum; then the rest is shared in proportion to max − min
	left := free
	for i := range ws {
		if fixed[i] {
			continue
		}
		out[i] = minOf[i]
		left -= minOf[i]
	}
	for i := range ws {
		if !fixed[i] && kind(i) == doc.ColLabel {
			// a label column takes at most labelShare of the width on
			// its own, and no more than its body needs (its header
			// wraps between words); wider labels wrap between words
			target := min(maxOf[i], max(ws[i].body+2*cellPadX+0.05, out[i]))
			if grow := min(target, max(labelShare*free, out[i])) - out[i]; grow <= left {
				out[i] += grow
				left -= grow
			}
		}
	}
	spread := 0.0
	for i := range ws {
		if !fixed[i] {
			spread += maxOf[i] - out[i]
		}
	}
	for i := range ws {
		if !fixed[i] && spread > 0 {
			out[i] += left * (maxOf[i] - out[i]) / spread
		}
	}
	return out, true
}
