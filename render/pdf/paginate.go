package pdf

type placed struct {
	b   *vbox
	y   float64     // top of the box on the page
	fns []*footnote // the footnotes (or their parts) it put on the page
}

type page struct {
	boxes   []placed
	carried []*footnote // rests of footnotes split on the page before
	fns     []*footnote
	fnH     float64
	title   bool
	content bool
	land    bool // landscape
}

func (pg *page) geom() pageGeom {
	if pg.land {
		return landscape
	}
	return portrait
}

const (
	fnSep = 2.2 // space for the rule above footnotes: 1 mm, the rule, 1 mm (LibreOffice's footnote area; see docs/xelatex-comparison.md)
	fnGap = 0.8 // between footnotes
)

func fnHeight(fns []*footnote) float64 {
	if len(fns) == 0 {
		return 0
	}
	h := fnSep
	for _, f := range fns {
		h += f.box.h + fnGap
	}
	return h
}

type paginator struct {
	pages []*page
	cur   *page
	y     float64
	carry []*footnote // footnote parts waiting for the next page
}

// A footnote is split across pages (as TeX does) only when it is long:
// shorter ones move to the next page with the line that refers to them.
const (
	fnSplitShare = 0.4 // of the text height: a footnote at least this tall may be split
	fnMinPart    = 8.0 // mm of a split footnote kept on the page of its reference
)

func (p *paginator) newPage() {
	land := p.cur != nil && p.cur.land
	p.cur = &page{land: land}
	p.pages = append(p.pages, p.cur)
	p.y = textTop
	if len(p.carry) > 0 {
		// the rest of a long footnote continues at this page's foot
		carry := p.carry
		p.carry = nil
		p.cur.carried = p.fitFootnotes(carry, p.cur.geom().bottom-textTop-fnMinPart)
		p.cur.content = true
		p.recount()
	}
}

// fitFootnotes returns the part of fns that fits in room (mm, below the
// body), splitting the first footnote that does not fit between its lines;
// what is left is carried to the next page.
func (p *paginator) fitFootnotes(fns []*footnote, room float64) []*footnote {
	var out []*footnote
	h := 0.0
	if len(p.cur.fns) == 0 {
		h = fnSep
	}
	for i, f := range fns {
		if h+f.box.h+fnGap <= room+0.01 {
			out = append(out, f)
			h += f.box.h + fnGap
			continue
		}
		a, b := f.splitAt(room - h - fnGap)
		if a != nil {
			out = append(out, a)
			p.carry = append(p.carry, b)
		} else {
			p.carry = append(p.carry, f)
		}
		p.carry = append(p.carry, fns[i+1:]...)
		break
	}
	return out
}

// paginate places the boxes on pages: forced breaks, keep chains (widows,
// orphans, headings with what follows), footnotes at the foot of the page
// of their reference, repeated table headers.
func paginate(boxes []*vbox) []*page {
	p := &paginator{}
	p.newPage()
	for i := range boxes {
		p.balanceTail(boxes[i:])
		p.place(boxes[i])
	}
	// drop a trailing empty page
	if n := len(p.pages); n > 1 && !p.pages[n-1].content {
		p.pages = p.pages[:n-1]
	}
	return p.pages
}

func (p *paginator) place(b *vbox) {
	if b.title {
		p.cur.title = true
		p.cur.content = true
		p.cur.boxes = append(p.cur.boxes, placed{b: b, y: textTop})
		return
	}
	if b.brk && p.cur.content {
		p.newPage()
	}
	if b.land != p.cur.land {
		// a wide table turns the page, and the page turns back after
		// it; what is kept with the table (its heading) goes along
		var moved []placed
		if p.cur.content {
			k := len(p.cur.boxes)
			for k > 0 && p.cur.boxes[k-1].b.keep {
				k--
			}
			if k > 0 && k < len(p.cur.boxes) && b.land {
				moved = append(moved, p.cur.boxes[k:]...)
				p.cur.boxes = p.cur.boxes[:k]
				p.recount()
			}
			p.newPage()
		}
		p.cur.land = b.land
		for _, m := range moved {
			p.put(m.b)
		}
	}
	bottom := p.cur.geom().bottom
	if !p.cur.content && b.hdr != nil {
		for _, h := range b.hdr {
			p.put(h)
		}
	}
	before := b.before
	if !p.cur.content {
		before = 0
	}
	need := b.h - b.after // the space below b may run past the page's foot
	fnAdd := 0.0
	if len(b.fns) > 0 {
		fnAdd = fnHeight(append(append([]*footnote(nil), p.cur.fns...), b.fns...)) - p.cur.fnH
		long := fnAdd > fnSplitShare*(bottom-textTop)
		if room := bottom - p.y - before - need - p.cur.fnH; long && len(p.carry) == 0 && !p.cur.title &&
			p.y+before+need+p.cur.fnH+fnAdd > bottom+0.01 && room >= fnSep+fnMinPart {
			// a long footnote: the line stays, the note starts at this
			// page's foot and continues on the next
			p.y += before
			p.cur.boxes = append(p.cur.boxes, placed{b: b, y: p.y, fns: p.fitFootnotes(b.fns, room)})
			p.y += b.h
			p.cur.content = true
			p.recount()
			return
		}
	}
	if b.split != nil && !p.cur.title && p.y+before+b.h+p.cur.fnH+fnAdd > bottom+0.01 {
		if first, rest := b.split(bottom - p.cur.fnH - fnAdd - p.y - before); first != nil {
			p.y += before
			p.put(first)
			p.newPage()
			p.place(rest)
			return
		}
	}
	if p.y+before+need+p.cur.fnH+fnAdd > bottom+0.01 && p.cur.content && !p.cur.title && !p.onlyHeader(b) {
		k := len(p.cur.boxes)
		for k > 0 && p.cur.boxes[k-1].b.keep {
			k--
		}
		var moved []placed
		if k > 0 && k < len(p.cur.boxes) {
			moved = append(moved, p.cur.boxes[k:]...)
			p.cur.boxes = p.cur.boxes[:k]
			p.recount()
		}
		p.newPage()
		for _, m := range moved {
			p.place(m.b)
		}
		p.place(b)
		return
	}
	if p.cur.title && (b.h > 0 || len(b.items) > 0) {
		p.newPage()
		p.place(b)
		return
	}
	p.y += before
	p.put(b)
}

