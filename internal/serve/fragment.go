package serve

import (
	"bytes"
	"regexp"
)

// Fragment is the part of a page that a rebuild changed: the whole
// <section> element with the given id, as HTML. A page the browser holds
// at the previous version replaces that element and is up to date,
// without fetching and parsing the whole (possibly 200-page) document.
type Fragment struct {
	ID   string `json:"id"`
	HTML string `json:"html"`
}

var idAttr = regexp.MustCompile(`^<section[^>]* id="([^"]+)"[^>]*>`)

// nextSectionTag finds the first "<section" (followed by a space or
// '>') or "</section>" in b at or after from; it returns its offset
// (-1 when there is none) and whether it closes an element. A byte scan,
// not a regular expression: the page of a long strategy is ~700 kB and
// this runs on every save.
func nextSectionTag(b []byte, from int) (int, bool) {
	for from < len(b) {
		i := bytes.Index(b[from:], []byte("section"))
		if i < 0 {
			return -1, false
		}
		i += from
		from = i + len("section")
		switch {
		case i >= 1 && b[i-1] == '<' && from < len(b) && (b[from] == ' ' || b[from] == '>'):
			return i - 1, false
		case i >= 2 && b[i-2] == '<' && b[i-1] == '/' && from < len(b) && b[from] == '>':
			return i - 2, true
		}
	}
	return -1, false
}

// fragment finds the innermost <section> of next that holds every byte
// in which next differs from prev, and whose opening tag (with its id)
// is the same in both. It reports false when there is none (the change
// reaches the table of contents, the footnotes or the title page): the
// browser then fetches the whole page.
func fragment(prev, next []byte) (Fragment, bool) {
	if prev == nil || bytes.Equal(prev, next) {
		return Fragment{}, false
	}
	n := min(len(prev), len(next))
	p := 0
	for p < n && prev[p] == next[p] {
		p++
	}
	q := 0
	for q < n-p && prev[len(prev)-1-q] == next[len(next)-1-q] {
		q++
	}
	end := len(next) - q // next[p:end] differs
	var stack []int      // starts of the open <section> elements
	best := [2]int{-1, -1}
	for m := 0; ; {
		s, closing := nextSectionTag(next, m)
		if s < 0 {
			break
		}
		if !closing {
			stack = append(stack, s)
			m = s + len("<section")
			continue
		}
		if len(stack) == 0 {
			return Fragment{}, false // not the renderer's output
		}
		open := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		e := s + len("</section>")
		m = e
		tagEnd := bytes.IndexByte(next[open:], '>') + open
		if tagEnd < p && open <= p && e >= end {
			if best[0] < 0 || e-open < best[1]-best[0] {
				best = [2]int{open, e}
			}
		}
	}
	if best[0] < 0 {
		return Fragment{}, false
	}
	html := next[best[0]:best[1]]
	m := idAttr.FindSubmatch(html)
	if m == nil {
		return Fragment{}, false
	}
	return Fragment{ID: string(m[1]), HTML: string(html)}, true
}
