package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/doc/doctest"
)

var redlineDate = time.Date(2024, 9, 30, 12, 0, 0, 0, time.UTC)

// amend changes a sample document the way a consultation does: a word
// replaced, a paragraph removed, one added, table rows removed, added and
// changed. It returns a word that only the older version has.
func amend(t testing.TB, d *doc.Document) (deleted string) {
	t.Helper()
	var intro *doc.Section
	var table *doc.Table
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		switch n := n.(type) {
		case *doc.Section:
			if n.Anchor == "wstep" {
				intro = n
			}
		case *doc.Table:
			if table == nil && simpleRows(n) >= 4 {
				table = n
			}
		}
		return doc.WalkContinue, nil
	})
	if intro == nil || table == nil {
		t.Fatal("sample has no introduction or no table of plain rows")
	}
	var kept []doc.Block
	for _, b := range intro.Blocks {
		p, ok := b.(*doc.Paragraph)
		if ok && len(p.Inlines) == 1 {
			if tx, ok := p.Inlines[0].(*doc.Text); ok {
				switch tx.Text {
				case doctest.Sentences[1]:
					tx.Text = strings.Replace(tx.Text, "obejmuje", "łączy", 1)
				case doctest.Sentences[2]:
					continue // removed
				}
			}
		}
		kept = append(kept, b)
		if p, ok := b.(*doc.Paragraph); ok && p.Style == doc.ParaQuote {
			kept = append(kept, &doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Akapit dodany po konsultacjach społecznych."}}})
		}
	}
	intro.Blocks = kept
	// table: the last plain row removed, a new row added, one cell changed
	var plain []int
	for i, r := range table.Rows {
		if i >= table.HeaderRows && plainRow(r) {
			plain = append(plain, i)
		}
	}
	last := plain[len(plain)-1]
	setCell(table.Rows[plain[0]].Cells[0], "Wartość zmieniona")
	added := &doc.Row{}
	for range table.Rows[plain[1]].Cells {
		added.Cells = append(added.Cells, &doc.Cell{Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "Nowy wiersz"}}}}})
	}
	table.Rows = slices.Insert(slices.Delete(table.Rows, last, last+1), plain[1], added)
	return "obejmuje"
}

func plainRow(r *doc.Row) bool {
	for _, c := range r.Cells {
		if c.ColSpan > 1 || c.RowSpan > 1 {
			return false
		}
	}
	return len(r.Cells) > 0
}

func simpleRows(t *doc.Table) int {
	n := 0
	for i, r := range t.Rows {
		if i >= t.HeaderRows && plainRow(r) {
			n++
		}
	}
	return n
}

func setCell(c *doc.Cell, s string) {
	c.Blocks = []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}}}
}

// view is the text of document.xml, one line per paragraph: as written
// ("plain"), with every change accepted ("accept": w:del dropped, w:ins
// unwrapped, deleted paragraph marks and rows gone) or rejected
// ("reject": the reverse, w:delText read as text).
func view(t testing.TB, data []byte, mode string) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		lines     []string
		cur       strings.Builder
		carry     string
		stack     []string
		skip      int // depth of a skipped subtree, 0 when none
		markGone  bool
		rowStart  []int
		rowGone   []bool
		inText    bool
		gone, got = "del", "ins"
	)
	if mode == "reject" {
		gone, got = "ins", "del"
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			name := tk.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, name)
			if skip > 0 {
				skip++
				continue
			}
			switch {
			case mode != "plain" && name == gone && parent == "rPr" && len(stack) >= 3 && stack[len(stack)-3] == "pPr":
				markGone = true
			case mode != "plain" && name == gone && parent == "trPr":
				rowGone[len(rowGone)-1] = true
			case mode != "plain" && name == gone && parent != "rPr" && parent != "trPr":
				skip = 1
			case name == "tr":
				rowStart = append(rowStart, len(lines))
				rowGone = append(rowGone, false)
			case name == "p":
				cur.Reset()
				cur.WriteString(carry)
				carry, markGone = "", false
			case name == "t" || (mode == "reject" && name == "delText"):
				inText = true
			}
			_ = got
		case xml.EndElement:
			name := tk.Name.Local
			stack = stack[:len(stack)-1]
			if skip > 0 {
				skip--
				continue
			}
			switch name {
			case "t", "delText":
				inText = false
			case "p":
				if markGone {
					carry = cur.String()
				} else {
					lines = append(lines, cur.String())
				}
			case "tr":
				n := len(rowStart) - 1
				if rowGone[n] {
					lines = lines[:rowStart[n]]
				}
				rowStart, rowGone = rowStart[:n], rowGone[:n]
			}
		case xml.CharData:
			if inText && skip == 0 {
				cur.Write(tk)
			}
		}
	}
	return strings.Join(lines, "\n")
}

