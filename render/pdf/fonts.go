package pdf

import (
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/strategia-pl/strategia/templates/fonts"
)

// face is one embedded font face.
type face uint8

const (
	serifR face = iota
	serifB
	serifI
	serifBI
	sansR
	sansB
	sansI
	sansBI
	monoR
	nFaces
)

var faceInfo = [nFaces]struct {
	family, style string
	data          *[]byte
}{
	{"serif", "", &fonts.SerifRegular}, {"serif", "B", &fonts.SerifBold}, {"serif", "I", &fonts.SerifItalic}, {"serif", "BI", &fonts.SerifBoldItalic},
	{"sans", "", &fonts.SansRegular}, {"sans", "B", &fonts.SansBold}, {"sans", "I", &fonts.SansItalic}, {"sans", "BI", &fonts.SansBoldItalic},
	{"mono", "", &fonts.MonoRegular},
}

// withStyle returns the face of the same family with bold/italic set.
func (f face) withStyle(bold, italic bool) face {
	if f == monoR {
		return f
	}
	base := f &^ 3
	if bold {
		base |= 1
	}
	if italic {
		base |= 2
	}
	return base
}

func (f face) bold() bool   { return f != monoR && f&1 != 0 }
func (f face) italic() bool { return f != monoR && f&2 != 0 }

const ptMM = 25.4 / 72 // one point in millimetres

const directWidths = 0x2200 // runes below this get a flat width table

// metrics measures text with the embedded fonts' advance widths (the
// same numbers fpdf uses), caching widths per rune. Measuring never
// touches the document: the widths come from the process-wide table
// (glyphWidths), and a font is registered in the document only when the
// painter first selects it, in paint order, so the document's fonts do
// not depend on what was measured when (a LayoutCache hit measures
// nothing).
type metrics struct {
	pdf   *fpdf.Fpdf
	added [nFaces]bool
	w     [nFaces][]int16
	other [nFaces]map[rune]int16
}

// ensure registers face f in the document.
func (m *metrics) ensure(f face) {
	if m.added[f] {
		return
	}
	m.added[f] = true
	fi := faceInfo[f]
	m.pdf.AddUTF8FontFromBytes(fi.family, fi.style, *fi.data)
}

// setFont selects f at size pt in fpdf.
func (m *metrics) setFont(f face, size float64) {
	m.ensure(f)
	m.pdf.SetFont(faceInfo[f].family, faceInfo[f].style, size)
}

func (m *metrics) runeWidth(f face, r rune) int {
	if m.w[f] == nil {
		m.w[f] = make([]int16, directWidths)
		for i := range m.w[f] {
			m.w[f][i] = -1
		}
		m.other[f] = map[rune]int16{}
	}
	if r < directWidths {
		if w := m.w[f][r]; w >= 0 {
			return int(w)
		}
	} else if w, ok := m.other[f][r]; ok {
		return int(w)
	}
	w := glyphWidths.width(f, r)
	if r < directWidths {
		m.w[f][r] = w
	} else {
		m.other[f][r] = w
	}
	return int(w)
}

// width returns the advance width of s in mm at size pt.
func (m *metrics) width(f face, size float64, s string) float64 {
	u := 0
	for _, r := range s {
		u += m.runeWidth(f, r)
	}
	return float64(u) * size / 1000 * ptMM
}

// glyphWidths holds the advance widths (thousandths of an em) of the
// runes measured so far in each face, for every render of the process.
// They are read from a document of their own that has no page, so that
// measuring writes nothing anywhere.
var glyphWidths = &widthTable{}

type widthTable struct {
	mu    sync.Mutex
	pdf   *fpdf.Fpdf
	added [nFaces]bool
	w     [nFaces]map[rune]int16
}

func (t *widthTable) width(f face, r rune) int16 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if w, ok := t.w[f][r]; ok {
		return w
	}
	if t.pdf == nil {
		t.pdf = fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	}
	fi := faceInfo[f]
	if !t.added[f] {
		t.added[f] = true
		t.pdf.AddUTF8FontFromBytes(fi.family, fi.style, *fi.data)
		t.w[f] = map[rune]int16{}
	}
	t.pdf.SetFont(fi.family, fi.style, 10)
	w := int16(t.pdf.GetStringSymbolWidth(string(r)))
	t.w[f][r] = w
	return w
}
