// Package html renders a doc.Document as a self-contained, accessible
// HTML5 edition (WCAG 2.1 AA): the web version a partnership publishes
// beside its PDF (on its BIP page or website) and the page that
// `strategia serve` shows while an advisor edits.
//
// It owns the mapping from the IR to HTML and the edition's stylesheet
// (style.css, embedded, with a print stylesheet). It imports only
// render/doc and the standard library: never the model, the loader, YAML,
// goldmark or compose, and nothing of serve (the live-reload script is
// injected by internal/serve when it serves a page, never written into the
// edition). Render is a pure function: no filesystem, clock, environment
// or mutable package state; the same Document always gives the same bytes
// (no map iteration reaches the output, the date comes from doc.Meta).
//
// # What the output contains
//
// Render returns the files of one folder, in a fixed order: the images
// (img/<name>), style.css, and index.html last, so that a writer that
// writes them in order, each atomically, never shows a page whose
// images are missing. The page:
//
//   - is `<html lang="pl">` (doc.Meta.Language), with the title,
//     author, subject and keywords from doc.Meta in `<head>`;
//   - starts with a "skip to content" link, then the title page as a
//     `<header>` (unless Options.NoTitlePage), then `<main>`;
//   - renders each doc.Section as `<section>` with a heading whose level
//     follows the nesting (the document title is h1, chapters h2, and so
//     on, never skipping a level, up to h6), numbered "1.", "1.1." exactly
//     as render/pdf numbers them; a doc.Heading inside a section becomes
//     the next heading level down, again without skipping;
//   - renders a table of contents as `<nav>` with nested ordered lists of
//     links, and lists of tables and figures as `<nav>` with a list of
//     their captions (the web has no page numbers, so none are printed);
//   - renders tables as `<table>` with `<caption>`, `<thead>` for the
//     header rows (`<th scope="col">`, or "colgroup" for a spanning one),
//     header-shaded cells of body rows as `<th scope="row">`, spans as
//     colspan/rowspan, relative widths in a `<colgroup>`, and the note
//     below; a wide table scrolls inside a focusable, labelled region;
//   - renders figures as `<figure>` with `<img alt>` (doc.Figure.Alt, else
//     the caption's text), width and height, and `<figcaption>` holding
//     the caption and the source;
//   - renders footnotes, numbered in order of first reference as the PDF
//     does, as `<sup><a>` references and a final "Przypisy" section with an
//     ordered list of notes, each linking back to its (first) reference;
//   - uses `<strong>`, `<em>`, `<code>`, `<sup>`, `<sub>`, `<s>` for inline
//     styles, `<blockquote>`, `<pre>`, `<dl>` for paragraph styles, and
//     classes for alignment and shading only.
//
// No JavaScript is needed (or included) to read the page. The print
// stylesheet gives A4 pages with "Strona X z Y" in the footer, starts
// chapters that start a page in the PDF on a new page, repeats table
// headers, and prints the targets of external links.
package html
