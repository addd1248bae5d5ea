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
//
// The text shown inside each MCID's sequence is kept in c.mcText (keyed
// by page object and MCID), decoded as strategia's fonts encode it: the
// two-byte codes of an Identity-H font are the text's UTF-16 code units
// (fpdf's UTF-8 fonts map each code to the glyph of that character, and
// their ToUnicode maps it back to itself).
func (c *checker) scan(page, pageObj int, s []byte) []int {
	var mcids []int
	var open []int // MCID of each open sequence (-1: none or artifact)
	var strs [][]byte
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
			var str []byte
			lvl := 0
			for i < n {
				if s[i] == '\\' && i+1 < n {
					i++
					switch e := s[i]; e {
					case 'n':
						str = append(str, '\n')
					case 'r':
						str = append(str, '\r')
					case 't':
						str = append(str, '\t')
					case 'b':
						str = append(str, '\b')
					case 'f':
						str = append(str, '\f')
					case '\r', '\n':
					default:
						if e >= '0' && e <= '7' {
							v := 0
							k := 0
							for k < 3 && i < n && s[i] >= '0' && s[i] <= '7' {
								v = v*8 + int(s[i]-'0')
								i++
								k++
							}
							str = append(str, byte(v))
							continue
						}
						str = append(str, e)
					}
					i++
					continue
				}
				if s[i] == '(' {
					lvl++
					if lvl == 1 {
						i++
						continue
					}
				} else if s[i] == ')' {
					lvl--
					if lvl == 0 {
						i++
						break
					}
				}
				str = append(str, s[i])
				i++
			}
			strs = append(strs, str)
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
			j := i + 1
			for j < n && s[j] != '>' {
				j++
			}
			strs = append(strs, unhex(s[i+1:min(j, n)]))
			i = j + 1
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
				open = append(open, -1)
			case "BDC":
				depth++
				open = append(open, lastMCID)
				if lastMCID >= 0 {
					mcids = append(mcids, lastMCID)
				}
			case "EMC":
				depth--
				if depth < 0 {
					c.fail("01-EMC", "page %d: EMC without BDC/BMC", page)
					depth = 0
				} else {
					open = open[:len(open)-1]
				}
			case "Tj", "TJ", "'", `"`:
				if len(open) > 0 && open[len(open)-1] >= 0 {
					k := mcKey{pageObj, open[len(open)-1]}
					b := c.mcText[k]
					for _, str := range strs {
						b = append(b, str...)
					}
					c.mcText[k] = b
				}
				if depth == 0 {
					c.fail("01-005", "page %d: %q draws content that is neither tagged nor an artifact", page, op)
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
			strs = strs[:0]
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

func unhex(h []byte) []byte {
	var out []byte
	var v byte
	half := false
	for _, c := range h {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, v<<4|d)
			half = false
		} else {
			v, half = d, true
		}
	}
	if half {
		out = append(out, v<<4)
	}
	return out
}
