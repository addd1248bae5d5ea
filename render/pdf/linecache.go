package pdf

import (
	"math"
	"sync"
)

// LineBreaks remembers where paragraphs broke into lines, across renders:
// a rebuild in watch mode (one chapter saved) lays out the whole document
// again, but the line breaker (Knuth–Plass, up to four passes) runs only
// for the paragraphs that changed. Breaking is a function of the items a
// paragraph is tokenized into (their kinds, widths, stretch, shrink,
// penalties and hyphen flags), the measure and how the paragraph is set,
// so a paragraph whose key is known breaks where it broke before: the
// output is the same bytes with and without the cache. The key is a 128-bit
// hash of all of them.
//
// Like the other caches it has two generations (a hit in the older one
// moves the entry to the newer; a full newer generation becomes the older
// one and the previous older is dropped), so a long watch session keeps
// the paragraphs its documents still have. It is safe for concurrent use
// by renders of several documents.
type LineBreaks struct {
	mu        sync.Mutex
	cur, prev map[lineKey][]int
}

// lineCacheEntries bounds a generation (the generated 184-page strategy
// has about 4 000 paragraphs and table cells).
const lineCacheEntries = 20000

// NewLineBreaks returns an empty cache for Options.LineBreaks.
func NewLineBreaks() *LineBreaks { return &LineBreaks{cur: map[lineKey][]int{}} }

type lineKey struct{ a, b uint64 }

func (c *LineBreaks) get(k lineKey) ([]int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if br, ok := c.cur[k]; ok {
		return br, true
	}
	if br, ok := c.prev[k]; ok {
		c.putLocked(k, br)
		return br, true
	}
	return nil, false
}

func (c *LineBreaks) put(k lineKey, br []int) {
	c.mu.Lock()
	c.putLocked(k, br)
	c.mu.Unlock()
}

func (c *LineBreaks) putLocked(k lineKey, br []int) {
	if len(c.cur) >= lineCacheEntries {
		c.prev, c.cur = c.cur, map[lineKey][]int{}
	}
	c.cur[k] = br
}

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
