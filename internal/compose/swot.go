package compose

import (
	"fmt"
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/render/doc"
)

// The data of the chapter swot (templates/strategy/chapters/swot.tmpl):
// the SWOT grid and the TOWS table, their words the template's.

const swotFile = "strategy/chapters/swot.tmpl"

// SWOT reports whether the content has a SWOT analysis.
func (v *strategyView) SWOT() bool { return len(v.c.s.SWOT.Items()) > 0 }

// SWOTTable is the SWOT grid. Its words are the template's: the
// caption, the two column headers (positive, negative factors), the four
// quadrants' headings (strengths, weaknesses, opportunities, threats)
// and the source line below the table.
func (v *strategyView) SWOTTable(caption string, words ...string) (string, error) {
	if len(words) != 7 {
		return "", fmt.Errorf("want a caption, 2 column headers, 4 quadrant headings (strengths, weaknesses, opportunities, threats) and a source line, got %d after the caption", len(words))
	}
	c, sw := v.c, v.c.s.SWOT
	items := func(its []*model.SWOTItem) *doc.Cell {
		l := &doc.List{}
		for _, it := range its {
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(bold(it.ID+" "), tx(it.Text))}})
		}
		if len(l.Items) == 0 {
			return tcell("–")
		}
		return bcell(l)
	}
	q := func(s string) *doc.Cell {
		return &doc.Cell{Shade: doc.ShadeAccent, Bold: true, Align: doc.AlignCenter, Blocks: []doc.Block{paraIn(c.readInline(s)...)}}
	}
	t := c.table(caption, []float64{1, 1}, 1,
		headerRow(words[0], words[1]),
		row(q(words[2]), q(words[3])),
		row(items(sw.Strengths), items(sw.Weaknesses)),
		row(q(words[4]), q(words[5])),
		row(items(sw.Opportunities), items(sw.Threats)))
	t.Note = c.readInline(words[6])
	return c.blockTok(t), nil
}

// TOWS reports whether the content has a TOWS analysis.
func (v *strategyView) TOWS() bool { return len(v.c.s.SWOT.TOWS) > 0 }

// TOWSTable is the TOWS table: the caption and three column headers
// (type of strategy, factors, direction) are the template's, and the
// name of each type of strategy is its template "tows-typ".
func (v *strategyView) TOWSTable(caption string, headers ...string) (string, error) {
	if len(headers) != 3 {
		return "", fmt.Errorf("want a caption and 3 column headers (type of strategy, factors, direction), got %d headers", len(headers))
	}
	c := v.c
	t := c.table(caption, []float64{2, 1.3, 4}, 1, headerRow(headers...))
	for _, tw := range c.s.SWOT.TOWS {
		name := strings.TrimSpace(c.run(swotFile, "tows-typ", clean(tw.Type)))
		t.Rows = append(t.Rows, row(icell(c.readInline(name)...), tcell(strings.Join(tw.Links.IDs(), ", ")), tcell(tw.Text)))
	}
	return c.blockTok(t), nil
}
