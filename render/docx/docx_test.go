package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
	ref "github.com/strategia-pl/strategia/templates/docx"
)

func tx(s string) *doc.Text { return &doc.Text{Text: s} }

func tinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			img.Set(x, y, color.RGBA{uint8(x * 6), 80, uint8(y * 12), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// fixture is a small document holding every node kind, every paragraph
// style, every inline style, spans and both kinds of links.
func fixture() *doc.Document {
	cell := func(s string) *doc.Cell {
		return &doc.Cell{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx(s)}}}}
	}
	return &doc.Document{
		Meta: doc.Meta{
			Title: "Strategia rozwoju ponadlokalnego", Subtitle: "na lata 2024–2030", Author: "Partnerstwo „Ziemia” & Co <test>",
			Subject: "Strategia", Keywords: []string{"strategia", "rozwój"}, Language: "pl-PL", Date: "2024-05-31",
			TitlePage: []string{"Wersja 1.0"},
		},
		Blocks: []doc.Block{
			&doc.TOC{Title: "Spis treści", Depth: 3},
			&doc.Section{Level: 1, Anchor: "wstep", Unnumbered: true, PageBreakBefore: true, Title: []doc.Inline{tx("Wprowadzenie")}, Blocks: []doc.Block{
				&doc.Paragraph{Style: doc.ParaLead, Inlines: []doc.Inline{tx("Wizja obszaru.")}},
				&doc.Paragraph{Inlines: []doc.Inline{
					tx("Zwykły "), &doc.Text{Text: "pogrubiony", Style: doc.Bold}, tx(" "), &doc.Text{Text: "kursywa", Style: doc.Italic},
					tx(" "), &doc.Text{Text: "kod", Style: doc.Mono}, tx(" m"), &doc.Text{Text: "2", Style: doc.Sup}, tx(" CO"), &doc.Text{Text: "2", Style: doc.Sub},
					tx(" "), &doc.Text{Text: "skreślony", Style: doc.Strike}, &doc.FootnoteRef{ID: "f1"}, tx(" i\u00a0dalej "), &doc.Text{Text: "smart villages", Style: doc.Italic, Lang: "en"}, &doc.LineBreak{},
					&doc.Link{URL: "https://example.org/a?b=1&c=2", Inlines: []doc.Inline{tx("strona")}}, tx(" oraz "),
					&doc.Link{Anchor: "r1.1", Inlines: []doc.Inline{tx("podrozdział")}}, &doc.FootnoteRef{ID: "f1"},
				}},
			}},
			&doc.Section{Level: 1, Anchor: "r1", PageBreakBefore: true, Title: []doc.Inline{tx("Diagnoza")}, Blocks: []doc.Block{
				&doc.Section{Level: 2, Anchor: "r1.1", Title: []doc.Inline{tx("Ludność"), &doc.FootnoteRef{ID: "f2"}}, Blocks: []doc.Block{
					&doc.Section{Level: 3, Anchor: "r1.1.1", Title: []doc.Inline{tx("Migracje")}, Blocks: []doc.Block{
						&doc.Heading{Level: 4, Anchor: "h4", Text: []doc.Inline{tx("Wnioski")}},
						&doc.Paragraph{Style: doc.ParaQuote, Inlines: []doc.Inline{tx("Cytat.")}},
						&doc.Paragraph{Style: doc.ParaNote, Align: doc.AlignRight, Inlines: []doc.Inline{tx("Uwaga.")}},
						&doc.Paragraph{Style: doc.ParaCode, Inlines: []doc.Inline{tx("a := 1\n\tb := 2")}},
						&doc.Paragraph{Style: doc.ParaTerm, Inlines: []doc.Inline{tx("OSI")}},
						&doc.Paragraph{Style: doc.ParaDefinition, Inlines: []doc.Inline{tx("Obszar strategicznej interwencji.")}},
						&doc.Paragraph{Style: doc.ParaCaption, Anchor: "cap", Inlines: []doc.Inline{tx("Schemat 1.")}},
					}},
				}},
				&doc.Section{Level: 2, Anchor: "r1.2", NoTOC: true, Title: []doc.Inline{tx("Ukryty w spisie")}},
				&doc.List{Items: []*doc.ListItem{
					{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Punkt pierwszy")}}}},
					{Blocks: []doc.Block{
						&doc.Paragraph{Inlines: []doc.Inline{tx("Punkt drugi")}},
						&doc.Paragraph{Inlines: []doc.Inline{tx("Dalszy akapit punktu")}},
						&doc.List{Ordered: true, Start: 3, Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Zagnieżdżony")}}}}}},
					}},
				}},
				&doc.Table{Anchor: "tab1", Caption: []doc.Inline{tx("Tabela 1. Wskaźniki")}, Widths: []float64{3, 1, 1}, HeaderRows: 1,
					Note: []doc.Inline{tx("Źródło: GUS.")},
					Rows: []*doc.Row{
						{Cells: []*doc.Cell{{Shade: doc.ShadeHeader, Bold: true, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Wskaźnik")}}}}, {ColSpan: 2, Shade: doc.ShadeHeader, Align: doc.AlignCenter, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Wartość")}}}}}},
						{Cells: []*doc.Cell{{RowSpan: 2, Shade: doc.ShadeAccent, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Ludność")}}}}, cell("2020"), cell("2024")}},
						{Cells: []*doc.Cell{cell("100"), {Shade: doc.ShadeLight, Blocks: []doc.Block{&doc.List{Items: []*doc.ListItem{{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("w komórce")}}}}}}}}}},
						{Cells: []*doc.Cell{cell("krótki wiersz")}},
					}},
				&doc.Table{Compact: true, Rows: []*doc.Row{{Cells: []*doc.Cell{cell("bez nagłówka")}}}},
				&doc.PageBreak{},
				&doc.Figure{Anchor: "map1", Name: "M1.png", Format: "png", Data: tinyPNG(), Alt: "Mapa obszaru", WidthFrac: 0.5,
					Caption: []doc.Inline{tx("Mapa 1. Obszar")}, Source: []doc.Inline{tx("Źródło: opracowanie własne.")}},
			}},
		},
		Footnotes: []*doc.Footnote{
			{ID: "f1", Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Przypis pierwszy "), &doc.Link{URL: "https://stat.gov.pl", Inlines: []doc.Inline{tx("GUS")}}}}}},
			{ID: "f2", Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Przypis drugi.")}}}},
			{ID: "unused", Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Nieużywany.")}}}},
		},
	}
}

func render(tb testing.TB, d *doc.Document, opt Options) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := Render(&b, d, opt); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// unzip returns the parts of a package in order.
func unzip(tb testing.TB, data []byte) (names []string, parts map[string][]byte) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	parts = map[string][]byte{}
	for _, f := range zr.File {
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			tb.Errorf("%s: modified %v, want 1980-01-01", f.Name, f.Modified)
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

// wellFormed decodes every token of an XML part.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

type relsXMLDoc struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type typesXMLDoc struct {
	Defaults []struct {
		Ext string `xml:"Extension,attr"`
	} `xml:"Default"`
	Overrides []struct {
		Part string `xml:"PartName,attr"`
	} `xml:"Override"`
}

// checkPackage checks the OPC structure: well-formed XML, relationship
// targets, content types, r:id references.
func checkPackage(tb testing.TB, data []byte) map[string][]byte {
	tb.Helper()
	names, parts := unzip(tb, data)
	if names[0] != "[Content_Types].xml" {
		tb.Errorf("first entry %q, want [Content_Types].xml", names[0])
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") {
			if err := wellFormed(parts[n]); err != nil {
				tb.Errorf("%s: not well-formed: %v", n, err)
			} else if strings.HasPrefix(n, "word/") {
				checkPPrOrder(tb, n, parts[n])
			}
		}
	}
	var ct typesXMLDoc
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		tb.Fatal(err)
	}
	defaults, overrides := map[string]bool{}, map[string]bool{}
	for _, d := range ct.Defaults {
		defaults[d.Ext] = true
	}
	for _, o := range ct.Overrides {
		overrides[o.Part] = true
		if _, ok := parts[strings.TrimPrefix(o.Part, "/")]; !ok {
			tb.Errorf("content type override for missing part %s", o.Part)
		}
	}
	for _, n := range names {
		if n == "[Content_Types].xml" {
			continue
		}
		if !overrides["/"+n] && !defaults[strings.TrimPrefix(path.Ext(n), ".")] {
			tb.Errorf("part %s has no content type", n)
		}
	}
	if !overrides["/word/document.xml"] {
		tb.Error("no override for word/document.xml")
	}
	rid := regexp.MustCompile(`r:(?:id|embed)="([^"]+)"`)
	for _, n := range names {
		if !strings.HasSuffix(n, ".rels") {
			continue
		}
		var rs relsXMLDoc
		if err := xml.Unmarshal(parts[n], &rs); err != nil {
			tb.Fatalf("%s: %v", n, err)
		}
		// _rels/x.xml.rels belongs to x.xml in the parent folder.
		dir := path.Dir(path.Dir(n))
		owner := path.Join(dir, strings.TrimSuffix(path.Base(n), ".rels"))
		ids := map[string]bool{}
		for _, r := range rs.Rels {
			if ids[r.ID] {
				tb.Errorf("%s: duplicate id %s", n, r.ID)
			}
			ids[r.ID] = true
			if r.TargetMode == "External" {
				continue
			}
			target := path.Join(dir, r.Target)
			if _, ok := parts[target]; !ok {
				tb.Errorf("%s: %s targets missing part %s", n, r.ID, target)
			}
		}
		if owner != "." && owner != "" {
			if _, ok := parts[owner]; !ok && dir != "." {
				tb.Errorf("%s: relationships of missing part %s", n, owner)
			}
			for _, m := range rid.FindAllSubmatch(parts[owner], -1) {
				if !ids[string(m[1])] {
					tb.Errorf("%s uses %s, not in %s", owner, m[1], n)
				}
			}
		}
	}
	return parts
}

