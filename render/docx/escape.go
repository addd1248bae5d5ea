package docx

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// escText writes s as XML character data: &, < and > escaped, characters
// XML 1.0 forbids dropped, invalid UTF-8 replaced by U+FFFD.
func escText(b *bytes.Buffer, s string) { esc(b, s, false) }

// escAttr writes s as an XML attribute value (quotes escaped too).
func escAttr(b *bytes.Buffer, s string) { esc(b, s, true) }

// attrString returns s escaped as an attribute value.
func attrString(s string) string {
	var b bytes.Buffer
	escAttr(&b, s)
	return b.String()
}

func esc(b *bytes.Buffer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' {
			i++
			continue
		}
		var rep string
		size := 1
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"':
			if !attr {
				i++
				continue
			}
			rep = "&quot;"
		case c < 0x20:
			switch {
			case c == '\t' && attr:
				rep = "&#9;"
			case c == '\n' && attr:
				rep = "&#10;"
			case c == '\t' || c == '\n':
				i++
				continue
			default:
				rep = "" // forbidden control character
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			switch {
			case r == utf8.RuneError && n == 1:
				rep = "\uFFFD"
			case r == 0xFFFE || r == 0xFFFF:
				rep = ""
			default:
				i += n
				continue
			}
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		i += size
		last = i
	}
	b.WriteString(s[last:])
}

// textWithout reports whether s needs no special run handling (tabs,
// newlines).
func plainRun(s string) bool { return !strings.ContainsAny(s, "\t\n\r") }
