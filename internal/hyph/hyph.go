package hyph

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/templates/hyphenation"
)

// Minimum fragment lengths for Polish (from the patterns' header).
const (
	LeftMin  = 2
	RightMin = 2
)

type table struct {
	patterns   map[string][]uint8 // letters (with '.' for word edges) → weights, len(letters)+1
	maxLen     int                // longest pattern, in runes
	exceptions map[string][]int   // lowercase word → break points
}

var (
	once sync.Once
	tab  *table
)

func load() *table {
	once.Do(func() {
		tab = parse(hyphenation.PolishPatterns, hyphenation.PolishExceptions)
	})
	return tab
}

func parse(pat, exc []byte) *table {
	t := &table{patterns: make(map[string][]uint8, 4500), exceptions: map[string][]int{}}
	var letters []rune
	for line := range bytes.Lines(pat) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '%' {
			continue
		}
		letters = letters[:0]
		weights := make([]uint8, 1, len(line)+1)
		for _, r := range string(line) {
			if r >= '0' && r <= '9' {
				weights[len(weights)-1] = uint8(r - '0')
				continue
			}
			letters = append(letters, r)
			weights = append(weights, 0)
		}
		t.patterns[string(letters)] = weights
		t.maxLen = max(t.maxLen, len(letters))
	}
	for line := range bytes.Lines(exc) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '%' {
			continue
		}
		var pts []int
		n := 0
		var word []rune
		for _, r := range string(line) {
			if r == '-' {
				pts = append(pts, n)
				continue
			}
			word = append(word, unicode.ToLower(r))
			n++
		}
		t.exceptions[string(word)] = pts
	}
	return t
}

// Points returns the positions, in runes from the start of word, where the
// word may be hyphenated: a position p means "word[:p]-" + "word[p:]".
// The word must be a single word of letters; anything else (digits,
// punctuation, fewer than LeftMin+RightMin letters) yields nil. Case is
// ignored.
func Points(word string) []int {
	if p, ok := cache.Load(word); ok {
		return p.([]int)
	}
	pts := points(word)
	if cacheSize.Add(1) <= maxCache {
		cache.Store(word, pts)
	}
	return pts
}

// The results of Points are cached per process: a strategy repeats its
// words, and watch mode lays the same text out again on every save. The
// returned slices are shared and must not be modified.
var (
	cache     sync.Map // word → []int
	cacheSize atomic.Int64
)

const maxCache = 1 << 18

func points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < LeftMin+RightMin {
		return nil
	}
	t := load()
	// ".word." in lower case.
	w := make([]rune, 0, n+2)
	w = append(w, '.')
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return nil
		}
		w = append(w, unicode.ToLower(r))
	}
	w = append(w, '.')
	if pts, ok := t.exceptions[string(w[1:len(w)-1])]; ok {
		return append([]int(nil), pts...)
	}
	weights := make([]uint8, len(w)+1)
	key := make([]byte, 0, 4*t.maxLen)
	for i := range w {
		key = key[:0]
		for j := i; j < len(w) && j-i < t.maxLen; j++ {
			key = utf8.AppendRune(key, w[j])
			if p, ok := t.patterns[string(key)]; ok { // no allocation: map lookup by []byte
				for k, v := range p {
					if v > weights[i+k] {
						weights[i+k] = v
					}
				}
			}
		}
	}
	// weights[i] sits before w[i]; w[0] is '.', so a break before letter
	// index p (0-based in word) is weights[p+1].
	var pts []int
	for p := LeftMin; p <= n-RightMin; p++ {
		if weights[p+1]%2 == 1 {
			pts = append(pts, p)
		}
	}
	return pts
}

// Hyphenate returns word with sep inserted at every break point, for tests
// and debugging: Hyphenate("strategia", "-") == "stra-te-gia".
func Hyphenate(word, sep string) string {
	pts := Points(word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	i := 0
	for _, r := range word {
		if len(pts) > 0 && pts[0] == i {
			b.WriteString(sep)
			pts = pts[1:]
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}
