package compose

import (
	"slices"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/tmpl"
	"github.com/strategia-pl/strategia/render/doc"
)

// Tables a template writes ({{table}}, {{part}}, {{head}}, {{row}},
// {{total}}, {{note}}: see internal/tmpl, "Tables in template output").
// The template decides the words, the rows and their order; compose
// builds the cells (styles after the column spec) and drops what has
// nothing to say.

// tplTable is a table being read.
type tplTable struct {
	caption string
	cols    []tmpl.Column
	compact bool
	rows    []*doc.Row
	kinds   []byte // per row: the op that made it
	note    []doc.Inline
}

// isTableLine reports whether a line of template output is a table line.
func isTableLine(t string) bool {
	if len(t) < 2 || !strings.HasPrefix(t, tmpl.Mark) {
		return false
	}
	switch t[1] {
	case tmpl.OpTable, tmpl.OpPart, tmpl.OpHead, tmpl.OpRow, tmpl.OpTotal, tmpl.OpNote:
		return true
	}
	return false
}

// tableLine reads a table line into the open table tb (nil when none),
// returning the table open after it and a table that the line closed
// (to be emitted), if any.
func (c *composer) tableLine(tb *tplTable, t string) (open, closed *tplTable) {
	op, body := t[1], t[2:]
	switch op {
	case tmpl.OpTable:
		caption, spec, _ := strings.Cut(body, tmpl.CellSep)
		cols, err := tmpl.ParseColumns(spec)
		if err != nil { // the table function checked it
			cols = []tmpl.Column{{Width: 1}}
		}
		return &tplTable{caption: caption, cols: cols, compact: slices.Contains(strings.Fields(spec), "compact")}, tb
	case tmpl.OpPart:
		if tb == nil || len(tb.rows) > 0 {
			closed = tb
			tb = &tplTable{cols: []tmpl.Column{{Width: 1.15, Label: true}, {Width: 3}}}
		}
		tb.add(op, row(&doc.Cell{ColSpan: len(tb.cols), Shade: doc.ShadeAccent, Bold: true, Blocks: []doc.Block{paraIn(c.readInline(body)...)}}))
		return tb, closed
	case tmpl.OpNote:
		if tb != nil {
			tb.note = c.readInline(body)
		}
		return tb, nil
	}
	if tb == nil {
		tb = &tplTable{cols: []tmpl.Column{{Width: 1.15, Label: true}, {Width: 3}}}
	}
	r := &doc.Row{}
	n := 0 // columns taken
	for i, s := range strings.Split(body, tmpl.CellSep) {
		span := 1
		if rest, ok := strings.CutPrefix(s, tmpl.SpanMark); ok {
			if k, v, ok := strings.Cut(rest, tmpl.SpanMark); ok {
				span, _ = strconv.Atoi(k)
				s = v
			}
		}
		col := tmpl.Column{}
		if n < len(tb.cols) {
			col = tb.cols[n]
		}
		if op == tmpl.OpTotal && i == 0 {
			col.Align = 0 // "Razem" stays left whatever the column holds
		}
		cl := c.tableCell(op, col, s)
		if span > 1 {
			cl.ColSpan = span
		}
		r.Cells = append(r.Cells, cl)
		n += max(span, 1)
	}
	for ; n < len(tb.cols); n++ {
		r.Cells = append(r.Cells, c.tableCell(op, tb.cols[n], ""))
	}
	tb.add(op, r)
	return tb, nil
}

func (tb *tplTable) add(op byte, r *doc.Row) {
	tb.rows = append(tb.rows, r)
	tb.kinds = append(tb.kinds, op)
}

