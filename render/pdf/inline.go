package pdf

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/internal/hyph"
	"github.com/strategia-pl/strategia/render/doc"
)

// Knuth–Plass item kinds.
const (
	kBox = iota
	kGlue
	kPen
)

// Line-breaking parameters, TeX's plain/LaTeX values unless said, tuned
// against XeLaTeX on the example's diagnosis chapter (see
// hyphenation_test.go for the measure).
const (
	inf        = 10000.0 // a penalty that forbids a break
	hyphenPen  = 50.0    // \hyphenpenalty and \exhyphenpenalty
	urlPen     = 50.0    // a break inside a URL, at / . - ? &
	forcePen   = 5000.0  // a break inside an unbreakable word, at any character
	linePen    = 10.0    // \linepenalty
	flagDem    = 10000.0 // \doublehyphendemerits: two hyphenated lines in a row
	finalDem   = 5000.0  // \finalhyphendemerits: a hyphen on the last-but-one line
	fitnessDem = 10000.0 // \adjdemerits: adjacent lines of very different tightness
	shortLast  = 30000.0 // a paragraph's last line shorter than three words
	maxHyphRun = 2       // hyphenated lines in a row, at most
	// unstretchable is the adjustment ratio the emergency pass gives a
	// line that has no space to stretch: looser than any line that has
	unstretchable = 1000.0
	preTol        = 1.0  // \pretolerance 100: the first pass, without hyphenation
	tolerance     = 1.26 // \tolerance 200: the second pass, with hyphenation
	minHyphWord   = 6    // letters of the shortest word that may be hyphenated
	minCellFrag   = 3    // letters on either side of a hyphen in a table cell
	raggedEms     = 2.0  // stretch of a ragged-right line end, ems (\raggedright)
	fill          = 1e5  // stretch of the glue that ends a paragraph
)

// run is the style of a box.
type run struct {
	face   face
	size   float64 // pt
	rise   float64 // mm, positive up
	color  rgb
	link   *linkRef
	strike bool
	lang   string // BCP 47 of text in another language ("" the document's)
}

type linkRef struct{ url, anchor string }

type kpItem struct {
	kind    uint8
	flagged bool    // a break here ends the line with a hyphen or dash
	forced  bool    // a break inside an unbreakable word (warned about)
	w       float64 // natural width, mm
	st, sh  float64 // glue stretch and shrink
	pen     float64
	text    string
	run     *run
	fn      *footnote // set on the marker box of a footnote's first reference
}

// paraSpec describes how a paragraph is set.
type paraSpec struct {
	face    face
	size    float64 // pt
	lead    float64 // line height, mm
	align   doc.Align
	justify bool
	hyphen  bool
	color   rgb
	code    bool // keep spaces, no hyphenation
	cell    bool // in a table cell: longer fragments on both sides of a hyphen
	// firstFit breaks lines first-fit, as Word and LibreOffice do (TOC
	// entries, whose DOCX twins must wrap alike)
	firstFit bool
	// balance sets a ragged paragraph of several lines at the narrowest
	// measure that keeps its number of lines (headings, titles)
	balance bool
}

// pline is one typeset line: items relative to the line's top (x absolute).
type pline struct {
	items []item
	h     float64
	base  float64 // baseline offset from the top
	fns   []*footnote
}

// tokenizer turns inlines into Knuth–Plass items.
type tokenizer struct {
	l     *layout
	ps    paraSpec
	items []kpItem
	word  []kpItem // boxes of the word being built (one per run)
	cur   []byte   // the fragment being built (one run)
	curR  *run
	runes int // runes in the current word
	last  rune
	fn    *footnote
	// measure: only widths are wanted (column sizing); footnotes are
	// not numbered or laid out
	measure bool
	// memo is the layout's word memo of run memoRun and this paragraph's
	// kind (flushWord)
	memoRun *run
	memo    map[string][]kpItem
}

func (t *tokenizer) flushFrag() {
	if len(t.cur) == 0 {
		return
	}
	t.word = append(t.word, kpItem{kind: kBox, text: string(t.cur), run: t.curR})
	t.cur = t.cur[:0]
}

