package docx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/strategia-pl/strategia/render/doc"
)

// Numbering instances of the reference numbering.xml.
const (
	numNone      = 0 // suppresses the numbering a style would apply
	numBullet    = 1
	numOrdered   = 3
	firstListNum = 4 // first w:numId of the per-list instances
)

// Fixed relationships of word/document.xml.
var docRels = []rel{
	{id: "rId1", typ: "styles", target: "styles.xml"},
	{id: "rId2", typ: "numbering", target: "numbering.xml"},
	{id: "rId3", typ: "settings", target: "settings.xml"},
	{id: "rId4", typ: "fontTable", target: "fontTable.xml"},
	{id: "rId5", typ: "footnotes", target: "footnotes.xml"},
	{id: "rId6", typ: "header", target: "header1.xml"},
	{id: "rId7", typ: "footer", target: "footer1.xml"},
}

// renderer holds the state of one Render call.
type renderer struct {
	d   *doc.Document
	opt Options

	b        *bytes.Buffer // the part being written
	part     *part         // its relationships
	docPart  *part
	notePart *part

	titlePage bool
	hasTOC    bool
	breakNext bool // the next body paragraph starts a new page

	bookmarks map[string]string       // doc anchor → bookmark name
	taken     map[string]bool         // bookmark names in use
	secMark   map[*doc.Section]string // section → its bookmark
	toc       []tocEntry
	tables    []tocEntry // captioned, anchored tables, for lists of tables
	figures   []tocEntry // captioned, anchored figures, for lists of figures
	markID    int

	notes     map[string]*doc.Footnote
	noteNum   map[string]int // footnote ID → w:id (1, 2, … in order of first reference)
	noteOrder []*doc.Footnote
	inNote    bool
	// markPending: the next paragraph opened is a footnote's first and
	// gets the footnote mark.
	markPending bool

	numbers   map[string]*numbered // anchor → number of its caption
	refSeq    int
	cellParas int // paragraphs opened so far in the current table cell
	// pendingAfter is the space below the last body paragraph, to be
	// added above the next one (see carryAfter).
	pendingAfter int
	// lastSpacing marks the spacing of the last body paragraph.
	lastSpacing spacingMark
	nums        []listNum
	media       []media
	drawingID   int
	inLink      bool
	runLang     string // BCP 47 of the Text being written, "" the document's
	inCell      bool   // writing a table cell's content
	sections    int    // sections ended so far
	// newSection: a section break was just written, so the next
	// paragraph already starts a page.
	newSection bool
	// landOpen: a landscape table's lead-in (its heading, the paragraphs
	// presenting it) opened the landscape section the table closes.
	landOpen bool
	// lastBreak is where the last section break paragraph stands in the
	// body, and its section's orientation.
	lastBreak struct {
		start, end int
		land       bool
	}
}

// tocEntry is one pre-filled line of the table of contents.
type tocEntry struct {
	level  int
	number string // "1.2." or "" for unnumbered sections
	text   string
	mark   string
	anchor string // the doc anchor
	page   string // cached PAGEREF result, from Options.TOCPages
}

// listNum is a w:num instance of an ordered list.
type listNum struct{ level, start int }

func newRenderer(d *doc.Document, opt Options) *renderer {
	r := &renderer{
		d:         d,
		opt:       opt,
		bookmarks: map[string]string{},
		taken:     map[string]bool{},
		secMark:   map[*doc.Section]string{},
		notes:     map[string]*doc.Footnote{},
		noteNum:   map[string]int{},
		numbers:   map[string]*numbered{},
	}
	r.docPart = newPart(docRels...)
	r.notePart = newPart()
	r.titlePage = !opt.NoTitlePage && d.Meta.Title != ""
	if r.titlePage {
		r.docPart.rel("header", "header2.xml", false)
		r.docPart.rel("footer", "footer2.xml", false)
	}
	for _, f := range d.Footnotes {
		if f != nil {
			if _, dup := r.notes[f.ID]; !dup {
				r.notes[f.ID] = f
			}
		}
	}
	r.prepare()
	return r
}

