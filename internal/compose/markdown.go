package compose

import (
	"regexp"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
)

// newMarkdown is goldmark with the extensions the documents support and a
// typographer that writes Polish punctuation as UTF-8 (its defaults are
// HTML entities).
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.Footnote, extension.DefinitionList,
		extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
			extension.LeftSingleQuote:  "‚",
			extension.RightSingleQuote: "’",
			extension.LeftDoubleQuote:  "„",
			extension.RightDoubleQuote: "”",
			extension.EnDash:           "–",
			extension.EmDash:           "—",
			extension.Ellipsis:         "…",
			extension.LeftAngleQuote:   "«",
			extension.RightAngleQuote:  "»",
			extension.Apostrophe:       "’",
		})),
	))
}

// refRE matches {{kind:ID}} references (as the REF-12 rule does).
var refRE = regexp.MustCompile(`\{\{\s*([a-z]+)\s*:\s*([^}\s]*)\s*\}\}`)

// mdConv converts one Markdown value.
type mdConv struct {
	c     *composer
	md    *model.Markdown
	src   []byte
	shift int            // doc heading level = Markdown level + shift
	fnIDs map[int]string // goldmark footnote index → doc footnote ID
	lists int            // depth of the list being converted
	lang  string         // language of the span being converted ("" Polish)
}

// wordListLevels is the deepest list nesting Word (and so the DOCX) can
// show; deeper items stand at that level in the DOCX (rule MD-02).
const wordListLevels = 9

// markdown converts md to blocks placed in a section of the given level
// (0 for the top of a document): its highest headings become level+1.
func (c *composer) markdown(md *model.Markdown, level int) []doc.Block {
	if md == nil || md.Empty() {
		return nil
	}
	m := &mdConv{c: c, md: md, fnIDs: map[int]string{}}
	m.src = m.rewriteSpans([]byte(md.Text))
	root := c.parse(m.src)
	top := 7
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			top = min(top, h.Level)
		}
		return ast.WalkContinue, nil
	})
	m.shift = level + 1 - top
	// Footnote IDs first, so references know them; bodies after the text.
	type fnBody struct {
		fd *doc.Footnote
		n  ast.Node
	}
	var bodies []fnBody
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				if fn, ok := f.(*east.Footnote); ok {
					c.fns++
					fd := &doc.Footnote{ID: "fn" + itoa(c.fns)}
					m.fnIDs[fn.Index] = fd.ID
					c.d.Footnotes = append(c.d.Footnotes, fd)
					bodies = append(bodies, fnBody{fd, fn})
				}
			}
		}
	}
	out := m.blocks(root, doc.ParaBody)
	for _, b := range bodies {
		b.fd.Blocks = m.blocks(b.n, doc.ParaNote)
	}
	return out
}

// pos returns the source position of node n.
func (m *mdConv) pos(n ast.Node) diag.Pos {
	off := 0
	for ; n != nil; n = n.Parent() {
		if p := n.Pos(); p >= 0 {
			off = p
			break
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			off = n.Lines().At(0).Start
			break
		}
	}
	return m.posAt(off)
}

func (m *mdConv) posAt(off int) diag.Pos {
	off = min(max(off, 0), len(m.md.Text))
	return m.md.PosAt(m.c.s.Dir, off)
}

func (m *mdConv) unsupported(n ast.Node, what, hint string) {
	m.c.l.Errorf(m.pos(n), RuleMarkdown, "%s cannot be rendered in the PDF and DOCX documents: %s", what, hint)
}

// blocks converts the block children of parent; style is the paragraph
// style (body, quote, note, definition).
func (m *mdConv) blocks(parent ast.Node, style doc.ParaStyle) []doc.Block {
	var out []doc.Block
	pending := "" // a "Tabela: …" paragraph standing just before its table
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if caption, ok := m.tableCaption(n); ok {
			if _, next := n.NextSibling().(*east.Table); next {
				pending = caption
				continue
			}
		}
		if t, ok := n.(*east.Table); ok {
			tbl := m.table(t)
			caption := pending
			pending = ""
			if caption == "" {
				if c, ok := m.tableCaption(n.NextSibling()); ok {
					caption = c
					n = n.NextSibling()
				}
			}
			if caption != "" {
				m.c.captionTable(tbl, caption)
			}
			out = append(out, tbl)
			continue
		}
		out = append(out, m.block(n, style)...)
	}
	return out
}

