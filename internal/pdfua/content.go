package pdfua

import (
	"strconv"
)

// paints are the operators that put marks on the page.
var paints = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true, "Do": true, "sh": true, "BI": true,
	"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true,
}

// scan reads a page's content stream and returns the MCIDs of its marked
// content, reporting marks drawn outside any marked content (neither
// real content nor an artifact) and unbalanced BDC/EMC.
func (c *checker) scan(page int, s []byte) []int {
	var mcids []int
	// stack of open sequences: true for a tagged or artifact sequence
	// (BDC/BMC), the marks inside are accounted for
	depth := 0
	var operands []string
	lastMCID := -1
	i := 0
	n := len(s)
	for i < n {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' || ch == 0:
			i++
		case ch == '%':
			for i < n && s[i] != '\n' && s[i] != '\r' {
				i++
			}
		case ch == '(':
			lvl := 0
			for i < n {
				if s[i] == '\\' {
					i += 2
					continue
				}
				if s[i] == '(' {
					lvl++
				} else if s[i] == ')' {
					lvl--
					if lvl == 0 {
						i++
						break
					}
				}
				i++
			}
			operands = append(operands, "(str)")
		case ch == '<' && i+1 < n && s[i+1] == '<':
			// an inline dictionary (marked-content properties)
			start := i
			lvl := 0
			for i < n {
				if i+1 < n && s[i] == '<' && s[i+1] == '<' {
					lvl++
					i += 2
					continue
				}
				if i+1 < n && s[i] == '>' && s[i+1] == '>' {
					lvl--
					i += 2
					if lvl == 0 {
						break
					}
					continue
				}
				i++
			}
			d := string(s[start:i])
			lastMCID = mcidOf(d)
			operands = append(operands, "<<dict>>")
		case ch == '<':
			for i < n && s[i] != '>' {
				i++
			}
			i++
			operands = append(operands, "<hex>")
		case ch == '[' || ch == ']' || ch == '{' || ch == '}':
			i++
		case ch == '/':
			j := i + 1
			for j < n && !delim(s[j]) {
				j++
			}
			operands = append(operands, string(s[i:j]))
			i = j
		case (ch >= '0' && ch <= '9') || ch == '-' || ch == '+' || ch == '.':
			j := i + 1
			for j < n && !delim(s[j]) {
				j++
			}
			operands = append(operands, string(s[i:j]))
			i = j
		default:
			j := i + 1
			for j < n && !delim(s[j]) {
				j++
			}
			op := string(s[i:j])
			i = j
			switch op {
			case "BMC":
				depth++
			case "BDC":
				depth++
				if lastMCID >= 0 {
					mcids = append(mcids, lastMCID)
				}
			case "EMC":
				depth--
				if depth < 0 {
					c.fail("01-EMC", "page %d: EMC without BDC/BMC", page)
					depth = 0
				}
			case "BI":
				// an inline image: skip to EI
				for i+2 < n && !(s[i] == 'E' && s[i+1] == 'I' && delim(s[i+2])) {
					i++
				}
				i += 2
				if depth == 0 {
					c.fail("01-005", "page %d: an inline image is neither tagged content nor an artifact", page)
				}
			default:
				if paints[op] && depth == 0 {
					c.fail("01-005", "page %d: %q draws content that is neither tagged nor an artifact", page, op)
				}
			}
			lastMCID = -1
			operands = operands[:0]
		}
	}
	if depth != 0 {
		c.fail("01-EMC", "page %d: %d marked-content sequences left open", page, depth)
	}
	return mcids
}

func delim(b byte) bool {
	switch b {
	case ' ', '\n', '\r', '\t', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// mcidOf returns the /MCID of an inline property dictionary, or -1.
func mcidOf(d string) int {
	const key = "/MCID"
	for i := 0; i+len(key) < len(d); i++ {
		if d[i:i+len(key)] != key {
			continue
		}
		j := i + len(key)
		for j < len(d) && (d[j] == ' ' || d[j] == '\n' || d[j] == '\r') {
			j++
		}
		k := j
		for k < len(d) && d[k] >= '0' && d[k] <= '9' {
			k++
		}
		if v, err := strconv.Atoi(d[j:k]); err == nil {
			return v
		}
	}
	return -1
}
