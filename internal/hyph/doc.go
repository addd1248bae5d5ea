// Package hyph hyphenates Polish words with Liang's algorithm (the one TeX
// uses) over the hyph-utf8 Polish patterns shipped in templates/hyphenation.
//
// It owns pattern parsing (once, lazily, behind a sync.Once; the parsed
// table is immutable afterwards, so the package is safe for concurrent use)
// and the break-point computation with Polish minimum fragments of two
// letters on each side. It must never import render/*, the model or
// anything above it; it imports only templates/hyphenation and the
// standard library.
package hyph
