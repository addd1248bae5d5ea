package doc

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Dump writes an indented, stable text form of n and its descendants to w,
// one node a line, for golden tests. It shows kinds, styles, anchors,
// spans, shades and text (quoted with strconv.Quote, so U+00A0 shows as
// \u00a0); it never prints pointers and never depends on map order.
// A Document's metadata comes first and its footnotes last. Write errors
// are ignored (tests dump into buffers).
func Dump(w io.Writer, n Node) {
	d := &dumper{}
	d.node(n, 0)
	_, _ = io.WriteString(w, d.b.String())
}

type dumper struct{ b strings.Builder }

func (d *dumper) line(depth int, format string, args ...any) {
	for range depth {
		d.b.WriteString("  ")
	}
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteByte('\n')
}

func q(s string) string { return strconv.Quote(s) }

func attrs(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(kv[i])
		b.WriteByte('=')
		b.WriteString(kv[i+1])
	}
	return b.String()
}

func flag(name string, on bool) string {
	if on {
		return " " + name
	}
	return ""
}

func itoa0(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i)
}

func (d *dumper) inlines(label string, is []Inline, depth int) {
	if len(is) == 0 {
		return
	}
	d.line(depth, "%s:", label)
	for _, in := range is {
		d.node(in, depth+1)
	}
}

func (d *dumper) blocks(bs []Block, depth int) {
	for _, b := range bs {
		d.node(b, depth)
	}
}

func (d *dumper) node(n Node, depth int) {
	switch n := n.(type) {
	case *Document:
		m := n.Meta
		d.line(depth, "Document")
		d.line(depth+1, "Meta%s", attrs("title", q(m.Title), "subtitle", qe(m.Subtitle), "author", qe(m.Author),
			"subject", qe(m.Subject), "lang", qe(m.Language), "date", qe(m.Date), "titledate", qe(m.TitleDate), "header", qe(m.Header), "draft", qe(m.DraftMark), "footer", qe(m.Footer)))
		for _, k := range m.Keywords {
			d.line(depth+2, "Keyword %s", q(k))
		}
		for _, l := range m.TitlePage {
			d.line(depth+2, "TitlePage %s", q(l))
		}
		d.blocks(n.Blocks, depth+1)
		for _, f := range n.Footnotes {
			d.line(depth+1, "Footnote id=%s", q(f.ID))
			d.blocks(f.Blocks, depth+2)
		}
	case *Section:
		d.line(depth, "Section level=%d%s%s%s%s", n.Level, attrs("anchor", qe(n.Anchor)),
			flag("unnumbered", n.Unnumbered), flag("pagebreak", n.PageBreakBefore), flag("notoc", n.NoTOC))
		d.inlines("title", n.Title, depth+1)
		d.blocks(n.Blocks, depth+1)
	case *Heading:
		d.line(depth, "Heading level=%d%s", n.Level, attrs("anchor", qe(n.Anchor)))
		for _, in := range n.Text {
			d.node(in, depth+1)
		}
	case *Paragraph:
		d.line(depth, "Paragraph%s%s%s", attrs("style", n.Style.String()), alignAttr(n.Align), attrs("anchor", qe(n.Anchor)))
		for _, in := range n.Inlines {
			d.node(in, depth+1)
		}
	case *List:
		start := ""
		if n.Ordered && n.Start != 0 && n.Start != 1 {
			start = strconv.Itoa(n.Start)
		}
		d.line(depth, "List%s%s", flag("ordered", n.Ordered), attrs("start", start))
		for _, it := range n.Items {
			d.node(it, depth+1)
		}
	case *ListItem:
		d.line(depth, "ListItem")
		d.blocks(n.Blocks, depth+1)
	case *Table:
		var ws []string
		for _, w := range n.Widths {
			ws = append(ws, strconv.FormatFloat(w, 'g', -1, 64))
		}
		var cs []string
		for _, c := range n.Columns {
			s := c.Kind.String()
			if c.Width > 0 {
				s += ":" + strconv.FormatFloat(c.Width, 'g', -1, 64)
			}
			cs = append(cs, s)
		}
		d.line(depth, "Table%s%s%s", attrs("anchor", qe(n.Anchor), "widths", strings.Join(ws, ","),
			"columns", strings.Join(cs, ","), "header", itoa0(n.HeaderRows)), flag("compact", n.Compact), flag("landscape", n.Landscape))
		d.inlines("caption", n.Caption, depth+1)
		for _, r := range n.Rows {
			d.node(r, depth+1)
		}
		d.inlines("note", n.Note, depth+1)
	case *Row:
		d.line(depth, "Row")
		for _, c := range n.Cells {
			d.node(c, depth+1)
		}
	case *Cell:
		cs, rs := "", ""
		if n.ColSpan > 1 {
			cs = strconv.Itoa(n.ColSpan)
		}
		if n.RowSpan > 1 {
			rs = strconv.Itoa(n.RowSpan)
		}
		d.line(depth, "Cell%s%s%s%s", attrs("colspan", cs, "rowspan", rs), alignAttr(n.Align),
			attrs("shade", n.Shade.String()), flag("bold", n.Bold))
		d.blocks(n.Blocks, depth+1)
	case *Figure:
		frac := ""
		if n.WidthFrac != 0 {
			frac = strconv.FormatFloat(n.WidthFrac, 'g', -1, 64)
		}
		d.line(depth, "Figure%s", attrs("anchor", qe(n.Anchor), "name", qe(n.Name), "format", n.Format,
			"size", fmt.Sprintf("%dx%d", n.WidthPx, n.HeightPx), "bytes", strconv.Itoa(len(n.Data)),
			"alt", qe(n.Alt), "width", frac))
		d.inlines("caption", n.Caption, depth+1)
		d.inlines("source", n.Source, depth+1)
	case *TOC:
		of := ""
		if n.Of != TOCSections {
			of = n.Of.String()
		}
		d.line(depth, "TOC%s depth=%d%s", attrs("title", qe(n.Title)), n.Depth, attrs("of", of))
	case *PageBreak:
		d.line(depth, "PageBreak")
	case *Text:
		if n.Lang != "" {
			d.line(depth, "Text%s lang=%s %s", styleAttr(n.Style), n.Lang, q(n.Text))
			break
		}
		d.line(depth, "Text%s %s", styleAttr(n.Style), q(n.Text))
	case *Link:
		d.line(depth, "Link%s", attrs("url", qe(n.URL), "anchor", qe(n.Anchor)))
		for _, in := range n.Inlines {
			d.node(in, depth+1)
		}
	case *FootnoteRef:
		d.line(depth, "FootnoteRef id=%s", q(n.ID))
	case *LineBreak:
		d.line(depth, "LineBreak")
	case nil:
		d.line(depth, "<nil>")
	default:
		d.line(depth, "%s", n.Kind())
	}
}

