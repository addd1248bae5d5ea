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
//   - a title page from doc.Meta (Title, Subtitle, Author, TitlePage lines),
//     its colour bands as page-anchored frames in its own first-page
//     header and its date in its own first-page footer, as the PDF's;
//   - the front matter (title page, table of contents, lists of tables
//     and maps) in a section of its own, the body in the next one, and a
//     landscape section around every table the PDF sets on landscape
//     pages (doc.Table.Landscape, or Options.ColumnWidths wider than the
//     portrait text); page numbers run on through all sections;
//   - the table of contents as a TOC field over the Heading1–3 styles
//     (TOC \h \z \t "heading 1,1,…") with w:updateFields set, so Word
//     fills in page numbers on opening, and pre-filled hyperlinked
//     TOC1–TOC3 entries with PAGEREF fields, so LibreOffice and previews
//     show a table of contents as well. Inside a TOC field LibreOffice
//     prints the cached PAGEREF results rather than computing them, so
//     Options.TOCPages supplies them (the PDF's page numbers); the styles
//     make LibreOffice paginate like the PDF (see below), so they are
//     right there too;
//   - headings in the HeadingN styles, whose outline level they take from
//     the style only; headings the table of contents leaves out use
//     HeadingNUnlisted (based on HeadingN, same level in the navigation
//     pane), which the TOC field's style list does not name;
//   - captions whose number is a SEQ field (SEQ Tabela, SEQ Mapa) in a
//     bookmark, links to numbered tables and maps whose number is a REF
//     field to it (caption.go), and lists of tables and figures as TOC
//     fields over those SEQ identifiers (TOC \h \z \c "Tabela"),
//     pre-filled with TableofFigures entries and PAGEREF fields;
//   - a running header (Meta.Header, else Title), left and italic, and a
//     footer "Strona X z Y" from PAGE and NUMPAGES fields;
//   - Word footnotes (word/footnotes.xml) in Word's own footnote text and
//     footnote reference styles, numbered in order of first reference; a
//     repeated reference prints the same number;
//   - tables in the TableGrid style with repeated header rows, gridSpan and
//     vMerge spans (merged and header cells centred vertically), column
//     widths from Options.ColumnWidths (the PDF's, so cells wrap alike) or
//     doc.Table.Widths, a caption above and a note below; only doc.Shade
//     produces cell shading; internal links in cells are plain text;
//   - inline DrawingML pictures with alt text, scaled to the text width,
//     with caption and source below;
//   - external hyperlinks through relationships, internal ones through
//     w:anchor to a bookmark made for every doc anchor;
//   - automatic hyphenation (w:autoHyphenation; the language, pl-PL, is
//     the styles' default), at most two hyphenated lines in a row;
//   - docProps/core.xml (dc:title is the title alone, the subtitle the
//     subject or, beside a subject, the description) and app.xml.
//
// # Paginating like the PDF
//
// The reference styles copy the PDF's geometry and typography: A4 with
// 25 mm margins, Times New Roman and Arial (the metric twins of the
// Liberation faces the PDF embeds), exact line heights (body 13.75 pt for
// 11 pt type), the PDF's space above every kind of paragraph, its cell
// padding, widow and orphan control and keep-with-next headings. Space
// below a paragraph is carried to the next one as space above (spacing.go),
// since Word adds the two and LibreOffice keeps the larger. Body text is
// set 0.05 pt tighter, as the PDF's line breaker may shrink spaces and
// LibreOffice's may not. TestPrefilledPagesMatchLibreOffice measures the
// result.
//
// Every doc.ParaStyle maps to a paragraph style of the reference
// (BodyText, Lead, Quote, Caption, Note, Code, DefinitionTerm,
// Definition); inline styles become run properties.
package docx
