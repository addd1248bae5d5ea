// Package docx ships the reference-document parts that render/docx puts
// into every DOCX, in the spirit of Pandoc's reference.docx: the style
// sheet, the list and heading numbering, the document settings and the
// font table. Councils edit the DOCX in Word or LibreOffice, so the parts
// use Word's English style IDs (Normal, Heading1, ListBullet, TableGrid …)
// and name fonts every Polish Office installation has: Times New Roman for
// the body and Arial for headings and tables, the metric twins of the
// Liberation Serif and Sans faces that render/pdf embeds, so the two
// outputs paginate alike.
//
// The package holds data only and imports nothing but embed. The parts
// are complete XML documents; render/docx copies them verbatim except for
// the few substitutions documented on each variable.
package docx

import _ "embed"

// Styles is word/styles.xml. render/docx replaces the proofing language
// pl-PL in docDefaults when the document declares another one.
//
// Body Text is condensed by 0.1 pt (w:spacing -2): render/pdf's line
// breaker may shrink a line's spaces by up to a third, LibreOffice (7.4)
// never shrinks them, so at natural spacing its paragraphs ran longer and
// pre-filled TOC page numbers fell a page short; -0.1 pt was the smallest
// step at which every pre-filled number of the example's strategy equals
// LibreOffice's page (render/docx's TestPrefilledPagesMatchLibreOffice).
//
// Table Grid's cell margins are 58 twips above and 57 below: LibreOffice
// adds the 0.5 pt border to a row, so a one-line row of Table Text (212)
// is 337 twips (16.85 pt) high, as the PDF's (2 × 1.1 mm + 10.62 pt =
// 16.856 pt); with 58 below, each row ran 0.04 pt taller and a long
// table some 2 pt.
//
// Footnote Text has the PDF's 0.8 mm between footnotes all as space
// before: LibreOffice 7.4 leaves out a footnote paragraph's space after,
// so with it split before and after its footnote area came out smaller
// than the PDF's and its pages held more text.
//
//go:embed styles.xml
var Styles string

// Numbering is word/numbering.xml: abstract numbering 0 (bullets), 1 (the
// outline numbering of Heading1–3: "1.", "1.1.", "1.1.1.") and 2 (ordered
// lists: "1." and "a)" by turns with the depth, as render/pdf marks them),
// with w:num 1, 2 and 3 bound to them. render/docx appends one
// w:num per ordered list (so each list restarts) before </w:numbering>.
//
//go:embed numbering.xml
var Numbering string

// Settings is word/settings.xml: A4-agnostic document settings, Polish
// theme language, automatic hyphenation (at most two hyphenated lines in
// a row, capitals left whole), footnote separators -1/0 and w:updateFields (so Word
// fills the TOC's page numbers when the file is opened). render/docx
// removes the updateFields line when the document has no TOC.
//
//go:embed settings.xml
var Settings string

// FontTable is word/fontTable.xml.
//
//go:embed fontTable.xml
var FontTable string

// Margins of the A4 page in twips (1/20 pt), the same as the PDF's.
const (
	PageWidth    = 11906
	PageHeight   = 16838
	MarginTop    = 1417 // 25 mm
	MarginBottom = 1417
	MarginLeft   = 1417
	MarginRight  = 1417
	MarginHeader = 754 // 13.3 mm from the edge to the running header: its baseline at 16 mm, as in the PDF
	MarginFooter = 709
)
