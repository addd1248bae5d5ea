package pdf

import (
	"math"

	"github.com/strategia-pl/strategia/internal/gencache"
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
// and without the cache. Both tables forget what the documents no longer
// use (internal/gencache). It is safe for concurrent use by renders of
// several documents.
type LayoutCache struct {
	lines *gencache.Cache[lineKey, []int]
	words *gencache.Cache[wordCacheKey, []kpItem]
}

// NewLayoutCache returns an empty cache for Options.Cache.
func NewLayoutCache() *LayoutCache {
	// A generation holds the paragraphs and words of a few large
	// documents (the generated 184-page strategy has about 4 000
	// paragraphs and table cells).
	return &LayoutCache{lines: gencache.New[lineKey, []int](20000), words: gencache.New[wordCacheKey, []kpItem](100000)}
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

type lineKey struct{ a, b uint64 }

// breakKey hashes what the breaks of items depend on: the items, the
// measure lw and the paragraph's setting ps. Two lanes with different
// multipliers make the 128 bits.
func breakKey(items []kpItem, lw float64, ps paraSpec) lineKey {
	h := lineHasher{a: 0x9e3779b97f4a7c15, b: 0xc2b2ae3d27d4eb4f}
	h.f(lw)
	h.f(ps.size)
	var flags uint64
	for i, on := range []bool{ps.justify, ps.code, ps.firstFit, ps.cell, ps.hyphen, ps.balance} {
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
