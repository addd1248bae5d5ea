package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/strategia-pl/strategia/render/doc"
)

// Page geometry, mm (A4).
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 25.0
	marginR      = 25.0
	marginT      = 25.0
	marginB      = 25.0
	textW        = pageW - marginL - marginR
	textTop      = marginT
	textBottom   = pageH - marginB
	// a landscape page (a table too wide for portrait): A4 turned
	landTextW      = pageH - marginL - marginR
	landTextBottom = pageW - marginB
)

// pageGeom is the size of a page and the bottom of its text area.
type pageGeom struct{ w, h, textW, bottom float64 }

var (
	portrait  = pageGeom{pageW, pageH, textW, textBottom}
	landscape = pageGeom{pageH, pageW, landTextW, landTextBottom}
)

type rgb struct{ r, g, b uint8 }

var (
	colText    = rgb{0, 0, 0}
	colHeading = rgb{0x1f, 0x3a, 0x5f}
	colLink    = rgb{0x1a, 0x4f, 0x9c}
	colGray    = rgb{0x55, 0x55, 0x55}
	colRule    = rgb{0x99, 0x99, 0x99}
	colDraft   = rgb{0xc0, 0x00, 0x00}
	colBorder  = rgb{0x80, 0x80, 0x80}
	colCodeBg  = rgb{0xf3, 0xf3, 0xf3}
	shadeFill  = [...]rgb{{0xff, 0xff, 0xff}, {0xd9, 0xe2, 0xf0}, {0xfb, 0xe5, 0xd6}, {0xf2, 0xf2, 0xf2}}
)

type itemKind uint8

const (
	itText     itemKind = iota // s at (x, y=baseline)
	itRect                     // fill (and border if h2>0) at x,y,w,h
	itHLine                    // line from (x,y) to (x+w,y), width h
	itImage                    // image key s at x,y,w,h
	itLink                     // link area; key (anchor) or s (URL)
	itAnchor                   // destination key at y
	itBookmark                 // outline entry s at y, level
	itPageRef                  // page number of key, right-aligned at x
	itLeader                   // dot leaders from x to x+w at baseline y
	itWarn                     // not drawn: a layout warning s at this place
)

// item is a positioned mark; y is relative to its box's top.
type item struct {
	kind   itemKind
	face   face
	color  rgb
	fill   rgb
	border bool
	level  int8 // of a bookmark
	x, y   float64
	w, h   float64
	size   float64
	s, key string
	tag    int32 // content run in the structure tree (tag.go); 0: artifact
}

// vbox is an element of the vertical list the paginator places.
type vbox struct {
	h      float64
	before float64 // space above, dropped at the top of a page
	items  []item
	keep   bool // no page break between this box and the next
	brk    bool // start a new page before this box
	fns    []*footnote
	hdr    []*vbox // table header rows to repeat above this row on a new page
	title  bool    // the title page
	land   bool    // set on a landscape page (a wide table)
	// split, when set, cuts the box so that its first part is at most
	// avail high (a table row broken across pages); nil, nil when it
	// cannot. splitFrom is the offset of a rest part in its cells.
	split     func(avail float64) (*vbox, *vbox)
	splitFrom float64
	// after is the space below, part of h, that need not fit at the foot
	// of a page (as TeX drops glue at a page break; the DOCX carries it
	// as the next paragraph's space before, which LibreOffice drops there)
	after float64
}

type footnote struct {
	id, key string
	num     int
	box     *vbox     // laid out body
	breaks  []float64 // offsets in box between its lines, where a page may cut it
}

// splitAt cuts a footnote body at the last line break at most h from its
// top, as TeX splits a long footnote: the first part stays at the foot of
// the page, the rest (with no number and no anchor) continues at the foot
// of the next. It returns nil, nil when no break fits.
func (f *footnote) splitAt(h float64) (*footnote, *footnote) {
	cut := 0.0
	for _, br := range f.breaks {
		if br <= h+0.01 && br < f.box.h-0.01 {
			cut = br
		}
	}
	if cut <= 0 {
		return nil, nil
	}
	a := &footnote{id: f.id, num: f.num, key: f.key, box: &vbox{h: cut}}
	b := &footnote{id: f.id, num: f.num, box: &vbox{h: f.box.h - cut}}
	for _, it := range f.box.items {
		if it.y < cut-0.01 || it.kind == itAnchor {
			a.box.items = append(a.box.items, it)
		} else {
			it.y -= cut
			b.box.items = append(b.box.items, it)
		}
	}
	for _, br := range f.breaks {
		if br > cut+0.01 {
			b.breaks = append(b.breaks, br-cut)
		} else {
			a.breaks = append(a.breaks, br)
		}
	}
	return a, b
}