// flushWord emits the current word's boxes with their break points and
// reports whether the word was a single letter. The word decides as a
// whole whether it may be hyphenated (TeX's discipline: not with digits,
// not with a capital after its first letter, not a URL), each letter run
// of it whether it is long enough.
func (t *tokenizer) flushWord() (oneLetter bool) {
	// a word of one run is split and measured once per layout: its items
	// are remembered per run and paragraph kind, with wordRun standing
	// for the run (so that the LayoutCache can hold the same slice)
	var memo map[string][]kpItem
	if len(t.word) == 0 && len(t.cur) > 0 {
		if t.memoRun == t.curR && t.memo != nil {
			memo = t.memo // the run of the word before, as a rule
		} else {
			k := wordKey{r: t.curR, cell: t.ps.cell, code: t.ps.code, hyphen: t.ps.hyphen}
			if memo = t.l.wordMemo[k]; memo == nil {
				memo = map[string][]kpItem{}
				t.l.wordMemo[k] = memo
			}
			t.memoRun, t.memo = t.curR, memo
		}
		its, ok := memo[string(t.cur)]
		if !ok && t.l.cache != nil && t.curR.link == nil {
			// measured by an earlier render (LayoutCache)
			if its, ok = t.l.cache.words.Get(t.wordCacheKey(string(t.cur), t.curR)); ok {
				memo[string(t.cur)] = its
			}
		}
		if ok {
			oneLetter = t.runes == 1 && unicode.IsLetter(t.last)
			n := len(t.items)
			t.items = append(t.items, its...)
			for i := n; i < len(t.items); i++ {
				if t.items[i].run == wordRun {
					t.items[i].run = t.curR
				}
			}
			t.cur = t.cur[:0]
			t.runes = 0
			return oneLetter
		}
	}
	t.flushFrag()
	if len(t.word) == 0 {
		return false
	}
	oneLetter = t.runes == 1 && unicode.IsLetter(t.last)
	mode := t.wordMode()
	start := len(t.items)
	for _, b := range t.word {
		t.emitBox(b, mode)
	}
	if memo != nil {
		// the word's items with wordRun for its run; shared with the
		// LayoutCache unless an item has a footnote mark or another run
		its := slices.Clone(t.items[start:])
		r := t.word[0].run
		shareable := t.l.cache != nil && r.link == nil
		for i := range its {
			switch {
			case its[i].run == r:
				its[i].run = wordRun
			case its[i].run != nil || its[i].fn != nil:
				shareable = false
			}
		}
		memo[t.word[0].text] = its
		if shareable {
			t.l.cache.words.Put(t.wordCacheKey(t.word[0].text, r), its)
		}
	}
	t.word = t.word[:0]
	t.runes = 0
	return oneLetter
}

// wordCacheKey is the LayoutCache key of the one-run word text in run r
// of this paragraph.
func (t *tokenizer) wordCacheKey(text string, r *run) wordCacheKey {
	return wordCacheKey{text: text, face: r.face, size: r.size, lang: r.lang, cell: t.ps.cell, code: t.ps.code, hyphen: t.ps.hyphen}
}

// wordKey selects the words remembered by flushWord.
type wordKey struct {
	r                  *run
	cell, code, hyphen bool
}

// Break modes of a word.
const (
	breakHyphen   = iota // hyphenation points and explicit hyphens
	breakExplicit        // explicit hyphens and dashes only
	breakURL             // after / . - ? & (no hyphen is ever added)
)

func (t *tokenizer) wordMode() int {
	var url, digit, capital, foreign bool
	letters := 0
	for _, b := range t.word {
		if b.fn != nil {
			continue
		}
		if b.run.link != nil && b.run.link.url != "" && looksLikeURL(b.text) {
			url = true
		}
		if b.run.lang != "" {
			foreign = true // the patterns are Polish
		}
		if strings.Contains(b.text, "://") || strings.HasPrefix(b.text, "www.") || strings.Contains(b.text, "@") {
			url = true
		}
		for _, c := range b.text {
			switch {
			case c >= '0' && c <= '9':
				digit = true
			case unicode.IsLetter(c):
				if letters > 0 && unicode.IsUpper(c) {
					capital = true
				}
				letters++
			default:
				letters = 0 // a new word part after a hyphen or slash
			}
		}
	}
	switch {
	case url:
		return breakURL
	case digit || capital || foreign || !t.ps.hyphen:
		return breakExplicit
	}
	return breakHyphen
}

func looksLikeURL(s string) bool {
	return strings.Contains(s, "/") || strings.Count(s, ".") >= 2
}