// tableCaption recognises a table's caption written as a paragraph right
// before or after the table that starts with "Tabela:" (or Pandoc's
// "Table:"), emphasised or not: "*Tabela: Ludność gmin. Źródło: GUS.*".
// It returns the caption text without the prefix.
func (m *mdConv) tableCaption(n ast.Node) (string, bool) {
	p, ok := n.(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return "", false
	}
	// Look at the source first: converting inlines reports problems, and
	// a paragraph that is not a caption is converted later, once.
	first := p.Lines().At(0)
	head := strings.TrimLeft(string(first.Value(m.src)), "*_ ")
	if !strings.HasPrefix(head, "Tabela:") && !strings.HasPrefix(head, "Table:") {
		return "", false
	}
	text := plainText(m.inlines(p))
	for _, prefix := range []string{"Tabela:", "Table:"} {
		if rest, ok := strings.CutPrefix(text, prefix); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

func (m *mdConv) block(n ast.Node, style doc.ParaStyle) []doc.Block {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if b, ok := m.figure(n); ok {
			if b == nil {
				return nil
			}
			return []doc.Block{b}
		}
		in := m.inlines(n)
		if len(in) == 0 {
			return nil
		}
		return []doc.Block{&doc.Paragraph{Style: style, Inlines: in}}
	case *ast.Heading:
		lvl := min(max(n.Level+m.shift, 1), 4)
		return []doc.Block{&doc.Heading{Level: lvl, Text: m.inlines(n)}}
	case *ast.List:
		l := &doc.List{Ordered: n.IsOrdered(), Start: n.Start}
		if l.Ordered && l.Start == 0 {
			l.Start = 0 // "0." is a valid start
		}
		if !l.Ordered {
			l.Start = 0
		}
		m.lists++
		if m.lists == wordListLevels+1 {
			m.c.l.Warnf(m.pos(n), RuleListDepth, "list nested %d levels deep: Word shows at most %d, so the DOCX sets this list and those inside it at level %d (the PDF keeps the nesting)", m.lists, wordListLevels, wordListLevels)
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, &doc.ListItem{Blocks: m.blocks(it, style)})
		}
		m.lists--
		return []doc.Block{l}
	case *ast.Blockquote:
		return m.blocks(n, doc.ParaQuote)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		p := &doc.Paragraph{Style: doc.ParaCode}
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if i > 0 {
				p.Inlines = append(p.Inlines, &doc.LineBreak{})
			}
			s := strings.TrimRight(string(seg.Value(m.src)), "\n")
			p.Inlines = append(p.Inlines, &doc.Text{Text: s, Style: doc.Mono})
		}
		return []doc.Block{p}
	case *ast.ThematicBreak:
		return []doc.Block{&doc.Paragraph{Align: doc.AlignCenter, Inlines: ins(raw("*\u2003*\u2003*"))}}
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 { // <!-- comment -->: an author's note, not content
			return nil
		}
		m.unsupported(n, "an HTML block", "write it in Markdown (tables, lists, emphasis) instead of HTML")
		return nil
	case *east.Table:
		return []doc.Block{m.table(n)}
	case *east.DefinitionList:
		var out []doc.Block
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *east.DefinitionTerm:
				out = append(out, &doc.Paragraph{Style: doc.ParaTerm, Inlines: m.inlines(c)})
			case *east.DefinitionDescription:
				out = append(out, m.blocks(c, doc.ParaDefinition)...)
			}
		}
		return out
	case *east.FootnoteList:
		return nil // bodies were taken by markdown
	case *east.FootnoteBacklink:
		return nil
	}
	m.unsupported(n, "Markdown block "+n.Kind().String(), "use paragraphs, headings, lists, tables, quotes or code blocks")
	return nil
}