// A near-empty page (the last two lines of a list before a page break)
// is avoided by setting the page before it slightly looser: it ends a few
// lines early, so the next page starts with them and holds at least
// tailLines lines. (Looser, not tighter: the pages of everything after
// stay where they were, and with them the DOCX's pre-filled page numbers.)
const (
	tailMax   = 16.0 // mm: a page break leaving at most this much …
	tailBoxes = 3    // … in at most this many lines, before a forced break
	tailLines = 5    // lines the next page gets instead
)

// balanceTail is called when boxes[0] does not fit the current page. If
// what is left up to the next forced page break is a near-empty page, it
// moves the last lines of the current page to a new one, where the
// caller then places boxes[0].
func (p *paginator) balanceTail(boxes []*vbox) {
	c := p.cur
	bottom := c.geom().bottom
	b := boxes[0]
	if !c.content || c.title || b.brk || b.land != c.land || p.y+b.before+b.h-b.after+c.fnH <= bottom+0.01 {
		return
	}
	n, tailH := 0, 0.0
	for _, t := range boxes {
		if t.brk {
			break
		}
		if n == tailBoxes {
			return
		}
		n++
		tailH += t.before + t.h
	}
	if n == 0 || tailH > tailMax {
		return
	}
	k := len(c.boxes) - (tailLines - n)
	for k > 1 && c.boxes[k-1].b.keep {
		k--
	}
	if k < 1 || k >= len(c.boxes) || c.boxes[k].y-textTop < 0.5*(bottom-textTop) {
		return
	}
	for _, pl := range c.boxes[k:] {
		if len(pl.b.fns) > 0 || pl.b.hdr != nil || pl.b.split != nil || pl.b.land != c.land || pl.b.title {
			return
		}
	}
	moved := append([]placed(nil), c.boxes[k:]...)
	c.boxes = c.boxes[:k]
	p.recount()
	p.newPage()
	for _, m := range moved {
		p.place(m.b)
	}
}

// onlyHeader reports whether the page holds nothing but the header rows
// repeated above b: b goes there even if it is too tall (a new page would
// not help, and would repeat the header forever).
func (p *paginator) onlyHeader(b *vbox) bool {
	if len(b.hdr) == 0 || len(p.cur.boxes) > len(b.hdr) || len(p.cur.carried) > 0 {
		return false
	}
	for i, pl := range p.cur.boxes {
		if pl.b != b.hdr[i] {
			return false
		}
	}
	return true
}

func (p *paginator) put(b *vbox) {
	p.cur.boxes = append(p.cur.boxes, placed{b: b, y: p.y, fns: b.fns})
	p.y += b.h
	if b.h > 0 || len(b.items) > 0 {
		p.cur.content = true
	}
	if len(b.fns) > 0 {
		p.cur.fns = append(p.cur.fns, b.fns...)
		p.cur.fnH = fnHeight(p.cur.fns)
	}
}

// recount recomputes y, content and footnotes after boxes were removed.
func (p *paginator) recount() {
	c := p.cur
	c.fns = append([]*footnote(nil), c.carried...)
	c.content = len(c.carried) > 0
	p.y = textTop
	for _, pl := range c.boxes {
		p.y = pl.y + pl.b.h
		c.fns = append(c.fns, pl.fns...)
		if pl.b.h > 0 || len(pl.b.items) > 0 {
			c.content = true
		}
	}
	c.fnH = fnHeight(c.fns)
}
