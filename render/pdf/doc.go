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
// Typesetting follows TeX where it matters (inline.go, colwidth.go,
// paginate.go): a first line-breaking pass without hyphenation, hyphen and
// double-hyphen demerits, at most 2 hyphenated lines in a row, no
// hyphenation of words under 6 letters, with digits or an inner capital,
// nor inside URLs (they break after / . - ? &); ragged text (cells,
// captions, headings) is broken by Knuth–Plass with a ragged line end;
// text with no break point wider than its box is broken at any character
// and reported (Options.Warnings, rule PDF-01). Table columns are sized to
// their content from doc.Column kinds (CSS automatic table layout); a table
// too wide for portrait goes on landscape pages; a short table moves whole
// to the next page; a footnote longer than the room left is split across
// pages; a page break that would leave a near-empty page ends the page
// before a few lines early.
//
// Rendering is two-stage and pure: layout turns the document into pages of
// positioned items (no fpdf output yet; measuring reads a process-wide
// table of glyph widths, never the document), then paint replays them into
// fpdf. No filesystem, no clock (dates come from Document.Meta.Date); the
// only package-level state is that table of font data. A LayoutCache
// (Options.Cache) keeps measured words and line breaks from one render to
// the next, so that a rebuild redoes only what changed; with or without
// it, the same Document gives byte-identical output.
//
// It imports only render/doc, internal/hyph, internal/gencache,
// templates/fonts and fpdf — never the model, the loader, YAML or
// goldmark.
package pdf
