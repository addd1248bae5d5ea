package compose

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/strategia-pl/strategia/internal/compose/composetest"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/pdfua"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/pdf"
)

// TestStructureTree renders the example's strategy and a fiche and reads
// their structure trees back: the tree's text in order is the IR's text
// in its logical order (footnotes after the block that calls them,
// captions before their tables; words hyphenated at a line end read
// whole), every heading of the IR is an H<n> of its level, every table a
// Table with TH cells, every map a Figure with its alt text.
//
// The fiche's tree is read by poppler (pdfinfo -struct-text), the judge,
// and by internal/pdfua, which must read the same text; the strategy's
// and the generated 120-page strategy's by internal/pdfua only, as poppler renders a page for every marked-
// content sequence (minutes for a 100-page strategy).
func TestStructureTree(t *testing.T) {
	s, x, f, opt := loadExample(t)
	sd, _ := Strategy(s, x, f, opt)
	docs := map[string]*doc.Document{"strategy": sd}
	poppler := map[string]bool{}
	if len(s.Projects) > 0 {
		fd, _ := Fiche(s, x, f, s.Projects[0].ID, opt)
		docs["fiche "+s.Projects[0].ID] = fd
		poppler["fiche "+s.Projects[0].ID] = true
	}
	if !testing.Short() {
		ls, read := composetest.Strategy(120)
		lx := model.NewIndex(ls)
		lf := model.Derive(ls, lx)
		docs["generated 120"], _ = Strategy(ls, lx, lf, Options{Date: "2024-11-25", ReadFile: read})
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := pdf.Render(&buf, d, pdf.Options{}); err != nil {
				t.Fatal(err)
			}
			ut, err := pdfua.Tree(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			root := fromUA(ut)
			if poppler[name] {
				if _, err := exec.LookPath("pdfinfo"); err != nil {
					t.Skip("pdfinfo (poppler) not installed")
				}
				file := filepath.Join(t.TempDir(), "d.pdf")
				if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command("pdfinfo", "-struct-text", file).Output()
				if err != nil {
					t.Fatal(err)
				}
				pr := parseStructText(string(out))
				if a, b := normUA(pr.text()), normUA(root.text()); a != b {
					i := firstDiff(a, b)
					t.Errorf("poppler and pdfua read different text at rune %d:\npoppler: …%s…\n  pdfua: …%s…", i, around(a, i), around(b, i))
				}
				root = pr
			}
			if root == nil || len(root.kids) != 1 || root.kids[0].typ != "Document" {
				t.Fatalf("no Document element at the root of the structure tree")
			}
			want := irReading(d)
			// the title page, made from Meta, comes first
			titles := 0
			for _, e := range root.kids[0].kids {
				if e.typ != "P" {
					break
				}
				titles++
			}
			var lines []string
			for _, s := range []string{d.Meta.Title, d.Meta.Subtitle, d.Meta.Author} {
				if s != "" {
					lines = append(lines, s)
				}
			}
			lines = append(lines, d.Meta.TitlePage...)
			var tp []string
			for _, e := range root.kids[0].kids[:titles] {
				tp = append(tp, normUA(e.text()))
			}
			for i, l := range lines {
				if i >= len(tp) || tp[i] != normUA(l) {
					t.Errorf("title page line %d: got %q, want %q", i+1, at(tp, i), normUA(l))
				}
			}
			got := treeReading(&sNode{typ: "Document", kids: root.kids[0].kids[titles:]})
			if !poppler[name] { // poppler does not print /Alt
				for i, a := range want.alts {
					if i >= len(got.alts) || (a != "" && got.alts[i] != a) || got.alts[i] == "" {
						t.Errorf("figure %d: alt text %q, want %q", i+1, at(got.alts, i), a)
					}
				}
			}
			if g, w := normUA(got.text.String()), normUA(want.text.String()); g != w {
				i := firstDiff(g, w)
				t.Errorf("the structure tree's text differs from the IR's at rune %d:\n got: …%s…\nwant: …%s…",
					i, around(g, i), around(w, i))
			}
			if len(got.heads) != len(want.heads) {
				t.Errorf("%d headings in the tree, %d in the IR", len(got.heads), len(want.heads))
			}
			for i := range min(len(got.heads), len(want.heads)) {
				if got.heads[i] != want.heads[i] {
					t.Errorf("heading %d: got %s, want %s", i+1, got.heads[i], want.heads[i])
				}
			}
			if got.tables != want.tables || got.tablesWithTH != want.tables {
				t.Errorf("tables: %d in the IR, %d in the tree, %d of them with TH", want.tables, got.tables, got.tablesWithTH)
			}
			if got.figures != want.figures {
				t.Errorf("figures: %d in the IR, %d in the tree", want.figures, got.figures)
			}
			t.Logf("%d runes of text, %d headings, %d tables, %d figures, %d footnotes", len([]rune(normUA(g0(got)))), len(got.heads), got.tables, got.figures, want.notes)
		})
	}
}

