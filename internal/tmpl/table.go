package tmpl

import (
	"fmt"
	"strconv"
	"strings"
)

// Tables in template output.
//
// A template writes a table line by line with these functions, each
// call alone on its line; compose reads the lines as one table (see
// internal/compose, "template output"):
//
//	{{table "Podpis tabeli" "2.2h 5"}}   starts a table: caption ("" for none) and
//	                                     the columns' relative widths; a letter after
//	                                     a width: c centred, r right-aligned, h a
//	                                     shaded label column; the word "compact"
//	                                     sets the table in a smaller font
//	{{part "Harmonogram"}}                a shaded row across the table naming a part
//	                                     (a fiche's part; it starts a new table unless
//	                                     it follows {{table}}; without {{table}}, two
//	                                     columns "1.15h 3")
//	{{head "Etap" "Początek" "Koniec"}}   a header row (repeated on every page)
//	{{row "Lider" .Leader}}               a row; a row whose cells after the first are
//	                                     all empty is left out in a table without
//	                                     {{head}} (a fiche's line with nothing to
//	                                     say), and a table without rows is left out
//	{{total "Razem" (money .Sum)}}        a bold, shaded row (its first cell left-aligned)
//	{{note "Źródło: …"}}                  the note under the table
//	- text / + text / > text              after a row: a list item, a paragraph or a
//	                                     note in the row's last cell
//
// A cell is plain text, inline tokens, or block tokens (prose, a list)
// that compose built; {{alert "brak"}} marks a cell that needs attention;
// {{span 4 "Razem"}} is a cell across 4 columns;
// {{paras A B "> C"}} is a cell of several paragraphs (empty ones left
// out; "> " makes a note, block tokens stay blocks).
// Arguments of head, row and total may be strings, numbers or lists of
// strings (spread into cells). The markers are control characters, which
// content text never holds.
const (
	Mark      = "\x1a" // starts a token or a table line
	CellSep   = "\x1f" // separates the cells of a table line
	AlertMark = "\x13" // starts a cell that needs attention
	ParaSep   = "\x1e" // separates the paragraphs of a cell ({{paras}})
	SpanMark  = "\x14" // {{span N …}}: "\x14N\x14…", a cell across N columns
	OpTable   = 'T'
	OpPart    = 'P'
	OpHead    = 'H'
	OpRow     = 'R'
	OpTotal   = 'S'
	OpNote    = 'N'
)

// Column is one column of a table spec.
type Column struct {
	Width float64
	Align byte // 0, 'c' or 'r'
	Label bool // a shaded label column
}

// ParseColumns reads a table's column spec ("2.2h 5 1.3r").
func ParseColumns(spec string) ([]Column, error) {
	var out []Column
	for _, f := range strings.Fields(spec) {
		if f == "compact" {
			continue
		}
		var col Column
		num := strings.TrimRight(f, "chr")
		for _, l := range f[len(num):] {
			switch l {
			case 'c', 'r':
				col.Align = byte(l)
			case 'h':
				col.Label = true
			}
		}
		w, err := strconv.ParseFloat(num, 64)
		if err != nil || w <= 0 {
			return nil, fmt.Errorf("table: column %q is not a positive width with an optional letter c, r or h", f)
		}
		col.Width = w
		out = append(out, col)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("table: no columns in %q (e.g. \"2 5r\")", spec)
	}
	return out, nil
}

func tableFunc(caption, spec string) (string, error) {
	if _, err := ParseColumns(spec); err != nil {
		return "", err
	}
	return Mark + string(OpTable) + caption + CellSep + spec, nil
}

var cellCleaner = strings.NewReplacer("\n", " ", CellSep, "")

// cells spreads the arguments of head, row and total into cells.
func cells(op byte, args []any) (string, error) {
	var out []string
	for _, a := range args {
		switch v := a.(type) {
		case nil:
			out = append(out, "")
		case string:
			out = append(out, v)
		case []string:
			out = append(out, v...)
		case int:
			out = append(out, strconv.Itoa(v))
		case fmt.Stringer:
			out = append(out, v.String())
		default:
			return "", fmt.Errorf("a table cell cannot be %T", a)
		}
	}
	for i, s := range out { // a cell never holds a line break or a cell separator
		if strings.ContainsAny(s, "\n"+CellSep) {
			out[i] = cellCleaner.Replace(s)
		}
	}
	return Mark + string(op) + strings.Join(out, CellSep), nil
}

var tableFuncs = map[string]any{
	"table": tableFunc,
	"part":  func(title string) string { return Mark + string(OpPart) + title },
	"head":  func(args ...any) (string, error) { return cells(OpHead, args) },
	"row":   func(args ...any) (string, error) { return cells(OpRow, args) },
	"total": func(args ...any) (string, error) { return cells(OpTotal, args) },
	"note":  func(s string) string { return Mark + string(OpNote) + s },
	"alert": func(s string) string { return AlertMark + s },
	"paras": paras,
	"span": func(n int, s string) (string, error) {
		if n < 1 {
			return "", fmt.Errorf("span: %d columns", n)
		}
		return SpanMark + strconv.Itoa(n) + SpanMark + s, nil
	},
}

func init() {
	for k, v := range tableFuncs {
		funcs[k] = v
	}
}

// paras joins the non-empty parts into one cell of several paragraphs.
func paras(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ParaSep)
}
