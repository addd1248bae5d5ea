package pdf

// Tagged PDF (PDF/UA-1, ISO 14289-1): the logical structure of the
// document, built from the IR's semantics while it is laid out.
//
// Layout opens and closes structure elements as it walks the IR
// (Document → Sect → H1…H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD,
// Figure, Caption, Note, TOC/TOCI, Link) and stamps every item it makes
// with a content run: the place in one element where that item's
// marked content belongs. Items left unstamped (run 0) are artifacts:
// rules, table borders and shading, the hyphen of a word split at a line
// end, dot leaders, repeated table headers. The painter wraps each item
// in marked content of its run (BDC/EMC with an MCID, or /Artifact) and
// records the marked-content references; tree() finally hands the tree
// to fpdf, which writes the StructTreeRoot and the parent tree.
//
// Because runs are reserved in layout order while content is painted in
// page order, an element's children come out in the IR's logical order,
// whatever the pagination did: footnotes (Note) follow the block that
// calls them, a table's caption is its first child.

import (
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/strategia-pl/strategia/render/doc"
)

// Special runs understood by the painter.
const (
	runArtifact   int32 = 0  // content that is not part of the structure
	runPagination int32 = -2 // running header and footer
	runNone       int32 = -1 // no marked-content sequence open
)

// selem is a structure element being built.
type selem struct {
	typ    string
	alt    string
	attr   string
	lang   string          // /Lang of an element in another language than the document's
	text   strings.Builder // the text of a Link, for its annotation's /Contents
	parent *selem
	kids   []skid
	notes  []*selem // footnotes called from inside, placed right after it
	bbox   [4]float64
	hasBox bool
}

// skid is a child: an element, or a content run (e nil).
type skid struct {
	e   *selem
	run int32
}

// crun is a run of content in one element, filled at paint time.
type crun struct {
	e      *selem
	kids   []fpdf.StructKid
	sealed bool // reserved for one mark (a number, a label): later content gets a run of its own
}

// tagger holds the structure tree of one rendering.
type tagger struct {
	root    *selem
	stack   []*selem
	runs    []crun // runs[0] is the artifact run
	headLvl int    // level of the last heading, to keep levels from skipping
}

func newTagger() *tagger {
	root := &selem{typ: "Document"}
	return &tagger{root: root, stack: []*selem{root}, runs: make([]crun, 1, 1024)}
}

func (t *tagger) cur() *selem { return t.stack[len(t.stack)-1] }

// open starts an element as the next child of the current one and makes
// it current.
func (t *tagger) open(typ string) *selem {
	p := t.cur()
	e := &selem{typ: typ, parent: p}
	p.kids = append(p.kids, skid{e: e})
	t.stack = append(t.stack, e)
	return e
}

// openNote starts a footnote body: it belongs right after the block
// element that calls it, which close puts it after.
func (t *tagger) openNote() *selem {
	e := &selem{typ: "Note"}
	t.stack = append(t.stack, e)
	return e
}

// openPara starts the element of a paragraph; the first paragraph of a
// table cell is the cell itself (TD holds text directly: a P inside every
// cell would double the tree of a table-heavy document).
func (t *tagger) openPara(typ string) {
	if c := t.cur(); (c.typ == "TD" || c.typ == "TH") && len(c.kids) == 0 {
		t.stack = append(t.stack, c) // closed as an alias
		return
	}
	t.open(typ)
}

// close ends the current element. Footnotes called from inside it follow
// it in its parent.
func (t *tagger) close() {
	e := t.cur()
	t.stack = t.stack[:len(t.stack)-1]
	notes := e.notes
	e.notes = nil
	if t.cur() == e { // a cell's first paragraph: its footnotes stay in the cell
		for _, n := range notes {
			n.parent = e
			e.kids = append(e.kids, skid{e: n})
		}
		return
	}
	if e.parent == nil { // a footnote body: after the block that calls it
		t.addNotes(append([]*selem{e}, notes...))
		return
	}
	for _, n := range notes {
		n.parent = e.parent
		e.parent.kids = append(e.parent.kids, skid{e: n})
	}
}

// addNotes queues footnote bodies on the innermost block element being
// laid out (the root places them at once).
func (t *tagger) addNotes(ns []*selem) {
	c := t.cur()
	if c == t.root {
		for _, n := range ns {
			n.parent = c
			c.kids = append(c.kids, skid{e: n})
		}
		return
	}
	c.notes = append(c.notes, ns...)
}

// content returns the run that puts content at the current end of e.
func (t *tagger) content(e *selem) int32 {
	if n := len(e.kids); n > 0 && e.kids[n-1].e == nil && !t.runs[e.kids[n-1].run].sealed {
		return e.kids[n-1].run
	}
	return t.newRun(e, false)
}

// mark reserves a run at the current end of e for one mark (a heading's
// number, a footnote's number) that is drawn after the content that
// follows it in reading order.
func (t *tagger) mark(e *selem) int32 { return t.newRun(e, true) }

func (t *tagger) newRun(e *selem, sealed bool) int32 {
	r := int32(len(t.runs))
	t.runs = append(t.runs, crun{e: e, sealed: sealed})
	e.kids = append(e.kids, skid{run: r})
	return r
}

// paraType is the structure type of a paragraph style.
func paraType(st doc.ParaStyle) string {
	if st == doc.ParaQuote {
		return "BlockQuote"
	}
	return "P"
}

// figureAlt is a figure's alternate description: its Alt, else its
// caption, else a generic word (PDF/UA requires one).
func figureAlt(f *doc.Figure) string {
	if a := strings.TrimSpace(f.Alt); a != "" {
		return a
	}
	if c := inlineText(f.Caption); c != "" {
		return c
	}
	return "Rycina"
}

