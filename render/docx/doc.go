// Package docx renders a doc.Document as a Word document (Office Open XML,
// WordprocessingML, ISO/IEC 29500 transitional) that Word 2013+ and
// LibreOffice open without repair prompts and councils can edit.
//
// It owns the mapping from the IR to WordprocessingML and the packaging
// (the zip, [Content_Types].xml, relationships, document properties). The
// styles, list numbering, settings and font table come from the reference
// parts in templates/docx, like Pandoc's reference.docx: headings are
// numbered "1.", "1.1.", "1.1.1." by the Heading1–3 styles' outline
// numbering, never by typed text, so a council that inserts a chapter in
// Word gets the numbers fixed for free.
//
// The package imports only render/doc and templates/docx; never the model,
// YAML or goldmark. Render is a pure function: no filesystem, clock,
// environment or mutable package state; the document date comes from
// doc.Meta.Date. The same Document always gives the same bytes: parts are
// written in a fixed order, zip entries carry the timestamp 1980-01-01
// 00:00:00, and no output depends on map iteration.
//
// # Why not godocx
//
// The design planned github.com/gomutex/godocx for the content plus raw-XML
// patches for what it lacks. What it lacks turned out to be most of the
// document: running headers and footers, fields (PAGE, NUMPAGES, TOC,
// PAGEREF), bookmarks, internal links, footnotes, vertical merges,
// document properties and images from bytes; its tables also need their
// white cell fills and empty grids undone, and its writer is not
// byte-stable across versions. So this package is a small typed writer
// of its own (escaped strings into a bytes.Buffer, archive/zip for the
// package), in the way Pandoc writes DOCX, and does not import godocx.
//
// # What the output contains
//
//   - a title page from doc.Meta (Title, Subtitle, Author, TitlePage lines)
//     with its own empty first-page header and footer;
//   - the table of contents as a TOC field (TOC \o "1-3" \h \z \u) with
//     w:updateFields set, so Word fills in page numbers on opening, and
//     pre-filled hyperlinked TOC1–TOC3 entries with PAGEREF fields, so
//     LibreOffice and previews show a table of contents as well. Inside a
//     TOC field LibreOffice prints the cached PAGEREF results rather than
//     computing them, so Options.TOCPages may supply them (the PDF's page
//     numbers, say); without it the entries show no page numbers until
//     Word updates the field;
//   - lists of tables and figures (doc.TOC with Of set) as TOC fields over
//     the Caption and Figure Caption styles (TOC \h \z \t "caption,2"),
//     pre-filled the same way with TOC2 entries linking to the tables' and
//     figures' bookmarks;
//   - a running header (Meta.Header, else Title) and a footer
//     "Strona X z Y" from PAGE and NUMPAGES fields;
//   - Word footnotes (word/footnotes.xml), numbered in order of first
//     reference; a repeated reference prints the same number;
//   - tables in the TableGrid style with repeated header rows, gridSpan and
//     vMerge spans, column widths from doc.Table.Widths scaled to the text
//     width, a caption above and a note below; only doc.Shade produces
//     cell shading;
//   - inline DrawingML pictures with alt text, scaled to the text width,
//     with caption and source below;
//   - external hyperlinks through relationships, internal ones through
//     w:anchor to a bookmark made for every doc anchor;
//   - docProps/core.xml and app.xml from doc.Meta.
//
// Every doc.ParaStyle maps to a paragraph style of the reference
// (BodyText, Lead, Quote, Caption, Note, Code, DefinitionTerm,
// Definition); inline styles become run properties.
package docx
