package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/strategia-pl/strategia/render/doc"
)

// Options tune the output. The zero value is what `strategia build` uses.
type Options struct {
	// NoTitlePage skips the title page made from Meta.
	NoTitlePage bool
	// Uncompressed writes content streams without zlib (for debugging and
	// golden tests independent of the Go toolchain's compressor).
	Uncompressed bool
	// AnchorPages, when set, receives the 1-based page of every anchor of
	// the document once it is laid out (the DOCX renderer pre-fills its
	// table of contents with them, so both formats show the same pages).
	AnchorPages func(map[string]int)
	// Warnings, when set, receives what the layout had to force (a word
	// broken inside because nothing else fitted its line or cell), in
	// page order; nil when there was nothing. `strategia build` prints
	// them as positioned warnings.
	Warnings func([]Warning)
	// TableColumns, when set, receives the column widths (mm) the layout
	// gave every table, so the DOCX renderer can give its tables the
	// same columns and break their cells alike; a table set on landscape
	// pages has widths adding up to the landscape text width.
	TableColumns func(map[*doc.Table][]float64)
	// Context, when set, stops the render between its stages (layout,
	// pagination, painting, output) once it is done, returning its
	// error: a watch rebuild made stale by a newer save does not finish
	// a long document for nothing.
	Context context.Context
	// Cache, when set, keeps measured words and where paragraphs broke
	// into lines for the next render of a document with the same words
	// and paragraphs (watch and serve rebuild after every save). Same
	// bytes with or without it.
	Cache *LayoutCache
}

// canceled returns the error of opt.Context once it is done, and then
// stops the background compression of pdf's finished pages.
func (opt Options) canceled(pdf *fpdf.Fpdf) error {
	if opt.Context == nil || opt.Context.Err() == nil {
		return nil
	}
	pdf.SetCompressFinishedPages(false)
	return opt.Context.Err()
}

// Warning is a layout problem the renderer worked around, positioned by
// the page it is on.
type Warning struct {
	Page    int    // 1-based
	Rule    string // "PDF-01": text broken inside a word at the measure
	Message string // what, and the heading of the section it is in
}

func (w Warning) String() string {
	return "page " + strconv.Itoa(w.Page) + ": " + w.Rule + ": " + w.Message
}

// warnings collects the warning items of the laid-out pages.
func warnings(pages []*page) []Warning {
	var out []Warning
	seen := map[string]bool{}
	add := func(pi int, b *vbox) {
		for _, it := range b.items {
			if it.kind == itWarn {
				k := strconv.Itoa(pi) + it.s
				if !seen[k] {
					seen[k] = true
					out = append(out, Warning{Page: pi + 1, Rule: "PDF-01", Message: it.s})
				}
			}
		}
	}
	for pi, pg := range pages {
		for _, pl := range pg.boxes {
			add(pi, pl.b)
		}
		for _, f := range pg.fns {
			add(pi, f.box)
		}
	}
	return out
}