// text extracts the text of a WordprocessingML part: w:t content, tabs as
// spaces, paragraphs ending in newlines.
func text(tb testing.TB, data []byte) string {
	tb.Helper()
	var sb strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(data))
	inT := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "t":
				inT = true
			case "tab", "br":
				sb.WriteByte(' ')
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inT = false
			case "p":
				sb.WriteByte('\n')
			}
		case xml.CharData:
			if inT {
				sb.Write(tok)
			}
		}
	}
	return sb.String()
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// styleIDs returns the style IDs the reference defines.
func styleIDs(tb testing.TB) map[string]bool {
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`w:styleId="([^"]+)"`).FindAllStringSubmatch(ref.Styles, -1) {
		ids[m[1]] = true
	}
	return ids
}

// checkContent checks the text and styles of document.xml against d.
func checkContent(tb testing.TB, d *doc.Document, parts map[string][]byte) {
	tb.Helper()
	body := norm(text(tb, parts["word/document.xml"]))
	notes := norm(text(tb, parts["word/footnotes.xml"]))
	for _, blk := range d.Blocks {
		_ = doc.Walk(blk, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
			switch n.(type) {
			case *doc.Paragraph, *doc.Heading, *doc.Cell:
				if want := norm(doc.PlainText(n)); !strings.Contains(body, want) {
					tb.Errorf("document.xml lacks %s text %q", n.Kind(), want)
				}
				return doc.WalkSkipChildren, nil
			}
			return doc.WalkContinue, nil
		})
	}
	refs := map[string]bool{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if r, ok := n.(*doc.FootnoteRef); ok {
			refs[r.ID] = true
		}
		return doc.WalkContinue, nil
	})
	for _, f := range d.Footnotes {
		if !refs[f.ID] {
			continue // unreferenced footnotes are not printed
		}
		for _, blk := range f.Blocks {
			if want := norm(doc.PlainText(blk)); !strings.Contains(notes, want) && !strings.Contains(body, want) {
				tb.Errorf("footnote %s text %q missing", f.ID, want)
			}
		}
	}
	// Every style used is defined; headings use Heading styles.
	ids := styleIDs(tb)
	for _, name := range []string{"word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml"} {
		for _, m := range regexp.MustCompile(`<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"`).FindAllSubmatch(parts[name], -1) {
			if !ids[string(m[1])] {
				tb.Errorf("%s uses undefined style %s", name, m[1])
			}
		}
	}
	want := 0
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		switch n.(type) {
		case *doc.Section, *doc.Heading:
			if entering {
				want++
			}
		}
		return doc.WalkContinue, nil
	})
	got := len(regexp.MustCompile(`<w:pStyle w:val="Heading[1-4](?:Unlisted)?"/>`).FindAll(parts["word/document.xml"], -1))
	if got != want {
		tb.Errorf("%d paragraphs in Heading styles, want %d (sections and headings)", got, want)
	}
	// Headings take their outline level from their style only, so that
	// Word's navigation pane and LibreOffice's outline show them all.
	if bytes.Contains(parts["word/document.xml"], []byte("<w:outlineLvl")) {
		tb.Error("document.xml sets an outline level directly")
	}
}

