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

var (
	sectionTag = regexp.MustCompile(`<section[ >]|</section>`)
	idAttr     = regexp.MustCompile(`^<section[^>]* id="([^"]+)"[^>]*>`)
)

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
	type open struct{ start int }
	var stack []open
	best := [2]int{-1, -1}
	for _, m := range sectionTag.FindAllIndex(next, -1) {
		if next[m[0]+1] != '/' {
			stack = append(stack, open{m[0]})
			continue
		}
		if len(stack) == 0 {
			return Fragment{}, false // not the renderer's output
		}
		s := stack[len(stack)-1].start
		stack = stack[:len(stack)-1]
		e := m[1]
		tagEnd := bytes.IndexByte(next[s:], '>') + s
		if tagEnd < p && s <= p && e >= end {
			if best[0] < 0 || e-s < best[1]-best[0] {
				best = [2]int{s, e}
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
