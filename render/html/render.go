package html

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/strategia-pl/strategia/render/doc"
)

//go:embed style.css
var styleCSS []byte

// Options configure Render.
type Options struct {
	// NoTitlePage leaves out the title page made from doc.Meta (a fiche
	// starts with its own heading).
	NoTitlePage bool
}

// File is one file of the edition's folder; Name is a slash-separated
// path relative to the folder.
type File struct {
	Name string
	Data []byte
}

// Page is the name of the edition's HTML file in its folder.
const Page = "index.html"

// Render renders d as the files of one self-contained folder: the images
// (img/…), style.css and Page, in that order.
func Render(d *doc.Document, opt Options) ([]File, error) {
	if d == nil {
		return nil, fmt.Errorf("html: nil document")
	}
	r := newRenderer(d, opt)
	r.page()
	files := make([]File, 0, len(r.images)+2)
	for _, im := range r.images {
		files = append(files, File{Name: "img/" + im.name, Data: im.data})
	}
	files = append(files, File{Name: "style.css", Data: styleCSS}, File{Name: Page, Data: r.b.Bytes()})
	return files, nil
}

type image struct {
	name string
	data []byte
}

type secInfo struct {
	id  string
	num string // "1.2." or ""
}

type caption struct {
	id    string
	title []doc.Inline
}

type footnote struct {
	num  int
	refs int // references written so far
	body *doc.Footnote
}

type renderer struct {
	d   *doc.Document
	opt Options
	b   *bytes.Buffer

	ids      map[string]string // doc anchor → HTML id
	used     map[string]bool   // HTML ids taken
	secs     map[*doc.Section]*secInfo
	tocSecs  []*doc.Section
	tables   []caption
	figures  []caption
	notes    map[string]*footnote
	noteList []*footnote // in order of number
	images   []image
	figImage map[*doc.Figure]string
}

func newRenderer(d *doc.Document, opt Options) *renderer {
	r := &renderer{d: d, opt: opt, b: bytes.NewBuffer(make([]byte, 0, 64<<10)),
		ids: map[string]string{}, used: map[string]bool{"tresc": true, "przypisy": true},
		secs: map[*doc.Section]*secInfo{}, notes: map[string]*footnote{}, figImage: map[*doc.Figure]string{}}
	bodies := map[string]*doc.Footnote{}
	for _, f := range d.Footnotes {
		if f != nil {
			if _, dup := bodies[f.ID]; !dup {
				bodies[f.ID] = f
			}
		}
	}
	r.number(d.Blocks, nil)
	// Anchors first, so links may point forward; then footnote numbers in
	// order of first reference, captions and images in document order.
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Heading:
			r.id(n.Anchor)
		case *doc.Paragraph:
			r.id(n.Anchor)
		case *doc.Table:
			if id := r.id(n.Anchor); id != "" && len(n.Caption) > 0 {
				r.tables = append(r.tables, caption{id, n.Caption})
			}
		case *doc.Figure:
			if id := r.id(n.Anchor); id != "" && len(n.Caption) > 0 {
				r.figures = append(r.figures, caption{id, n.Caption})
			}
			r.image(n)
		case *doc.FootnoteRef:
			if _, ok := r.notes[n.ID]; !ok {
				if body, ok := bodies[n.ID]; ok {
					fn := &footnote{num: len(r.noteList) + 1, body: body}
					r.notes[n.ID] = fn
					r.noteList = append(r.noteList, fn)
				}
			}
		}
		return doc.WalkContinue, nil
	})
	return r
}

// number assigns section numbers (1., 1.1., 1.1.1.) in document order,
// as render/pdf does, and an id to every section.
func (r *renderer) number(bs []doc.Block, prefix []int) {
	n := 0
	for _, b := range bs {
		s, ok := b.(*doc.Section)
		if !ok {
			continue
		}
		si := &secInfo{}
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
		si.id = r.id(s.Anchor)
		if si.id == "" {
			name := "sekcja"
			if si.num != "" {
				name += "-" + strings.ReplaceAll(strings.TrimSuffix(si.num, "."), ".", "-")
			}
			si.id = r.unique(name)
		}
		r.secs[s] = si
		if !s.NoTOC {
			r.tocSecs = append(r.tocSecs, s)
		}
		r.number(s.Blocks, sub)
	}
}