func g0(r *reading) string { return r.text.String() }

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// TestExamplePDFsConform runs the PDF/UA checker over every PDF the
// example and the large generated sample give.
func TestExamplePDFsConform(t *testing.T) {
	s, x, f, opt := loadExample(t)
	check := func(name string, d *doc.Document, o pdf.Options) {
		var buf bytes.Buffer
		if err := pdf.Render(&buf, d, o); err != nil {
			t.Fatal(err)
		}
		ps, err := pdfua.Check(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range ps {
			t.Errorf("%s: %s", name, p)
		}
	}
	sd, _ := Strategy(s, x, f, opt)
	check("strategy", sd, pdf.Options{})
	for _, p := range s.Projects {
		fd, _ := Fiche(s, x, f, p.ID, opt)
		check("fiche "+p.ID, fd, pdf.Options{})
	}
	pd, _ := Package(s, x, f, opt)
	check("package", pd, pdf.Options{})
	procs, _ := Procedure(s, x, f, "zk", opt)
	for _, p := range procs {
		check(p.Name, p.Doc, pdf.Options{NoTitlePage: p.NoTitlePage})
	}
	if !testing.Short() {
		ls, read := composetest.Strategy(120)
		lx := model.NewIndex(ls)
		lf := model.Derive(ls, lx)
		ld, _ := Strategy(ls, lx, lf, Options{Date: "2024-11-25", ReadFile: read})
		check("generated 120", ld, pdf.Options{})
	}
}

// sNode is an element of pdfinfo's -struct-text output.
type sNode struct {
	typ  string
	alt  string
	kids []*sNode // elements and text (typ "" with str)
	str  string
}

func (n *sNode) text() string {
	if n.typ == "" {
		return n.str
	}
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.text())
	}
	return b.String()
}

var elemLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*)(:| \((block|inline)\))?$`)

// parseStructText reads pdfinfo -struct-text output into a tree (a
// synthetic root holds the top elements).
func parseStructText(out string) *sNode {
	root := &sNode{typ: "#root"}
	type lvl struct {
		indent int
		n      *sNode
	}
	stack := []lvl{{-1, root}}
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		indent := len(line) - len(trimmed)
		for len(stack) > 1 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1].n
		switch {
		case strings.HasPrefix(trimmed, `"`):
			s := strings.TrimPrefix(trimmed, `"`)
			s = strings.TrimSuffix(s, `"`)
			parent.kids = append(parent.kids, &sNode{str: s})
		case strings.HasPrefix(trimmed, "/") || strings.HasPrefix(trimmed, "Object "):
		default:
			m := elemLine.FindStringSubmatch(trimmed)
			if m == nil {
				continue
			}
			n := &sNode{typ: m[1]}
			parent.kids = append(parent.kids, n)
			stack = append(stack, lvl{indent, n})
		}
	}
	return root
}

// reading is the text and the landmarks of a document in reading order.
type reading struct {
	text                          strings.Builder
	heads                         []string // "H2 Title"
	alts                          []string // of the figures
	tables, tablesWithTH, figures int
	notes                         int
}

const fnMark = "\u2020" // stands for a footnote reference on both sides

var headNum = regexp.MustCompile(`^\d+(\.\d+)*\.\s+`)

// treeReading collects the text of a structure tree, leaving out what the
// renderer generates: tables of contents, list labels, footnote numbers
// (replaced by fnMark) and heading numbers.
func treeReading(root *sNode) *reading {
	r := &reading{}
	var walk func(n *sNode)
	walk = func(n *sNode) {
		switch {
		case n.typ == "":
			r.text.WriteString(n.str)
			return
		case n.typ == "TOC" || n.typ == "Lbl":
			return
		case n.typ == "Link" && isDigits(strings.TrimSpace(n.text())):
			r.text.WriteString(fnMark)
			if strings.HasSuffix(n.text(), " ") {
				r.text.WriteByte(' ')
			}
			return
		case len(n.typ) == 2 && n.typ[0] == 'H' && n.typ[1] >= '1' && n.typ[1] <= '6':
			t := headNum.ReplaceAllString(normUA(n.text()), "")
			r.heads = append(r.heads, n.typ+" "+normUA(t))
			r.text.WriteString(" " + t + " ")
			return
		case n.typ == "Table":
			r.tables++
			if hasType(n, "TH") {
				r.tablesWithTH++
			}
		case n.typ == "Figure":
			r.figures++
			r.alts = append(r.alts, n.alt)
		}
		for i, k := range n.kids {
			if n.typ == "Note" && i == 0 && k.typ == "" {
				continue // the footnote's number
			}
			walk(k)
		}
		if n.typ != "Link" && n.typ != "Span" {
			r.text.WriteByte(' ')
		}
	}
	walk(root)
	return r
}

