// Package templates holds what the documents say: the document templates
// (strategy/*.tmpl, procedure/*.tmpl, fiche/*.tmpl: structure and fixed Polish wording, Go
// text/template files run by internal/tmpl and read by internal/compose),
// and, in its sub-folders, the grammar and reference data (refdata), the
// fonts, the reference DOCX parts and the hyphenation patterns.
//
// A workspace overrides a template by a file of the same name in its own
// templates/ folder; `strategia templates export DIR` writes this set.
package templates

import "embed"

// FS holds the template files.
//
//go:embed strategy procedure fiche common changes
var FS embed.FS