// text returns the run for content of the current element.
func (t *tagger) text() int32 { return t.content(t.cur()) }

// link adds a Link element to the current one and returns its run.
func (t *tagger) link() int32 { return t.content(t.inline("Link")) }

// span adds a Span element in language lang to the current one and
// returns its run.
func (t *tagger) span(lang string) int32 {
	e := t.inline("Span")
	e.lang = lang
	return t.content(e)
}

// inline adds an inline-level element (not made current: its content is
// reserved through the returned element's runs).
func (t *tagger) inline(typ string) *selem {
	p := t.cur()
	e := &selem{typ: typ, parent: p}
	p.kids = append(p.kids, skid{e: e})
	return e
}

// heading returns the structure type of a heading of level n, never more
// than one level below the previous heading (PDF/UA forbids skipped
// levels; the IR's levels are kept wherever they do not skip).
func (t *tagger) heading(level int) string {
	level = min(max(level, 1), t.headLvl+1, 6)
	t.headLvl = level
	return "H" + strconv.Itoa(level)
}

// tree converts the built tree for fpdf, dropping elements that got no
// content (a paragraph that was empty, a layout measured and discarded).
func (t *tagger) tree(k float64) *fpdf.StructElem {
	return t.convert(t.root, k)
}

func (t *tagger) convert(e *selem, k float64) *fpdf.StructElem {
	out := &fpdf.StructElem{Type: e.typ, Alt: e.alt, Attr: e.attr, Lang: e.lang}
	n := 0
	for _, c := range e.kids {
		if c.e != nil {
			n++
		} else {
			n += len(t.runs[c.run].kids)
		}
	}
	out.Kids = make([]fpdf.StructKid, 0, n)
	for _, c := range e.kids {
		if c.e != nil {
			if ce := t.convert(c.e, k); ce != nil {
				out.Kids = append(out.Kids, fpdf.StructKid{Elem: ce})
			}
			continue
		}
		out.Kids = append(out.Kids, t.runs[c.run].kids...)
	}
	if len(out.Kids) == 0 && e != t.root {
		return nil
	}
	if e.hasBox {
		bb := "/O /Layout /Placement /Block /BBox [" + ptStr(e.bbox[0]*k) + " " + ptStr(e.bbox[1]*k) + " " +
			ptStr(e.bbox[2]*k) + " " + ptStr(e.bbox[3]*k) + "]"
		if out.Attr != "" {
			bb = out.Attr + " " + bb
		}
		out.Attr = bb
	}
	return out
}

func ptStr(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// cellAttr is the Table attribute dictionary of a cell.
func cellAttr(header bool, scope string, rs, cs int) string {
	if rs <= 1 && cs <= 1 { // the common cells, without building a string
		switch {
		case !header:
			return "/O /Table"
		case scope == "Column":
			return "/O /Table /Scope /Column"
		case scope == "Row":
			return "/O /Table /Scope /Row"
		}
	}
	var b strings.Builder
	b.WriteString("/O /Table")
	if header {
		b.WriteString(" /Scope /" + scope)
	}
	if rs > 1 {
		b.WriteString(" /RowSpan " + strconv.Itoa(rs))
	}
	if cs > 1 {
		b.WriteString(" /ColSpan " + strconv.Itoa(cs))
	}
	return b.String()
}

// mark switches the painter's open marked-content sequence to run r.
func (p *painter) mark(r int32) {
	if r == p.mc {
		return
	}
	if p.mc != runNone {
		p.pdf.EndMarkedContent()
	}
	p.mc = r
	switch {
	case r == runNone:
	case r == runArtifact:
		p.pdf.BeginArtifact("")
	case r == runPagination:
		p.pdf.BeginArtifact("Pagination")
	default:
		cr := &p.l.tg.runs[r]
		mcid := p.pdf.BeginMarkedContent(cr.e.typ)
		cr.kids = append(cr.kids, fpdf.StructKid{Page: p.pageNo, MCID: mcid})
	}
}

// linkContents is the text description of a link annotation.
func linkContents(e *selem, url, key string) string {
	s := strings.Join(strings.Fields(strings.ReplaceAll(e.text.String(), "\u00a0", " ")), " ")
	switch {
	case strings.HasPrefix(key, "\x00fn"):
		return "Przypis " + s
	case s == "":
		return url
	}
	return s
}

// tableTagger opens the row groups, rows and cells of a table's
// structure as its cells are laid out in row order.
type tableTagger struct {
	tg         *tagger
	headerRows int
	row        int
	group, tr  bool
}

// cell opens the TH or TD of pc (closed by the caller), opening its THead
// or TBody and TR first. Header rows give TH with /Scope /Column; a body
// cell shaded as a header (a label column) gives TH with /Scope /Row.
func (s *tableTagger) cell(pc *placedCell) {
	if !s.tr || pc.r != s.row {
		if s.tr {
			s.tg.close()
		}
		head := pc.r < s.headerRows
		if !s.group || (s.row < s.headerRows && !head) {
			if s.group {
				s.tg.close()
			}
			if head {
				s.tg.open("THead")
			} else {
				s.tg.open("TBody")
			}
			s.group = true
		}
		s.tg.open("TR")
		s.tr, s.row = true, pc.r
	}
	typ, scope := "TD", ""
	switch {
	case pc.header:
		typ, scope = "TH", "Column"
	case pc.c.Shade == doc.ShadeHeader:
		typ, scope = "TH", "Row"
	}
	e := s.tg.open(typ)
	e.attr = cellAttr(typ == "TH", scope, pc.rs, pc.cs)
}

// end closes the last row and row group.
func (s *tableTagger) end() {
	if s.tr {
		s.tg.close()
	}
	if s.group {
		s.tg.close()
	}
}
