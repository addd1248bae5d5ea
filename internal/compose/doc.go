// Package compose turns a checked partnership (model.Strategy, its Index
// and its Facts) into documents of the IR in render/doc: the strategy
// (Strategy), one project fiche (Fiche) and the package of all fiches
// (Package). All labels are Polish; numbers, money and dates are formatted
// by plfmt, and text runs get Polish typography (no-break spaces after
// one-letter words and between numbers and units).
//
// Markdown prose goes through goldmark (tables, footnotes, definition
// lists, strikethrough and a typographer set for Polish: „…”, –, —, …)
// and its AST is converted to doc nodes, never to HTML. Headings inside
// Markdown become doc.Heading levels below the enclosing section. Special
// references: {{map:M1}} alone in a paragraph places the map as a numbered
// figure ("Mapa N."), {{ind:id}} prints the indicator's partnership value
// for the diagnosis reference year with its unit, and {{goal:CS1}},
// {{dir:KD1.1.1}}, {{project:P01}} and {{osi:OSI-L1}} become internal
// links. A construct the IR cannot express (raw HTML, remote images, …)
// is reported as a positioned diagnostic (rule MD-01), never dropped
// silently.
//
// compose is pure: it never touches the filesystem. Map and image files
// are read through Options.ReadFile, which the build confines to the
// partnership folder. Derived figures (sums, totals, aggregated indicator
// values, the coherence matrix) come from model.Facts and are never
// recomputed here.
//
// compose imports model, diag, plfmt, render/doc and goldmark; it is
// imported by the build and by nothing below it.
package compose
