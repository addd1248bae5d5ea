// Package rules holds strategia's checks of meaning: the Go pass that runs
// after the schema pass (DESIGN §3). Each Rule has a catalogue ID from
// research/domain.md §6 (ID-08, REF-01 …), a severity, a one-line title,
// its legal basis where it has one and an explanation for
// `strategia validate -explain`.
//
// Rules read the model and its Index and report into a diag.List; they
// never read files (the loader did) and never import compose or a
// renderer. Each rule is a plain function registered in the catalogue, so
// a new rule is one function, one entry and one table test.
package rules
