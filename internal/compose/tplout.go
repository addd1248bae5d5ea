package compose

import (
	"slices"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/tmpl"
	"github.com/strategia-pl/strategia/render/doc"
)

// Template output.
//
// A template (templates/strategy/*.tmpl) writes the words and the order;
// compose reads its output as document blocks, line by line:
//
//	# Title {#anchor .pagebreak}   a section (## a subsection, …); attributes:
//	                               #anchor, .unnumbered, .notoc, .pagebreak
//	### Title {.nosection}         a heading that opens no section (unnumbered,
//	                               not in the contents; the text after it stays
//	                               in the enclosing section)
//	- text                         an item of a bulleted list
//	> text                         a note (small print)
//	text                           a paragraph (lines up to a blank line join);
//	text {.center}                 one centred ({.right}: right-aligned)
//	a line of block tokens         blocks compose built: tables, maps, prose
//	{{table}} {{row}} … lines      a table the template writes (tpltable.go)
//
// Inline: {{b "…"}} and {{i "…"}} make bold and italic; values the view
// gives as inline tokens (links, formatted IDs) are placed as built.
// Plain text gets Polish typography (plfmt.Text). Tokens and style
// markers are control characters, which compose strips from content
// text, so content can never forge them.
const (
	tokMark   = tmpl.Mark
	tokBlock  = 'B'
	tokInline = 'I'
)

// tokens holds what a template run refers to by token.
type tokens struct {
	blocks  [][]doc.Block
	inlines [][]doc.Inline
}

// blockTok registers blocks and returns their token.
func (c *composer) blockTok(bs ...doc.Block) string {
	var kept []doc.Block
	for _, b := range bs {
		if b != nil && !isNilBlock(b) {
			kept = append(kept, b)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	c.tok.blocks = append(c.tok.blocks, kept)
	return tokMark + string(tokBlock) + strconv.Itoa(len(c.tok.blocks)-1) + tokMark
}

func isNilBlock(b doc.Block) bool {
	switch v := b.(type) {
	case *doc.Section:
		return v == nil
	case *doc.Table:
		return v == nil
	case *doc.Figure:
		return v == nil
	case *doc.Paragraph:
		return v == nil
	case *doc.List:
		return v == nil
	}
	return false
}

// inlineTok registers inlines and returns their token.
func (c *composer) inlineTok(in ...doc.Inline) string {
	if len(in) == 0 {
		return ""
	}
	c.tok.inlines = append(c.tok.inlines, in)
	return tokMark + string(tokInline) + strconv.Itoa(len(c.tok.inlines)-1) + tokMark
}

// prose is the content's Markdown md as a block token ("" when empty),
// converted once however often a template asks for it ({{with .X}}{{.}}
// after {{if .X}}), so its footnotes are never made twice.
func (c *composer) prose(md *model.Markdown, level int) string {
	if md == nil || md.Empty() {
		return ""
	}
	if t, ok := c.proseTok[md]; ok {
		return t
	}
	if c.proseTok == nil {
		c.proseTok = map[*model.Markdown]string{}
	}
	t := c.blockTok(c.markdown(md, level)...)
	c.proseTok[md] = t
	return t
}

// clean strips control characters from content text given to a template
// (so it cannot forge tokens) and folds line breaks to spaces.
func clean(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case r < 0x20:
			return -1
		}
		return r
	}, s)
}

// run executes template file name (define: one of its named templates,
// or "") with data; errors are reported (TPL-02) and give "".
func (c *composer) run(name, define string, data any) string {
	return c.tpl.Execute(c.l, name, define, data)
}

// blocks executes a template and reads its output as blocks.
func (c *composer) tplBlocks(name, define string, data any, level int) []doc.Block {
	return c.readBlocks(c.run(name, define, data), level)
}

