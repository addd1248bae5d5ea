// Package hyphenation ships the TeX Polish hyphenation patterns (hyph-utf8,
// version 3.0a, MIT; see hyph-pl.header.txt and README.md) as bytes for
// internal/hyph. It holds data only and imports nothing but embed.
package hyphenation

import _ "embed"

// PolishPatterns is hyph-pl.pat.txt: Liang patterns, one a line, UTF-8.
//
//go:embed hyph-pl.pat.txt
var PolishPatterns []byte

// PolishExceptions is hyph-pl.hyp.txt: exception words with hyphens written out.
//
//go:embed hyph-pl.hyp.txt
var PolishExceptions []byte

// PolishHeader is hyph-pl.header.txt: authors, version and licence.
//
//go:embed hyph-pl.header.txt
var PolishHeader []byte