type secInfo struct {
	num, key string
	title    []doc.Inline
}

// layout holds the state of one rendering; nothing in it outlives Render.
type layout struct {
	d         *doc.Document
	colWidths map[*doc.Table][]float64 // column widths (mm) of every table laid out
	m         *metrics
	runs      map[runKey]*run
	kpBuf     []kpItem
	lineBuf   []item // buildLines' scratch: the items of one line
	lineText  []byte // buildLines' scratch: the text of one text item
	paraBuf   []item // buildLines' scratch: the items of a paragraph's lines
	lineEnds  []int
	cuts      []int // emitBox's scratch: break points of a box
	wordMemo  map[wordKey]map[string][]kpItem
	freeTok   *tokenizer // the last tokenizer, for its buffers
	cutKinds  []uint8
	sums      [][3]float64
	words     []int
	kpNodes   []kpNode // knuthPlass's nodes, reused by the next paragraph
	active    []int32
	where     string // the heading being laid out under, for warnings
	fnByID    map[string]*doc.Footnote
	fnRefs    map[string]*footnote
	fnCount   int
	secs      map[*doc.Section]*secInfo
	tocSecs   []*doc.Section
	tocTables []tocLine // captioned, anchored tables
	tocFigs   []tocLine // captioned, anchored figures
	boxes     []*vbox
	images    []*doc.Figure
	imageKeys map[string]string
	genKey    int
	outlineL  int
	tg        *tagger

	// landscape lead-ins (headings going with a wide table):
	// portraitCols are the portrait columns of the tables turnsPage
	// measured, leadEnd the end of the last lead-in in boxes
	portraitCols map[*doc.Table]portraitColumns
	leadEnd      int
	// cache, when set (Options.Cache), keeps measured words and line
	// breaks across renders
	cache *LayoutCache
	// done, when set (Options.Context), ends the layout early once
	// closed (cancelled); blocks counts the blocks laid out, so that it
	// is asked every stopEvery blocks
	done      <-chan struct{}
	blocks    int
	cancelled bool
}

// stopEvery is how many blocks the layout lays out between two looks at
// its context (a block is some microseconds; a look, a channel poll).
const stopEvery = 32

// stopped reports, every stopEvery blocks, whether the render's context
// is done; once it is, every later block is skipped.
func (l *layout) stopped() bool {
	switch {
	case l.done == nil:
		return false
	case l.cancelled:
		return true
	}
	l.blocks++
	if l.blocks%stopEvery != 1 { // the first block looks, then every stopEvery-th
		return false
	}
	select {
	case <-l.done:
		l.cancelled = true
	default:
	}
	return l.cancelled
}

func newLayout(d *doc.Document, pdf *fpdf.Fpdf) *layout {
	l := &layout{d: d, m: &metrics{pdf: pdf}, runs: map[runKey]*run{}, wordMemo: map[wordKey]map[string][]kpItem{},
		fnByID: map[string]*doc.Footnote{}, fnRefs: map[string]*footnote{}, secs: map[*doc.Section]*secInfo{}, imageKeys: map[string]string{}, tg: newTagger()}
	for _, f := range d.Footnotes {
		if _, dup := l.fnByID[f.ID]; !dup {
			l.fnByID[f.ID] = f
		}
	}
	l.number(d.Blocks, nil)
	l.collectCaptions()
	return l
}

type runKey struct {
	face         face
	size, rise   float64
	color        rgb
	strike, link bool
	url, anchor  string
	lang         string
}

// intern returns a shared *run equal to r (runs are compared by pointer).
func (l *layout) intern(r run) *run {
	k := runKey{face: r.face, size: r.size, rise: r.rise, color: r.color, strike: r.strike, lang: r.lang}
	if r.link != nil {
		k.link, k.url, k.anchor = true, r.link.url, r.link.anchor
	}
	if p, ok := l.runs[k]; ok {
		return p
	}
	p := &r
	l.runs[k] = p
	return p
}

