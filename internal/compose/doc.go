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
// The words and the order of the documents are templates (templates/,
// run by internal/tmpl, overridable per workspace): compose gives them
// views of the data — facts, names in grammatical cases, tables and links
// it builds, as tokens — and reads their output as blocks (tplout.go).
// Compose decides facts, the tables' data and layout, cross-references,
// anchors and numbering; a table whose words are a template's takes them
// as arguments ({{.SurveysTable "caption" "Nr" …}}) or from the
// template's {{define}}s (an indicator table's caption and source line).
// The strategy's chapters: view.go and chapters.go (introduction,
// participation, vision, recommendations, implementation, coherence),
// diagnosis.go (diagnoza, wnioski), swot.go, goals.go (cele, rezultaty),
// osi.go.
//
// compose is pure: it never touches the filesystem. Map and image files
// are read through Options.ReadFile, which the build confines to the
// partnership folder. Derived figures (sums, totals, aggregated indicator
// values, the coherence matrix) come from model.Facts and are never
// recomputed here. Its one package-level state is a cache of parsed
// Markdown (mdcache.go): goldmark's tree of a text, which depends on the
// text alone, kept for the next document and the next build.
//
// compose imports model, diag, plfmt, grammar, tmpl, gencache, render/doc
// and goldmark; it is imported by the build and by nothing below it.
package compose