// emitBox splits a box at its break points: hyphenation points (mode
// breakHyphen), explicit hyphens and dashes, URL separators.
func (t *tokenizer) emitBox(b kpItem, mode int) {
	r := b.run
	m := t.l.m
	if b.fn != nil || r.face == monoR && mode != breakURL || t.ps.code || utf8.RuneCountInString(b.text) < 3 {
		b.w = m.width(r.face, r.size, b.text)
		t.items = append(t.items, b)
		return
	}
	s := b.text
	cuts := t.l.cuts[:0] // byte offsets where a break is allowed
	kinds := t.l.cutKinds[:0]
	defer func() { t.l.cuts, t.l.cutKinds = cuts[:0], kinds[:0] }()
	const (
		cutHyphen   = iota // add a hyphen
		cutExplicit        // after a hyphen or dash already there
		cutPlain           // after a slash or a URL separator: no mark
	)
	minFrag := hyph.LeftMin
	if t.ps.cell {
		minFrag = minCellFrag
	}
	i := 0
	for i < len(s) {
		c, n := utf8.DecodeRuneInString(s[i:])
		if mode == breakURL {
			if strings.ContainsRune("/.-?&=_", c) && i > 0 && i+n < len(s) {
				// break after the separator; "//" stays whole
				if next, _ := utf8.DecodeRuneInString(s[i+n:]); next != c {
					cuts = append(cuts, i+n)
					kinds = append(kinds, cutPlain)
				}
			}
			i += n
			continue
		}
		if unicode.IsLetter(c) {
			j := i
			for j < len(s) {
				c2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(c2) {
					break
				}
				j += n2
			}
			w := s[i:j]
			if nl := utf8.RuneCountInString(w); mode == breakHyphen && nl >= minHyphWord {
				for _, p := range t.l.hyphPoints(w) {
					if p < minFrag || nl-p < minFrag {
						continue
					}
					// rune offset p → byte offset
					off := i
					for k := 0; k < p; k++ {
						_, n3 := utf8.DecodeRuneInString(s[off:])
						off += n3
					}
					cuts = append(cuts, off)
					kinds = append(kinds, cutHyphen)
				}
			}
			i = j
			continue
		}
		if (c == '-' || c == '–' || c == '/') && i > 0 && i+n < len(s) {
			cuts = append(cuts, i+n)
			if c == '/' {
				kinds = append(kinds, cutPlain)
			} else {
				kinds = append(kinds, cutExplicit)
			}
		}
		i += n
	}
	if len(cuts) == 0 {
		b.w = m.width(r.face, r.size, s)
		t.items = append(t.items, b)
		return
	}
	hw := m.width(r.face, r.size, "-")
	prev := 0
	for k, c := range cuts {
		piece := s[prev:c]
		t.items = append(t.items, kpItem{kind: kBox, text: piece, run: r, w: m.width(r.face, r.size, piece)})
		switch kinds[k] {
		case cutHyphen:
			t.items = append(t.items, kpItem{kind: kPen, pen: hyphenPen, flagged: true, w: hw, run: r})
		case cutExplicit:
			t.items = append(t.items, kpItem{kind: kPen, pen: hyphenPen, flagged: true})
		default:
			t.items = append(t.items, kpItem{kind: kPen, pen: urlPen})
		}
		prev = c
	}
	piece := s[prev:]
	t.items = append(t.items, kpItem{kind: kBox, text: piece, run: r, w: m.width(r.face, r.size, piece)})
}

func (t *tokenizer) glue(r *run, nobreak bool, narrow bool) {
	if nobreak {
		t.items = append(t.items, kpItem{kind: kPen, pen: inf})
	}
	w := t.l.m.width(r.face, r.size, " ")
	if narrow {
		t.items = append(t.items, kpItem{kind: kGlue, w: w / 2})
		return
	}
	if t.ps.code {
		t.items = append(t.items, kpItem{kind: kGlue, w: w, run: r})
		return
	}
	t.items = append(t.items, kpItem{kind: kGlue, w: w, st: w / 2, sh: w / 3, run: r})
}

func (t *tokenizer) endLine(forced bool) {
	oneLetter := t.flushWord()
	_ = oneLetter
	for len(t.items) > 0 && t.items[len(t.items)-1].kind == kGlue {
		t.items = t.items[:len(t.items)-1]
	}
	t.items = append(t.items, kpItem{kind: kPen, pen: inf}, kpItem{kind: kGlue, st: fill}, kpItem{kind: kPen, pen: -inf, flagged: forced})
}

func (t *tokenizer) text(s string, r *run) {
	if t.curR != r {
		t.flushFrag()
		t.curR = r
	}
	for i := 0; i < len(s); {
		if b := s[i]; b > ' ' && b < 0x7f {
			// a stretch of printable ASCII goes into the word at once
			j := i + 1
			for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
				j++
			}
			t.cur = append(t.cur, s[i:j]...)
			t.runes += j - i
			t.last = rune(s[j-1])
			i = j
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case c == ' ' && t.digitGroupFollows(s[i:]):
			// "1 014 824": a space between thousands groups never breaks
			t.flushWord()
			t.glue(r, true, false)
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if t.ps.code && c == '\n' {
				t.endLine(true)
				continue
			}
			if len(t.cur) == 0 && len(t.word) == 0 {
				if t.ps.code {
					t.glue(r, true, false)
				} else if n := len(t.items); n > 0 && t.items[n-1].kind != kGlue {
					t.glue(r, false, false)
				}
				continue
			}
			one := t.flushWord()
			t.glue(r, one || t.ps.code, false)
		case c == '\u00a0' || c == '\u2007':
			t.flushWord()
			t.glue(r, true, false)
		case c == '\u202f':
			t.flushWord()
			t.glue(r, true, true)
		case c == '\u00ad' || c < ' ' || (c >= 0x7f && c < 0xa0) || c == '\u200b':
			// soft hyphen, controls: dropped (hyphenation is ours)
		default:
			if c > 0xffff {
				c = '?' // fpdf cannot set runes outside the BMP
			}
			t.cur = utf8.AppendRune(t.cur, c)
			t.runes++
			t.last = c
		}
	}
}

// digitGroupFollows reports whether the word being built is a number (or
// its group) and rest starts with a three-digit group that ends there,
// i.e. the space before rest separates thousands.
func (t *tokenizer) digitGroupFollows(rest string) bool {
	if t.ps.code || t.last < '0' || t.last > '9' || len(t.cur) == 0 && len(t.word) == 0 {
		return false
	}
	cur := t.cur
	if len(t.word) > 0 || len(cur) > 4 {
		return false // groups of at most 3 digits before (with a sign: 4)
	}
	for _, c := range string(bytes.TrimLeft(cur, "−-+")) {
		if c < '0' || c > '9' {
			return false
		}
	}
	if len(rest) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if rest[k] < '0' || rest[k] > '9' {
			return false
		}
	}
	if len(rest) == 3 {
		return true
	}
	next, _ := utf8.DecodeRuneInString(rest[3:])
	return !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