// tableCell is a cell of a head, row or total line.
func (c *composer) tableCell(op byte, col tmpl.Column, s string) *doc.Cell {
	cl := &doc.Cell{}
	switch col.Align {
	case 'c':
		cl.Align = doc.AlignCenter
	case 'r':
		cl.Align = doc.AlignRight
	}
	switch {
	case op == tmpl.OpHead:
		cl.Shade, cl.Bold, cl.Align = doc.ShadeHeader, true, doc.AlignCenter
	case op == tmpl.OpTotal:
		cl.Shade, cl.Bold = doc.ShadeLight, true
	case col.Label:
		cl.Shade, cl.Bold = doc.ShadeHeader, true
	}
	if rest, ok := strings.CutPrefix(s, tmpl.AlertMark); ok {
		s = rest
		cl.Shade, cl.Bold = doc.ShadeAccent, true
	}
	for _, p := range strings.Split(s, tmpl.ParaSep) {
		cl.Blocks = append(cl.Blocks, c.cellParagraph(p)...)
	}
	return cl
}

// cellParagraph is a paragraph of a cell: prose (block tokens), a note
// ("> …") or text.
func (c *composer) cellParagraph(s string) []doc.Block {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return nil
	case onlyBlockTokens(s):
		return c.cellBlocks(s)
	case strings.HasPrefix(s, "> "):
		return []doc.Block{&doc.Paragraph{Style: doc.ParaNote, Inlines: c.readInline(s[2:])}}
	}
	return []doc.Block{paraIn(c.readInline(s)...)}
}

// cellBlocks are the blocks of block tokens placed in a table cell;
// headings of Markdown prose shrink to bold lines.
func (c *composer) cellBlocks(s string) []doc.Block {
	var out []doc.Block
	for _, id := range blockTokens(s) {
		for _, b := range c.tok.blocks[id] {
			if h, ok := b.(*doc.Heading); ok {
				b = &doc.Paragraph{Inlines: boldInlines(h.Text)}
			}
			out = append(out, b)
		}
	}
	return out
}

// continueCell adds a "- ", "+ " or "> " line after a row to the row's
// last cell; ok is false when the table has no body row to add to.
func (c *composer) continueCell(tb *tplTable, t string) bool {
	if tb == nil || len(tb.rows) == 0 || tb.kinds[len(tb.rows)-1] != tmpl.OpRow {
		return false
	}
	r := tb.rows[len(tb.rows)-1]
	cl := r.Cells[len(r.Cells)-1]
	text := strings.TrimSpace(t[2:])
	switch t[:2] {
	case "- ":
		item := &doc.ListItem{Blocks: []doc.Block{paraIn(c.readInline(text)...)}}
		if n := len(cl.Blocks); n > 0 {
			if l, ok := cl.Blocks[n-1].(*doc.List); ok {
				l.Items = append(l.Items, item)
				return true
			}
		}
		cl.Blocks = append(cl.Blocks, &doc.List{Items: []*doc.ListItem{item}})
	case "+ ":
		cl.Blocks = append(cl.Blocks, c.cellParagraph(text)...)
	case "> ":
		cl.Blocks = append(cl.Blocks, c.cellParagraph(t)...)
	default:
		return false
	}
	return true
}

// build finishes a table read: rows with nothing after their first cell
// are left out, and so is a table without body rows (nil).
func (c *composer) buildTable(tb *tplTable) *doc.Table {
	t := &doc.Table{Note: tb.note, Compact: tb.compact}
	header, heads := true, slices.Contains(tb.kinds, tmpl.OpHead)
	body := 0
	for i, r := range tb.rows {
		switch tb.kinds[i] {
		case tmpl.OpPart, tmpl.OpHead:
			if header {
				t.HeaderRows++
			}
		case tmpl.OpRow:
			header = false
			if !heads && len(r.Cells) > 1 && !slicesAnyBlocks(r.Cells[1:]) {
				continue
			}
			body++
		default:
			header = false
			body++
		}
		t.Rows = append(t.Rows, r)
	}
	if body == 0 {
		return nil
	}
	for _, col := range tb.cols {
		t.Widths = append(t.Widths, col.Width)
	}
	if tb.caption != "" {
		t.Caption = append(ins(c.label("Tabela")), c.readInline(tb.caption)...)
	}
	return t
}

func slicesAnyBlocks(cells []*doc.Cell) bool {
	for _, cl := range cells {
		if len(cl.Blocks) > 0 {
			return true
		}
	}
	return false
}