// checkTables checks that every table row covers the grid exactly.
func checkTables(tb testing.TB, data []byte) {
	tb.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	type tbl struct{ cols, row int }
	var stack []*tbl
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && tok.Name.Local != "tbl" {
				continue
			}
			switch tok.Name.Local {
			case "tbl":
				stack = append(stack, &tbl{})
			case "gridCol":
				stack[len(stack)-1].cols++
			case "tr":
				stack[len(stack)-1].row = 0
			case "tc":
				stack[len(stack)-1].row++
			case "gridSpan":
				for _, a := range tok.Attr {
					if a.Name.Local == "val" {
						var n int
						fmt.Sscan(a.Value, &n)
						stack[len(stack)-1].row += n - 1
					}
				}
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			switch tok.Name.Local {
			case "tr":
				if top := stack[len(stack)-1]; top.row != top.cols {
					tb.Errorf("table row covers %d of %d grid columns", top.row, top.cols)
				}
			case "tbl":
				stack = stack[:len(stack)-1]
			}
		}
	}
}

func TestAllKinds(t *testing.T) {
	d := fixture()
	seen := map[doc.Kind]bool{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		seen[n.Kind()] = true
		return doc.WalkContinue, nil
	})
	for _, k := range doc.AllKinds() {
		if !seen[k] {
			t.Errorf("fixture lacks %v", k)
		}
	}
	parts := checkPackage(t, render(t, d, Options{}))
	checkContent(t, d, parts)
	checkTables(t, parts["word/document.xml"])
}