func (t *tokenizer) inlines(is []doc.Inline, base run) {
	for _, in := range is {
		switch n := in.(type) {
		case *doc.Text:
			r := base
			st := n.Style
			if st&doc.Mono != 0 {
				r.face = monoR
				r.size = base.size * 0.92
			} else {
				r.face = base.face.withStyle(base.face.bold() || st&doc.Bold != 0, base.face.italic() != (st&doc.Italic != 0))
			}
			if st&doc.Sup != 0 {
				r.size = base.size * 0.65
				r.rise = base.size * 0.35 * ptMM
			} else if st&doc.Sub != 0 {
				r.size = base.size * 0.65
				r.rise = -base.size * 0.15 * ptMM
			}
			r.strike = st&doc.Strike != 0
			r.lang = n.Lang
			t.text(n.Text, t.l.intern(r))
		case *doc.Link:
			r := base
			r.link = &linkRef{url: n.URL, anchor: n.Anchor}
			r.color = colLink
			t.inlines(n.Inlines, r)
		case *doc.FootnoteRef:
			if t.measure {
				r := base
				r.size = base.size * 0.62
				t.flushFrag()
				t.word = append(t.word, kpItem{kind: kBox, text: "0", run: t.l.intern(r)})
				t.curR = nil
				continue
			}
			fn, first := t.l.footnoteRef(n.ID)
			if fn == nil {
				continue
			}
			r := base
			r.size = base.size * 0.62
			r.rise = base.size * 0.38 * ptMM
			r.face = base.face.withStyle(false, false)
			r.link = &linkRef{anchor: fn.key}
			ir := t.l.intern(r)
			t.flushFrag()
			b := kpItem{kind: kBox, text: strconv.Itoa(fn.num), run: ir}
			if first {
				b.fn = fn
			}
			t.word = append(t.word, b)
			t.curR = nil
		case *doc.LineBreak:
			t.endLine(true)
		}
	}
}

// tokenizer returns a tokenizer for one paragraph, reusing the buffers
// of the last one given back in l.freeTok (a nested paragraph, a footnote
// laid out while its reference is tokenized, gets a new one).
func (l *layout) tokenizer(ps paraSpec, items []kpItem, measure bool) *tokenizer {
	t := l.freeTok
	l.freeTok = nil
	if t == nil {
		t = &tokenizer{}
	}
	*t = tokenizer{l: l, ps: ps, items: items, measure: measure, cur: t.cur[:0], word: t.word[:0]}
	return t
}

// typeset breaks inlines into lines of width w starting at x0.
func (l *layout) typeset(is []doc.Inline, ps paraSpec, x0, w float64) []pline {
	// the item buffer is reused, except by nested calls (footnote bodies
	// are laid out while their reference is being tokenized)
	buf := l.kpBuf
	l.kpBuf = nil
	t := l.tokenizer(ps, buf[:0], false)
	t.inlines(is, run{face: ps.face, size: ps.size, color: ps.color})
	t.endLine(false)
	items := t.items
	l.freeTok = t
	defer func() { l.kpBuf = items[:0] }()
	// A paragraph of only breaks and glue has no lines.
	hasBox := false
	for _, it := range items {
		if it.kind == kBox {
			hasBox = true
			break
		}
	}
	if !hasBox {
		return nil
	}
	items = l.forceBreaks(items, w)
	var key lineKey
	if l.cache != nil {
		key = breakKey(items, w, ps)
		if breaks, ok := l.cache.lines.Get(key); ok {
			return l.buildLines(items, breaks, ps, x0, w)
		}
	}
	breaks := l.breakLines(items, ps, w)
	if l.cache != nil {
		l.cache.lines.Put(key, breaks)
	}
	return l.buildLines(items, breaks, ps, x0, w)
}

// breakLines chooses where the paragraph of items breaks into lines of
// width w.
func (l *layout) breakLines(items []kpItem, ps paraSpec, w float64) []int {
	var breaks []int
	em := ps.size * ptMM
	l.kpSums(items)
	if ps.firstFit {
		breaks = greedy(items, w)
	} else if ps.justify {
		// TeX's passes: without hyphenation first, then with it, then
		// anything that fits
		breaks = l.knuthPlass(items, w, kpPass{tol: preTol})
		if breaks == nil {
			breaks = l.knuthPlass(items, w, kpPass{tol: tolerance, hyphens: true})
		}
		if breaks == nil {
			breaks = l.knuthPlass(items, w, kpPass{tol: 5, hyphens: true, emergency: true})
		}
		if breaks == nil {
			breaks = l.knuthPlass(items, w, kpPass{tol: 5, hyphens: true, emergency: true, anyHyphRun: true, overfull: true})
		}
	} else if !ps.code {
		breaks = l.knuthPlass(items, w, kpPass{tol: inf, hyphens: true, ragged: raggedEms * em})
		if ps.balance && len(breaks) > 1 {
			breaks = l.balance(items, w, em, breaks)
		}
		if breaks == nil {
			breaks = l.knuthPlass(items, w, kpPass{tol: inf, hyphens: true, ragged: raggedEms * em, emergency: true, anyHyphRun: true, overfull: true})
		}
	}
	if breaks == nil {
		breaks = greedy(items, w)
	}
	return breaks
}

