// Package pdf renders a doc.Document to PDF with codeberg.org/go-pdf/fpdf.
//
// It owns the whole typesetting: its own Knuth–Plass line breaker for
// justified paragraphs with mixed bold/italic runs and Polish hyphenation
// (internal/hyph), no-break spaces, a paginator with widow/orphan control,
// keep-with-next headings, tables that split between rows and repeat their
// header rows, footnotes at the foot of the page, figures, the title page,
// the table of contents (filled after pagination, so page numbers are
// exact), the outline, links, running head and "Strona X z Y" foot.
//
// Rendering is two-stage and pure: layout turns the document into pages of
// positioned items (no fpdf output yet, fpdf only measures), then paint
// replays them into fpdf. No filesystem, no clock (dates come from
// Document.Meta.Date), no package-level mutable state; the same Document
// gives byte-identical output.
//
// It imports only render/doc, internal/hyph, templates/fonts and fpdf —
// never the model, the loader, YAML or goldmark.
package pdf
