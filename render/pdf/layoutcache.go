package pdf

import (
	"math"
	"sync"
)

// LayoutCache remembers, across renders, what laying out paragraphs
// measured and decided, so that a rebuild in watch mode (one chapter
// saved) does again only the work of what changed:
//
//   - the items a word is split into (its pieces between hyphenation
//     points, measured, and the penalties between them), per font, size,
//     language and paragraph kind;
//   - where a paragraph breaks into lines (Knuth–Plass, up to four
//     passes), per 128-bit hash of everything the breaks depend on: the
//     paragraph's items (kinds, widths, stretch, shrink, penalties, hyphen
//     flags), the measure and how the paragraph is set.
//
// Both are functions of their keys, so a render gives the same bytes with
// and without the cache. Each table has two generations (a hit in the
// older one moves the entry to the newer; a full newer generation becomes
// the older one and the previous older is dropped), so a long watch
// session keeps what its documents still use, and no more. It is safe for
// concurrent use by renders of several documents.
type LayoutCache struct {
	mu    sync.Mutex
	lines generations[lineKey, []int]
	words generations[wordCacheKey, []kpItem]
}

// NewLayoutCache returns an empty cache for Options.Cache.
func NewLayoutCache() *LayoutCache {
	return &LayoutCache{lines: newGenerations[lineKey, []int](20000), words: newGenerations[wordCacheKey, []kpItem](100000)}
}

// generations is a map in two generations of at most max entries each.
type generations[K comparable, V any] struct {
	cur, prev map[K]V
	max       int
}

func newGenerations[K comparable, V any](max int) generations[K, V] {
	return generations[K, V]{cur: map[K]V{}, max: max}
}

func (g *generations[K, V]) get(k K) (V, bool) {
	if v, ok := g.cur[k]; ok {
		return v, true
	}
	v, ok := g.prev[k]
	if ok {
		g.put(k, v)
	}
	return v, ok
}

func (g *generations[K, V]) put(k K, v V) {
	if len(g.cur) >= g.max {
		g.prev, g.cur = g.cur, map[K]V{}
	}
	g.cur[k] = v
}

func (c *LayoutCache) breaks(k lineKey) ([]int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lines.get(k)
}

func (c *LayoutCache) putBreaks(k lineKey, br []int) {
	c.mu.Lock()
	c.lines.put(k, br)
	c.mu.Unlock()
}

// wordCacheKey is what a word's items depend on (see flushWord): the
// word, its font, size and language, and the paragraph's kind. Words in
// links are not cached (a link's URL changes how its text breaks).
type wordCacheKey struct {
	text               string
	face               face
	size               float64
	lang               string
	cell, code, hyphen bool
}

// wordRun stands, in a cached word's items, for the run of the word: a
// hit puts the word's run of the render in its place.
var wordRun = &run{}

func (c *LayoutCache) word(k wordCacheKey) ([]kpItem, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.words.get(k)
}

func (c *LayoutCache) putWord(k wordCacheKey, items []kpItem) {
	c.mu.Lock()
	c.words.put(k, items)
	c.mu.Unlock()
}

type lineKey struct{ a, b uint64 }

// breakKey hashes what the breaks of items depend on: the items, the
// measure lw and the paragraph's setting ps. Two lanes with different
// multipliers make the 128 bits.
func breakKey(items []kpItem, lw float64, ps paraSpec) lineKey {
	h := lineHasher{a: 0x9e3779b97f4a7c15, b: 0xc2b2ae3d27d4eb4f}
	h.f(lw)
	h.f(ps.size)
	var flags uint64
	for i, on := range []bool{ps.justify, ps.code, ps.firstFit, ps.cell, ps.hyphen} {
		if on {
			flags |= 1 << i
		}
	}
	h.u(flags)
	h.u(uint64(len(items)))
	for i := range items {
		it := &items[i]
		k := uint64(it.kind)
		if it.flagged {
			k |= 1 << 8
		}
		h.u(k)
		h.f(it.w)
		if it.kind != kBox {
			h.f(it.st)
			h.f(it.sh)
			h.f(it.pen)
		}
	}
	return lineKey{h.a, h.b}
}

type lineHasher struct{ a, b uint64 }

func (h *lineHasher) u(v uint64) {
	h.a = (h.a ^ v) * 0x100000001b3
	h.a ^= h.a >> 29
	h.b = (h.b ^ v) * 0xff51afd7ed558ccd
	h.b ^= h.b >> 32
}

func (h *lineHasher) f(v float64) { h.u(math.Float64bits(v)) }