// balance returns the breaks of a ragged paragraph (a heading, a title)
// at the narrowest measure that keeps its number of lines, as CSS's
// text-wrap: balance does: "Strategia rozwoju ponadlokalnego Partnerstwa
// Ziemi Kolneńskiej na / lata 2024–2030" becomes two lines of about the
// same length, and no heading ends in one word alone. The lines are still
// placed in the full measure (a centred title stays centred).
func (l *layout) balance(items []kpItem, w, em float64, breaks []int) []int {
	n := len(breaks)
	lo, hi := w/2, w // hi keeps n lines; lo is below any that does, or tried last
	best := breaks
	for range 12 {
		mid := (lo + hi) / 2
		br := l.knuthPlass(items, mid, kpPass{tol: inf, hyphens: true, ragged: raggedEms * em})
		if br != nil && len(br) == n {
			hi, best = mid, br
		} else {
			lo = mid
		}
	}
	return best
}

// forceBreaks makes every stretch of text wider than the measure that has
// no break point in it (a long URL, a word without hyphenation points)
// breakable at any character, so that nothing leaves its box. Those
// breaks cost forcePen and are reported when taken.
func (l *layout) forceBreaks(items []kpItem, lw float64) []kpItem {
	wide := false
	segW := 0.0
	for i := range items {
		it := &items[i]
		if legalBreak(items, i) {
			segW = 0
			continue
		}
		if it.kind != kPen {
			segW += it.w
		}
		if segW > lw+0.01 {
			wide = true
			break
		}
	}
	if !wide {
		return items
	}
	out := make([]kpItem, 0, len(items)+64)
	segStart := 0
	flush := func(end int) {
		w := 0.0
		for k := segStart; k < end; k++ {
			if items[k].kind != kPen {
				w += items[k].w
			}
		}
		if w <= lw+0.01 {
			out = append(out, items[segStart:end]...)
			return
		}
		for k := segStart; k < end; k++ {
			it := items[k]
			if it.kind != kBox || it.fn != nil || utf8.RuneCountInString(it.text) < 2 {
				out = append(out, it)
				continue
			}
			r := it.run
			first := true
			for _, c := range it.text {
				if !first {
					out = append(out, kpItem{kind: kPen, pen: forcePen, forced: true})
				}
				first = false
				cs := string(c)
				out = append(out, kpItem{kind: kBox, text: cs, run: r, w: l.m.width(r.face, r.size, cs)})
			}
		}
	}
	for i := range items {
		if legalBreak(items, i) {
			flush(i)
			out = append(out, items[i])
			segStart = i + 1
		}
	}
	flush(len(items))
	return out
}

// legalBreak reports whether items[i] is a place a line may end.
func legalBreak(items []kpItem, i int) bool {
	it := &items[i]
	switch it.kind {
	case kGlue:
		return i > 0 && items[i-1].kind == kBox
	case kPen:
		return it.pen < inf
	}
	return false
}

type kpNode struct {
	pos, line, fit int
	hy             int // hyphenated lines in a row ending here
	w, y, z        float64
	dem            float64
	prev           int32 // index in layout.kpNodes; -1: the paragraph start
}

// kpPass selects one pass of the line breaker.
type kpPass struct {
	tol       float64 // largest adjustment ratio of a line
	hyphens   bool    // may break at hyphenation points
	emergency bool    // take a line that cannot stretch, however loose
	ragged    float64 // > 0: ragged-right, the stretch of a line end (mm)
	// anyHyphRun lifts the limit of hyphenated lines in a row (the last
	// resort: a word longer than several lines)
	anyHyphRun bool
	overfull   bool // take an overfull line rather than fail
}

// kpSums prepares the running totals of items' widths, stretch and shrink
// and of the breakable spaces before each item, which every pass of
// knuthPlass over the same items reads.
func (l *layout) kpSums(items []kpItem) {
	sw := l.sums[:0]
	words := l.words[:0]
	var aw, ay, az float64
	nw := 0
	for i := range items {
		it := &items[i]
		sw = append(sw, [3]float64{aw, ay, az})
		words = append(words, nw)
		if it.kind != kPen {
			aw += it.w
		}
		if it.kind == kGlue {
			ay += it.st
			az += it.sh
			if i > 0 && items[i-1].kind == kBox {
				nw++
			}
		}
	}
	l.sums = append(sw, [3]float64{aw, ay, az})
	l.words = append(words, nw)
}