// figure handles a paragraph that holds only {{map:ID}} or only an image.
// ok is false for an ordinary paragraph; b is nil when the figure failed
// (a diagnostic was reported).
func (m *mdConv) figure(n ast.Node) (b doc.Block, ok bool) {
	if n.ChildCount() == 1 {
		if img, isImg := n.FirstChild().(*ast.Image); isImg {
			return m.image(img), true
		}
	}
	lines := n.Lines()
	if lines.Len() != 1 {
		return nil, false
	}
	seg := lines.At(0)
	s := strings.TrimSpace(string(seg.Value(m.src)))
	loc := refRE.FindStringSubmatchIndex(s)
	if loc == nil || loc[0] != 0 || loc[1] != len(s) || s[loc[2]:loc[3]] != "map" {
		return nil, false
	}
	id := s[loc[4]:loc[5]]
	f := m.c.mapFigure(id, m.posAt(seg.Start))
	if f == nil {
		return nil, true
	}
	return f, true
}

// image places a Markdown image of the partnership folder as a numbered
// figure ("Rycina N."); remote images are reported.
func (m *mdConv) image(img *ast.Image) doc.Block {
	dest := string(img.Destination)
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") || strings.HasPrefix(dest, "data:") {
		m.unsupported(img, "a remote image ("+dest+")", "save the file in the partnership folder (img/ or maps/) and name it by its relative path")
		return nil
	}
	rel := strings.TrimPrefix(strings.ReplaceAll(dest, `\`, "/"), "./")
	data, format, w, h, ok := m.c.readImage(rel, m.pos(img))
	if !ok {
		return nil
	}
	c := m.c
	c.figs++
	alt := plainText(m.inlines(img))
	title := string(img.Title)
	if title == "" {
		title = alt
	}
	f := &doc.Figure{Name: "ryc" + itoa(c.figs) + "." + ext(format),
		Format: format, Data: data, WidthPx: w, HeightPx: h, Alt: alt,
		Caption: ins(c.label("Rycina"), tx(title))}
	return f
}

func plainText(in []doc.Inline) string {
	var b strings.Builder
	for _, n := range in {
		b.WriteString(doc.PlainText(n))
	}
	return strings.TrimSpace(b.String())
}

func (m *mdConv) table(t *east.Table) *doc.Table {
	out := &doc.Table{}
	var lens []int
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, isHead := r.(*east.TableHeader)
		row := &doc.Row{}
		col := 0
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			tc, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			in := m.inlines(tc)
			cell := &doc.Cell{Blocks: []doc.Block{&doc.Paragraph{Inlines: in}}}
			switch tc.Alignment {
			case east.AlignLeft:
				cell.Align = doc.AlignLeft
			case east.AlignCenter:
				cell.Align = doc.AlignCenter
			case east.AlignRight:
				cell.Align = doc.AlignRight
			}
			if isHead {
				cell.Shade, cell.Bold = doc.ShadeHeader, true
			}
			n := len([]rune(plainText(in)))
			if col >= len(lens) {
				lens = append(lens, 0)
			}
			lens[col] = max(lens[col], n)
			col++
			row.Cells = append(row.Cells, cell)
		}
		if isHead {
			out.HeaderRows++
		}
		out.Rows = append(out.Rows, row)
	}
	// Relative widths from the longest text of each column, kept between
	// 4 and 40 characters so short columns stay readable.
	for _, n := range lens {
		out.Widths = append(out.Widths, float64(min(max(n, 4), 40)))
	}
	out.Compact = len(lens) > 6
	return out
}

// style stack for inlines
func (m *mdConv) inlines(parent ast.Node) []doc.Inline {
	var out []doc.Inline
	m.inl(parent, 0, &out)
	return m.c.finishInlines(out, m)
}

func (m *mdConv) inl(parent ast.Node, st doc.Style, out *[]doc.Inline) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			v := string(n.Value(m.src))
			if strings.Contains(v, "]("+langDest) {
				m.unsupported(n, "a link inside a language span", "put the link outside the [span]{lang=…}, or the span inside the link's text")
			}
			*out = append(*out, &doc.Text{Text: v, Style: st, Lang: m.lang})
			switch {
			case n.HardLineBreak():
				*out = append(*out, &doc.LineBreak{})
			case n.SoftLineBreak():
				*out = append(*out, &doc.Text{Text: " ", Style: st, Lang: m.lang})
			}
		case *ast.String:
			*out = append(*out, &doc.Text{Text: string(n.Value), Style: st, Lang: m.lang})
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				switch c := c.(type) {
				case *ast.Text:
					b.Write(c.Value(m.src))
				case *ast.String:
					b.Write(c.Value)
				}
			}
			*out = append(*out, &doc.Text{Text: b.String(), Style: st | doc.Mono, Lang: m.lang})
		case *ast.Emphasis:
			s := st | doc.Italic
			if n.Level >= 2 {
				s = st | doc.Bold
			}
			m.inl(n, s, out)
		case *east.Strikethrough:
			m.inl(n, st|doc.Strike, out)
		case *ast.Link:
			dest := string(n.Destination)
			if lang, ok := m.spanLang(n, dest); ok {
				outer := m.lang
				m.lang = lang
				m.inl(n, st, out)
				m.lang = outer
				continue
			}
			var in []doc.Inline
			m.inl(n, st, &in)
			switch {
			case strings.HasPrefix(dest, "#") && len(dest) > 1:
				*out = append(*out, &doc.Link{Anchor: dest[1:], Inlines: in})
			case strings.Contains(dest, ":"):
				*out = append(*out, &doc.Link{URL: dest, Inlines: in})
			default:
				m.unsupported(n, "a link to "+dest, "a document cannot link to a file: link to a web address (https://…) or name the section in the text")
				*out = append(*out, in...)
			}
		case *ast.AutoLink:
			u := string(n.URL(m.src))
			label := string(n.Label(m.src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(u, "mailto:") {
				u = "mailto:" + u
			}
			*out = append(*out, &doc.Link{URL: u, Inlines: ins(&doc.Text{Text: label, Style: st | doc.Mono})})
		case *ast.Image:
			m.unsupported(n, "an image inside text", "put the image in a paragraph of its own, or place a map with {{map:ID}} on its own line")
		case *ast.RawHTML:
			var b strings.Builder
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				b.Write(seg.Value(m.src))
			}
			h := strings.ToLower(strings.ReplaceAll(b.String(), " ", ""))
			switch {
			case strings.HasPrefix(h, "<!--"):
			case h == "<br>" || h == "<br/>":
				*out = append(*out, &doc.LineBreak{})
			default:
				m.unsupported(n, "inline HTML "+b.String(), "use Markdown emphasis (*kursywa*, **pogrubienie**) instead of HTML tags")
			}
		case *east.FootnoteLink:
			if id, ok := m.fnIDs[n.Index]; ok {
				*out = append(*out, &doc.FootnoteRef{ID: id})
			}
		case *east.FootnoteBacklink:
		default:
			m.unsupported(n, "Markdown element "+n.Kind().String(), "use plain text with emphasis and links")
		}
	}
}

// finishInlines merges adjacent runs of one style, expands {{…}}
// references (m may be nil for text from YAML) and applies Polish
// typography to every run, across run boundaries.
func (c *composer) finishInlines(in []doc.Inline, m *mdConv) []doc.Inline {
	// merge
	var merged []doc.Inline
	for _, n := range in {
		if t, ok := n.(*doc.Text); ok && len(merged) > 0 {
			if p, ok := merged[len(merged)-1].(*doc.Text); ok && p.Style == t.Style && p.Lang == t.Lang {
				p.Text += t.Text
				continue
			}
		}
		merged = append(merged, n)
	}
	// references
	var out []doc.Inline
	for _, n := range merged {
		t, ok := n.(*doc.Text)
		if !ok || t.Style&doc.Mono != 0 || !strings.Contains(t.Text, "{{") {
			out = append(out, n)
			continue
		}
		s := t.Text
		for {
			loc := refRE.FindStringSubmatchIndex(s)
			if loc == nil {
				break
			}
			if loc[0] > 0 {
				out = append(out, &doc.Text{Text: s[:loc[0]], Style: t.Style, Lang: t.Lang})
			}
			out = append(out, c.reference(s[loc[2]:loc[3]], s[loc[4]:loc[5]], s[loc[0]:loc[1]], t.Style, m)...)
			s = s[loc[1]:]
		}
		if s != "" {
			out = append(out, &doc.Text{Text: s, Style: t.Style, Lang: t.Lang})
		}
	}
	typography(out, "")
	// Trim the paragraph's outer spaces (soft breaks at the edges).
	if len(out) > 0 {
		if t, ok := out[0].(*doc.Text); ok {
			t.Text = strings.TrimLeft(t.Text, " ")
		}
		if t, ok := out[len(out)-1].(*doc.Text); ok {
			t.Text = strings.TrimRight(t.Text, " ")
		}
	}
	return out
}

// typography applies plfmt.Spaces to every non-monospace run, and keeps a
// one-letter word at the end of one run with the word starting the next.
// prev is the text before the first run; it returns the text of the last.
func typography(in []doc.Inline, prev string) string {
	for _, n := range in {
		switch n := n.(type) {
		case *doc.Text:
			if n.Style&doc.Mono != 0 {
				prev = n.Text
				continue
			}
			if strings.HasPrefix(n.Text, " ") && plfmt.EndsWithOneLetter(prev) {
				n.Text = plfmt.NBSP + n.Text[1:]
			}
			n.Text = plfmt.Spaces(n.Text)
			prev = n.Text
		case *doc.Link:
			prev = typography(n.Inlines, prev)
		case *doc.LineBreak:
			prev = ""
		}
	}
	return prev
}

// reference expands one {{kind:id}} reference.
func (c *composer) reference(kind, id, literal string, st doc.Style, m *mdConv) []doc.Inline {
	switch kind {
	case "ind":
		in := c.x.Indicators[id]
		if in == nil {
			break
		}
		return ins(&doc.Text{Text: c.indicatorText(in), Style: st})
	case "goal":
		if g := c.x.Goals[id]; g != nil {
			return c.entityLink(anchorGoal(id), id, g.Title)
		}
		if og := c.x.OpGoals[id]; og != nil {
			return c.entityLink(anchorGoal(id), id, og.Title)
		}
	case "dir":
		if d := c.x.Directions[id]; d != nil {
			return c.entityLink(anchorDir(id), id, d.Title)
		}
	case "project":
		if p := c.x.Projects[id]; p != nil {
			return c.entityLink(anchorProject(id), id, p.Title)
		}
	case "osi":
		if o := c.x.OSI[id]; o != nil {
			return c.entityLink(anchorOSI(id), id, osiName(o))
		}
	case "map":
		if mp := c.x.Maps[id]; mp != nil {
			t := &doc.Text{Text: plfmt.Text(mp.Title), Style: st}
			c.mapRefs = append(c.mapRefs, mapRef{id: id, t: t})
			return c.link(anchorMap(id), t)
		}
	}
	// An unresolved reference; the REF-12 rule reports it with its
	// position when the content is checked, so it is only kept visible here.
	return ins(&doc.Text{Text: literal, Style: st})
}

// indicatorText is an indicator's partnership value for the diagnosis
// reference year (or the latest year before it) with its unit.
func (c *composer) indicatorText(in *model.Indicator) string {
	year := c.s.Diagnosis.ReferenceYear
	fi := c.f.Indicator(in.ID)
	if fi == nil {
		return plfmt.NoData
	}
	var best *model.IndicatorYear
	for i := range fi.Years {
		y := &fi.Years[i]
		if y.Value() == nil || year != 0 && y.Year > year {
			continue
		}
		best = y
	}
	if best == nil {
		return plfmt.NoData
	}
	s := indValueUnit(in, *best.Value())
	if best.Year != year {
		s += " (" + itoa(best.Year) + plfmt.NBSP + "r.)"
	}
	return s
}

func osiName(o *model.OSI) string {
	if o.Name != "" {
		return o.Name
	}
	return o.Title
}