// number assigns section numbers (1., 1.1., 1.1.1.) in document order.
func (l *layout) number(bs []doc.Block, prefix []int) {
	n := 0
	for _, b := range bs {
		s, ok := b.(*doc.Section)
		if !ok {
			continue
		}
		si := &secInfo{title: s.Title, key: s.Anchor}
		if si.key == "" {
			l.genKey++
			si.key = "\x00s" + strconv.Itoa(l.genKey)
		}
		var sub []int
		if !s.Unnumbered {
			n++
			sub = append(append([]int(nil), prefix...), n)
			parts := make([]string, len(sub))
			for i, v := range sub {
				parts[i] = strconv.Itoa(v)
			}
			si.num = strings.Join(parts, ".") + "."
		} else {
			sub = append(append([]int(nil), prefix...), 0)
		}
		l.secs[s] = si
		if !s.NoTOC {
			l.tocSecs = append(l.tocSecs, s)
		}
		l.number(s.Blocks, sub)
	}
}

// footnoteRef numbers a footnote at its first reference and lays it out.
func (l *layout) footnoteRef(id string) (fn *footnote, first bool) {
	if fn, ok := l.fnRefs[id]; ok {
		return fn, false
	}
	body, ok := l.fnByID[id]
	if !ok {
		return nil, false
	}
	l.fnCount++
	fn = &footnote{id: id, num: l.fnCount, key: "\x00fn" + id}
	l.fnRefs[id] = fn
	fn.box = l.footnoteBox(fn, body)
	return fn, true
}

func (l *layout) footnoteBox(fn *footnote, body *doc.Footnote) *vbox {
	const indent = 5.0
	ctx := flowCtx{x0: marginL + indent, w: textW - indent, inNote: true}
	note := l.tg.openNote()
	markTag := l.tg.mark(note)
	var bs []*vbox
	l.flowInto(&bs, body.Blocks, ctx)
	l.tg.close()
	b := stack(bs)
	fn.breaks = breakOffsets(bs)
	mark := strconv.Itoa(fn.num)
	sz := 8.5
	base := 0.0
	if len(bs) > 0 && len(bs[0].items) > 0 {
		for _, it := range bs[0].items {
			if it.kind == itText {
				base = it.y
				break
			}
		}
	}
	b.items = append(b.items, item{kind: itText, x: marginL + indent - 1 - l.m.width(serifR, sz*0.7, mark), y: base - sz*0.3*ptMM, face: serifR, size: sz * 0.7, s: mark, color: colText, tag: markTag},
		item{kind: itAnchor, y: 0, key: fn.key})
	return b
}

// stack joins boxes vertically into one unbreakable box.
func stack(bs []*vbox) *vbox {
	n := 0
	for _, b := range bs {
		n += len(b.items)
	}
	out := &vbox{}
	if n > 0 {
		out.items = make([]item, 0, n)
	}
	y := 0.0
	for i, b := range bs {
		if i > 0 {
			y += b.before
		}
		for _, it := range b.items {
			it.y += y
			out.items = append(out.items, it)
		}
		out.fns = append(out.fns, b.fns...)
		y += b.h
	}
	out.h = y
	return out
}

// flowCtx is the horizontal frame and style context of a block.
type flowCtx struct {
	x0, w   float64
	inCell  bool
	inNote  bool
	bold    bool
	align   doc.Align
	compact bool
	listLvl int
	noHyph  bool // a label column: words wrap whole (the column fits its longest word)
}

func (l *layout) emit(b *vbox) { l.boxes = append(l.boxes, b) }

func (l *layout) flow(bs []doc.Block, ctx flowCtx) {
	for i := 0; i < len(bs); i++ {
		if h, ok := bs[i].(*doc.Heading); ok {
			if n := l.landscapeLead(bs[i+1:], ctx); n >= 0 {
				// the heading and its lead-in go on the landscape page
				// of the table they introduce
				lctx, first := landscapeCtx(ctx), len(l.boxes)
				l.block(h, lctx)
				l.flow(bs[i+1:i+1+n], lctx)
				l.turn(first)
				i += n
				continue
			}
		}
		l.block(bs[i], ctx)
	}
}

// landscapeLead is doc.LandscapeLead for blocks laid out in ctx: -1 unless
// they are top-level blocks that open with a table this layout turns.
func (l *layout) landscapeLead(bs []doc.Block, ctx flowCtx) int {
	if ctx.inCell || ctx.inNote || ctx.listLvl > 0 || ctx.w != textW {
		return -1
	}
	return doc.LandscapeLead(bs, func(t *doc.Table) bool { return l.turnsPage(t, ctx) })
}

// landscapeCtx is ctx on a landscape page.
func landscapeCtx(ctx flowCtx) flowCtx {
	ctx.x0, ctx.w = marginL, landTextW
	return ctx
}

