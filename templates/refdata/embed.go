// Package refdata holds the reference data strategia ships (the TERC
// register, the voivodeships, the funding-programme registry and the
// law's dates, the grammar of generated sentences, the Polish labels of
// the schema's enumerations), embedded in the
// binary. internal/refdata parses it (grammar.yaml: internal/grammar); see
// PROVENANCE.md for where each file comes from.
package refdata

import "embed"

// FS holds the data files.
//
//go:embed TERC.csv voivodeships.csv programmes.yaml law.yaml grammar.yaml labels.yaml PROVENANCE.md
var FS embed.FS