// prepare names a bookmark for every anchor and section and collects the
// table of contents, numbering sections as the Heading1–3 outline
// numbering of the reference will.
func (r *renderer) prepare() {
	var counters [3]int
	toc := 0
	_ = doc.Walk(r.d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Section:
			name := r.anchor(n.Anchor)
			if name == "" {
				toc++
				name = r.unique("_Toc" + strconv.Itoa(toc))
			}
			r.secMark[n] = name
			lvl := headingLevel(n.Level)
			number := ""
			if lvl <= 3 && !n.Unnumbered {
				counters[lvl-1]++
				for i := lvl; i < 3; i++ {
					counters[i] = 0
				}
				var sb strings.Builder
				for i := 0; i < lvl; i++ {
					sb.WriteString(strconv.Itoa(max(counters[i], 1)))
					sb.WriteByte('.')
				}
				number = sb.String()
			}
			if !n.NoTOC && lvl <= 3 {
				r.toc = append(r.toc, tocEntry{level: lvl, number: number, text: plainText(n.Title), mark: name, page: r.page(n.Anchor)})
			}
		case *doc.Heading:
			r.anchor(n.Anchor)
		case *doc.Paragraph:
			r.anchor(n.Anchor)
		case *doc.Table:
			if name := r.anchor(n.Anchor); name != "" && len(n.Caption) > 0 {
				r.number(n.Anchor, n.Caption)
				r.tables = append(r.tables, tocEntry{level: 1, text: plainText(n.Caption), mark: name, anchor: n.Anchor, page: r.page(n.Anchor)})
			}
		case *doc.Figure:
			if name := r.anchor(n.Anchor); name != "" && len(n.Caption) > 0 {
				r.number(n.Anchor, n.Caption)
				r.figures = append(r.figures, tocEntry{level: 1, text: plainText(n.Caption), mark: name, anchor: n.Anchor, page: r.page(n.Anchor)})
			}
		case *doc.TOC:
			r.hasTOC = true
		}
		return doc.WalkContinue, nil
	})
}

// page is the cached page number of anchor a from Options.TOCPages, or "".
func (r *renderer) page(a string) string {
	if p, ok := r.opt.TOCPages[a]; ok && a != "" && p > 0 {
		return strconv.Itoa(p)
	}
	return ""
}

// anchor returns the bookmark name of a doc anchor, naming it on first use.
func (r *renderer) anchor(a string) string {
	if a == "" {
		return ""
	}
	if name, ok := r.bookmarks[a]; ok {
		return name
	}
	name := r.unique(bookmarkName(a))
	r.bookmarks[a] = name
	return name
}

// bookmarkName turns an anchor into a name Word accepts: letters, digits
// and underscores, starting with a letter, at most 40 characters.
func bookmarkName(a string) string {
	var sb strings.Builder
	n := 0
	for _, c := range a {
		if n == 0 && !unicode.IsLetter(c) {
			sb.WriteString("a_")
			n += 2
		}
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			c = '_'
		}
		if n >= 40 {
			break
		}
		sb.WriteRune(c)
		n++
	}
	return sb.String()
}

// unique returns name, or name with a numeric suffix when it is taken.
func (r *renderer) unique(name string) string {
	cand := name
	for i := 2; r.taken[cand]; i++ {
		suf := "_" + strconv.Itoa(i)
		base := []rune(name)
		if len(base)+len(suf) > 40 {
			base = base[:40-len(suf)]
		}
		cand = string(base) + suf
	}
	r.taken[cand] = true
	return cand
}

// headingLevel clamps a section or heading level to the styles we have.
func headingLevel(l int) int { return min(max(l, 1), 4) }