func hasType(n *sNode, typ string) bool {
	for _, k := range n.kids {
		if k.typ == typ || hasType(k, typ) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// irReading is the text of the IR in the order the structure tree must
// have: footnote bodies after the block that first calls them, a table's
// caption before it and its note after it, headings as H<level> (kept
// from skipping a level, as PDF/UA requires).
func irReading(d *doc.Document) *reading {
	r := &reading{}
	fns := map[string]*doc.Footnote{}
	for _, f := range d.Footnotes {
		if _, dup := fns[f.ID]; !dup {
			fns[f.ID] = f
		}
	}
	called := map[string]bool{}
	last := 0
	var blocks func([]doc.Block)
	var inlines func([]doc.Inline, *[]*doc.Footnote)
	inlines = func(is []doc.Inline, pending *[]*doc.Footnote) {
		for _, in := range is {
			switch n := in.(type) {
			case *doc.Text:
				r.text.WriteString(n.Text)
			case *doc.Link:
				inlines(n.Inlines, pending)
			case *doc.LineBreak:
				r.text.WriteByte(' ')
			case *doc.FootnoteRef:
				f := fns[n.ID]
				if f == nil {
					continue
				}
				r.text.WriteString(fnMark)
				if !called[n.ID] {
					called[n.ID] = true
					*pending = append(*pending, f)
				}
			}
		}
	}
	// block text, then the footnotes it calls
	text := func(is []doc.Inline) {
		var pending []*doc.Footnote
		inlines(is, &pending)
		r.text.WriteByte(' ')
		for _, f := range pending {
			r.notes++
			blocks(f.Blocks)
		}
	}
	heading := func(level int, is []doc.Inline) {
		level = min(max(level, 1), last+1, 6)
		last = level
		var pending []*doc.Footnote
		var b strings.Builder
		save := r.text
		r.text = strings.Builder{}
		inlines(is, &pending)
		b.WriteString(r.text.String())
		r.text = save
		r.heads = append(r.heads, "H"+strconv.Itoa(level)+" "+normUA(strings.ReplaceAll(b.String(), fnMark, "")))
		r.text.WriteString(" " + b.String() + " ")
		for _, f := range pending {
			r.notes++
			blocks(f.Blocks)
		}
	}
	blocks = func(bs []doc.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *doc.Section:
				heading(n.Level, n.Title)
				blocks(n.Blocks)
			case *doc.Heading:
				heading(n.Level, n.Text)
			case *doc.Paragraph:
				text(n.Inlines)
			case *doc.List:
				for _, it := range n.Items {
					blocks(it.Blocks)
				}
			case *doc.Table:
				r.tables++
				if len(n.Caption) > 0 {
					text(n.Caption)
				}
				for _, row := range n.Rows {
					for _, c := range row.Cells {
						if c != nil {
							blocks(c.Blocks)
						}
					}
				}
				if len(n.Note) > 0 {
					text(n.Note)
				}
			case *doc.Figure:
				r.figures++
				r.alts = append(r.alts, strings.TrimSpace(n.Alt))
				if len(n.Caption) > 0 {
					text(n.Caption)
				}
				if len(n.Source) > 0 {
					text(n.Source)
				}
			case *doc.TOC:
				title := n.Title
				if title == "" && n.Of == doc.TOCSections {
					title = "Spis treści"
				}
				if title != "" {
					heading(1, []doc.Inline{&doc.Text{Text: title}})
				}
			}
		}
	}
	blocks(d.Blocks)
	return r
}

// norm collapses every kind of space to one and drops what the renderer
// does not draw (soft hyphens, zero-width spaces, controls).
func normUA(s string) string {
	var b strings.Builder
	space := true
	for _, c := range s {
		switch {
		case unicode.IsSpace(c) || c == '\u00a0' || c == '\u202f' || c == '\u2007':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case c == '\u00ad' || c == '\u200b' || c < ' ' || (c >= 0x7f && c < 0xa0):
			continue
		case c > 0xffff:
			c = '?'
		}
		b.WriteRune(c)
		space = false
	}
	return strings.TrimSpace(strings.ReplaceAll(b.String(), " "+fnMark, fnMark))
}

func firstDiff(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := range min(len(ra), len(rb)) {
		if ra[i] != rb[i] {
			return i
		}
	}
	return min(len(ra), len(rb))
}

func around(s string, i int) string {
	r := []rune(s)
	return string(r[max(i-60, 0):min(i+60, len(r))])
}

// fromUA converts a tree read by internal/pdfua.
func fromUA(e *pdfua.Elem) *sNode {
	n := &sNode{typ: e.Type, alt: e.Alt, str: e.Text}
	for _, k := range e.Kids {
		n.kids = append(n.kids, fromUA(k))
	}
	return n
}
