package serve

import (
	"strings"
	"testing"
)

func TestFragment(t *testing.T) {
	page := func(a, b string) string {
		return `<nav><a href="#r1">1. Diagnoza</a></nav>` +
			`<section id="r1"><h2>1. Diagnoza</h2><p>wstęp</p>` +
			`<section id="r1-1"><h3>1.1. Ludność</h3><p>` + a + `</p></section>` +
			`<section id="r1-2"><h3>1.2. Gospodarka</h3><p>` + b + `</p></section>` +
			`</section><section class="przypisy"><ol></ol></section>`
	}
	for _, tc := range []struct {
		name, prev, next string
		id               string // "" when no fragment
	}{
		{"in one subsection", page("a", "b"), page("a, dopisane", "b"), "r1-1"},
		{"in the other", page("a", "b"), page("a", "b2"), "r1-2"},
		{"across two subsections", page("a", "b"), page("a2", "b2"), "r1"},
		{"the table of contents too", page("a", "b"), strings.Replace(page("a2", "b"), "1. Diagnoza</a>", "1. Diagnoza obszaru</a>", 1), ""},
		{"a section's own tag", page("a", "b"), strings.Replace(page("a", "b"), `id="r1-2"`, `id="r1-9"`, 1), "r1"},
		{"no change", page("a", "b"), page("a", "b"), ""},
		{"no previous page", "", page("a", "b"), ""},
	} {
		var prev []byte
		if tc.prev != "" {
			prev = []byte(tc.prev)
		}
		f, ok := fragment(prev, []byte(tc.next))
		if tc.id == "" {
			if ok {
				t.Errorf("%s: fragment %q, want none", tc.name, f.ID)
			}
			continue
		}
		if !ok || f.ID != tc.id {
			t.Errorf("%s: fragment %q (%v), want %q", tc.name, f.ID, ok, tc.id)
			continue
		}
		// Replacing the element in prev gives next.
		i := strings.Index(tc.prev, `<section id="`+tc.id+`"`)
		if tc.name == "a section's own tag" {
			i = strings.Index(tc.prev, `<section id="r1"`)
		}
		old := tc.prev[i:]
		depth, j := 0, 0
		for j = 0; j < len(old); j++ {
			if strings.HasPrefix(old[j:], "<section") {
				depth++
			} else if strings.HasPrefix(old[j:], "</section>") {
				depth--
				if depth == 0 {
					j += len("</section>")
					break
				}
			}
		}
		if got := tc.prev[:i] + f.HTML + old[j:]; got != tc.next {
			t.Errorf("%s: patched page differs:\n%s\n%s", tc.name, got, tc.next)
		}
	}
}