// knuthPlass breaks items into lines of width lw in one pass; l.kpSums
// must have been called for items.
func (l *layout) knuthPlass(items []kpItem, lw float64, ps kpPass) []int {
	n := len(items)
	sw, words := l.sums, l.words // words: breakable spaces before each item
	// nodes live in l.kpNodes, referred to by index (no pointers for the
	// garbage collector to follow while a paragraph is broken)
	nodes := append(l.kpNodes[:0], kpNode{pos: 0, fit: 1, prev: -1})
	active := append(l.active[:0], 0)
	defer func() { l.kpNodes, l.active = nodes[:0], active[:0] }()
	// totals after a break at b: skip glue up to the next box.
	after := func(b int) (float64, float64, float64) {
		tw, ty, tz := sw[b][0], sw[b][1], sw[b][2]
		for i := b; i < n; i++ {
			it := &items[i]
			if it.kind == kBox {
				break
			}
			if it.kind == kGlue {
				tw += it.w
				ty += it.st
				tz += it.sh
			} else if it.pen <= -inf && i > b {
				break
			}
		}
		return tw, ty, tz
	}
	hyphenAt := func(i int) bool { it := &items[i]; return it.kind == kPen && it.flagged }
	for b := 0; b < n; b++ {
		it := &items[b]
		switch it.kind {
		case kBox:
			continue
		case kGlue:
			if b == 0 || items[b-1].kind != kBox {
				continue
			}
		case kPen:
			if it.pen >= inf || !ps.hyphens && it.flagged && it.w > 0 {
				continue
			}
		}
		pw := 0.0
		if it.kind == kPen {
			pw = it.w
		}
		forced := it.kind == kPen && it.pen <= -inf
		last := b == n-1
		// the best predecessor per fitness class and hyphen run
		var bestDem [4][maxHyphRun + 1]float64
		var bestPrev [4][maxHyphRun + 1]int32 // index+1; 0: none
		found := false
		removed := int32(-1)
		keep := active[:0]
		for _, ai := range active {
			a := &nodes[ai]
			L := sw[b][0] - a.w + pw
			y, z := sw[b][1]-a.y, sw[b][2]-a.z
			if ps.ragged > 0 && y < fill/2 {
				y = ps.ragged
			}
			var r float64
			switch {
			case L < lw:
				switch {
				case y > 0:
					r = (lw - L) / y
				case ps.emergency:
					r = unstretchable // taken, but after any line that can stretch
				default:
					r = inf
				}
			case L > lw:
				if z > 0 {
					r = (lw - L) / z
				} else {
					r = -inf
				}
			}
			if r < -1 || forced {
				if removed < 0 || a.dem < nodes[removed].dem {
					removed = ai
				}
			} else {
				keep = append(keep, ai)
			}
			if r < -1 || r > ps.tol && !ps.emergency {
				continue
			}
			hy := 0
			if hyphenAt(b) {
				hy = min(a.hy+1, maxHyphRun)
				if a.hy+1 > maxHyphRun && !ps.anyHyphRun {
					continue
				}
			}
			bad := min(100*math.Abs(r*r*r), inf)
			if r > ps.tol {
				// the emergency pass: a line looser than the tolerance
				// is taken, and the looser, the worse (uncapped badness),
				// so that "Dziedzictwo" alone on a line never beats a
				// line of seven words spaced a little too widely
				bad = 100 * math.Abs(r*r*r)
			}
			d := (linePen + bad) * (linePen + bad)
			if it.kind == kPen {
				if it.pen >= 0 {
					d += it.pen * it.pen
				} else if it.pen > -inf {
					d -= it.pen * it.pen
				}
			}
			if hy > 1 {
				d += flagDem
			}
			if last && a.pos > 0 {
				if a.hy > 0 {
					d += finalDem
				}
				// the last line: at least three words
				if words[b]-words[a.pos] < 2 && L < lw/2 {
					if a.hy > 0 && !ps.anyHyphRun {
						// only the end of the word hyphenated on the line
						// before ("Zjedno-" / "czone;"): never, while
						// any other breaking of the paragraph exists
						continue
					}
					d += shortLast
				}
			}
			fit := 1
			if ps.ragged == 0 {
				switch {
				case r < -0.5:
					fit = 0
				case r > 1:
					fit = 3
				case r > 0.5:
					fit = 2
				}
				if fit-a.fit > 1 || a.fit-fit > 1 {
					d += fitnessDem
				}
			}
			d += a.dem
			if bestPrev[fit][hy] == 0 || d < bestDem[fit][hy] {
				bestDem[fit][hy], bestPrev[fit][hy] = d, ai+1
				found = true
			}
		}
		active = keep
		if !found && len(active) == 0 && removed >= 0 && ps.overfull {
			bestDem[1][0], bestPrev[1][0] = nodes[removed].dem+1e7, removed+1
			found = true
		}
		if found {
			w, y, z := after(b)
			for f := range bestPrev {
				for h, p := range bestPrev[f] {
					if p != 0 {
						nodes = append(nodes, kpNode{pos: b, line: nodes[p-1].line + 1, fit: f, hy: h, dem: bestDem[f][h], prev: p - 1, w: w, y: y, z: z})
						active = append(active, int32(len(nodes)-1))
					}
				}
			}
		}
		if len(active) == 0 {
			return nil
		}
	}
	win := int32(-1)
	for _, ai := range active {
		if a := &nodes[ai]; a.pos == n-1 && (win < 0 || a.dem < nodes[win].dem) {
			win = ai
		}
	}
	if win < 0 {
		return nil
	}
	var br []int
	for a := win; a >= 0 && nodes[a].prev >= 0; a = nodes[a].prev {
		br = append(br, nodes[a].pos)
	}
	for i, j := 0, len(br)-1; i < j; i, j = i+1, j-1 {
		br[i], br[j] = br[j], br[i]
	}
	return br
}