func TestSample(t *testing.T) {
	d := doctest.Sample(40)
	parts := checkPackage(t, render(t, d, Options{}))
	checkContent(t, d, parts)
	checkTables(t, parts["word/document.xml"])
}

func TestDeterministic(t *testing.T) {
	a := render(t, doctest.Sample(20), Options{})
	b := render(t, doctest.Sample(20), Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	if c := render(t, fixture(), Options{}); !bytes.Equal(c, render(t, fixture(), Options{})) {
		t.Fatal("two renders of the fixture differ")
	}
}

func TestReferenceStyles(t *testing.T) {
	ids := styleIDs(t)
	for _, id := range []string{"Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4",
		"BodyText", "ListBullet", "ListNumber", "Caption", "TableGrid", "FootnoteText", "FootnoteReference",
		"TOCHeading", "TOC1", "TOC2", "TOC3", "Quote", "Note", "Code", "Hyperlink", "Header", "Footer"} {
		if !ids[id] {
			t.Errorf("styles.xml lacks %s", id)
		}
	}
	for _, s := range paraStyles {
		if !ids[s] {
			t.Errorf("paragraph style %s not in styles.xml", s)
		}
	}
	for name, s := range map[string]string{"styles": ref.Styles, "numbering": ref.Numbering, "settings": ref.Settings, "fontTable": ref.FontTable} {
		if err := wellFormed([]byte(s)); err != nil {
			t.Errorf("%s.xml: %v", name, err)
		}
	}
	for _, want := range []string{`<w:lang w:val="pl-PL"`, `w:ascii="Times New Roman"`} {
		if !strings.Contains(ref.Styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
}

func TestParts(t *testing.T) {
	parts := checkPackage(t, render(t, fixture(), Options{}))
	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		`TOC \h \z \t &#34;heading 1,1,heading 2,2,heading 3,3&#34;`, `<w:hyperlink w:anchor="r1_1" w:history="1">`, `<w:bookmarkStart w:id="`,
		`<w:tblHeader/>`, `<w:gridSpan w:val="2"/>`, `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`,
		`<w:footnoteReference w:id="1"/>`, `<w:footnoteReference w:id="2"/>`, `descr="Mapa obszaru"`,
		`<w:vertAlign w:val="superscript"/>`, `<w:vertAlign w:val="subscript"/>`, `<w:strike/>`, `<w:pageBreakBefore/>`,
		`<w:rPr><w:i/><w:iCs/><w:lang w:val="en"/></w:rPr><w:t xml:space="preserve">smart villages</w:t>`,
		`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:titlePg/>`, `w:fill="D9E2F0"`,
	} {
		if !strings.Contains(doc, want) && !strings.Contains(doc, strings.ReplaceAll(want, "&#34;", `"`)) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, `FFFFFF`) {
		t.Error("document.xml has white fills")
	}
	if n := strings.Count(doc, `<w:footnoteReference `); n != 2 {
		t.Errorf("%d footnote references, want 2 (the repeated one prints its number)", n)
	}
	notes := string(parts["word/footnotes.xml"])
	for _, want := range []string{`w:type="separator" w:id="-1"`, `w:type="continuationSeparator" w:id="0"`, `<w:footnoteRef/>`, "Przypis pierwszy"} {
		if !strings.Contains(notes, want) {
			t.Errorf("footnotes.xml lacks %s", want)
		}
	}
	if strings.Contains(notes, "Nieużywany") {
		t.Error("unreferenced footnote written")
	}
	if !strings.Contains(string(parts["word/footer1.xml"]), "NUMPAGES") || !strings.Contains(string(parts["word/footer1.xml"]), "Strona ") {
		t.Error("footer lacks Strona X z Y")
	}
	if !strings.Contains(string(parts["word/header1.xml"]), "Strategia rozwoju ponadlokalnego") {
		t.Error("header lacks the title")
	}
	core := string(parts["docProps/core.xml"])
	// The title alone (issue 11); the subtitle goes to the description,
	// since the fixture has a subject.
	for _, want := range []string{"<dc:title>Strategia rozwoju ponadlokalnego</dc:title>",
		"<dc:subject>Strategia</dc:subject>", "<dc:description>na lata 2024–2030</dc:description>",
		"<dc:creator>Partnerstwo „Ziemia” &amp; Co &lt;test&gt;</dc:creator>", "<dc:language>pl-PL</dc:language>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-31T00:00:00Z</dcterms:created>`, "<cp:keywords>strategia; rozwój</cp:keywords>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	settings := string(parts["word/settings.xml"])
	if !strings.Contains(settings, "updateFields") {
		t.Error("settings.xml lacks updateFields although the document has a TOC")
	}
	// Automatic hyphenation, Polish by the default language of the styles.
	if !strings.Contains(settings, "<w:autoHyphenation/>") || !strings.Contains(string(parts["word/styles.xml"]), `<w:lang w:val="pl-PL"`) {
		t.Error("no automatic Polish hyphenation")
	}
	if _, ok := parts["word/media/image1.png"]; !ok {
		t.Error("no image part")
	}
}

func TestTOCPages(t *testing.T) {
	parts := checkPackage(t, render(t, fixture(), Options{TOCPages: map[string]int{"r1.1": 7}}))
	if !strings.Contains(string(parts["word/document.xml"]), `PAGEREF r1_1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t>`) {
		t.Error("TOC entry of r1.1 lacks the cached page number 7")
	}
}

func TestLanguage(t *testing.T) {
	d := fixture()
	d.Meta.Language = "en-GB"
	parts := checkPackage(t, render(t, d, Options{}))
	if !strings.Contains(string(parts["word/styles.xml"]), `<w:lang w:val="en-GB"`) {
		t.Error("docDefaults language not replaced")
	}
	if !strings.Contains(string(parts["docProps/core.xml"]), `<dc:language>en-GB</dc:language>`) {
		t.Error("core.xml language not replaced")
	}
}

func TestNoTOCNoTitle(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{tx("Tylko akapit.")}}}}
	parts := checkPackage(t, render(t, d, Options{NoTitlePage: true}))
	if strings.Contains(string(parts["word/settings.xml"]), "updateFields") {
		t.Error("updateFields without a TOC")
	}
	if _, ok := parts["word/header2.xml"]; ok {
		t.Error("first-page header without a title page")
	}
	checkContent(t, d, parts)
}

