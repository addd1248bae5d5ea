package fpdf

import (
	"encoding/binary"
	"slices"
	"sync"
)

// strategia patch: a process-wide cache of UTF-8 font subsets.
//
// A subset (and its CIDToGIDMap) depends only on the font file and the set
// of runes used, and a document rebuilt after an edit nearly always uses
// the same runes as before: cutUTF8Fonts takes the compressed streams of
// such a subset from here instead of parsing the font and cutting it again.
// The cache holds the most recently used subsetCacheSize subsets.

const subsetCacheSize = 64

type subsetKey struct {
	font  *byte  // the font file (first byte of its data)
	n     int    // its length
	runes string // the runes used, sorted, 4 bytes each
}

type subsetEntry struct {
	size     int    // length of the uncompressed subset
	cidToGid []byte // compressed CIDToGIDMap
	font     []byte // compressed subset
	lastRune int
	used     uint64 // last use, for eviction
}

var subsetCache struct {
	sync.Mutex
	m    map[subsetKey]*subsetEntry
	tick uint64
}

// subsetKeyOf returns the cache key of cutting utf with the runes that
// are the values of usedRunes (what parseSymbols reads); ok is false for
// a font that was not read from memory.
func subsetKeyOf(utf *utf8FontFile, usedRunes map[int]int) (subsetKey, bool) {
	if utf == nil || utf.fileReader == nil || len(utf.fileReader.array) == 0 {
		return subsetKey{}, false
	}
	rs := make([]int, 0, len(usedRunes))
	for _, r := range usedRunes {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	b := make([]byte, 0, 4*len(rs))
	for _, r := range rs {
		b = binary.BigEndian.AppendUint32(b, uint32(r))
	}
	return subsetKey{font: &utf.fileReader.array[0], n: len(utf.fileReader.array), runes: string(b)}, true
}

// cachedSubset returns the cached cut for key as fresh buffers.
func cachedSubset(key subsetKey) (*utf8Cut, int, bool) {
	subsetCache.Lock()
	defer subsetCache.Unlock()
	e := subsetCache.m[key]
	if e == nil {
		return nil, 0, false
	}
	subsetCache.tick++
	e.used = subsetCache.tick
	return &utf8Cut{size: e.size, cidToGid: memOf(e.cidToGid), font: memOf(e.font)}, e.lastRune, true
}

// storeSubset keeps a copy of cut under key, evicting the least recently
// used subset when the cache is full.
func storeSubset(key subsetKey, cut *utf8Cut, lastRune int) {
	e := &subsetEntry{size: cut.size, cidToGid: cut.cidToGid.copy(), font: cut.font.copy(), lastRune: lastRune}
	subsetCache.Lock()
	defer subsetCache.Unlock()
	if subsetCache.m == nil {
		subsetCache.m = map[subsetKey]*subsetEntry{}
	}
	if len(subsetCache.m) >= subsetCacheSize {
		var oldest subsetKey
		least := ^uint64(0)
		for k, v := range subsetCache.m {
			if v.used < least {
				oldest, least = k, v.used
			}
		}
		delete(subsetCache.m, oldest)
	}
	subsetCache.tick++
	e.used = subsetCache.tick
	subsetCache.m[key] = e
}

func memOf(b []byte) *membuffer {
	mem := xmem.Get().(*membuffer)
	mem.buf.Reset()
	mem.buf.Write(b)
	return mem
}