// greedy is first-fit with hyphenation, for ragged text.
func greedy(items []kpItem, lw float64) []int {
	var br []int
	lastOK := -1
	start := 0
	L := 0.0
	skip := func(b int) int {
		i := b + 1
		for i < len(items) && items[i].kind != kBox && !(items[i].kind == kPen && items[i].pen <= -inf) {
			i++
		}
		return i
	}
	for i := 0; i < len(items); i++ {
		it := &items[i]
		legal := (it.kind == kGlue && i > 0 && items[i-1].kind == kBox) || (it.kind == kPen && it.pen < inf)
		if legal {
			pw := 0.0
			if it.kind == kPen {
				pw = it.w
			}
			if L+pw <= lw+0.01 || lastOK < 0 {
				if it.kind == kPen && it.pen <= -inf {
					br = append(br, i)
					lastOK = -1
					start = skip(i)
					L = 0
					i = start - 1
					continue
				}
				lastOK = i
			} else {
				br = append(br, lastOK)
				start = skip(lastOK)
				lastOK = -1
				L = 0
				i = start - 1
				continue
			}
		}
		if it.kind != kPen {
			L += it.w
		}
	}
	return br
}

// buildLines turns breaks into positioned lines.
func (l *layout) buildLines(items []kpItem, breaks []int, ps paraSpec, x0, lw float64) []pline {
	lines := make([]pline, 0, len(breaks))
	paraBuf, ends := l.paraBuf[:0], l.lineEnds[:0]
	s := 0
	// a link that goes on from the end of one line to the next is one
	// Link element of the structure tree
	var carryLink *linkRef
	var carryTag int32
	// text in another language is a Span element with /Lang, one for a
	// run of such words, also across lines
	var spanLang string
	var spanTag int32
	for _, b := range breaks {
		// skip discardable items at the start
		for s < b && items[s].kind != kBox {
			s++
		}
		var L, Y, Z float64
		for i := s; i < b; i++ {
			if items[i].kind != kPen {
				L += items[i].w
			}
			if items[i].kind == kGlue {
				Y += items[i].st
				Z += items[i].sh
			}
		}
		hyphen := items[b].kind == kPen && items[b].flagged && items[b].w > 0
		if hyphen {
			L += items[b].w
		}
		r := 0.0
		if L > lw && Z > 0 {
			// overfull (also a paragraph's last line): shrink the spaces
			r = max((lw-L)/Z, -1)
		} else if ps.justify && Y < fill/2 && L < lw && Y > 0 {
			r = (lw - L) / Y
		}
		// natural width without the paragraph-end fill, for alignment
		x := x0
		if !ps.justify || Y >= fill/2 {
			switch ps.align {
			case doc.AlignCenter:
				x += (lw - L) / 2
			case doc.AlignRight:
				x += lw - L
			}
		}
		maxSize := ps.size
		for i := s; i < b; i++ {
			if items[i].kind == kBox && items[i].run.rise == 0 {
				maxSize = max(maxSize, items[i].run.size)
			}
		}
		h := ps.lead * maxSize / ps.size
		base := h*0.5 + ps.size*ptMM*0.33
		pl := pline{h: h, base: base, items: l.lineBuf[:0]}
		// the text of the last text item is built in acc (accIdx), not by
		// concatenating strings word by word
		acc, accIdx := l.lineText[:0], -1
		flushText := func() {
			if accIdx >= 0 {
				pl.items[accIdx].s = string(acc)
				accIdx = -1
			}
		}
		var lastRun, spaceRun *run
		var spaceW float64
		var linkX float64
		var linkRun *linkRef
		var linkTag int32
		lineStart := true
		closeLink := func(xe float64) {
			if linkRun != nil {
				pl.items = append(pl.items, item{kind: itLink, x: linkX, y: base - ps.size*ptMM*0.85, w: xe - linkX, h: ps.size * ptMM * 1.1, s: linkRun.url, key: linkRun.anchor, tag: linkTag})
				linkRun = nil
			}
		}
		// every gap between words, stretched or not, and every line end
		// but a hyphen's carry a space character (invisible), so that text
		// extraction and screen readers get words, not "lineend" joined
		spaceAfter := func() {
			for n := len(pl.items) - 1; n >= 0 && n >= len(pl.items)-2; n-- {
				if it := &pl.items[n]; it.kind == itText {
					if n == accIdx {
						if len(acc) == 0 || acc[len(acc)-1] != ' ' {
							acc = append(acc, ' ')
						}
					} else if !strings.HasSuffix(it.s, " ") {
						it.s += " "
					}
					return
				}
			}
		}
		for i := s; i <= b && i < len(items); i++ {
			it := &items[i]
			if i == b && it.forced {
				pl.items = append(pl.items, item{kind: itWarn, x: x, y: base, s: l.forcedWarning(items, s, b)})
			}
			if i == b {
				if it.kind == kGlue {
					spaceAfter()
				}
				if hyphen {
					pl.items = append(pl.items, item{kind: itText, x: x, y: base - it.run.rise, face: it.run.face, size: it.run.size, s: "-", color: it.run.color})
					x += it.w
				}
				break
			}
			switch it.kind {
			case kBox:
				rn := it.run
				if rn.link != linkRun && (linkRun == nil || rn.link == nil || *rn.link != *linkRun) {
					closeLink(x)
					if rn.link != nil {
						linkRun, linkX = rn.link, x
						if lineStart && carryLink != nil && *carryLink == *rn.link {
							linkTag = carryTag
						} else {
							linkTag = l.tg.link()
						}
					}
				}
				lineStart = false
				tag := linkTag
				switch {
				case linkRun != nil:
					e := l.tg.runs[tag].e
					e.text.WriteString(it.text)
					if e.lang == "" {
						e.lang = rn.lang // a link in another language reads in it
					}
				case rn.lang != "":
					if rn.lang != spanLang {
						spanLang, spanTag = rn.lang, l.tg.span(rn.lang)
					}
					tag = spanTag
				default:
					spanLang = ""
					tag = l.tg.text()
				}
				// merge with the previous text item when adjacent and same run
				if n := len(pl.items); n > 0 && n-1 == accIdx && lastRun == rn && math.Abs(pl.items[n-1].x+pl.items[n-1].w-x) < 1e-6 {
					acc = append(acc, it.text...)
					pl.items[n-1].w += it.w
				} else if n := len(pl.items); n > 0 && n-1 == accIdx && spaceRun == rn && math.Abs(pl.items[n-1].x+pl.items[n-1].w+spaceW-x) < 1e-6 {
					// a natural-width space inside one run: one text item
					if len(acc) == 0 || acc[len(acc)-1] != ' ' {
						acc = append(acc, ' ')
					}
					acc = append(acc, it.text...)
					pl.items[n-1].w += spaceW + it.w
				} else {
					flushText()
					pl.items = append(pl.items, item{kind: itText, x: x, y: base - rn.rise, w: it.w, face: rn.face, size: rn.size, color: rn.color, tag: tag})
					acc, accIdx = append(acc[:0], it.text...), len(pl.items)-1
				}
				if rn.strike {
					pl.items = append(pl.items, item{kind: itHLine, x: x, y: base - rn.size*ptMM*0.28, w: it.w, h: 0.25, color: rn.color})
				}
				if it.fn != nil {
					pl.fns = append(pl.fns, it.fn)
				}
				lastRun = rn
				spaceRun = nil
				x += it.w
			case kGlue:
				g := it.w
				if r > 0 {
					g += r * it.st
				} else if r < 0 {
					g += r * it.sh
				}
				if it.st >= fill/2 {
					g = it.w
				}
				x += g
				spaceAfter()
				if linkRun != nil {
					l.tg.runs[linkTag].e.text.WriteByte(' ')
				}
				spaceRun, spaceW = nil, 0
				if g == it.w && it.run != nil && it.run == lastRun {
					spaceRun, spaceW = it.run, g
				}
				lastRun = nil
			}
		}
		carryLink, carryTag = linkRun, linkTag
		closeLink(x)
		flushText()
		l.lineBuf, l.lineText = pl.items[:0], acc[:0]
		// the paragraph's items are gathered in paraBuf and get their
		// own memory once, below
		ends = append(ends, len(paraBuf)+len(pl.items))
		paraBuf = append(paraBuf, pl.items...)
		pl.items = nil
		lines = append(lines, pl)
		s = b + 1
	}
	all := slices.Clone(paraBuf)
	start := 0
	for i, end := range ends {
		if end > start {
			lines[i].items = all[start:end:end]
		}
		start = end
	}
	l.paraBuf, l.lineEnds = paraBuf[:0], ends[:0]
	return lines
}

// forcedWarning describes a break forced inside a word at items[b], the
// end of the line that starts at items[s].
func (l *layout) forcedWarning(items []kpItem, s, b int) string {
	var w strings.Builder
	k := b - 1
	for k > s && (items[k].kind == kBox || items[k].forced) {
		k--
	}
	for ; k < len(items) && w.Len() < 40; k++ {
		if items[k].kind == kBox {
			w.WriteString(items[k].text)
		} else if k > b && !items[k].forced {
			break
		}
	}
	word := w.String()
	if utf8.RuneCountInString(word) > 30 {
		word = string([]rune(word)[:30]) + "…"
	}
	msg := "text too long for its line broken inside a word: " + strconv.Quote(word)
	if l.where != "" {
		msg += " (in " + l.where + ")"
	}
	return msg
}

// hyphPoints returns w's hyphenation points (cached per process by hyph).
func (l *layout) hyphPoints(w string) []int { return hyph.Points(w) }