// id returns the HTML id of a doc anchor, naming it on first use.
func (r *renderer) id(a string) string {
	if a == "" {
		return ""
	}
	if id, ok := r.ids[a]; ok {
		return id
	}
	id := r.unique(idName(a))
	r.ids[a] = id
	return id
}

func (r *renderer) unique(base string) string {
	id := base
	for i := 2; r.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	r.used[id] = true
	return id
}

// idName keeps letters, digits, '-', '_' and '.', replacing the rest by
// '-', so an id needs no escaping in a URL fragment or a CSS selector.
func idName(a string) string {
	var sb strings.Builder
	for _, c := range a {
		if unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '_' || c == '.' {
			sb.WriteRune(c)
		} else {
			sb.WriteByte('-')
		}
	}
	s := sb.String()
	// Ids the renderer makes itself never collide with an anchor.
	if s == "" || !unicode.IsLetter([]rune(s)[0]) || strings.HasPrefix(s, "przypis-") || strings.HasPrefix(s, "odwolanie-") {
		s = "a-" + s
	}
	return s
}

// image names the figure's image file and collects its bytes once. The
// name is the figure's own (letters, digits, '-', '_'), a short hash of
// the bytes and the extension of its format: "M1-3fa2b1c4.png". A map
// redrawn under the same name gets a new file name, so no browser or
// web cache shows the old one beside the new page.
func (r *renderer) image(f *doc.Figure) {
	if len(f.Data) == 0 {
		return
	}
	ext := ".png"
	if f.Format == "jpeg" || f.Format == "jpg" {
		ext = ".jpg"
	}
	base := f.Name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	var sb strings.Builder
	for _, c := range base {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '_') {
			sb.WriteRune(c)
		} else {
			sb.WriteByte('-')
		}
	}
	base = sb.String()
	if base == "" {
		base = "rycina"
	}
	sum := sha256.Sum256(f.Data)
	base += "-" + hex.EncodeToString(sum[:4])
	name := base + ext
	for i := 2; ; i++ {
		found := false
		for _, im := range r.images {
			if im.name == name {
				found = true
				if bytes.Equal(im.data, f.Data) {
					r.figImage[f] = name
					return
				}
			}
		}
		if !found {
			break
		}
		name = base + "-" + strconv.Itoa(i) + ext
	}
	r.images = append(r.images, image{name: name, data: f.Data})
	r.figImage[f] = name
}

// ---- writing ----

