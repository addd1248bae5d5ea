package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/render/doc"
)

// describeColumns says, for every table of d that does not say it yet,
// what its columns hold (doc.Column), so renderers can size them to their
// content, and marks a table landscape when even its narrowest layout
// cannot fit the portrait text width.
func describeColumns(d *doc.Document) {
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if t, ok := n.(*doc.Table); ok && entering && t.Columns == nil {
			t.Columns = columnKinds(t)
			if !t.Landscape {
				t.Landscape = minWidthMM(t) > portraitTextMM
			}
		}
		return doc.WalkContinue, nil
	})
}

// portraitTextMM is the text width of a portrait A4 page (the PDF's and
// the DOCX's geometry: 210 mm less two 25 mm margins).
const portraitTextMM = 160.0

// gridCell is a cell's text at its place in the grid.
type gridCell struct {
	col, span int
	text      string
	header    bool
	label     bool // a shaded label cell (fiches' key–value tables)
}

func grid(t *doc.Table) (cells []gridCell, ncols int) {
	occ := make([][]bool, len(t.Rows))
	for r, row := range t.Rows {
		c := 0
		for _, cell := range row.Cells {
			if cell == nil {
				continue
			}
			for c < len(occ[r]) && occ[r][c] {
				c++
			}
			cs, rs := max(cell.ColSpan, 1), min(max(cell.RowSpan, 1), len(t.Rows)-r)
			for rr := r; rr < r+rs; rr++ {
				for len(occ[rr]) < c+cs {
					occ[rr] = append(occ[rr], false)
				}
				for cc := c; cc < c+cs; cc++ {
					occ[rr][cc] = true
				}
			}
			cells = append(cells, gridCell{col: c, span: cs, text: strings.TrimSpace(doc.PlainText(cell)), header: r < t.HeaderRows,
				label: cell.Shade == doc.ShadeHeader && cell.Bold})
			c += cs
			ncols = max(ncols, c)
		}
	}
	return cells, ncols
}

// columnKinds infers each column's kind from its body cells: numbers only
// (amounts, shares, years, GUS symbols) make a number column, short
// entries a label column, anything longer running text.
func columnKinds(t *doc.Table) []doc.Column {
	cells, ncols := grid(t)
	if ncols == 0 {
		return nil
	}
	numeric := make([]bool, ncols)
	digits := make([]bool, ncols)
	short := make([]bool, ncols)
	labels := make([]bool, ncols)
	seen := make([]bool, ncols)
	for i := range numeric {
		numeric[i], short[i], labels[i] = true, true, true
	}
	for _, c := range cells {
		if c.header || c.span > 1 || c.text == "" {
			continue
		}
		seen[c.col] = true
		labels[c.col] = labels[c.col] && c.label
		num, dig := numberLike(c.text)
		numeric[c.col] = numeric[c.col] && num
		digits[c.col] = digits[c.col] || dig
		if utf8.RuneCountInString(c.text) > 32 || len(strings.Fields(c.text)) > 4 {
			short[c.col] = false
		}
	}
	cols := make([]doc.Column, ncols)
	for i := range cols {
		switch {
		case !seen[i]:
		case numeric[i] && digits[i]:
			cols[i].Kind = doc.ColNumber
		case short[i] || labels[i]:
			cols[i].Kind = doc.ColLabel
		}
	}
	return cols
}

// numberLike reports whether s is a number as tables print it (12 345,6;
// −3,2%; 1 234 zł; 31.12.2024; a GUS symbol such as "–", "." or "x") and
// whether it holds a digit.
func numberLike(s string) (num, hasDigit bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "zł"), "%")
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			hasDigit = true
		case strings.ContainsRune(" ,.%+−-–—~≈<>*()x", r), unicode.IsSpace(r):
		default:
			return false, hasDigit
		}
	}
	return true, hasDigit
}

// minWidthMM estimates, in millimetres, the narrowest width a table can be
// set at in the renderers' table font (9 pt sans, 7.5 pt compact): number
// columns whole, other columns at their longest word, plus the padding.
func minWidthMM(t *doc.Table) float64 {
	cells, ncols := grid(t)
	cols := t.Columns
	need := make([]float64, ncols)
	charW := 1.75 // mm per character of 9 pt sans, on average
	if t.Compact {
		charW *= 7.5 / 9
	}
	for _, c := range cells {
		if c.span > 1 {
			continue
		}
		n := 0
		if c.col < len(cols) && cols[c.col].Kind == doc.ColNumber && !c.header {
			n = utf8.RuneCountInString(c.text)
		} else {
			for _, w := range strings.Fields(c.text) {
				n = max(n, min(utf8.RuneCountInString(w), 16))
			}
		}
		need[c.col] = max(need[c.col], float64(n)*charW)
	}
	sum := 0.0
	for _, w := range need {
		sum += w + 3.2
	}
	return sum
}