// turn sets the boxes of a landscape table's lead-in, laid out since
// first, on landscape pages. The lead-in starts a page, even after another
// landscape table, as it starts a section in the DOCX.
func (l *layout) turn(first int) {
	if first < len(l.boxes) && first != l.leadEnd {
		l.boxes[first].brk = true
	}
	for _, b := range l.boxes[first:] {
		b.land = true
	}
	l.leadEnd = len(l.boxes) // a subsection's lead-in goes on
}

// flowInto lays blocks out as boxes appended to *out.
func (l *layout) flowInto(out *[]*vbox, bs []doc.Block, ctx flowCtx) {
	save := l.boxes
	l.boxes = *out
	for _, b := range bs {
		l.block(b, ctx)
	}
	*out = l.boxes
	l.boxes = save
}

func (l *layout) block(b doc.Block, ctx flowCtx) {
	if l.stopped() {
		return // cancelled: Render returns the context's error
	}
	switch n := b.(type) {
	case *doc.Section:
		l.section(n, ctx)
	case *doc.Heading:
		l.heading(n.Level, "", n.Text, n.Anchor, false, true, ctx)
	case *doc.Paragraph:
		l.paragraph(n, ctx)
	case *doc.List:
		l.list(n, ctx)
	case *doc.Table:
		l.table(n, ctx)
	case *doc.Figure:
		l.figure(n, ctx)
	case *doc.TOC:
		l.toc(n)
	case *doc.PageBreak:
		if !ctx.inCell && !ctx.inNote {
			l.emit(&vbox{brk: true})
		}
	case nil:
	default:
		panic(fmt.Sprintf("pdf: unhandled block kind %s", b.Kind()))
	}
}

func (l *layout) section(s *doc.Section, ctx flowCtx) {
	si := l.secs[s]
	num, key := "", ""
	if si != nil {
		num, key = si.num, si.key
	}
	l.tg.open("Sect")
	brk := s.PageBreakBefore && !ctx.inCell && !ctx.inNote
	if n := l.landscapeLead(s.Blocks, ctx); n >= 0 {
		// the heading and its lead-in go on the landscape page of the
		// table they introduce
		lctx, first := landscapeCtx(ctx), len(l.boxes)
		l.heading(s.Level, num, s.Title, key, brk, true, lctx)
		l.flow(s.Blocks[:n], lctx)
		l.turn(first)
		l.flow(s.Blocks[n:], ctx)
	} else {
		l.heading(s.Level, num, s.Title, key, brk, true, ctx)
		l.flow(s.Blocks, ctx)
	}
	l.tg.close()
}

type headStyle struct {
	face   face
	size   float64
	before float64
	after  float64
}

func headingStyle(level int) headStyle {
	switch {
	case level <= 1:
		return headStyle{sansB, 17, 10, 5}
	case level == 2:
		return headStyle{sansB, 13.5, 7, 2.5}
	case level == 3:
		return headStyle{sansB, 11.5, 5, 1.5}
	default:
		return headStyle{sansBI, 11, 4, 1}
	}
}

// heading lays out a (numbered) heading kept with what follows.
func (l *layout) heading(level int, num string, title []doc.Inline, anchor string, brk, outline bool, ctx flowCtx) {
	hs := headingStyle(level)
	ps := paraSpec{face: hs.face, size: hs.size, lead: hs.size * 1.2 * ptMM, align: doc.AlignLeft, color: colHeading, balance: true}
	x0, w := ctx.x0, ctx.w
	numW := 0.0
	if num != "" {
		numW = l.m.width(hs.face, hs.size, num) + hs.size*ptMM*0.6
		numW = max(numW, hs.size*ptMM*1.8)
	}
	if !ctx.inCell && !ctx.inNote {
		l.where = strings.TrimSpace(num + " " + inlineText(title))
		if r := []rune(l.where); len(r) > 60 {
			l.where = string(r[:60]) + "…"
		}
	}
	h := l.tg.open(l.tg.heading(level))
	defer l.tg.close()
	numTag := l.tg.mark(h)
	lines := l.typeset(title, ps, x0+numW, w-numW)
	if len(lines) == 0 {
		lines = []pline{{h: ps.lead, base: ps.lead*0.5 + hs.size*ptMM*0.33}}
	}
	for i, ln := range lines {
		b := &vbox{h: ln.h, items: ln.items, keep: true, fns: ln.fns}
		if i == 0 {
			b.before = hs.before
			b.brk = brk
			if num != "" {
				b.items = append(b.items, item{kind: itText, x: x0, y: ln.base, face: hs.face, size: hs.size, s: num + " ", color: colHeading, tag: numTag})
			}
			if anchor != "" {
				b.items = append(b.items, item{kind: itAnchor, y: 0, key: anchor})
			}
			if outline && !ctx.inCell && !ctx.inNote {
				t := strings.TrimSpace(num + " " + inlineText(title))
				lvl := min(max(level-1, 0), l.outlineL+1)
				l.outlineL = lvl
				b.items = append(b.items, item{kind: itBookmark, y: 0, s: t, level: int8(lvl)})
			}
		}
		if i == len(lines)-1 {
			b.h += hs.after
			b.after = hs.after
		}
		l.emit(b)
	}
}

