package docx

import "strings"

// elem is one element of generated WordprocessingML, as raw text: the
// redline works on the XML the renderer wrote, so what it leaves
// unchanged stays byte for byte what Render writes.
type elem struct {
	name  string // qualified name, "w:p"
	raw   string // the whole element, start tag to end tag
	open  string // its start tag ("" … "/>" for an empty element)
	inner string // its content ("" for an empty element)
}

// children splits XML content into its top-level elements. It reads only
// what the renderer writes: no comments, CDATA or processing
// instructions, and '<' always escaped in text and attribute values.
// Text between elements (none in the parts it reads) is dropped.
func children(s string) []elem {
	var out []elem
	i := 0
	for {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			return out
		}
		start := i + k
		end := strings.IndexByte(s[start:], '>')
		if end < 0 {
			return out
		}
		end += start + 1
		tag := s[start:end]
		if strings.HasPrefix(tag, "</") { // stray end tag: skip
			i = end
			continue
		}
		name := tagName(tag)
		if strings.HasSuffix(tag, "/>") {
			out = append(out, elem{name: name, raw: tag, open: tag})
			i = end
			continue
		}
		// find the matching end tag
		depth, j := 1, end
		for depth > 0 {
			a := strings.IndexByte(s[j:], '<')
			if a < 0 {
				return out // unbalanced: stop
			}
			a += j
			b := strings.IndexByte(s[a:], '>')
			if b < 0 {
				return out
			}
			b += a + 1
			t := s[a:b]
			switch {
			case strings.HasPrefix(t, "</"):
				depth--
			case !strings.HasSuffix(t, "/>"):
				depth++
			}
			if depth == 0 {
				out = append(out, elem{name: name, raw: s[start:b], open: tag, inner: s[end:a]})
			}
			j = b
		}
		i = j
	}
}

// tagName is the qualified name of a start tag.
func tagName(tag string) string {
	t := strings.TrimPrefix(tag, "<")
	if i := strings.IndexAny(t, " />"); i >= 0 {
		return t[:i]
	}
	return t
}

// xmlText is the content of the w:t elements in s, entities left
// escaped (enough to compare paragraphs).
func xmlText(s string) string {
	var b strings.Builder
	i := 0
	for {
		k := strings.Index(s[i:], "<w:t")
		if k < 0 || i+k+4 >= len(s) {
			return b.String()
		}
		k += i
		gt := strings.IndexByte(s[k:], '>')
		if gt < 0 {
			return b.String()
		}
		gt += k
		// <w:t> or <w:t xml:space=…>, not <w:tab/>, <w:tbl>, <w:tc> …
		if c := s[k+4]; c != '>' && c != ' ' || s[gt-1] == '/' {
			i = gt + 1
			continue
		}
		end := strings.Index(s[gt:], "</w:t>")
		if end < 0 {
			return b.String()
		}
		b.WriteString(s[gt+1 : gt+end])
		b.WriteByte(' ')
		i = gt + end
	}
}