func qe(s string) string {
	if s == "" {
		return ""
	}
	return q(s)
}

func alignAttr(a Align) string {
	if a == AlignDefault {
		return ""
	}
	return " align=" + a.String()
}

func styleAttr(s Style) string {
	if s == 0 {
		return ""
	}
	return " [" + s.String() + "]"
}

var paraStyleNames = [...]string{"body", "lead", "quote", "caption", "note", "code", "term", "definition"}

// String returns the style's lower-case name ("body", "lead", …).
func (s ParaStyle) String() string {
	if s >= 0 && int(s) < len(paraStyleNames) {
		return paraStyleNames[s]
	}
	return "ParaStyle(" + strconv.Itoa(int(s)) + ")"
}

var alignNames = [...]string{"default", "left", "center", "right"}

// String returns the alignment's lower-case name.
func (a Align) String() string {
	if a >= 0 && int(a) < len(alignNames) {
		return alignNames[a]
	}
	return "Align(" + strconv.Itoa(int(a)) + ")"
}

var shadeNames = [...]string{"", "header", "accent", "light"}

// String returns the shade's lower-case name ("" for ShadeNone).
func (s Shade) String() string {
	if s >= 0 && int(s) < len(shadeNames) {
		return shadeNames[s]
	}
	return "Shade(" + strconv.Itoa(int(s)) + ")"
}

var styleNames = [...]string{"bold", "italic", "mono", "sup", "sub", "strike"}

// String returns the set flags joined with commas, e.g. "bold,italic".
func (s Style) String() string {
	var parts []string
	for i, name := range styleNames {
		if s&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, ",")
}

// PlainText returns all the text of n: runs concatenated, LineBreak as a
// newline, and every block-level unit (paragraph, heading, section title,
// cell, caption, note, footnote, TOC title) ending with a newline. Meta
// and the title page are not included; footnote bodies of a Document come
// after its blocks, as in Walk.
func PlainText(n Node) string {
	var b strings.Builder
	plain(&b, n)
	return b.String()
}

func plain(b *strings.Builder, n Node) {
	endBlock := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
	}
	inl := func(is []Inline) {
		for _, in := range is {
			plain(b, in)
		}
		endBlock()
	}
	switch n := n.(type) {
	case *Document:
		for _, bl := range n.Blocks {
			plain(b, bl)
		}
		for _, f := range n.Footnotes {
			for _, bl := range f.Blocks {
				plain(b, bl)
			}
		}
	case *Section:
		inl(n.Title)
		for _, bl := range n.Blocks {
			plain(b, bl)
		}
	case *Heading:
		inl(n.Text)
	case *Paragraph:
		inl(n.Inlines)
	case *Table:
		if len(n.Caption) > 0 {
			inl(n.Caption)
		}
		for _, r := range n.Rows {
			plain(b, r)
		}
		if len(n.Note) > 0 {
			inl(n.Note)
		}
	case *Figure:
		if len(n.Caption) > 0 {
			inl(n.Caption)
		}
		if len(n.Source) > 0 {
			inl(n.Source)
		}
	case *TOC:
		if n.Title != "" {
			b.WriteString(n.Title)
			endBlock()
		}
	case *Text:
		b.WriteString(n.Text)
	case *LineBreak:
		b.WriteByte('\n')
	case *Cell:
		for _, bl := range n.Blocks {
			plain(b, bl)
		}
		endBlock()
	case nil:
	default:
		for _, c := range n.Children() {
			plain(b, c)
		}
	}
}