// inlineText is the plain text of inlines (for outlines).
func inlineText(is []doc.Inline) string {
	var b strings.Builder
	for _, in := range is {
		switch n := in.(type) {
		case *doc.Text:
			b.WriteString(n.Text)
		case *doc.Link:
			b.WriteString(inlineText(n.Inlines))
		case *doc.LineBreak:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\u00a0", " ")), " ")
}

// paraSpecFor returns the typesetting parameters of a paragraph style.
func paraSpecFor(st doc.ParaStyle, ctx flowCtx) (ps paraSpec, indent, indentR, before, after float64) {
	ps = paraSpec{face: serifR, size: 11, justify: true, hyphen: true, color: colText}
	after = 0
	before = 2.2
	switch st {
	case doc.ParaLead:
		ps.face, ps.size = serifI, 12
		before, after = 2.5, 1.5
	case doc.ParaQuote:
		ps.face, ps.size = serifI, 10.5
		indent, indentR = 10, 10
		before, after = 3, 1.5
	case doc.ParaCaption:
		ps.face, ps.size, ps.justify = sansB, 9, false
		before = 3
	case doc.ParaNote:
		ps.face, ps.size, ps.justify, ps.color = sansR, 8, false, colGray
		before = 1.2
	case doc.ParaCode:
		ps.face, ps.size, ps.justify, ps.hyphen, ps.code = monoR, 9, false, false, true
		indent = 4
		before, after = 2.5, 1
	case doc.ParaTerm:
		ps.face, ps.justify = serifB, false
		before = 3
	case doc.ParaDefinition:
		indent = 8
		before = 0.8
	}
	if ctx.inCell {
		size := 9.0
		if ctx.compact {
			size = 7.5
		}
		if st == doc.ParaNote {
			size -= 1
		}
		ps.face = sansR.withStyle(ps.face.bold() || ctx.bold, ps.face.italic())
		if st == doc.ParaCode {
			ps.face = monoR
		}
		ps.size = size
		ps.justify = false
		ps.cell = true
		ps.hyphen = ps.hyphen && !ctx.noHyph
		before = 1
		indent, indentR = 0, 0
	}
	if ctx.inNote {
		ps.face = serifR.withStyle(ps.face.bold(), ps.face.italic())
		ps.size = 8.5
		ps.justify = true
		ps.color = colText
		before = 0.5
		indent, indentR = 0, 0
	}
	ps.lead = ps.size * ptMM * 1.25
	if ctx.inCell {
		ps.lead = ps.size * ptMM * 1.18
	}
	return ps, indent, indentR, before, after
}

func (l *layout) paragraph(p *doc.Paragraph, ctx flowCtx) {
	ps, ind, indR, before, after := paraSpecFor(p.Style, ctx)
	ps.align = p.Align
	if p.Align == doc.AlignDefault {
		if ctx.inCell && ctx.align != doc.AlignDefault {
			ps.align = ctx.align
		} else {
			ps.align = doc.AlignLeft
		}
	}
	if ps.align != doc.AlignLeft || (p.Align == doc.AlignLeft) {
		if p.Align != doc.AlignDefault || ctx.inCell {
			ps.justify = false
		}
	}
	if ps.justify {
		ps.align = doc.AlignLeft
	}
	if ps.align == doc.AlignCenter && !ctx.inCell {
		ps.hyphen = false // a centred title breaks between words only
	}
	l.tg.openPara(paraType(p.Style))
	defer l.tg.close()
	lines := l.typeset(p.Inlines, ps, ctx.x0+ind, ctx.w-ind-indR)
	if len(lines) == 0 {
		if p.Anchor != "" {
			l.emit(&vbox{items: []item{{kind: itAnchor, key: p.Anchor}}})
		}
		return
	}
	l.emitLines(lines, before, after, p.Anchor, p.Style == doc.ParaTerm)
	if p.Style == doc.ParaCode {
		// light background behind the code lines
		n := len(lines)
		for _, b := range l.boxes[len(l.boxes)-n:] {
			b.items = append([]item{{kind: itRect, x: ctx.x0 + ind - 2, y: 0, w: ctx.w - ind + 2 - indR, h: b.h - after*boolF(b == l.boxes[len(l.boxes)-1]), fill: colCodeBg}}, b.items...)
		}
	}
}

func boolF(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// emitLines emits paragraph lines with widow and orphan control: the first
// line keeps with the second and the last-but-one with the last.
func (l *layout) emitLines(lines []pline, before, after float64, anchor string, keepNext bool) {
	n := len(lines)
	for i, ln := range lines {
		b := &vbox{h: ln.h, items: ln.items, fns: ln.fns}
		if i == 0 {
			b.before = before
			if anchor != "" {
				b.items = append(b.items, item{kind: itAnchor, key: anchor})
			}
		}
		b.keep = (i == 0 && n > 1) || (i == n-2) || (i == n-1 && keepNext)
		if i == n-1 {
			b.h += after
			b.after = after
		}
		l.emit(b)
	}
}

var bullets = []string{"•", "–", "◦"}

func (l *layout) list(ls *doc.List, ctx flowCtx) {
	const ind = 6.5
	start := ls.Start
	if start == 0 {
		start = 1
	}
	markerFace := serifR
	size := 11.0
	if ctx.inCell {
		markerFace, size = sansR, 9
		if ctx.compact {
			size = 7.5
		}
	} else if ctx.inNote {
		size = 8.5
	}
	l.tg.open("L")
	defer l.tg.close()
	for i, it := range ls.Items {
		var mark string
		if ls.Ordered {
			if ctx.listLvl%2 == 1 {
				mark = string(rune('a'+(start+i-1)%26)) + ")"
			} else {
				mark = strconv.Itoa(start+i) + "."
			}
		} else {
			mark = bullets[ctx.listLvl%len(bullets)]
		}
		sub := ctx
		sub.x0 += ind
		sub.w -= ind
		sub.listLvl++
		first := len(l.boxes)
		l.tg.open("LI")
		markTag := l.tg.content(l.tg.open("Lbl"))
		l.tg.close()
		l.tg.open("LBody")
		l.flow(it.Blocks, sub)
		l.tg.close()
		l.tg.close()
		if len(l.boxes) == first {
			continue
		}
		fb := l.boxes[first]
		base := fb.h * 0.6
		for _, x := range fb.items {
			if x.kind == itText {
				base = x.y
				break
			}
		}
		mw := l.m.width(markerFace, size, mark)
		fb.items = append(fb.items, item{kind: itText, x: ctx.x0 + ind - 2 - mw, y: base, face: markerFace, size: size, s: mark, color: colText, tag: markTag})
		if i > 0 || ctx.listLvl > 0 {
			fb.before = min(fb.before, 1.2)
		}
	}
}

func (l *layout) figure(f *doc.Figure, ctx flowCtx) {
	frac := f.WidthFrac
	if frac <= 0 || frac > 1 {
		frac = 1
	}
	w := ctx.w * frac
	h := w * 0.6
	if f.WidthPx > 0 && f.HeightPx > 0 {
		h = w * float64(f.HeightPx) / float64(f.WidthPx)
	}
	maxH := (textBottom - textTop) * 0.7
	if ctx.inCell {
		maxH = 60
	}
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	// one image per distinct content: fpdf names images by a hash of
	// their bytes, so registering equal bytes twice duplicates a key
	key, ok := l.imageKeys[string(f.Data)]
	if !ok {
		l.images = append(l.images, f)
		key = "img" + strconv.Itoa(len(l.images))
		l.imageKeys[string(f.Data)] = key
	}
	x := ctx.x0 + (ctx.w-w)/2
	fig := l.tg.open("Figure")
	fig.alt = figureAlt(f)
	b := &vbox{h: h + 1.5, before: 4, keep: len(f.Caption) > 0 || len(f.Source) > 0,
		items: []item{{kind: itImage, x: x, y: 0, w: w, h: h, s: key, tag: l.tg.content(fig)}}}
	l.tg.close()
	if f.Anchor != "" {
		b.items = append(b.items, item{kind: itAnchor, key: f.Anchor})
	}
	l.emit(b)
	capCtx := ctx
	if len(f.Caption) > 0 {
		ps, _, _, _, _ := paraSpecFor(doc.ParaCaption, capCtx)
		ps.align = doc.AlignCenter
		l.tg.open("Caption")
		lines := l.typeset(f.Caption, ps, ctx.x0, ctx.w)
		l.emitKeptLines(lines, 1, len(f.Source) > 0)
		l.tg.close()
	}
	if len(f.Source) > 0 {
		ps, _, _, _, _ := paraSpecFor(doc.ParaNote, capCtx)
		ps.align = doc.AlignCenter
		l.tg.open("P")
		lines := l.typeset(f.Source, ps, ctx.x0, ctx.w)
		l.emitKeptLines(lines, 0.5, false)
		l.tg.close()
	}
	if n := len(l.boxes); n > 0 {
		l.boxes[n-1].h += 2
		l.boxes[n-1].after += 2
	}
}

// emitKeptLines emits lines that must stay together (and with the next box if keepLast).
func (l *layout) emitKeptLines(lines []pline, before float64, keepLast bool) {
	for i, ln := range lines {
		b := &vbox{h: ln.h, items: ln.items, fns: ln.fns, keep: i < len(lines)-1 || keepLast}
		if i == 0 {
			b.before = before
		}
		l.emit(b)
	}
}

// tocLine is one entry of a TOC: a section, or a captioned table or figure.
type tocLine struct {
	level int    // section level; 0 for captions
	num   string // section number, "" for none
	title []doc.Inline
	key   string // anchor of the target
}

// collectCaptions lists the tables and figures that have a caption and an
// anchor, in document order, for lists of tables and figures.
func (l *layout) collectCaptions() {
	_ = doc.Walk(l.d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Table:
			if len(n.Caption) > 0 && n.Anchor != "" {
				l.tocTables = append(l.tocTables, tocLine{title: n.Caption, key: n.Anchor})
			}
		case *doc.Figure:
			if len(n.Caption) > 0 && n.Anchor != "" {
				l.tocFigs = append(l.tocFigs, tocLine{title: n.Caption, key: n.Anchor})
			}
		}
		return doc.WalkContinue, nil
	})
}

// toc lays out a table of contents or a list of tables or figures; page
// numbers are filled at paint time, once every anchor has its page.
func (l *layout) toc(t *doc.TOC) {
	var entries []tocLine
	title := t.Title
	switch t.Of {
	case doc.TOCTables:
		entries = l.tocTables
	case doc.TOCFigures:
		entries = l.tocFigs
	default:
		depth := t.Depth
		if depth <= 0 {
			depth = 3
		}
		if title == "" {
			title = "Spis treści"
		}
		for _, s := range l.tocSecs {
			if s.Level <= depth {
				si := l.secs[s]
				entries = append(entries, tocLine{level: max(s.Level, 1), num: si.num, title: si.title, key: si.key})
			}
		}
	}
	sections := t.Of == doc.TOCSections
	if title != "" {
		l.heading(1, "", []doc.Inline{&doc.Text{Text: title}}, "\x00toc-"+t.Of.String(), sections, true, flowCtx{x0: marginL, w: textW})
	}
	l.tg.open("TOC")
	for _, e := range entries {
		l.tocEntry(e)
	}
	l.tg.close()
	if sections {
		l.emit(&vbox{brk: true})
	}
}

// tocEntry lays out one TOC line: number, title, dot leaders, page number,
// all of it a link to the target.
func (l *layout) tocEntry(e tocLine) {
	const numCol = 12.0
	lvl := e.level
	indent := []float64{0, 0, 7, 16, 26}[min(lvl, 4)]
	f, size, before := serifR, 11.0, 0.8
	switch {
	case lvl == 0: // a caption in a list of tables or figures
		before = 1.6
	case lvl == 1:
		f, before = serifB, 3
	}
	numW := 0.0
	if e.num != "" {
		numW = []float64{0, 7, 10, 13, 15}[min(lvl, 4)]
		numW = max(numW, l.m.width(f, size, e.num)+1.5)
	}
	x0 := marginL + indent
	ps := paraSpec{face: f, size: size, lead: size * ptMM * 1.3, align: doc.AlignLeft, color: colText}
	l.tg.open("TOCI")
	defer l.tg.close()
	link := l.tg.open("Link")
	defer l.tg.close()
	link.text.WriteString(strings.TrimSpace(e.num + " " + inlineText(e.title)))
	numTag := l.tg.mark(link)
	// As in Word and LibreOffice (the DOCX's TOC paragraphs): the title
	// wraps first-fit at the right margin, and the leader and the page
	// number end its last line, or a line of their own when the number
	// does not fit beside the text (a right tab at the margin).
	ps.firstFit = true
	lines := l.typeset(stripRefs(e.title), ps, x0+numW, textW-indent-numW)
	pageTag := l.tg.content(link)
	numFits := true
	if n := len(lines); n > 0 {
		// (the page is not known yet: two digits, the front matter's
		// and most entries')
		numFits = lineEnd(lines[n-1], x0+numW)+l.m.width(f, size, "00") <= marginL+textW+0.01
		if !numFits {
			last := lines[n-1]
			lines = append(lines, pline{h: last.h, base: last.base})
		}
	}
	for i, ln := range lines {
		b := &vbox{h: ln.h, items: ln.items, keep: i < len(lines)-1}
		top := ln.base - size*ptMM*0.9
		if i == 0 {
			b.before = before
			if e.num != "" {
				b.items = append(b.items, item{kind: itText, x: x0, y: ln.base, face: f, size: size, s: e.num + " ", color: colText, tag: numTag})
			}
		}
		if i == len(lines)-1 {
			end := lineEnd(ln, x0+numW)
			if !numFits {
				end = x0 + numW - tocNumGap
			}
			b.items = append(b.items,
				item{kind: itLeader, x: end + tocNumGap, w: marginL + textW - numCol - end - tocNumGap, y: ln.base, face: serifR, size: size},
				item{kind: itPageRef, x: marginL + textW, y: ln.base, face: f, size: size, key: e.key, tag: pageTag})
		}
		b.items = append(b.items, item{kind: itLink, x: x0, y: top, w: marginL + textW - x0, h: ln.h, key: e.key, tag: pageTag})
		l.emit(b)
	}
}

// tocNumGap is the room (mm) between a TOC entry's text and its leader.
const tocNumGap = 1.5

// lineEnd is the right end of a line's text, from (at least) x.
func lineEnd(ln pline, x float64) float64 {
	for _, it := range ln.items {
		if it.kind == itText {
			x = max(x, it.x+it.w)
		}
	}
	return x
}

// stripRefs drops footnote markers and links from TOC titles.
func stripRefs(is []doc.Inline) []doc.Inline {
	out := make([]doc.Inline, 0, len(is))
	for _, in := range is {
		switch n := in.(type) {
		case *doc.FootnoteRef:
		case *doc.Link:
			out = append(out, stripRefs(n.Inlines)...)
		case *doc.Text:
			out = append(out, &doc.Text{Text: n.Text, Style: n.Style &^ (doc.Sup | doc.Sub), Lang: n.Lang})
		default:
			out = append(out, in)
		}
	}
	return out
}

// titlePage lays out the title page from Meta.
func (l *layout) titlePage() {
	m := l.d.Meta
	b := &vbox{title: true}
	y := 70.0
	add := func(s string, f face, size, gap float64, col rgb) {
		if s == "" {
			return
		}
		ps := paraSpec{face: f, size: size, lead: size * ptMM * 1.25, align: doc.AlignCenter, color: col, balance: true}
		l.tg.open("P")
		defer l.tg.close()
		for _, ln := range l.typeset([]doc.Inline{&doc.Text{Text: s}}, ps, marginL+5, textW-10) {
			for _, it := range ln.items {
				it.y += y - textTop
				b.items = append(b.items, it)
			}
			y += ln.h
		}
		y += gap
	}
	b.items = append(b.items, item{kind: itRect, x: 0, y: 30 - textTop, w: pageW, h: 3, fill: colHeading})
	add(m.Title, sansB, 24, 6, colHeading)
	add(m.Subtitle, sansR, 16, 18, colHeading)
	b.items = append(b.items, item{kind: itHLine, x: pageW/2 - 30, y: y - 8 - textTop, w: 60, h: 0.4, color: colRule})
	add(m.Author, serifR, 13, 10, colText)
	for _, s := range m.TitlePage {
		add(s, serifR, 11, 2.5, colGray)
	}
	if d := m.TitleMonth(); d != "" {
		y = textBottom - 20
		add(d, sansR, 11, 0, colText)
	}
	b.items = append(b.items, item{kind: itRect, x: 0, y: pageH - 30 - textTop, w: pageW, h: 3, fill: colHeading})
	l.emit(b)
	l.emit(&vbox{brk: true})
}

// breakOffsets are the offsets, from the top of bs stacked, at the foot of
// each of its boxes: where a page may cut a footnote or a table cell.
func breakOffsets(bs []*vbox) []float64 {
	out := make([]float64, 0, len(bs))
	y := 0.0
	for i, b := range bs {
		if i > 0 {
			y += b.before
		}
		y += b.h
		out = append(out, y)
	}
	return out
}