// Render lays d out and writes it to w as PDF. It is a pure function of
// its arguments: the same Document and Options give the same bytes.
func Render(w io.Writer, d *doc.Document, opt Options) (err error) {
	if d == nil {
		return errors.New("pdf: nil document")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	setup(pdf, metaWithTitle(d), opt)
	l := newLayout(d, pdf)
	l.cache = opt.Cache
	if opt.Context != nil {
		l.done = opt.Context.Done()
	}
	if !opt.NoTitlePage {
		l.titlePage()
	}
	l.flow(d.Blocks, flowCtx{x0: marginL, w: textW})
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: layout: %w", err)
	}
	if err := opt.canceled(pdf); err != nil {
		return err
	}
	pages := paginate(l.boxes)
	if err := opt.canceled(pdf); err != nil {
		return err
	}
	if opt.Warnings != nil {
		opt.Warnings(warnings(pages))
	}
	anchors := paint(pdf, l, pages)
	if err := opt.canceled(pdf); err != nil {
		return err
	}
	if opt.TableColumns != nil {
		opt.TableColumns(l.colWidths)
	}
	if opt.AnchorPages != nil {
		out := make(map[string]int, len(anchors))
		for k, pg := range anchors {
			if !strings.HasPrefix(k, "\x00") {
				out[k] = pg + 1
			}
		}
		opt.AnchorPages(out)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	pdf.SetStructTree(l.tg.tree(pdf.GetConversionRatio()))
	// the document is finished first, so that nothing is written to w
	// when it fails
	pdf.Close()
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return pdf.Output(w)
}

func setup(pdf *fpdf.Fpdf, m doc.Meta, opt Options) {
	pdf.SetCatalogSort(true)
	pdf.SetCompression(!opt.Uncompressed)
	// paint never goes back to a page: each is compressed on another core
	// while the next ones are painted
	pdf.SetCompressFinishedPages(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetCellMargin(0)
	ts := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", m.Date); err == nil {
		ts = t.UTC()
	}
	pdf.SetCreationDate(ts)
	pdf.SetModificationDate(ts)
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	subject := m.Subject
	if subject == "" {
		subject = m.Subtitle
	}
	pdf.SetSubject(subject, true)
	pdf.SetKeywords(strings.Join(m.Keywords, ", "), true)
	pdf.SetCreator("strategia", true)
	pdf.SetProducer("strategia (go-pdf/fpdf)", true)
	lang := m.Language
	if lang == "" {
		lang = "pl-PL"
	}
	pdf.SetLang(lang)
	pdf.SetPDFVersion(1, 7)
	pdf.SetDisplayDocTitle(true)
	pdf.SetXmpMetadata(xmpPacket(m, lang, ts))
}

// painter replays laid-out pages into fpdf, tracking graphics state.
type painter struct {
	pdf      *fpdf.Fpdf
	l        *layout
	face     face
	size     float64
	color    rgb
	fontSet  bool
	colorSet bool
	links    map[string]int
	anchorPg map[string]int
	images   map[string]*doc.Figure
	regd     map[string]bool
	mc       int32          // open marked-content run (tag.go)
	pageNo   int            // 1-based page being painted
	pageH    float64        // its height, mm
	painted  map[*vbox]bool // table header boxes, true once painted: a repeat is an artifact
	runX     []float64      // textRun's scratch: the x of each string
	runS     []string       // and the strings
}

func paint(pdf *fpdf.Fpdf, l *layout, pages []*page) map[string]int {
	p := &painter{pdf: pdf, l: l, links: map[string]int{}, anchorPg: map[string]int{},
		images: map[string]*doc.Figure{}, regd: map[string]bool{}, mc: runNone, painted: map[*vbox]bool{}}
	for i, f := range l.images {
		p.images["img"+strconv.Itoa(i+1)] = f
	}
	for _, pg := range pages {
		for _, pl := range pg.boxes {
			for _, h := range pl.b.hdr {
				p.painted[h] = false
			}
		}
	}
	// destinations, in document order
	for pi, pg := range pages {
		for _, pl := range pg.boxes {
			for i := range pl.b.items {
				if it := &pl.b.items[i]; it.kind == itAnchor {
					p.anchor(it.key, pi, pl.y+it.y)
				}
			}
		}
		y := pg.geom().bottom - pg.fnH + fnSep
		for _, f := range pg.fns {
			if f.key != "" {
				p.anchor(f.key, pi, y)
			}
			y += f.box.h + fnGap
		}
	}
	m := l.d.Meta
	header := m.Header
	if header == "" {
		header = m.Title
	}
	total := strconv.Itoa(len(pages))
	for pi, pg := range pages {
		g := pg.geom()
		if pg.land {
			pdf.AddPageFormat("L", fpdf.SizeType{Wd: pageW, Ht: pageH})
		} else {
			pdf.AddPage()
		}
		pageW, pageH, textW := g.w, g.h, g.textW
		p.pageNo, p.pageH = pi+1, pageH
		p.fontSet, p.colorSet = false, false
		if m.DraftMark != "" {
			// on every page, the title page included, above the header
			p.mark(runPagination)
			dw := l.m.width(sansB, 9, m.DraftMark)
			p.text(sansB, 9, colDraft, (pageW-dw)/2, 10, m.DraftMark)
		}
		if !pg.title {
			p.mark(runPagination)
			if header != "" {
				p.text(sansI, 8.5, colGray, marginL, 16, header)
			}
			p.line(marginL, 18, textW, 0.25, colRule)
			foot := "Strona " + strconv.Itoa(pi+1) + " z " + total
			fw := l.m.width(sansR, 8.5, foot)
			p.text(sansR, 8.5, colGray, (pageW-fw)/2, pageH-13, foot)
			if m.Footer != "" {
				nw := l.m.width(sansR, 7.5, m.Footer)
				p.text(sansR, 7.5, colGray, (pageW-nw)/2, pageH-9, m.Footer)
			}
			p.mark(runNone)
		}
		for _, pl := range pg.boxes {
			p.box(pl.b, pl.y)
		}
		if len(pg.fns) > 0 {
			y := g.bottom - pg.fnH
			p.mark(runArtifact)
			p.line(marginL, y+fnSep/2, 45, 0.3, colRule)
			y += fnSep
			for _, f := range pg.fns {
				p.box(f.box, y)
				y += f.box.h + fnGap
			}
		}
		p.mark(runNone)
	}
	return p.anchorPg
}

func (p *painter) anchor(key string, page int, y float64) {
	if _, ok := p.links[key]; ok {
		return
	}
	id := p.pdf.AddLink()
	p.pdf.SetLink(id, max(y-2, 0), page+1)
	p.links[key] = id
	p.anchorPg[key] = page
}

func (p *painter) setFont(f face, size float64) {
	if !p.fontSet || p.face != f || p.size != size {
		p.l.m.setFont(f, size)
		p.face, p.size, p.fontSet = f, size, true
	}
}

func (p *painter) setColor(c rgb) {
	if !p.colorSet || p.color != c {
		p.pdf.SetTextColor(int(c.r), int(c.g), int(c.b))
		p.color, p.colorSet = c, true
	}
}

func (p *painter) text(f face, size float64, c rgb, x, y float64, s string) {
	p.setFont(f, size)
	p.setColor(c)
	p.pdf.Text(x, y, s)
}

func (p *painter) line(x, y, w, lw float64, c rgb) {
	p.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b))
	p.pdf.SetLineWidth(lw)
	p.pdf.Line(x, y, x+w, y)
}

