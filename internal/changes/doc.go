// Package changes compares two versions of one partnership's content and
// lists what changed semantically, by ID, never by line: members; goals,
// directions and results added, removed, renamed or moved; indicator
// baselines and targets; projects and their budget, sources, leader,
// partners, status and dates; the financial framework's totals by goal,
// source and year; and, per chapter, the paragraphs of prose added,
// removed and changed.
//
// It works on two loaded *model.Strategy values (the caller loads each
// version through internal/load, from disk or from a git revision via
// internal/gitrev) and prints the list for the terminal (English) or as
// JSON; compose turns the same Report into the Polish "Zestawienie zmian"
// document.
//
// changes imports model (and plfmt for numbers); it never imports load,
// compose or a renderer, and it never touches the filesystem or git.
package changes
