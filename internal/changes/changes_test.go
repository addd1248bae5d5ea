package changes

import (
	"strings"
	"testing"
)

func TestCountParagraphs(t *testing.T) {
	for _, tc := range []struct {
		old, new string // paragraphs separated by "|"
		want     Paragraphs
	}{
		{"a|b|c", "a|b|c", Paragraphs{}},
		{"a|b|c", "a|x|c", Paragraphs{Changed: 1}},
		{"a|b|c", "a|c", Paragraphs{Removed: 1}},
		{"a|c", "a|b|c", Paragraphs{Added: 1}},
		{"a|b|c", "c|a|b", Paragraphs{}},                   // c only moved
		{"a|b", "x|y|z", Paragraphs{Changed: 2, Added: 1}}, // all rewritten
		{"", "a", Paragraphs{Added: 1}},
		{"a", "", Paragraphs{Removed: 1}},
		{"a|b|c|d", "a|B|c|d|e", Paragraphs{Changed: 1, Added: 1}},
	} {
		split := func(s string) []string {
			if s == "" {
				return nil
			}
			return strings.Split(s, "|")
		}
		if got := countParagraphs(split(tc.old), split(tc.new)); got != tc.want {
			t.Errorf("%q → %q: %+v, want %+v", tc.old, tc.new, got, tc.want)
		}
	}
}

func TestParagraphsIgnoreWrapping(t *testing.T) {
	got := paragraphs([]string{"Pierwszy akapit\nzawinięty.\r\n\r\nDrugi   akapit.\n\n\n"})
	if len(got) != 2 || got[0] != "Pierwszy akapit zawinięty." || got[1] != "Drugi akapit." {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestGroup(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 215000000: "215,000,000", -1234.5: "-1,234.5", 0.125: "0.13"} {
		if got := group(v); got != want {
			t.Errorf("group(%v) = %q, want %q", v, got, want)
		}
	}
}