func (p *painter) box(b *vbox, y0 float64) {
	pdf := p.pdf
	repeat := false
	if _, hdr := p.painted[b]; hdr { // a table's header rows: tagged where first painted
		repeat = p.painted[b]
		p.painted[b] = true
	}
	for i := 0; i < len(b.items); i++ {
		it := &b.items[i]
		y := y0 + it.y
		switch it.kind {
		case itAnchor, itBookmark, itLink:
		default:
			if repeat {
				p.mark(runArtifact)
			} else {
				p.mark(it.tag)
			}
		}
		switch it.kind {
		case itText:
			// the words of a line in one style and one marked-content
			// sequence go into one text object
			j := i + 1
			for j < len(b.items) && sameTextRun(it, &b.items[j], repeat) {
				j++
			}
			if j == i+1 {
				p.text(it.face, it.size, it.color, it.x, y, it.s)
				continue
			}
			xs, ss := p.runX[:0], p.runS[:0]
			for k := i; k < j; k++ {
				xs, ss = append(xs, b.items[k].x), append(ss, b.items[k].s)
			}
			p.setFont(it.face, it.size)
			p.setColor(it.color)
			pdf.TextRun(y, xs, ss)
			p.runX, p.runS = xs[:0], ss[:0]
			i = j - 1
		case itRect:
			mode := "F"
			if it.border {
				mode = "FD"
				if it.fill == (rgb{0xff, 0xff, 0xff}) {
					mode = "D"
				}
				pdf.SetDrawColor(int(colBorder.r), int(colBorder.g), int(colBorder.b))
				pdf.SetLineWidth(0.2)
			}
			pdf.SetFillColor(int(it.fill.r), int(it.fill.g), int(it.fill.b))
			pdf.Rect(it.x, y, it.w, it.h, mode)
		case itHLine:
			p.line(it.x, y, it.w, it.h, it.color)
		case itImage:
			f := p.images[it.s]
			if f == nil {
				continue
			}
			typ := strings.ToUpper(f.Format)
			if typ == "JPEG" {
				typ = "JPG"
			}
			opt := fpdf.ImageOptions{ImageType: typ}
			if !p.regd[it.s] {
				pdf.RegisterImageOptionsReader(it.s, opt, bytes.NewReader(f.Data))
				p.regd[it.s] = true
			}
			pdf.ImageOptions(it.s, it.x, y, it.w, it.h, false, opt, 0, "")
			if it.tag > 0 && !repeat {
				e := p.l.tg.runs[it.tag].e
				e.bbox = [4]float64{it.x, p.pageH - y - it.h, it.x + it.w, p.pageH - y}
				e.hasBox = true
			}
		case itLink:
			p.link(it, y)
		case itBookmark:
			pdf.Bookmark(it.s, int(it.level), y)
		case itPageRef:
			pg, ok := p.anchorPg[it.key]
			if !ok {
				continue
			}
			s := strconv.Itoa(pg + 1)
			w := p.l.m.width(it.face, it.size, s)
			p.text(it.face, it.size, colText, it.x-w, y, s)
		case itLeader:
			const step = 2.4
			start := math.Ceil((it.x-marginL)/step)*step + marginL
			xs, ss := p.runX[:0], p.runS[:0]
			for x := start; x+0.6 < it.x+it.w; x += step {
				xs, ss = append(xs, x), append(ss, ".")
			}
			if len(xs) > 0 {
				p.setFont(it.face, it.size)
				p.setColor(colGray)
				pdf.TextRun(y, xs, ss)
			}
			p.runX, p.runS = xs[:0], ss[:0]
		case itAnchor:
		}
	}
}

// sameTextRun reports whether text item b, following a, is painted in the
// same text object: same baseline, style and marked-content sequence.
func sameTextRun(a, b *item, repeat bool) bool {
	return b.kind == itText && b.y == a.y && b.face == a.face && b.size == a.size && b.color == a.color &&
		(repeat || b.tag == a.tag)
}

// link puts a link annotation; a tagged one is a kid of its Link element.
func (p *painter) link(it *item, y float64) {
	id := 0
	if it.key != "" {
		var ok bool
		if id, ok = p.links[it.key]; !ok {
			return
		}
	} else if it.s == "" {
		return
	}
	if it.tag <= 0 {
		if id > 0 {
			p.pdf.Link(it.x, y, it.w, it.h, id)
		} else {
			p.pdf.LinkString(it.x, y, it.w, it.h, it.s)
		}
		return
	}
	cr := &p.l.tg.runs[it.tag]
	pg, annot := p.pdf.LinkTagged(it.x, y, it.w, it.h, id, it.s, linkContents(cr.e, it.s, it.key))
	cr.kids = append(cr.kids, fpdf.StructKid{Page: pg, Annot: annot})
}
