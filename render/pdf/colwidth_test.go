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

// TestIndicatorColumnsKeepWordsWhole sets the shape of the example's
// results table (Tabela 43: "Jed-nostka" was hyphenated while the code
// column stood wide for its header): a running-text column keeps its
// longest word whole while the table has room for every column's longest
// word, and a label column is as wide as its entries, its header
// wrapping between words.
func TestIndicatorColumnsKeepWordsWhole(t *testing.T) {
	num := func(s string) *doc.Cell {
		return &doc.Cell{Align: doc.AlignRight, Blocks: []doc.Block{para(s)}}
	}
	tab := &doc.Table{HeaderRows: 1,
		Columns: []doc.Column{{Kind: doc.ColLabel}, {}, {}, {Kind: doc.ColNumber}, {Kind: doc.ColNumber}, {}},
		Rows: []*doc.Row{{Cells: []*doc.Cell{textCell("Cel / rezultat"), textCell("Wskaźnik"), textCell("Jednostka"),
			textCell("Wartość bazowa (rok)"), textCell("Wartość docelowa (rok)"), textCell("Źródło danych, częstotliwość")}}}}
	for i := range 6 {
		tab.Rows = append(tab.Rows, &doc.Row{Cells: []*doc.Cell{textCell([]string{"CS1", "R1.1.1a", "R1.2.1b", "CS2", "R2.1.1a", "R3.1.2b"}[i]),
			textCell("Uczniowie szkół zawodowych odbywający staże i praktyki u pracodawców z obszaru partnerstwa (w roku szkolnym)"),
			textCell([]string{"osoby", "%", "podmioty na 10 tys. ludności", "‰", "osoby na 10 tys. ludności", "km"}[i]),
			num("805,7 (2022)"), num("2 000 (2030)"),
			textCell("Starostwo Powiatowe w Kolnie – dane zarządcze (oświata, drogi, transport)")}})
	}
	d := &doc.Document{Meta: doc.Meta{Title: "Test", Language: "pl-PL", Date: "2024-11-25"}, Blocks: []doc.Block{tab}}
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{NoTitlePage: true}); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, buf.Bytes())
	var celX, rezX, rezY, celY float64
	for _, w := range words {
		switch w.text {
		case "Jed-", "pod-", "lud-":
			t.Errorf("%q hyphenated though the table has room for the word", w.text)
		case "Cel":
			celX, celY = w.xMin, w.yMin
		case "rezultat":
			rezX, rezY = w.xMin, w.yMin
		}
	}
	if rezY == celY || rezX == 0 || celX == 0 {
		t.Errorf("the code column's header stands on one line (Cel at %.0f,%.0f, rezultat at %.0f,%.0f): the column took the header's width, not its codes'", celX, celY, rezX, rezY)
	}
}