func docXML(t testing.TB, data []byte) []byte {
	t.Helper()
	_, parts := unzip(t, data)
	return parts["word/document.xml"]
}

func redline(t testing.TB, older, newer *doc.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Redline(&b, older, newer, RedlineOptions{Date: redlineDate}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRedlineAcceptRejectAll(t *testing.T) {
	older, newer := doctest.Sample(12), doctest.Sample(12)
	deleted := amend(t, newer)
	red := redline(t, older, newer)
	checkPackage(t, red)
	rx := docXML(t, red)
	if err := wellFormed(rx); err != nil {
		t.Fatalf("redline document.xml: %v", err)
	}
	oldText := view(t, docXML(t, render(t, older, Options{})), "plain")
	newText := view(t, docXML(t, render(t, newer, Options{})), "plain")
	if oldText == newText {
		t.Fatal("amend changed no text")
	}
	if got := view(t, rx, "accept"); got != newText {
		t.Errorf("accepting every change does not give the newer text:\n%s", lineDiff(newText, got))
	}
	if got := view(t, rx, "reject"); got != oldText {
		t.Errorf("rejecting every change does not give the older text:\n%s", lineDiff(oldText, got))
	}
	s := string(rx)
	for _, want := range []string{`<w:ins w:id=`, `<w:del w:id=`, `w:author="strategia" w:date="2024-09-30T12:00:00Z"`,
		`<w:delText xml:space="preserve">` + deleted + `</w:delText>`, `<w:t xml:space="preserve">łączy</w:t>`,
		`<w:rPr><w:del `} {
		if !strings.Contains(s, want) {
			t.Errorf("redline lacks %s", want)
		}
	}
	for _, re := range []string{`<w:trPr>(<w:\w+/>)*<w:ins [^>]*/></w:trPr>`, `<w:trPr>(<w:\w+/>)*<w:del [^>]*/></w:trPr>`} {
		if !regexp.MustCompile(re).MatchString(s) {
			t.Errorf("redline has no row matching %s", re)
		}
	}
}

// lineDiff shows the first differing line.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\nwant " + a + "\n got " + b
		}
	}
	return "(same lines)"
}

// Every part but document.xml, and every unchanged paragraph and table,
// is byte for byte what Render writes.
func TestRedlineKeepsUnchangedBytes(t *testing.T) {
	older, newer := doctest.Sample(12), doctest.Sample(12)
	amend(t, newer)
	names, red := unzip(t, redline(t, older, newer))
	wantNames, plain := unzip(t, render(t, newer, Options{}))
	if !slices.Equal(names, wantNames) {
		t.Fatalf("parts %q, want %q", names, wantNames)
	}
	for _, n := range names {
		if n != "word/document.xml" && !bytes.Equal(red[n], plain[n]) {
			t.Errorf("%s differs from the normal DOCX", n)
		}
	}
	rx := string(red["word/document.xml"])
	kept := 0
	for _, e := range children(mustBody(t, string(plain["word/document.xml"]))) {
		if strings.Contains(rx, e.raw) {
			kept++
		}
	}
	blocks := len(children(mustBody(t, string(plain["word/document.xml"]))))
	if kept < blocks-6 {
		t.Errorf("only %d of %d body elements kept byte for byte", kept, blocks)
	}
	// no change at all: the normal document
	same := redline(t, doctest.Sample(12), doctest.Sample(12))
	if !bytes.Equal(docXML(t, same), plain["word/document.xml"]) && !bytes.Equal(docXML(t, same), docXML(t, render(t, doctest.Sample(12), Options{}))) {
		t.Error("redline of identical documents differs from the normal DOCX")
	}
}

func mustBody(t testing.TB, s string) string {
	b, ok := body(s)
	if !ok {
		t.Fatal("no body")
	}
	return b
}

func BenchmarkRedline120(b *testing.B) {
	older, newer := doctest.Sample(120), doctest.Sample(120)
	amend(b, newer)
	b.ReportAllocs()
	for b.Loop() {
		if err := Redline(io.Discard, older, newer, RedlineOptions{Date: redlineDate}); err != nil {
			b.Fatal(err)
		}
	}
}
