package build

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"time"

	"github.com/strategia-pl/strategia/render/pdf"
)

// memo remembers, for every document a Builder wrote in one format, the
// digest of the IR it was rendered from and the files that rendering
// left on disk. A rebuild (watch, serve) whose composed IR of a document
// is the same as last time — a chapter edit changes the strategy, not
// the fiches, the resolutions or the consultation report — neither
// renders nor writes that document again: rendering is a pure function
// of the IR and the options, so the bytes on disk are the bytes it would
// write. The files are checked (size and modification time as written)
// before they are trusted: one deleted or replaced since is rendered
// again.
type memo struct {
	seed maphash.Seed
	mu   sync.Mutex
	m    map[string]memoEntry // key: output path of the document's main file
}

type memoEntry struct {
	digest uint64
	files  []fileStamp
	// layout is what the PDF layout reported (pdf.Warning), repeated on
	// every build that reuses the file.
	layout []pdf.Warning
}

// fileStamp identifies a file as the build left it.
type fileStamp struct {
	path  string
	size  int64
	mtime time.Time
}

func newMemo() *memo { return &memo{seed: maphash.MakeSeed(), m: map[string]memoEntry{}} }

// lookup reports whether key was last written from an IR with digest d
// and its files are still as written; it returns the entry.
func (m *memo) lookup(key string, d uint64) (memoEntry, bool) {
	m.mu.Lock()
	e, ok := m.m[key]
	m.mu.Unlock()
	if !ok || e.digest != d || d == 0 {
		return memoEntry{}, false
	}
	for _, f := range e.files {
		fi, err := os.Stat(f.path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != f.size || !fi.ModTime().Equal(f.mtime) {
			return memoEntry{}, false
		}
	}
	return e, true
}

// store records that key's files were written from an IR with digest d.
// A file that cannot be stated forgets the key.
func (m *memo) store(key string, d uint64, outDir string, files []file, layout []pdf.Warning) {
	e := memoEntry{digest: d, layout: layout}
	for _, f := range files {
		p := filepath.Join(outDir, f.path)
		fi, err := os.Stat(p)
		if err != nil {
			d = 0
			break
		}
		e.files = append(e.files, fileStamp{path: p, size: fi.Size(), mtime: fi.ModTime()})
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if d == 0 {
		delete(m.m, key)
		return
	}
	m.m[key] = e
}

// forget drops key (its files were not written as remembered).
func (m *memo) forget(key string) {
	m.mu.Lock()
	delete(m.m, key)
	m.mu.Unlock()
}

// digest hashes everything reachable from v (the IR of one document and
// its render options): every field of every struct, exported or not,
// every element, the concrete type of every interface value; maps are
// hashed independently of their order. It knows nothing of the IR's
// types, so a field added to the IR tomorrow is hashed too. It returns 0
// (never cached) for what it cannot hash faithfully: functions, channels,
// unsafe pointers, or a structure nested deeper than any IR is (a cycle).
func (m *memo) digest(v any) uint64 {
	var h maphash.Hash
	h.SetSeed(m.seed)
	d := &digester{h: &h, seed: m.seed}
	if !d.value(reflect.ValueOf(v), 0) {
		return 0
	}
	if s := h.Sum64(); s != 0 {
		return s
	}
	return 1
}

type digester struct {
	h    *maphash.Hash
	seed maphash.Seed
	buf  [8]byte
}

// maxDepth bounds the nesting the digest follows: the IR is a tree a few
// dozen levels deep; anything deeper is taken for a cycle.
const maxDepth = 500

func (d *digester) u64(x uint64) {
	binary.LittleEndian.PutUint64(d.buf[:], x)
	d.h.Write(d.buf[:])
}

func (d *digester) value(v reflect.Value, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch v.Kind() {
	case reflect.Invalid:
		d.h.WriteByte(0)
	case reflect.Bool:
		if v.Bool() {
			d.h.WriteByte(1)
		} else {
			d.h.WriteByte(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		d.u64(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		d.u64(math.Float64bits(real(c)))
		d.u64(math.Float64bits(imag(c)))
	case reflect.String:
		d.u64(uint64(v.Len()))
		d.h.WriteString(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			d.h.WriteByte(0)
			return true
		}
		d.h.WriteByte(1)
		return d.value(v.Elem(), depth+1)
	case reflect.Interface:
		if v.IsNil() {
			d.h.WriteByte(0)
			return true
		}
		e := v.Elem()
		d.h.WriteByte(1)
		d.h.WriteString(e.Type().String())
		return d.value(e, depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			if !d.value(v.Field(i), depth+1) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			d.h.WriteByte(0)
			return true
		}
		d.h.WriteByte(1)
		d.u64(uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
			d.h.Write(v.Bytes())
			return true
		}
		for i := range v.Len() {
			if !d.value(v.Index(i), depth+1) {
				return false
			}
		}
	case reflect.Map:
		if v.IsNil() {
			d.h.WriteByte(0)
			return true
		}
		// Each entry hashed on its own, the sums added: map order
		// does not matter.
		var sum uint64
		it := v.MapRange()
		for it.Next() {
			var eh maphash.Hash
			eh.SetSeed(d.seed)
			ed := &digester{h: &eh, seed: d.seed}
			if !ed.value(it.Key(), depth+1) || !ed.value(it.Value(), depth+1) {
				return false
			}
			sum += eh.Sum64()
		}
		d.h.WriteByte(1)
		d.u64(uint64(v.Len()))
		d.u64(sum)
	default: // Func, Chan, UnsafePointer: not data
		if v.Kind() == reflect.UnsafePointer || !v.IsNil() {
			return false
		}
		d.h.WriteByte(0)
	}
	return true
}
