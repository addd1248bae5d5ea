package pdf

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// listDoc has a table of contents, a list of tables and a list of figures
// followed by chapters on pages of their own holding captioned tables and
// figures, one table without an anchor and one without a caption.
func listDoc() *doc.Document {
	p := func(s string) *doc.Paragraph { return &doc.Paragraph{Inlines: []doc.Inline{tx(s)}} }
	tbl := func(anchor, caption string) *doc.Table {
		t := &doc.Table{Anchor: anchor, HeaderRows: 1, Rows: []*doc.Row{{Cells: []*doc.Cell{{Blocks: []doc.Block{p("a")}}, {Blocks: []doc.Block{p("b")}}}}}}
		if caption != "" {
			t.Caption = []doc.Inline{tx(caption)}
		}
		return t
	}
	fig := func(anchor, caption string) *doc.Figure {
		return &doc.Figure{Anchor: anchor, Name: anchor + ".png", Format: "png", Data: doctestPNG(), WidthPx: 480, HeightPx: 270,
			Caption: []doc.Inline{tx(caption)}}
	}
	chapter := func(anchor, title string, bs ...doc.Block) *doc.Section {
		return &doc.Section{Level: 1, Anchor: anchor, PageBreakBefore: true, Title: []doc.Inline{tx(title)}, Blocks: bs}
	}
	return &doc.Document{
		Meta: doc.Meta{Title: "Strategia", Date: "2025-01-15"},
		Blocks: []doc.Block{
			&doc.TOC{Title: "Spis treści", Depth: 2},
			&doc.Section{Level: 1, Unnumbered: true, NoTOC: true, PageBreakBefore: true, Title: []doc.Inline{tx("Spis tabel")},
				Blocks: []doc.Block{&doc.TOC{Of: doc.TOCTables}}},
			&doc.Section{Level: 1, Unnumbered: true, NoTOC: true, Title: []doc.Inline{tx("Spis map")},
				Blocks: []doc.Block{&doc.TOC{Of: doc.TOCFigures}}},
			chapter("d", "Diagnoza", tbl("t1", "Tabela 1. Ludność gmin"), p("Tekst."), tbl("", "Tabela bez kotwicy")),
			chapter("c", "Cele", fig("m1", "Mapa 1. Położenie obszaru"), tbl("x", ""),
				&doc.PageBreak{}, tbl("t2", "Tabela 2. Cele strategiczne"), fig("m2", "Mapa 2. Obszary strategicznej interwencji")),
		},
	}
}

func TestListsOfTablesAndFigures(t *testing.T) {
	d := listDoc()
	var pages map[string]int
	var b bytes.Buffer
	if err := Render(&b, d, Options{NoTitlePage: true, Uncompressed: true, AnchorPages: func(m map[string]int) { pages = m }}); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"d": 3, "t1": 3, "c": 4, "m1": 4, "t2": 5, "m2": 5}
	for k, pg := range want {
		if pages[k] != pg {
			t.Errorf("anchor %s on page %d, want %d", k, pages[k], pg)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", writeTemp(t, b.Bytes()), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, e := range []struct {
		caption string
		key     string
	}{{"Tabela 1. Ludność gmin", "t1"}, {"Tabela 2. Cele strategiczne", "t2"},
		{"Mapa 1. Położenie obszaru", "m1"}, {"Mapa 2. Obszary strategicznej interwencji", "m2"}} {
		re := regexp.MustCompile(regexp.QuoteMeta(e.caption) + `[ .]*\.[ .]*` + strconv.Itoa(want[e.key]) + `\s*\n`)
		if !re.MatchString(text) {
			t.Errorf("page 2 lacks the entry %q … %d:\n%s", e.caption, want[e.key], text)
		}
	}
	for _, s := range []string{"Spis tabel", "Spis map", "Tabela 1. Ludność gmin", "Mapa 2."} {
		if !strings.Contains(text, s) {
			t.Errorf("page 2 lacks %q", s)
		}
	}
	if strings.Contains(text, "bez kotwicy") {
		t.Error("a table without an anchor is listed")
	}
	if i, j := strings.Index(text, "Tabela 1."), strings.Index(text, "Tabela 2."); i < 0 || j < i {
		t.Error("tables are not listed in document order")
	}
	// every entry links to its target: one link annotation per entry line
	// besides the section TOC's
	if n := bytes.Count(b.Bytes(), []byte("/Subtype /Link")); n < 4+2 {
		t.Errorf("%d link annotations, want at least 6", n)
	}
}