// readBlocks reads template output (see above). Sections open with their
// heading and close at the next heading of the same or a higher level;
// level is the level of the enclosing section (0 at the top).
func (c *composer) readBlocks(out string, level int) []doc.Block {
	var top []doc.Block
	type open struct{ sec *doc.Section }
	var stack []open
	emit := func(b doc.Block) {
		if len(stack) > 0 {
			s := stack[len(stack)-1].sec
			s.Blocks = append(s.Blocks, b)
			return
		}
		top = append(top, b)
	}
	var para []string
	var list *doc.List
	var tb *tplTable // the table being read
	closeTable := func(t *tplTable) {
		if t != nil {
			if tab := c.buildTable(t); tab != nil {
				emit(tab)
			}
		}
	}
	flush := func() {
		if len(para) > 0 {
			emit(c.readParagraph(strings.Join(para, " ")))
			para = nil
		}
		list = nil
	}
	for _, ln := range strings.Split(out, "\n") {
		ln = strings.TrimRight(ln, " \t")
		t := strings.TrimLeft(ln, " \t")
		if tb != nil && t != "" && !isTableLine(t) && !c.continueCell(tb, t) {
			closeTable(tb)
			tb = nil
		}
		switch {
		case t == "":
			flush()
		case tb != nil && !isTableLine(t):
			// a line continuing a cell
		case isTableLine(t):
			flush()
			var closed *tplTable
			tb, closed = c.tableLine(tb, t)
			closeTable(closed)
		case strings.HasPrefix(t, "#"):
			flush()
			n := len(t) - len(strings.TrimLeft(t, "#"))
			title, attrs := headingAttrs(strings.TrimSpace(t[n:]))
			if slices.Contains(attrs, ".nosection") {
				h := &doc.Heading{Level: level + n, Text: c.readInline(title)}
				for _, a := range attrs {
					if strings.HasPrefix(a, "#") {
						h.Anchor = c.anchor(a[1:])
					}
				}
				emit(h)
				continue
			}
			sec := &doc.Section{Level: level + n, Title: c.readInline(title)}
			for _, a := range attrs {
				switch {
				case strings.HasPrefix(a, "#"):
					sec.Anchor = c.anchor(a[1:])
				case a == ".unnumbered":
					sec.Unnumbered = true
				case a == ".notoc":
					sec.NoTOC = true
				case a == ".pagebreak":
					sec.PageBreakBefore = true
				}
			}
			for len(stack) > 0 && stack[len(stack)-1].sec.Level >= sec.Level {
				stack = stack[:len(stack)-1]
			}
			emit(sec)
			stack = append(stack, open{sec})
		case onlyBlockTokens(t):
			flush()
			for _, id := range blockTokens(t) {
				for _, b := range c.tok.blocks[id] {
					// a section compose built (a chapter) closes the open
					// sections of its level or deeper, as a heading does: the
					// diagnosis report's chapter "Diagnoza" follows its
					// "Wprowadzenie", it is not inside it
					if sec, ok := b.(*doc.Section); ok && sec != nil {
						for len(stack) > 0 && stack[len(stack)-1].sec.Level >= sec.Level {
							stack = stack[:len(stack)-1]
						}
					}
					emit(b)
				}
			}
		case strings.HasPrefix(t, "- "):
			if len(para) > 0 {
				emit(c.readParagraph(strings.Join(para, " ")))
				para = nil
			}
			if list == nil {
				list = &doc.List{}
				emit(list)
			}
			list.Items = append(list.Items, &doc.ListItem{Blocks: []doc.Block{&doc.Paragraph{Inlines: c.readInline(t[2:])}}})
		case strings.HasPrefix(t, "> "):
			flush()
			emit(&doc.Paragraph{Style: doc.ParaNote, Inlines: c.readInline(t[2:])})
		default:
			list = nil
			para = append(para, t)
		}
	}
	flush()
	closeTable(tb)
	return top
}

// readParagraph reads a paragraph; a trailing {.center} or {.right}
// aligns it (the headings of a resolution, the date and signature of a
// letter).
func (c *composer) readParagraph(text string) *doc.Paragraph {
	p := &doc.Paragraph{}
	if t, attrs := headingAttrs(text); len(attrs) == 1 {
		switch attrs[0] {
		case ".center":
			p.Align, text = doc.AlignCenter, t
		case ".right":
			p.Align, text = doc.AlignRight, t
		}
	}
	p.Inlines = c.readInline(text)
	return p
}

// headingAttrs splits "Title {#a .b}" into the title and its attributes.
func headingAttrs(s string) (string, []string) {
	if !strings.HasSuffix(s, "}") {
		return s, nil
	}
	i := strings.LastIndex(s, " {")
	if i < 0 {
		return s, nil
	}
	return strings.TrimSpace(s[:i]), strings.Fields(s[i+2 : len(s)-1])
}

func onlyBlockTokens(t string) bool {
	if !strings.HasPrefix(t, tokMark+string(tokBlock)) {
		return false
	}
	rest := t
	for rest != "" {
		if !strings.HasPrefix(rest, tokMark+string(tokBlock)) {
			return false
		}
		end := strings.Index(rest[2:], tokMark)
		if end < 0 {
			return false
		}
		rest = strings.TrimLeft(rest[2+end+1:], " ")
	}
	return true
}

func blockTokens(t string) []int {
	var ids []int
	for _, f := range strings.Split(t, tokMark) {
		if len(f) > 1 && f[0] == tokBlock {
			if n, err := strconv.Atoi(f[1:]); err == nil {
				ids = append(ids, n)
			}
		}
	}
	return ids
}

// readInline turns a line of template output into inlines: style
// markers, inline tokens and plain text with Polish typography.
func (c *composer) readInline(s string) []doc.Inline {
	var out []doc.Inline
	style := doc.Style(0)
	var text strings.Builder
	var own *doc.Text // the last run made here (token runs are not merged into)
	flush := func() {
		if text.Len() == 0 {
			return
		}
		t := plfmt.Text(text.String())
		text.Reset()
		if n := len(out); n > 0 && out[n-1] == doc.Inline(own) && own.Style == style {
			own.Text += t
			return
		}
		own = &doc.Text{Text: t, Style: style}
		out = append(out, own)
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], tmpl.BoldOn):
			flush()
			style |= doc.Bold
			i += len(tmpl.BoldOn)
		case strings.HasPrefix(s[i:], tmpl.BoldOff):
			flush()
			style &^= doc.Bold
			i += len(tmpl.BoldOff)
		case strings.HasPrefix(s[i:], tmpl.ItalicOn):
			flush()
			style |= doc.Italic
			i += len(tmpl.ItalicOn)
		case strings.HasPrefix(s[i:], tmpl.ItalicOff):
			flush()
			style &^= doc.Italic
			i += len(tmpl.ItalicOff)
		case strings.HasPrefix(s[i:], tokMark) && i+1 < len(s) && s[i+1] == tokInline:
			end := strings.Index(s[i+2:], tokMark)
			if end < 0 {
				i++
				continue
			}
			flush()
			n, _ := strconv.Atoi(s[i+2 : i+2+end])
			if n < len(c.tok.inlines) {
				out = append(out, c.tok.inlines[n]...)
			}
			i += 2 + end + 1
		default:
			text.WriteByte(s[i])
			i++
		}
	}
	flush()
	return out
}
