package model

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
)

// PlaceholderMark marks a value strategia init wrote for the user to
// replace: in a YAML string ("UZUPEŁNIJ: cel strategiczny …"), in the
// comment on a value's line (total: 3000000  # UZUPEŁNIJ) or in a line of
// a Markdown file. The mark is upper case; the verb in running prose
// ("należy uzupełnić") is not a placeholder.
const PlaceholderMark = "UZUPEŁNIJ"

// Placeholder is one place of the content that still holds a placeholder.
type Placeholder struct {
	Pos  diag.Pos
	Text string // the line or value, trimmed, for the message
}

// HasPlaceholder reports whether s carries the placeholder mark.
func HasPlaceholder(s string) bool { return strings.Contains(s, PlaceholderMark) }