var (
	textEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

func (r *renderer) w(ss ...string) {
	for _, s := range ss {
		r.b.WriteString(s)
	}
}

func (r *renderer) text(s string) { _, _ = textEsc.WriteString(r.b, s) }
func (r *renderer) attr(s string) { _, _ = attrEsc.WriteString(r.b, s) }

func (r *renderer) page() {
	m := r.d.Meta
	lang := m.Language
	if lang == "" || strings.HasPrefix(strings.ToLower(lang), "pl") {
		lang = "pl"
	}
	r.w("<!DOCTYPE html>\n<html lang=\"")
	r.attr(lang)
	r.w("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	title := m.Title
	if title == "" {
		title = "Dokument"
	}
	r.text(title)
	r.w("</title>\n")
	meta := func(name, content string) {
		if content != "" {
			r.w(`<meta name="`, name, `" content="`)
			r.attr(content)
			r.w("\">\n")
		}
	}
	meta("author", m.Author)
	subject := m.Subject
	if subject == "" {
		subject = m.Subtitle
	}
	meta("description", subject)
	meta("keywords", strings.Join(m.Keywords, ", "))
	meta("generator", "strategia")
	r.w("<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<a class=\"pomin\" href=\"#tresc\">Przejdź do treści</a>\n")
	if m.DraftMark != "" {
		r.w(`<p class="projekt" role="note">`)
		r.text(m.DraftMark)
		r.w("</p>\n")
	}
	base := 1
	if !r.opt.NoTitlePage {
		r.titlePage()
		base = 2
	}
	r.w("<main id=\"tresc\">\n")
	c := ctx{level: base - 1, cur: new(int)}
	*c.cur = c.level
	r.blocks(r.d.Blocks, c)
	r.footnotes(base)
	r.w("</main>\n")
	if m.Footer != "" {
		r.w(`<footer class="stopka"><p>`)
		r.text(m.Footer)
		r.w("</p></footer>\n")
	}
	r.w("</body>\n</html>\n")
}

func (r *renderer) titlePage() {
	m := r.d.Meta
	r.w("<header class=\"strona-tytulowa\">\n<h1>")
	r.text(m.Title)
	r.w("</h1>\n")
	p := func(class, s string) {
		if s != "" {
			r.w(`<p class="`, class, `">`)
			r.text(s)
			r.w("</p>\n")
		}
	}
	p("podtytul", m.Subtitle)
	p("autor", m.Author)
	for _, s := range m.TitlePage {
		p("metryka", s)
	}
	p("data", m.TitleMonth())
	r.w("</header>\n")
}

// ctx is where a block is written.
type ctx struct {
	level    int    // HTML heading level of the enclosing section's heading (0: none)
	secLevel int    // IR level of the enclosing section (0: none)
	cur      *int   // level of the last heading written in the enclosing section
	label    string // the enclosing section's title, as plain text
	inCell   bool
}

// headingLevel is the HTML level for a heading that the IR puts at
// irLevel inside c: one below the section's, deeper for deeper IR
// levels, but never more than one below the last heading written.
func (c ctx) headingLevel(irLevel int) int {
	want := c.level + max(1, irLevel-c.secLevel)
	lv := min(want, *c.cur+1, 6)
	lv = max(lv, min(c.level+1, 6))
	*c.cur = lv
	return lv
}

func (r *renderer) blocks(bs []doc.Block, c ctx) {
	for i := 0; i < len(bs); i++ {
		switch b := bs[i].(type) {
		case *doc.Paragraph:
			// Runs of quote paragraphs and of terms and definitions are
			// one <blockquote> or <dl>.
			switch b.Style {
			case doc.ParaQuote:
				j := i
				r.w("<blockquote>\n")
				for ; j < len(bs); j++ {
					p, ok := bs[j].(*doc.Paragraph)
					if !ok || p.Style != doc.ParaQuote {
						break
					}
					r.para(p, "p", "")
				}
				r.w("</blockquote>\n")
				i = j - 1
				continue
			case doc.ParaTerm, doc.ParaDefinition:
				j := i
				r.w("<dl>\n")
				for ; j < len(bs); j++ {
					p, ok := bs[j].(*doc.Paragraph)
					if !ok || (p.Style != doc.ParaTerm && p.Style != doc.ParaDefinition) {
						break
					}
					tag := "dd"
					if p.Style == doc.ParaTerm {
						tag = "dt"
					}
					r.para(p, tag, "")
				}
				r.w("</dl>\n")
				i = j - 1
				continue
			}
			r.paragraph(b)
		default:
			r.block(b, c)
		}
	}
}

func (r *renderer) block(b doc.Block, c ctx) {
	switch b := b.(type) {
	case *doc.Section:
		r.section(b, c)
	case *doc.Heading:
		lv := strconv.Itoa(c.headingLevel(b.Level))
		r.w("<h", lv)
		r.idAttr(r.id(b.Anchor))
		r.w(">")
		r.inlines(b.Text)
		r.w("</h", lv, ">\n")
	case *doc.Paragraph:
		r.blocks([]doc.Block{b}, c)
	case *doc.List:
		r.list(b, c)
	case *doc.Table:
		r.table(b, c)
	case *doc.Figure:
		r.figure(b)
	case *doc.TOC:
		r.toc(b, c)
	case *doc.PageBreak:
		r.w("<div class=\"nowa-strona\"></div>\n")
	}
}

func (r *renderer) idAttr(id string) {
	if id != "" {
		r.w(` id="`, id, `"`)
	}
}

func (r *renderer) section(s *doc.Section, c ctx) {
	si := r.secs[s]
	if si == nil { // a section inside a list or cell: not numbered
		si = &secInfo{id: r.id(s.Anchor)}
	}
	lv := min(c.level+1, 6)
	*c.cur = lv
	r.w("<section")
	r.idAttr(si.id)
	if s.PageBreakBefore {
		r.w(` class="nowa-strona"`)
	}
	r.w(">\n<h", strconv.Itoa(lv), ">")
	if si.num != "" {
		r.w(`<span class="numer">`, si.num, "</span> ")
	}
	r.inlines(s.Title)
	r.w("</h", strconv.Itoa(lv), ">\n")
	cur := lv
	r.blocks(s.Blocks, ctx{level: lv, secLevel: s.Level, cur: &cur, label: plainText(s.Title), inCell: c.inCell})
	r.w("</section>\n")
}

func (r *renderer) paragraph(p *doc.Paragraph) {
	switch p.Style {
	case doc.ParaCode:
		r.w("<pre")
		r.idAttr(r.id(p.Anchor))
		r.w("><code>")
		for _, in := range p.Inlines {
			switch in := in.(type) {
			case *doc.LineBreak:
				r.w("\n")
			default:
				r.inline(in)
			}
		}
		r.w("</code></pre>\n")
	case doc.ParaLead:
		r.para(p, "p", "wstep")
	case doc.ParaCaption:
		r.para(p, "p", "podpis")
	case doc.ParaNote:
		r.para(p, "p", "uwagi")
	default:
		r.para(p, "p", "")
	}
}

func alignClass(a doc.Align) string {
	switch a {
	case doc.AlignLeft:
		return "do-lewej"
	case doc.AlignCenter:
		return "do-srodka"
	case doc.AlignRight:
		return "do-prawej"
	}
	return ""
}

func (r *renderer) para(p *doc.Paragraph, tag, class string) {
	r.w("<", tag)
	r.idAttr(r.id(p.Anchor))
	r.classes(class, alignClass(p.Align))
	r.w(">")
	r.inlines(p.Inlines)
	r.w("</", tag, ">\n")
}

// classes writes a class attribute of the non-empty names.
func (r *renderer) classes(names ...string) {
	first := true
	for _, n := range names {
		if n == "" {
			continue
		}
		if first {
			r.w(` class="`, n)
			first = false
		} else {
			r.w(" ", n)
		}
	}
	if !first {
		r.w(`"`)
	}
}

func (r *renderer) list(l *doc.List, c ctx) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	r.w("<", tag)
	if l.Ordered && l.Start > 1 {
		r.w(` start="`, strconv.Itoa(l.Start), `"`)
	}
	r.w(">\n")
	for _, it := range l.Items {
		r.w("<li>")
		r.cellBlocks(it.Blocks, c)
		r.w("</li>\n")
	}
	r.w("</", tag, ">\n")
}

// cellBlocks writes the blocks of a list item or a cell: a lone body
// paragraph as bare inline content, anything else as blocks.
func (r *renderer) cellBlocks(bs []doc.Block, c ctx) {
	if len(bs) == 1 {
		if p, ok := bs[0].(*doc.Paragraph); ok && p.Style == doc.ParaBody && p.Anchor == "" && p.Align == doc.AlignDefault {
			r.inlines(p.Inlines)
			return
		}
	}
	if len(bs) > 0 {
		r.w("\n")
	}
	r.blocks(bs, c)
}

func (r *renderer) table(t *doc.Table, c ctx) {
	id := r.id(t.Anchor)
	r.w(`<div class="tabela`)
	if t.Compact {
		r.w(" zwarta")
	}
	if t.Landscape {
		r.w(" pozioma")
	}
	r.w(`"`)
	r.idAttr(id)
	// A wide table scrolls inside its region, which keyboard users must
	// be able to focus (WCAG 2.1.1) and screen readers to name.
	r.w(` role="region" tabindex="0"`)
	capID := ""
	if len(t.Caption) > 0 {
		capID = r.unique("podpis-" + strings.TrimPrefix(id+"-tabeli", "-"))
		r.w(` aria-labelledby="`, capID, `"`)
	} else {
		r.w(` aria-label="Tabela"`)
	}
	r.w(">\n<table>\n")
	if len(t.Caption) > 0 {
		r.w(`<caption id="`, capID, `">`)
		r.inlines(t.Caption)
		r.w("</caption>\n")
	}
	fixed := false
	for _, c := range t.Columns {
		fixed = fixed || c.Width > 0
	}
	switch {
	case len(t.Columns) > 0:
		// Columns sized to their content, as the PDF sizes them; only a
		// fixed share is written.
		if fixed {
			r.w("<colgroup>")
			for _, c := range t.Columns {
				if c.Width > 0 {
					r.w(`<col style="width:`, strconv.FormatFloat(100*min(c.Width, 1), 'f', 1, 64), `%">`)
				} else {
					r.w("<col>")
				}
			}
			r.w("</colgroup>\n")
		}
	case len(t.Widths) > 0:
		total := 0.0
		for _, w := range t.Widths {
			if w > 0 {
				total += w
			}
		}
		if total > 0 {
			r.w("<colgroup>")
			for _, w := range t.Widths {
				r.w(`<col style="width:`, strconv.FormatFloat(100*max(w, 0)/total, 'f', 1, 64), `%">`)
			}
			r.w("</colgroup>\n")
		}
	}
	cc := c
	cc.inCell = true
	g := &grid{cols: t.Columns}
	hr := min(max(t.HeaderRows, 0), len(t.Rows))
	if hr > 0 {
		r.w("<thead>\n")
		for _, row := range t.Rows[:hr] {
			r.row(row, true, g, cc)
		}
		r.w("</thead>\n")
	}
	if hr < len(t.Rows) {
		r.w("<tbody>\n")
		for _, row := range t.Rows[hr:] {
			r.row(row, false, g, cc)
		}
		r.w("</tbody>\n")
	}
	r.w("</table>\n")
	if len(t.Note) > 0 {
		r.w(`<p class="uwagi">`)
		r.inlines(t.Note)
		r.w("</p>\n")
	}
	r.w("</div>\n")
}

// grid tracks which grid columns the cells of a row start in, given the
// row spans of the rows above, to know each cell's Column kind.
type grid struct {
	cols []doc.Column
	busy []int // rows still covered by a row span, per grid column
}

// place returns the grid column of the next cell spanning cs columns
// and rs rows, starting the search at col.
func (g *grid) place(col, cs, rs int) int {
	for col < len(g.busy) && g.busy[col] > 0 {
		col++
	}
	for len(g.busy) < col+cs {
		g.busy = append(g.busy, 0)
	}
	for i := col; i < col+cs; i++ {
		g.busy[i] = max(g.busy[i], rs)
	}
	return col
}

// endRow ages the row spans by one row.
func (g *grid) endRow() {
	for i := range g.busy {
		if g.busy[i] > 0 {
			g.busy[i]--
		}
	}
}

// numeric reports whether the cells at col..col+cs-1 are all number columns.
func (g *grid) numeric(col, cs int) bool {
	if col+cs > len(g.cols) {
		return false
	}
	for _, c := range g.cols[col : col+cs] {
		if c.Kind != doc.ColNumber {
			return false
		}
	}
	return true
}

func (r *renderer) row(row *doc.Row, head bool, g *grid, c ctx) {
	r.w("<tr>")
	col := 0
	defer g.endRow()
	for _, cell := range row.Cells {
		cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
		col = g.place(col, cs, rs)
		number := ""
		if !head && g.numeric(col, cs) {
			number = "liczba"
		}
		col += cs
		tag, scope := "td", ""
		switch {
		case head:
			tag, scope = "th", "col"
			if cell.ColSpan > 1 {
				scope = "colgroup"
			}
		case cell.Shade == doc.ShadeHeader:
			tag, scope = "th", "row"
		}
		r.w("<", tag)
		if scope != "" {
			r.w(` scope="`, scope, `"`)
		}
		if cell.ColSpan > 1 {
			r.w(` colspan="`, strconv.Itoa(cell.ColSpan), `"`)
		}
		if cell.RowSpan > 1 {
			r.w(` rowspan="`, strconv.Itoa(cell.RowSpan), `"`)
		}
		shade := ""
		switch cell.Shade {
		case doc.ShadeHeader:
			shade = "cien-naglowek"
		case doc.ShadeAccent:
			shade = "cien-akcent"
		case doc.ShadeLight:
			shade = "cien-jasny"
		}
		bold := ""
		if cell.Bold {
			bold = "pogrubiona"
		}
		r.classes(alignClass(cell.Align), shade, bold, number)
		r.w(">")
		r.cellBlocks(cell.Blocks, c)
		r.w("</", tag, ">")
	}
	r.w("</tr>\n")
}

func (r *renderer) figure(f *doc.Figure) {
	r.w("<figure")
	r.idAttr(r.id(f.Anchor))
	r.w(` class="rycina">`)
	if name, ok := r.figImage[f]; ok {
		alt := f.Alt
		if alt == "" {
			alt = plainText(f.Caption)
		}
		r.w(`<img src="img/`, name, `" alt="`)
		r.attr(alt)
		r.w(`"`)
		if f.WidthPx > 0 && f.HeightPx > 0 {
			r.w(` width="`, strconv.Itoa(f.WidthPx), `" height="`, strconv.Itoa(f.HeightPx), `"`)
		}
		if f.WidthFrac > 0 && f.WidthFrac < 1 {
			r.w(` style="width:`, strconv.FormatFloat(100*f.WidthFrac, 'f', 0, 64), `%"`)
		}
		r.w(">")
	}
	if len(f.Caption) > 0 || len(f.Source) > 0 {
		r.w("\n<figcaption>")
		r.inlines(f.Caption)
		if len(f.Source) > 0 {
			if len(f.Caption) > 0 {
				r.w("<br>")
			}
			r.w(`<span class="zrodlo">`)
			r.inlines(f.Source)
			r.w("</span>")
		}
		r.w("</figcaption>")
	}
	r.w("</figure>\n")
}

func (r *renderer) toc(t *doc.TOC, c ctx) {
	title := t.Title
	if t.Of == doc.TOCSections && title == "" {
		title = "Spis treści"
	}
	label := title
	if label == "" {
		label = c.label
	}
	r.w(`<nav class="spis spis-`, t.Of.String(), `"`)
	headID := ""
	if title != "" {
		headID = r.unique("spis-" + t.Of.String())
		r.w(` aria-labelledby="`, headID, `"`)
	} else if label != "" {
		r.w(` aria-label="`)
		r.attr(label)
		r.w(`"`)
	}
	r.w(">\n")
	if title != "" {
		lv := strconv.Itoa(c.headingLevel(c.secLevel + 1))
		r.w("<h", lv, ` id="`, headID, `">`)
		r.text(title)
		r.w("</h", lv, ">\n")
	}
	switch t.Of {
	case doc.TOCTables, doc.TOCFigures:
		list := r.tables
		if t.Of == doc.TOCFigures {
			list = r.figures
		}
		r.w("<ul>\n")
		for _, e := range list {
			r.w(`<li><a href="#`, e.id, `">`)
			r.text(plainText(e.title))
			r.w("</a></li>\n")
		}
		r.w("</ul>\n")
	default:
		depth := t.Depth
		if depth <= 0 {
			depth = 3
		}
		open := 0 // nesting of open lists
		for _, s := range r.tocSecs {
			if s.Level > depth {
				continue
			}
			lv := min(max(s.Level, 1), open+1)
			switch {
			case lv > open:
				r.w("\n<ol>\n")
				open++
			default:
				r.w("</li>\n")
				for open > lv {
					r.w("</ol>\n</li>\n")
					open--
				}
			}
			si := r.secs[s]
			r.w(`<li><a href="#`, si.id, `">`)
			if si.num != "" {
				r.w(`<span class="numer">`, si.num, "</span> ")
			}
			r.text(plainText(s.Title))
			r.w("</a>")
		}
		for ; open > 0; open-- {
			r.w("</li>\n</ol>\n")
		}
	}
	r.w("</nav>\n")
}

func (r *renderer) footnotes(level int) {
	if len(r.noteList) == 0 {
		return
	}
	lv := strconv.Itoa(level)
	r.w("<section class=\"przypisy\" aria-labelledby=\"przypisy\">\n<h", lv, ` id="przypisy">Przypisy</h`, lv, ">\n<ol>\n")
	for _, fn := range r.noteList {
		n := strconv.Itoa(fn.num)
		back := `<a class="powrot" href="#odwolanie-` + n + `" aria-label="Powrót do odwołania ` + n + `">↩&#xFE0E;</a>`
		r.w(`<li id="przypis-`, n, `">`)
		bs := fn.body.Blocks
		if len(bs) == 1 {
			if p, ok := bs[0].(*doc.Paragraph); ok && p.Style == doc.ParaBody {
				r.inlines(p.Inlines)
				r.w(" ", back, "</li>\n")
				continue
			}
		}
		r.w("\n")
		c := ctx{level: level, secLevel: 1, cur: new(int)}
		*c.cur = level
		r.blocks(bs, c)
		r.w("<p>", back, "</p></li>\n")
	}
	r.w("</ol>\n</section>\n")
}

// ---- inlines ----

func (r *renderer) inlines(is []doc.Inline) {
	for _, in := range is {
		r.inline(in)
	}
}

var styleTags = [...]struct {
	s   doc.Style
	tag string
}{{doc.Bold, "strong"}, {doc.Italic, "em"}, {doc.Mono, "code"}, {doc.Sup, "sup"}, {doc.Sub, "sub"}, {doc.Strike, "s"}}

func (r *renderer) inline(in doc.Inline) {
	switch n := in.(type) {
	case *doc.Text:
		if n.Lang != "" {
			r.w(`<span lang="`)
			r.attr(n.Lang)
			r.w(`">`)
		}
		for _, st := range styleTags {
			if n.Style&st.s != 0 {
				r.w("<", st.tag, ">")
			}
		}
		r.text(n.Text)
		for i := len(styleTags) - 1; i >= 0; i-- {
			if n.Style&styleTags[i].s != 0 {
				r.w("</", styleTags[i].tag, ">")
			}
		}
		if n.Lang != "" {
			r.w("</span>")
		}
	case *doc.Link:
		href := safeURL(n.URL)
		if n.Anchor != "" {
			href = "#" + r.id(n.Anchor)
		}
		if href == "" {
			r.inlines(n.Inlines)
			return
		}
		r.w(`<a href="`)
		r.attr(href)
		r.w(`">`)
		r.inlines(n.Inlines)
		r.w("</a>")
	case *doc.FootnoteRef:
		fn, ok := r.notes[n.ID]
		if !ok {
			return
		}
		fn.refs++
		num := strconv.Itoa(fn.num)
		id := "odwolanie-" + num
		if fn.refs > 1 {
			id += "-" + strconv.Itoa(fn.refs)
		}
		r.w(`<sup class="odwolanie"><a id="`, id, `" href="#przypis-`, num, `" aria-label="Przypis `, num, `">`, num, "</a></sup>")
	case *doc.LineBreak:
		r.w("<br>")
	}
}

// safeURL returns u when its scheme is one a published page may link
// to (http, https, mailto, tel, or none: a relative URL), else "": a
// "javascript:" link in the content must not become script on a BIP page.
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return u // no scheme
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https", "mailto", "tel":
		return u
	}
	return ""
}

// plainText is the text of inlines without markup (footnote references
// left out).
func plainText(is []doc.Inline) string {
	var sb strings.Builder
	var walk func([]doc.Inline)
	walk = func(is []doc.Inline) {
		for _, in := range is {
			switch n := in.(type) {
			case *doc.Text:
				sb.WriteString(n.Text)
			case *doc.Link:
				walk(n.Inlines)
			case *doc.LineBreak:
				sb.WriteByte(' ')
			}
		}
	}
	walk(is)
	return sb.String()
}
