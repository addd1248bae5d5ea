// Package doc is strategia's document IR: the small, closed set of nodes
// that every renderer (render/pdf, render/docx, a future HTML preview)
// turns into bytes.
//
// It owns the node types, Walk and a stable text Dump used by golden tests.
// It must never import the model, the loader, YAML, goldmark or any
// renderer: compose (model → doc) sits above it, renderers below, so the
// PDF and the DOCX of one document cannot drift apart.
//
// The IR is typographic, not semantic: a goal tree arrives here already as
// headings, paragraphs and tables. Text is Unicode (NFC) with Polish
// typography already applied by compose (no-break spaces after one-letter
// words, „quotes”, en dashes), so renderers only lay it out.
package doc

import "strconv"

// Kind identifies a node type. The set is closed: every renderer must
// handle every Kind (a test in each renderer walks AllKinds).
type Kind int

// Node kinds.
const (
	KindDocument Kind = iota
	KindSection
	KindHeading
	KindParagraph
	KindList
	KindListItem
	KindTable
	KindRow
	KindCell
	KindFigure
	KindTOC
	KindPageBreak
	KindText
	KindLink
	KindFootnoteRef
	KindLineBreak
	kindCount
)

// AllKinds lists every node kind, for renderer coverage tests.
func AllKinds() []Kind {
	ks := make([]Kind, kindCount)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

var kindNames = [...]string{"Document", "Section", "Heading", "Paragraph", "List", "ListItem",
	"Table", "Row", "Cell", "Figure", "TOC", "PageBreak", "Text", "Link", "FootnoteRef", "LineBreak"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Node is implemented by every IR node.
type Node interface {
	Kind() Kind
	// Children returns the node's children in document order (nil for leaves).
	Children() []Node
}

// Block is a node that stands in the flow of a section: Heading, Paragraph,
// List, Table, Figure, TOC, PageBreak or a nested Section.
type Block interface {
	Node
	block()
}

// Inline is a node inside a paragraph, heading or cell: Text, Link,
// FootnoteRef, LineBreak.
type Inline interface {
	Node
	inline()
}

// Meta is the document's metadata, used for PDF info, DOCX core
// properties, the title page and running headers.
type Meta struct {
	Title    string // main title, e.g. "Strategia rozwoju ponadlokalnego …"
	Subtitle string // e.g. "na lata 2024–2030"
	Author   string // e.g. the partnership's name
	Subject  string
	Keywords []string
	Language string // BCP 47, "pl-PL"
	// Date is the document date as "YYYY-MM-DD" (from SOURCE_DATE_EPOCH or
	// the sources, never the wall clock).
	Date string
	// TitleDate is the date the title page shows, "YYYY-MM-DD": the
	// document's own date (its adoption or version date); empty means Date.
	TitleDate string
	// Header is the running header text; empty means Title.
	Header string
	// Footer is a line printed under the page number in the running
	// footer (the document's version, revision and "wersja robocza");
	// empty means none.
	Footer string
	// TitlePage lines printed below the title, in order (members, version,
	// "Załącznik do uchwały …").
	TitlePage []string
	// DraftMark, when not empty, is printed prominently on every page,
	// the title page included (PDF: above the running header; DOCX: in
	// every page header), e.g. "PROJEKT – zawiera pola do uzupełnienia"
	// for a document built from content that still has placeholders.
	DraftMark string
}

// TitleMonth is the date the title page shows, as the title pages of
// every format print it: "maj 2024" for TitleDate (else Date)
// "2024-05-31"; a value that is not such a date is returned as it is.
func (m Meta) TitleMonth() string {
	s := m.TitleDate
	if s == "" {
		s = m.Date
	}
	if len(s) < 7 || s[4] != '-' {
		return s
	}
	mo, err := strconv.Atoi(s[5:7])
	if err != nil || mo < 1 || mo > 12 {
		return s
	}
	return months[mo-1] + " " + s[:4]
}

var months = [...]string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"}

// Document is the root: metadata plus top-level blocks (usually Sections).
type Document struct {
	Meta      Meta
	Blocks    []Block
	Footnotes []*Footnote // bodies of footnotes referenced by FootnoteRef.ID
}

// Kind implements Node.
func (*Document) Kind() Kind { return KindDocument }

// Children implements Node.
func (d *Document) Children() []Node { return blocks(d.Blocks) }

// Footnote is the body of a footnote.
type Footnote struct {
	ID     string // unique in the document
	Blocks []Block
}

// Section groups a heading with what follows it. Level 1 is a chapter.
// Unnumbered sections (front matter, annexes' parts) set Unnumbered.
type Section struct {
	Level      int
	Anchor     string // target of internal links, unique in the document
	Title      []Inline
	Unnumbered bool
	// PageBreakBefore starts the section on a new page.
	PageBreakBefore bool
	// NoTOC keeps the heading out of the table of contents.
	NoTOC  bool
	Blocks []Block
}

// Kind implements Node.
func (*Section) Kind() Kind { return KindSection }

// Children implements Node.
func (s *Section) Children() []Node { return append(inlines(s.Title), blocks(s.Blocks)...) }
func (*Section) block()             {}

// Heading is a heading that does not open a section (e.g. a Markdown "###"
// inside a chapter). Level is absolute (1–4).
type Heading struct {
	Level  int
	Anchor string
	Text   []Inline
}

// Kind implements Node.
func (*Heading) Kind() Kind { return KindHeading }

// Children implements Node.
func (h *Heading) Children() []Node { return inlines(h.Text) }
func (*Heading) block()             {}

// ParaStyle selects a paragraph style known to every renderer.
type ParaStyle int

// Paragraph styles.
const (
	ParaBody       ParaStyle = iota // justified body text
	ParaLead                        // emphasised introductory text (vision, mission)
	ParaQuote                       // block quote
	ParaCaption                     // caption under a figure or above a table
	ParaNote                        // small print: sources, notes below tables
	ParaCode                        // preformatted, monospace
	ParaTerm                        // a definition-list term
	ParaDefinition                  // a definition-list definition (indented)
)

// Align is horizontal alignment.
type Align int

// Alignments.
const (
	AlignDefault Align = iota // justified for body text, left in cells
	AlignLeft
	AlignCenter
	AlignRight
)

// Paragraph is a block of styled inline runs.
type Paragraph struct {
	Style   ParaStyle
	Align   Align
	Anchor  string
	Inlines []Inline
}

// Kind implements Node.
func (*Paragraph) Kind() Kind { return KindParagraph }

// Children implements Node.
func (p *Paragraph) Children() []Node { return inlines(p.Inlines) }
func (*Paragraph) block()             {}

// List is a bulleted or numbered list.
type List struct {
	Ordered bool
	Start   int // first number of an ordered list (default 1)
	Items   []*ListItem
}

// Kind implements Node.
func (*List) Kind() Kind { return KindList }

// Children implements Node.
func (l *List) Children() []Node {
	ns := make([]Node, len(l.Items))
	for i, it := range l.Items {
		ns[i] = it
	}
	return ns
}
func (*List) block() {}

// ListItem holds blocks; nested lists are blocks of an item.
type ListItem struct {
	Blocks []Block
}

// Kind implements Node.
func (*ListItem) Kind() Kind { return KindListItem }

// Children implements Node.
func (it *ListItem) Children() []Node { return blocks(it.Blocks) }

// Table is a grid of rows; the first HeaderRows rows repeat on every page.
//
// Column widths: compose says what each column holds (Columns), not how
// wide it is; renderers size columns to their content the way CSS's
// automatic table layout does (the minimum and maximum content width of
// every column, then the text width distributed between them), so number
// columns never wrap and label columns widen before they hyphenate. Only a
// Column with Width set is fixed. Widths is the older relative hint, kept
// for renderers that cannot measure text; the PDF renderer ignores it when
// Columns is set.
type Table struct {
	Anchor string
	// Caption is printed above the table ("Tabela 3. …"); empty for none.
	Caption []Inline
	// Widths are relative column widths (any positive unit); nil means equal.
	Widths []float64
	// Columns describe the grid's columns in order; a missing entry is
	// a ColText column sized to its content.
	Columns    []Column
	HeaderRows int
	Rows       []*Row
	// Note is printed below the table (source, GUS symbols legend).
	Note []Inline
	// Compact uses a smaller font (wide matrices).
	Compact bool
	// Landscape sets the table on landscape pages of its own (a DOCX
	// section, PDF pages turned 90°): compose sets it when the table's
	// columns cannot fit the portrait text width. The PDF renderer also
	// turns a table whose measured minimum width exceeds the portrait
	// text width, so nothing is ever drawn past the margin.
	Landscape bool
}

// ColKind says what a table column holds, so renderers can size it.
type ColKind int

// Column kinds. The zero value is running text.
const (
	// ColText is running text: the column takes what width is left,
	// wraps and hyphenates.
	ColText ColKind = iota
	// ColLabel holds short labels (names of gminas, units, codes): it is
	// widened to its longest label when the table can afford it, and its
	// words are not hyphenated while widening is possible.
	ColLabel
	// ColNumber holds numbers, amounts, percentages or dates: it is as
	// wide as its widest entry and never wraps.
	ColNumber
)

var colKindNames = [...]string{"text", "label", "number"}

// String returns the kind's lower-case name ("text", "label", "number").
func (k ColKind) String() string {
	if k >= 0 && int(k) < len(colKindNames) {
		return colKindNames[k]
	}
	return "ColKind(" + strconv.Itoa(int(k)) + ")"
}

// Column describes one grid column of a Table.
type Column struct {
	Kind ColKind
	// Width, when > 0, fixes the column's width as a share of the text
	// width (0 < Width ≤ 1), for templates that ask for an exact layout;
	// 0 sizes the column to its content.
	Width float64
}

// Kind implements Node.
func (*Table) Kind() Kind { return KindTable }

// Children implements Node.
func (t *Table) Children() []Node {
	ns := inlines(t.Caption)
	for _, r := range t.Rows {
		ns = append(ns, r)
	}
	return append(ns, inlines(t.Note)...)
}
func (*Table) block() {}

// Row is one table row.
type Row struct {
	Cells []*Cell
}

// Kind implements Node.
func (*Row) Kind() Kind { return KindRow }

// Children implements Node.
func (r *Row) Children() []Node {
	ns := make([]Node, len(r.Cells))
	for i, c := range r.Cells {
		ns[i] = c
	}
	return ns
}

// Shade is a semantic cell background.
type Shade int

// Cell shades.
const (
	ShadeNone   Shade = iota
	ShadeHeader       // header rows and label columns
	ShadeAccent       // highlighted (e.g. SWOT quadrant titles, totals)
	ShadeLight        // zebra or sub-header
)

// Cell is a table cell. A cell covered by a span of another cell is not
// present in Rows: ColSpan and RowSpan say how many grid cells it covers.
type Cell struct {
	ColSpan int // ≥1; 0 means 1
	RowSpan int // ≥1; 0 means 1
	Align   Align
	Shade   Shade
	Bold    bool
	Blocks  []Block
}

// Kind implements Node.
func (*Cell) Kind() Kind { return KindCell }

// Children implements Node.
func (c *Cell) Children() []Node { return blocks(c.Blocks) }

// Figure is an image with a caption. Data holds the encoded file (PNG or
// JPEG); compose reads it so renderers never touch the filesystem.
type Figure struct {
	Anchor   string
	Name     string // a stable name for the image part, e.g. "M1.png"
	Format   string // "png" or "jpeg"
	Data     []byte
	WidthPx  int
	HeightPx int
	Alt      string
	Caption  []Inline // "Mapa 1. …"
	Source   []Inline // "Źródło: …"
	// WidthFrac is the share of the text width the image should take (0 < f ≤ 1; 0 means 1).
	WidthFrac float64
}

// Kind implements Node.
func (*Figure) Kind() Kind { return KindFigure }

// Children implements Node.
func (f *Figure) Children() []Node { return append(inlines(f.Caption), inlines(f.Source)...) }
func (*Figure) block()             {}

// TOCKind selects what a TOC lists.
type TOCKind int

// TOC kinds. The zero value is the table of contents proper.
const (
	// TOCSections lists the document's sections (those without NoTOC) up
	// to Depth, with their numbers.
	TOCSections TOCKind = iota
	// TOCTables lists every Table that has both a Caption and an Anchor,
	// in document order, by its caption text ("Spis tabel").
	TOCTables
	// TOCFigures lists every Figure that has both a Caption and an Anchor,
	// in document order, by its caption text ("Spis map", "Spis rycin").
	TOCFigures
)

var tocKindNames = [...]string{"sections", "tables", "figures"}

// String returns the kind's lower-case name ("sections", "tables", "figures").
func (k TOCKind) String() string {
	if k >= 0 && int(k) < len(tocKindNames) {
		return tocKindNames[k]
	}
	return "TOCKind(" + strconv.Itoa(int(k)) + ")"
}

// TOC is a generated list with page numbers and internal links, filled by
// the renderers: the table of contents (Of == TOCSections), the list of
// tables or the list of figures. Every entry links to its target and shows
// the page it is on, as laid out by the renderer.
//
// A table of contents prints Title (default "Spis treści") as its heading
// on a page of its own. A list of tables or figures prints Title as its
// heading only when it is set, and starts no page of its own: it is meant
// to sit in an unnumbered Section (with NoTOC) that carries the heading.
type TOC struct {
	Title string // "Spis treści"
	Depth int    // 1–3; TOCSections only
	// Of selects what the TOC lists; the zero value lists sections.
	Of TOCKind
}

// Kind implements Node.
func (*TOC) Kind() Kind { return KindTOC }

// Children implements Node.
func (*TOC) Children() []Node { return nil }
func (*TOC) block()           {}

// PageBreak starts a new page.
type PageBreak struct{}

// Kind implements Node.
func (*PageBreak) Kind() Kind { return KindPageBreak }

// Children implements Node.
func (*PageBreak) Children() []Node { return nil }
func (*PageBreak) block()           {}

// Style is a set of inline style flags.
type Style uint8

// Inline style flags.
const (
	Bold Style = 1 << iota
	Italic
	Mono
	Sup
	Sub
	Strike
)

// Text is a run of text in one style.
type Text struct {
	Text  string
	Style Style
	// Lang is the BCP 47 tag of a run in another language than the
	// document's (Meta.Language), e.g. "en" for "smart village"; "" is the
	// document's language. Renderers mark it (PDF Span /Lang, DOCX
	// w:lang, HTML lang) and do not hyphenate it with Polish patterns.
	Lang string
}

// Kind implements Node.
func (*Text) Kind() Kind { return KindText }

// Children implements Node.
func (*Text) Children() []Node { return nil }
func (*Text) inline()          {}

// Link is a hyperlink: to a URL, or (Anchor set) to an anchor in the
// same document.
type Link struct {
	URL     string
	Anchor  string
	Inlines []Inline
}

// Kind implements Node.
func (*Link) Kind() Kind { return KindLink }

// Children implements Node.
func (l *Link) Children() []Node { return inlines(l.Inlines) }
func (*Link) inline()            {}

// FootnoteRef marks a reference to Document.Footnotes[ID]. Renderers
// number footnotes in order of first reference.
type FootnoteRef struct {
	ID string
}

// Kind implements Node.
func (*FootnoteRef) Kind() Kind { return KindFootnoteRef }

// Children implements Node.
func (*FootnoteRef) Children() []Node { return nil }
func (*FootnoteRef) inline()          {}

// LineBreak is a hard line break inside a paragraph or cell.
type LineBreak struct{}

// Kind implements Node.
func (*LineBreak) Kind() Kind { return KindLineBreak }

// Children implements Node.
func (*LineBreak) Children() []Node { return nil }
func (*LineBreak) inline()          {}

func blocks(bs []Block) []Node {
	ns := make([]Node, len(bs))
	for i, b := range bs {
		ns[i] = b
	}
	return ns
}

func inlines(is []Inline) []Node {
	ns := make([]Node, len(is))
	for i, in := range is {
		ns[i] = in
	}
	return ns
}
