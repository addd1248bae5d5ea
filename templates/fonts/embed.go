// Package fonts ships the TrueType faces that render/pdf embeds (subset)
// into every PDF: Liberation Serif (body text, metric twin of Times New
// Roman), Liberation Sans (headings, tables, running heads; metric twin of
// Arial) and Liberation Mono Regular (code), version 2.1.5, SIL OFL 1.1 —
// see LICENSE-OFL.txt and README.md.
//
// The package holds data only and imports nothing but embed; the byte
// slices must be treated as read-only.
package fonts

import _ "embed"

// Liberation Serif 2.1.5.
var (
	//go:embed LiberationSerif-Regular.ttf
	SerifRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	SerifBold []byte
	//go:embed LiberationSerif-Italic.ttf
	SerifItalic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	SerifBoldItalic []byte
)

// Liberation Sans 2.1.5.
var (
	//go:embed LiberationSans-Regular.ttf
	SansRegular []byte
	//go:embed LiberationSans-Bold.ttf
	SansBold []byte
	//go:embed LiberationSans-Italic.ttf
	SansItalic []byte
	//go:embed LiberationSans-BoldItalic.ttf
	SansBoldItalic []byte
)

// Liberation Mono 2.1.5 (regular only; code blocks and Mono runs).
//
//go:embed LiberationMono-Regular.ttf
var MonoRegular []byte

// License is the SIL Open Font License text with the copyright notices.
//
//go:embed LICENSE-OFL.txt
var License string
