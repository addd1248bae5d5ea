package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestColumnsSizedToContent sets the example's population table (issue 12:
// "Kolno (gmina miej-ska)" beside half-empty number columns): the label
// column widens so no label wraps, every number stays on one line, and
// the long headers of the number columns wrap instead.
func TestColumnsSizedToContent(t *testing.T) {
	num := func(s string) *doc.Cell {
		return &doc.Cell{Align: doc.AlignRight, Blocks: []doc.Block{para(s)}}
	}
	tab := &doc.Table{HeaderRows: 1,
		Columns: []doc.Column{{Kind: doc.ColLabel}, {Kind: doc.ColNumber}, {Kind: doc.ColNumber}, {Kind: doc.ColNumber}, {Kind: doc.ColNumber}},
		Rows: []*doc.Row{{Cells: []*doc.Cell{textCell("Jednostka"), textCell("Ludność 2019"), textCell("Ludność 2022"),
			textCell("Zmiana 2019–2022 (%)"), textCell("Gęstość zaludnienia 2022 (os./km²)")}}}}
	labels := []string{"Kolno (gmina miejska)", "Kolno (gmina wiejska)", "Grabowo", "Mały Płock", "Województwo podlaskie"}
	for i, l := range labels {
		tab.Rows = append(tab.Rows, &doc.Row{Cells: []*doc.Cell{textCell(l), num("1\u00a0178\u00a0400"), num("10 060"), num("−2,2"), num([]string{"407,3", "31,6", "25,2", "34,7", "57,6"}[i])}})
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Test", Language: "pl-PL", Date: "2024-11-25"}, Blocks: []doc.Block{tab}}
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{NoTitlePage: true}); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, buf.Bytes())
	line := map[string]float64{} // word → its baseline, for the words checked
	for i, w := range words {
		if strings.HasSuffix(w.text, "-") && w.text != "-" {
			t.Errorf("%q hyphenated in a table that has room", w.text)
		}
		for _, l := range labels {
			if strings.HasPrefix(l, w.text) && i+1 < len(words) && strings.Contains(l, words[i+1].text) && words[i+1].yMin != w.yMin {
				t.Errorf("label %q wraps after %q", l, w.text)
			}
		}
		if w.text == "1" && i+2 < len(words) && words[i+1].text == "178" && (words[i+1].yMin != w.yMin || words[i+2].yMin != w.yMin) {
			t.Error("1 178 400 wraps")
		}
		line[w.text] = w.yMin
	}
	if line["(os./km²)"] == line["Gęstość"] {
		t.Error("the long header of a number column does not wrap: the column took the header's width")
	}
}
