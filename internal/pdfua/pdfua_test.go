package pdfua_test

import (
	"bytes"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/strategia-pl/strategia/internal/pdfua"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
	"github.com/strategia-pl/strategia/render/pdf"
)

// An untagged PDF made with plain fpdf fails the checkpoints it should.
func TestUntaggedFails(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Text(20, 20, "Hello")
	f.LinkString(20, 15, 20, 6, "https://example.org")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	ps, err := pdfua.Check(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range ps {
		got[p.Checkpoint] = true
	}
	for _, want := range []string{"PDF-VER", "01-001", "01-002", "01-005", "06-001", "06-003", "07-001", "11-006", "28-002", "28-008", "31-009"} {
		if !got[want] {
			t.Errorf("checkpoint %s not reported; got %v", want, ps)
		}
	}
}

// What strategia renders passes, a sample with every kind of node included.
func TestRenderedPasses(t *testing.T) {
	for name, d := range map[string]*doc.Document{"sample": doctest.Sample(12), "large": doctest.Sample(120)} {
		var b bytes.Buffer
		if err := pdf.Render(&b, d, pdf.Options{}); err != nil {
			t.Fatal(err)
		}
		ps, err := pdfua.Check(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) > 0 {
			var s []string
			for _, p := range ps {
				s = append(s, p.String())
			}
			t.Errorf("%s:\n%s", name, strings.Join(s, "\n"))
		}
	}
}

// Each defect planted in a conforming file is reported: the checker can fail.
func TestPlantedDefects(t *testing.T) {
	var b bytes.Buffer
	if err := pdf.Render(&b, doctest.Sample(12), pdf.Options{Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	if ps, err := pdfua.Check(good); err != nil || len(ps) > 0 {
		t.Fatalf("the unchanged file: %v %v", ps, err)
	}
	for _, c := range []struct{ from, to, want string }{
		{"/Tabs /S", "/Tabs /R", "28-008"},
		{"/Alt ", "/Xlt ", "13-004"},
		{"/S /H2 ", "/S /H4 ", "14-003"},
		{"/Artifact BMC\n", "%Artifact BMC\n", "01-005"},
		{"/StructParent ", "/StructPXrent ", "28-SP"},
		{"/Contents (", "/Xontents (", "28-012"},
		{"/ToUnicode", "/ToUnicodX", "31-027"},
		{"/FontFile2", "/FontFileX", "31-009"},
		{"/DisplayDocTitle", "/DisplayDocTitlX", "07-001"},
		{"<pdfuaid:part>1</pdfuaid:part>", "<pdfuaid:part>2</pdfuaid:part>", "06-002"},
		{"/Lang (pl-PL)", "/Lxng (pl-PL)", "11-006"},
		{"/Lang (pl-PL)", "/Lang (p_-PL)", "11-006"},
		{"/S /TH ", "/S /TD ", "15-TH"},
		{"/Scope /Column", "/Scope_/Column", "15-003"},
		{"/S /Sect ", "/S /Sekt ", "02-001"},
		{"/OBJR /Obj ", "/OBJX /Obj ", "28-002"},
	} {
		if !bytes.Contains(good, []byte(c.from)) {
			t.Errorf("%s: %q is not in the file", c.want, c.from)
			continue
		}
		bad := bytes.Replace(good, []byte(c.from), []byte(c.to), 1)
		if c.want == "15-TH" || c.want == "02-001" || c.want == "28-012" {
			bad = bytes.ReplaceAll(good, []byte(c.from), []byte(c.to))
		}
		ps, err := pdfua.Check(bad)
		if err != nil {
			t.Errorf("%s: %v", c.want, err)
			continue
		}
		found := false
		for _, p := range ps {
			found = found || p.Checkpoint == c.want
		}
		if !found {
			t.Errorf("%q → %q: checkpoint %s not reported; got %v", c.from, c.to, c.want, ps)
		}
	}
}

// A structure element's /Lang that is not a language tag is reported.
func TestElementLangChecked(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "Próba", Language: "pl-PL"}, Blocks: []doc.Block{
		&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Koncepcja "}, &doc.Text{Text: "smart villages", Lang: "en"}, &doc.Text{Text: "."}}},
	}}
	var b bytes.Buffer
	if err := pdf.Render(&b, d, pdf.Options{Uncompressed: true}); err != nil {
		t.Fatal(err)
	}
	if ps, err := pdfua.Check(b.Bytes()); err != nil || len(ps) > 0 {
		t.Fatalf("the unchanged file: %v %v", ps, err)
	}
	from := []byte("/Lang (en)")
	if !bytes.Contains(b.Bytes(), from) {
		t.Fatalf("%q is not in the file", from)
	}
	ps, err := pdfua.Check(bytes.Replace(b.Bytes(), from, []byte("/Lang (e!)"), 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Checkpoint != "11-001" {
		t.Errorf("got %v, want one 11-001", ps)
	}
}