func TestErrors(t *testing.T) {
	for name, d := range map[string]*doc.Document{
		"unknown footnote": {Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.FootnoteRef{ID: "x"}}}}},
		"empty figure":     {Blocks: []doc.Block{&doc.Figure{Name: "a.png"}}},
		"bad figure":       {Blocks: []doc.Block{&doc.Figure{Name: "a.gif", Format: "gif", Data: []byte("GIF89a")}}},
	} {
		if err := Render(io.Discard, d, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := Render(io.Discard, nil, Options{}); err == nil {
		t.Error("nil document: no error")
	}
}

func TestEscape(t *testing.T) {
	var b bytes.Buffer
	escAttr(&b, "a&b<c>\"d\x01e\tf\xff")
	if got, want := b.String(), "a&amp;b&lt;c&gt;&quot;de&#9;f\uFFFD"; got != want {
		t.Errorf("escAttr = %q, want %q", got, want)
	}
}

func TestBookmarkName(t *testing.T) {
	for in, want := range map[string]string{"r1.2": "r1_2", "1-wstep": "a_1_wstep", "żółw": "żółw",
		strings.Repeat("x", 50): strings.Repeat("x", 40)} {
		if got := bookmarkName(in); got != want {
			t.Errorf("bookmarkName(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkRender120(b *testing.B) {
	d := doctest.Sample(120)
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFootnoteStyles checks that footnotes use Word's built-in footnote
// styles whatever paragraph style compose gave them, so that a note a
// user adds in Word looks like ours.
func TestFootnoteStyles(t *testing.T) {
	d := fixture()
	d.Footnotes[0].Blocks = []doc.Block{&doc.Paragraph{Style: doc.ParaNote, Inlines: []doc.Inline{tx("Przypis jako uwaga.")}}}
	parts := checkPackage(t, render(t, d, Options{}))
	notes := string(parts["word/footnotes.xml"])
	if strings.Contains(notes, `<w:pStyle w:val="Note"/>`) {
		t.Error("a footnote paragraph in the Note style")
	}
	if n := strings.Count(notes, `<w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>`); n != 2 {
		t.Errorf("%d footnotes open in FootnoteText with their mark and a tab, want 2", n)
	}
}
