package diag

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Nearest returns up to max candidates closest to word by edit distance
// (case-insensitive), best first, keeping only plausible ones: a distance
// of at most a third of the word's length (and at least 1, at most 3).
// Ties keep the candidates' order. It serves "did you mean" hints.
func Nearest(word string, candidates []string, max int) []string {
	type scored struct {
		s string
		d int
	}
	limit := min(max3(utf8.RuneCountInString(word)/3), 3)
	var best []scored
	lw := strings.ToLower(word)
	for _, c := range candidates {
		if c == word {
			continue
		}
		d := distance(lw, strings.ToLower(c))
		if d <= limit {
			best = append(best, scored{c, d})
		}
	}
	slices.SortStableFunc(best, func(a, b scored) int { return a.d - b.d })
	out := make([]string, 0, min(len(best), max))
	for _, b := range best {
		if len(out) == max {
			break
		}
		if !slices.Contains(out, b.s) {
			out = append(out, b.s)
		}
	}
	return out
}

func max3(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// DidYouMean formats a hint such as ` (did you mean "title"?)`, or "" when
// there is no candidate.
func DidYouMean(word string, candidates []string) string {
	n := Nearest(word, candidates, 2)
	switch len(n) {
	case 0:
		return ""
	case 1:
		return ` (did you mean "` + n[0] + `"?)`
	}
	return ` (did you mean "` + n[0] + `" or "` + n[1] + `"?)`
}
