package pdf

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/pdfua"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
)

// wideTable is a table of nine text columns that compose marks for a
// landscape page.
func wideTable(caption string) *doc.Table { return doctest.WideTable(caption, 9, 4) }

// measuredWideTable is not marked landscape, but its twelve number
// columns (which never wrap) are too wide for a portrait page.
func measuredWideTable(caption string) *doc.Table {
	t := &doc.Table{Caption: []doc.Inline{tx(caption)}, HeaderRows: 1}
	for r := range 4 {
		row := &doc.Row{}
		for c := range 12 {
			t.Columns = append(t.Columns, doc.Column{Kind: doc.ColNumber})
			s := fmt.Sprintf("Rok %d", 2020+c)
			if r > 0 {
				s = fmt.Sprintf("%d\u00a0%03d\u00a0%03d,%02d", r, c*37, c*91, c)
			}
			row.Cells = append(row.Cells, textCell(s))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Columns = t.Columns[:12]
	return t
}

// pdfPages returns the text and the orientation of every page of pdf, by
// pdftotext and pdfinfo.
func pdfPages(t *testing.T, pdf []byte) (texts []string, land []bool) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (apt-get install poppler-utils)", tool)
		}
	}
	p := writeTemp(t, pdf)
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "999", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		// "Page    3 size: 841.89 x 595.28 pts (A4)"
		f := strings.Fields(l)
		if len(f) >= 6 && f[0] == "Page" && f[2] == "size:" {
			w, _ := strconv.ParseFloat(f[3], 64)
			h, _ := strconv.ParseFloat(f[5], 64)
			land = append(land, w > h)
		}
	}
	for i := range land {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, normalize(string(out)))
	}
	return texts, land
}

// TestHeadingGoesWithLandscapeTable: a heading (and the short paragraph
// under it that presents the table) goes on the landscape page of the wide
// table it introduces, whether the section starts a new page or follows
// other text on a portrait page, and whether it is a section's heading or
// a plain heading; a heading followed by longer text stays on its portrait
// page. The structure tree keeps the heading before the table.
func TestHeadingGoesWithLandscapeTable(t *testing.T) {
	filler := make([]doc.Block, 5)
	for i := range filler {
		filler[i] = para(strings.Repeat("Partnerstwo gmin realizuje wspólne przedsięwzięcia rozwojowe. ", 6))
	}
	intro := para("Tabela zawiera wszystkie uwagi w kolejności wpływu.")
	long := para(strings.Repeat("Uwagi rozpatrzył zespół roboczy partnerstwa po konsultacjach. ", 8))
	for _, tc := range []struct {
		name    string
		blocks  []doc.Block
		heading string
		land    bool // the heading's page is landscape
	}{
		{"section on a new page", []doc.Block{
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Wstęp")}, Blocks: filler},
			&doc.Section{Level: 1, PageBreakBefore: true, Title: []doc.Inline{tx("Uwagi i sposób ich rozpatrzenia")},
				Blocks: []doc.Block{intro, wideTable("Tabela 1. Uwagi")}},
		}, "Uwagi i sposób ich rozpatrzenia", true},
		{"section after text", []doc.Block{
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Wstęp")}, Blocks: filler[:2]},
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Uwagi i sposób ich rozpatrzenia")},
				Blocks: []doc.Block{intro, wideTable("Tabela 1. Uwagi")}},
		}, "Uwagi i sposób ich rozpatrzenia", true},
		{"measured table", []doc.Block{
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Wstęp")}, Blocks: filler[:2]},
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Uwagi i sposób ich rozpatrzenia")},
				Blocks: []doc.Block{intro, measuredWideTable("Tabela 1. Uwagi")}},
		}, "Uwagi i sposób ich rozpatrzenia", true},
		{"nested sections", []doc.Block{
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Wstęp")}, Blocks: filler[:2]},
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Zestawienie")}, Blocks: []doc.Block{
				&doc.Section{Level: 2, Title: []doc.Inline{tx("Uwagi mieszkańców")}, Blocks: []doc.Block{wideTable("Tabela 1. Uwagi")}},
			}},
		}, "Zestawienie", true},
		{"plain heading", []doc.Block{
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Wstęp")}, Blocks: append(append([]doc.Block{}, filler[:2]...),
				&doc.Heading{Level: 3, Text: []doc.Inline{tx("Wykaz uwag")}}, intro, wideTable("Tabela 1. Uwagi"))},
		}, "Wykaz uwag", true},
		{"longer text stays", []doc.Block{
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Wstęp")}, Blocks: filler[:2]},
			&doc.Section{Level: 1, Title: []doc.Inline{tx("Uwagi i sposób ich rozpatrzenia")},
				Blocks: []doc.Block{intro, long, wideTable("Tabela 1. Uwagi")}},
		}, "Uwagi i sposób ich rozpatrzenia", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Meta: doc.Meta{Title: "Próba", Language: "pl-PL"}, Blocks: tc.blocks}
			pdf := render(t, d)
			texts, land := pdfPages(t, pdf)
			head, table := -1, -1
			for i, s := range texts {
				if head < 0 && strings.Contains(s, tc.heading) {
					head = i
				}
				if table < 0 && strings.Contains(s, "Tabela 1. Uwagi") {
					table = i
				}
			}
			if head < 0 || table < 0 {
				t.Fatalf("heading on page %d, table on page %d; pages:\n%s", head+1, table+1, strings.Join(texts, "\n---\n"))
			}
			if !land[table] {
				t.Fatalf("the table is on portrait page %d", table+1)
			}
			if tc.land && (head != table || !land[head]) {
				t.Errorf("heading on page %d (landscape %v), table on landscape page %d: want them together", head+1, land[head], table+1)
			}
			if !tc.land && (head == table || land[head]) {
				t.Errorf("heading on page %d (landscape %v) with the table: want it on its portrait page with its text", head+1, land[head])
			}
			if tc.land && tc.heading == "Uwagi i sposób ich rozpatrzenia" && !strings.Contains(texts[head], "kolejności wpływu") {
				t.Errorf("the intro paragraph is not on the landscape page %d:\n%s", head+1, texts[head])
			}
			// reading order: the heading's element comes before the table's
			tree, err := pdfua.Tree(pdf)
			if err != nil {
				t.Fatal(err)
			}
			var order []string
			var walk func(e *pdfua.Elem)
			walk = func(e *pdfua.Elem) {
				if strings.HasPrefix(e.Type, "H") && len(e.Type) == 2 && strings.Contains(e.AllText(), tc.heading) {
					order = append(order, "heading")
				}
				if e.Type == "Table" {
					order = append(order, "table")
					return
				}
				for _, k := range e.Kids {
					walk(k)
				}
			}
			walk(tree)
			if strings.Join(order, ",") != "heading,table" {
				t.Errorf("structure tree order %v, want the heading before the table", order)
			}
		})
	}
}