// plainText is the text of inlines without footnote references, for TOC
// entries and link-free places.
func plainText(ins []doc.Inline) string {
	var sb strings.Builder
	var walk func([]doc.Inline)
	walk = func(ins []doc.Inline) {
		for _, in := range ins {
			switch in := in.(type) {
			case *doc.Text:
				sb.WriteString(in.Text)
			case *doc.Link:
				walk(in.Inlines)
			case *doc.LineBreak:
				sb.WriteByte(' ')
			}
		}
	}
	walk(ins)
	return sb.String()
}

// document writes word/document.xml.
func (r *renderer) document() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(1 << 20)
	r.b, r.part = &b, r.docPart
	b.WriteString(xmlHeader + `<w:document` + nsAll + `><w:body>`)
	if r.titlePage {
		r.titlePageXML()
	}
	c := ctx{width: textWidth, top: true}
	front := frontMatterEnd(r.d.Blocks)
	for i, blk := range r.d.Blocks {
		r.headingLead(c, r.d.Blocks, i)
		if err := r.block(c, blk); err != nil {
			return nil, err
		}
		if i == front && i < len(r.d.Blocks)-1 {
			r.sectionBreak(false)
		}
	}
	r.endBody()
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes(), nil
}

// titlePageXML writes the title page from Meta and breaks the page after
// it; the date stands in the title page's footer (titleFooter).
func (r *renderer) titlePageXML() {
	m := r.d.Meta
	line := func(style, text string) {
		if text == "" {
			return
		}
		r.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
		r.run(r.b, text, 0, "")
		r.b.WriteString(`</w:p>`)
	}
	line("Title", m.Title)
	line("Subtitle", m.Subtitle)
	r.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TitlePageRule"/></w:pPr></w:p>`)
	line("TitlePageAuthor", m.Author)
	for _, l := range m.TitlePage {
		line("TitlePageText", l)
	}
	r.breakNext = true
}

// titleFooter is the title page's footer: the date, 20 mm above the
// bottom margin as in the PDF, whatever the title page holds above it.
func (r *renderer) titleFooter() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:ftr` + nsAll + `><w:p><w:pPr><w:pStyle w:val="TitlePageDate"/><w:spacing w:after="1616"/></w:pPr>`)
	r.run(&b, r.d.Meta.TitleMonth(), 0, "")
	b.WriteString(`</w:p></w:ftr>`)
	return b.Bytes()
}

// footnotes writes word/footnotes.xml: the separators, then every
// referenced footnote in order of first reference.
func (r *renderer) footnotes() ([]byte, error) {
	var b bytes.Buffer
	r.b, r.part, r.inNote = &b, r.notePart, true
	b.WriteString(xmlHeader + `<w:footnotes` + nsAll + `>`)
	// The separator line stands in 2.2 mm of space, as in the PDF (Word
	// reads this height; LibreOffice 7.4 ignores it and sets its own
	// 1 mm, rule, 1 mm, which the PDF's footnote area follows).
	const sep = `<w:pPr><w:spacing w:before="0" w:after="0" w:line="125" w:lineRule="exact"/></w:pPr>`
	b.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p>` + sep + `<w:r><w:separator/></w:r></w:p></w:footnote>`)
	b.WriteString(`<w:footnote w:type="continuationSeparator" w:id="0"><w:p>` + sep + `<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	// noteOrder may grow while footnote bodies reference further footnotes.
	for i := 0; i < len(r.noteOrder); i++ {
		f := r.noteOrder[i]
		fmt.Fprintf(&b, `<w:footnote w:id="%d">`, i+1)
		r.markPending = true
		c := ctx{width: textWidth, style: "FootnoteText"}
		if err := r.blocks(c, f.Blocks); err != nil {
			return nil, fmt.Errorf("docx: footnote %q: %w", f.ID, err)
		}
		if r.markPending {
			// A footnote without a paragraph still needs its mark.
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>`)
			r.writeNoteMark()
			b.WriteString(`</w:p>`)
		}
		b.WriteString(`</w:footnote>`)
	}
	b.WriteString(`</w:footnotes>`)
	return b.Bytes(), nil
}
