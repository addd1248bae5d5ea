package docx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/strategia-pl/strategia/render/doc"
)

// RedlineOptions configure Redline.
type RedlineOptions struct {
	Options
	// Author of every tracked change (default "strategia").
	Author string
	// Date of every tracked change: the newer version's date.
	Date time.Time
	// OlderTOCPages are the older document's TOCPages (Options.TOCPages
	// are the newer one's), so that each renders as Render renders it.
	OlderTOCPages map[string]int
}

// Redline writes the DOCX of newer with Word tracked changes against
// older: w:ins and w:del word by word inside paragraphs that changed,
// whole paragraphs and table rows where they were added or removed, so a
// council can review and accept the changes in Word or LibreOffice.
//
// Both documents are rendered as Render renders them and their
// word/document.xml compared element by element: every part but
// document.xml, and every paragraph or table of it that did not change,
// is byte for byte what Render writes for newer. Changes inside
// footnotes, headers and footers are not tracked (those parts are the
// newer ones); content deleted with its paragraph loses its footnote
// references and images, which belong to the older package.
func Redline(w io.Writer, older, newer *doc.Document, opt RedlineOptions) error {
	if older == nil || newer == nil {
		return fmt.Errorf("docx: nil document")
	}
	var (
		oldFiles []file
		oldErr   error
		wg       sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		oo := opt.Options
		oo.TOCPages = opt.OlderTOCPages
		oldFiles, oldErr = newRenderer(older, oo).render()
	}()
	newFiles, err := newRenderer(newer, opt.Options).render()
	wg.Wait()
	if err != nil {
		return err
	}
	if oldErr != nil {
		return oldErr
	}
	const docName = "word/document.xml"
	var oldXML string
	for _, f := range oldFiles {
		if f.name == docName {
			oldXML = string(f.data)
		}
	}
	author := opt.Author
	if author == "" {
		author = "strategia"
	}
	rd := &redliner{attrs: ` w:author="` + attrString(author) + `" w:date="` + opt.Date.UTC().Format("2006-01-02T15:04:05Z") + `"`, id: 900000}
	for i, f := range newFiles {
		if f.name == docName {
			out, err := rd.document(oldXML, string(f.data))
			if err != nil {
				return err
			}
			newFiles[i].data = out
		}
	}
	return writePackage(w, newFiles)
}

// redliner writes one redline document.xml.
type redliner struct {
	b     strings.Builder
	attrs string // w:author and w:date of every change
	id    int    // last revision w:id (kept clear of bookmark IDs)
}

func (rd *redliner) nextID() string {
	rd.id++
	return strconv.Itoa(rd.id)
}

// mark is an empty w:ins or w:del (paragraph marks, table rows).
func (rd *redliner) mark(op byte) string {
	return `<w:` + opName(op) + ` w:id="` + rd.nextID() + `"` + rd.attrs + `/>`
}

func opName(op byte) string {
	if op == '+' {
		return "ins"
	}
	return "del"
}

// document compares two document.xml parts.
func (rd *redliner) document(older, newer string) ([]byte, error) {
	ob, ok1 := body(older)
	nb, ok2 := body(newer)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("docx: redline: no w:body in document.xml")
	}
	i := strings.Index(newer, "<w:body>") + len("<w:body>")
	j := strings.LastIndex(newer, "</w:body>")
	rd.b.Grow(len(newer) + len(newer)/8)
	rd.b.WriteString(newer[:i])
	rd.blocks(children(ob), children(nb))
	rd.b.WriteString(newer[j:])
	return []byte(rd.b.String()), nil
}

func body(s string) (string, bool) {
	i := strings.Index(s, "<w:body>")
	j := strings.LastIndex(s, "</w:body>")
	if i < 0 || j < i {
		return "", false
	}
	return s[i+len("<w:body>") : j], true
}

// blocks writes a sequence of block elements (the body, a table cell):
// identical elements as they are, similar paragraphs and tables compared
// inside, the rest inserted or deleted whole.
func (rd *redliner) blocks(old, new []elem) {
	oi, ni := rawIDs(old, new)
	same := align(len(old), len(new), func(i, j int) bool { return oi[i] == ni[j] })
	walkAlign(same, len(old), len(new), func(i, j int) {
		rd.b.WriteString(new[j].raw)
	}, func(oi, on, ni, nn int) {
		rd.gap(old[oi:oi+on], new[ni:ni+nn])
	})
}

// rawIDs numbers elements by their text, equal elements alike, so the
// alignment compares integers.
func rawIDs(old, new []elem) (o, n []int) {
	ids := map[string]int{}
	id := func(s string) int {
		v, ok := ids[s]
		if !ok {
			v = len(ids)
			ids[s] = v
		}
		return v
	}
	o, n = make([]int, len(old)), make([]int, len(new))
	for i, e := range old {
		o[i] = id(e.raw)
	}
	for i, e := range new {
		n[i] = id(e.raw)
	}
	return o, n
}

// gap writes a run of blocks that differ: pairs of similar paragraphs or
// tables are compared inside, the others deleted then inserted.
func (rd *redliner) gap(old, new []elem) {
	ot, nt := texts(old), texts(new)
	similar := align(len(old), len(new), func(i, j int) bool { return similarBlocks(old[i], new[j], ot[i], nt[j]) })
	walkAlign(similar, len(old), len(new), func(i, j int) {
		if new[j].name == "w:tbl" {
			rd.table(old[i], new[j])
		} else {
			rd.para(old[i], new[j])
		}
	}, func(oi, on, ni, nn int) {
		for _, e := range old[oi : oi+on] {
			rd.whole(e, '-')
		}
		for _, e := range new[ni : ni+nn] {
			rd.whole(e, '+')
		}
	})
}

func texts(es []elem) []string {
	out := make([]string, len(es))
	for i, e := range es {
		if e.name == "w:p" {
			out[i] = xmlText(e.inner)
		}
	}
	return out
}

// similarBlocks: two paragraphs of the same style sharing at least half
// their words, or two tables with the same columns.
func similarBlocks(o, n elem, ot, nt string) bool {
	if o.name != n.name {
		return false
	}
	switch o.name {
	case "w:p":
		if pStyle(o.inner) != pStyle(n.inner) {
			return false
		}
		return wordOverlap(ot, nt) >= 0.5
	case "w:tbl":
		return strings.Count(o.inner, "<w:gridCol ") == strings.Count(n.inner, "<w:gridCol ")
	}
	return false
}

func pStyle(inner string) string {
	i := strings.Index(inner, `<w:pStyle w:val="`)
	if i < 0 || !strings.HasPrefix(inner, "<w:pPr>") {
		return ""
	}
	s := inner[i+len(`<w:pStyle w:val="`):]
	return s[:strings.IndexByte(s, '"')]
}

// wordOverlap is |common words| / |words of the longer text|.
func wordOverlap(a, b string) float64 {
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) == 0 && len(bw) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range aw {
		count[w]++
	}
	common := 0
	for _, w := range bw {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return float64(common) / float64(max(len(aw), len(bw)))
}

// whole writes a block inserted (op '+') or deleted ('-') as a whole.
func (rd *redliner) whole(e elem, op byte) {
	switch e.name {
	case "w:p":
		pPr, toks := paraTokens(e)
		rd.b.WriteString(`<w:p>`)
		rd.b.WriteString(markParagraph(pPr, rd.mark(op)))
		ops := make([]byte, len(toks))
		for i := range ops {
			ops[i] = op
		}
		rd.runs(toks, ops)
		rd.b.WriteString(`</w:p>`)
	case "w:tbl":
		rd.b.WriteString(e.open)
		for _, c := range children(e.inner) {
			if c.name == "w:tr" {
				rd.row(c, op)
			} else {
				rd.b.WriteString(c.raw)
			}
		}
		rd.b.WriteString(`</w:tbl>`)
	default:
		// bookmarks and other body-level marks: the newer ones stay
		if op == '+' {
			rd.b.WriteString(e.raw)
		}
	}
}

// markParagraph adds a revision mark to a paragraph's mark properties
// (w:pPr/w:rPr, where w:ins and w:del come first).
func markParagraph(pPr, mark string) string {
	if pPr == "" {
		return `<w:pPr><w:rPr>` + mark + `</w:rPr></w:pPr>`
	}
	if i := strings.Index(pPr, "<w:rPr>"); i >= 0 {
		i += len("<w:rPr>")
		return pPr[:i] + mark + pPr[i:]
	}
	at := strings.Index(pPr, "<w:sectPr")
	if at < 0 {
		at = strings.LastIndex(pPr, "</w:pPr>")
	}
	if at < 0 { // <w:pPr/>
		return `<w:pPr><w:rPr>` + mark + `</w:rPr></w:pPr>`
	}
	return pPr[:at] + `<w:rPr>` + mark + `</w:rPr>` + pPr[at:]
}

// row writes a table row inserted or deleted whole.
func (rd *redliner) row(tr elem, op byte) {
	rd.b.WriteString(tr.open)
	marked := false
	for _, c := range children(tr.inner) {
		switch c.name {
		case "w:trPr":
			if c.inner == "" {
				rd.b.WriteString(`<w:trPr>` + rd.mark(op) + `</w:trPr>`)
			} else {
				rd.b.WriteString(c.open + c.inner + rd.mark(op) + `</w:trPr>`)
			}
			marked = true
		case "w:tc":
			if !marked {
				rd.b.WriteString(`<w:trPr>` + rd.mark(op) + `</w:trPr>`)
				marked = true
			}
			rd.b.WriteString(c.open)
			for _, x := range children(c.inner) {
				if x.name == "w:tcPr" {
					rd.b.WriteString(x.raw)
				} else {
					rd.whole(x, op)
				}
			}
			rd.b.WriteString(`</w:tc>`)
		default:
			rd.b.WriteString(c.raw)
		}
	}
	rd.b.WriteString(`</w:tr>`)
}

// table compares two tables with the same columns row by row: identical
// rows as they are, rows with as many cells compared cell by cell, the
// rest deleted or inserted whole.
func (rd *redliner) table(old, new elem) {
	var oRows, nRows []elem
	for _, c := range children(old.inner) {
		if c.name == "w:tr" {
			oRows = append(oRows, c)
		}
	}
	rd.b.WriteString(new.open)
	for _, c := range children(new.inner) {
		if c.name == "w:tr" {
			nRows = append(nRows, c)
		} else {
			rd.b.WriteString(c.raw) // w:tblPr, w:tblGrid
		}
	}
	oid, nid := rawIDs(oRows, nRows)
	same := align(len(oRows), len(nRows), func(i, j int) bool { return oid[i] == nid[j] })
	walkAlign(same, len(oRows), len(nRows), func(i, j int) {
		rd.b.WriteString(nRows[j].raw)
	}, func(oi, on, ni, nn int) {
		o, n := oRows[oi:oi+on], nRows[ni:ni+nn]
		for len(o) > 0 && len(n) > 0 && cellCount(o[0]) == cellCount(n[0]) {
			rd.cells(o[0], n[0])
			o, n = o[1:], n[1:]
		}
		for _, r := range o {
			rd.row(r, '-')
		}
		for _, r := range n {
			rd.row(r, '+')
		}
	})
	rd.b.WriteString(`</w:tbl>`)
}

func cellCount(tr elem) int { return strings.Count(tr.inner, "<w:tc>") }

// cells compares two rows of as many cells, cell by cell.
func (rd *redliner) cells(old, new elem) {
	var oCells []elem
	for _, c := range children(old.inner) {
		if c.name == "w:tc" {
			oCells = append(oCells, c)
		}
	}
	rd.b.WriteString(new.open)
	k := 0
	for _, c := range children(new.inner) {
		if c.name != "w:tc" {
			rd.b.WriteString(c.raw)
			continue
		}
		var ob []elem
		if k < len(oCells) {
			ob = children(oCells[k].inner)
		}
		k++
		rd.b.WriteString(c.open)
		var nb []elem
		for _, x := range children(c.inner) {
			if x.name == "w:tcPr" {
				rd.b.WriteString(x.raw)
			} else {
				nb = append(nb, x)
			}
		}
		var obBlocks []elem
		for _, x := range ob {
			if x.name != "w:tcPr" {
				obBlocks = append(obBlocks, x)
			}
		}
		rd.blocks(obBlocks, nb)
		rd.b.WriteString(`</w:tc>`)
	}
	rd.b.WriteString(`</w:tr>`)
}

// para compares two similar paragraphs word by word; the paragraph takes
// the newer one's properties.
func (rd *redliner) para(old, new elem) {
	_, ot := paraTokens(old)
	pPr, nt := paraTokens(new)
	same := align(len(ot), len(nt), func(i, j int) bool { return ot[i].key() == nt[j].key() })
	var toks []token
	var ops []byte
	walkAlign(same, len(ot), len(nt), func(i, j int) {
		toks, ops = append(toks, nt[j]), append(ops, '=')
	}, func(oi, on, ni, nn int) {
		for _, t := range ot[oi : oi+on] {
			toks, ops = append(toks, t), append(ops, '-')
		}
		for _, t := range nt[ni : ni+nn] {
			toks, ops = append(toks, t), append(ops, '+')
		}
	})
	rd.b.WriteString(new.open)
	rd.b.WriteString(pPr)
	rd.runs(toks, ops)
	rd.b.WriteString(`</w:p>`)
}

// token is a word, a space or an indivisible piece of a paragraph.
type token struct {
	link string // the start tag of the w:hyperlink around it, if any
	rPr  string // its run's properties
	kind byte   // 't' text, 'x' other run content (tab, field char …), 'b' outside runs (bookmarks)
	text string // 't': a word or a run of spaces, XML-escaped as written
	xml  string // 'x', 'b': the element
}

func (t token) key() string {
	return t.link + "\x00" + t.rPr + "\x00" + string(t.kind) + t.text + t.xml
}

// paraTokens splits a paragraph into its properties and tokens.
func paraTokens(p elem) (pPr string, toks []token) {
	for _, c := range children(p.inner) {
		switch c.name {
		case "w:pPr":
			pPr = c.raw
		case "w:r":
			toks = runTokens(toks, "", c)
		case "w:hyperlink":
			for _, r := range children(c.inner) {
				if r.name == "w:r" {
					toks = runTokens(toks, c.open, r)
				} else {
					toks = append(toks, token{link: c.open, kind: 'b', xml: r.raw})
				}
			}
		default:
			toks = append(toks, token{kind: 'b', xml: c.raw})
		}
	}
	return pPr, toks
}

func runTokens(toks []token, link string, r elem) []token {
	rPr := ""
	for _, c := range children(r.inner) {
		switch c.name {
		case "w:rPr":
			rPr = c.raw
		case "w:t":
			for _, w := range splitWords(c.inner) {
				toks = append(toks, token{link: link, rPr: rPr, kind: 't', text: w})
			}
		default:
			toks = append(toks, token{link: link, rPr: rPr, kind: 'x', xml: c.raw})
		}
	}
	return toks
}

// splitWords splits text into words and the spaces between them.
func splitWords(s string) []string {
	var out []string
	start := 0
	for i := 1; i <= len(s); i++ {
		if i == len(s) || (s[i] == ' ') != (s[i-1] == ' ') {
			out = append(out, s[start:i])
			start = i
		}
	}
	return out
}

// runs writes tokens with their operations ('=' kept, '+' inserted, '-'
// deleted), grouping them into hyperlinks, w:ins/w:del and runs.
func (rd *redliner) runs(toks []token, ops []byte) {
	var (
		link    string
		wrap    byte // the open w:ins/w:del, 0 when none
		runRPr  string
		inRun   bool
		textBuf strings.Builder
	)
	flushText := func() {
		if textBuf.Len() > 0 {
			tag := "w:t"
			if wrap == '-' {
				tag = "w:delText"
			}
			rd.b.WriteString(`<` + tag + ` xml:space="preserve">` + textBuf.String() + `</` + tag + `>`)
			textBuf.Reset()
		}
	}
	closeRun := func() {
		flushText()
		if inRun {
			rd.b.WriteString(`</w:r>`)
			inRun = false
		}
	}
	closeWrap := func() {
		closeRun()
		if wrap != 0 {
			rd.b.WriteString(`</w:` + opName(wrap) + `>`)
			wrap = 0
		}
	}
	closeLink := func() {
		closeWrap()
		if link != "" {
			rd.b.WriteString(`</w:hyperlink>`)
			link = ""
		}
	}
	for i, t := range toks {
		op := ops[i]
		if op == '-' && dropWhenDeleted(t) {
			continue
		}
		l := t.link
		if op == '-' && strings.Contains(l, "r:id=") {
			l = "" // an external link's relationship is the older package's
		}
		if l != link {
			closeLink()
			if l != "" {
				rd.b.WriteString(l)
				link = l
			}
		}
		if t.kind == 'b' {
			closeWrap()
			rd.b.WriteString(t.xml)
			continue
		}
		want := op
		if op == '=' {
			want = 0
		}
		if want != wrap {
			closeWrap()
			if want != 0 {
				rd.b.WriteString(`<w:` + opName(want) + ` w:id="` + rd.nextID() + `"` + rd.attrs + `>`)
				wrap = want
			}
		}
		if !inRun || runRPr != t.rPr || t.kind != 't' {
			closeRun()
			rd.b.WriteString(`<w:r>` + t.rPr)
			inRun, runRPr = true, t.rPr
		}
		if t.kind == 't' {
			textBuf.WriteString(t.text)
			continue
		}
		flushText()
		x := t.xml
		if wrap == '-' {
			x = strings.ReplaceAll(x, "w:instrText", "w:delInstrText")
		}
		rd.b.WriteString(x)
		closeRun() // keep field characters and tabs in runs of their own
	}
	closeLink()
}

// dropWhenDeleted: a footnote reference, image or object of deleted text
// points into the older package, so it is left out.
func dropWhenDeleted(t token) bool {
	if t.kind == 'b' {
		return true // the older version's bookmarks
	}
	return t.kind == 'x' && (strings.HasPrefix(t.xml, "<w:footnoteReference") || strings.HasPrefix(t.xml, "<w:drawing") ||
		strings.HasPrefix(t.xml, "<w:object") || strings.HasPrefix(t.xml, "<w:pict"))
}

// align returns the index pairs of a longest common subsequence of two
// sequences of lengths n and m (common prefix and suffix first, then
// dynamic programming over the rest; a rest too large to compare pairs
// nothing, so it is deleted and inserted whole).
func align(n, m int, eq func(i, j int) bool) [][2]int {
	pre := 0
	for pre < n && pre < m && eq(pre, pre) {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && eq(n-1-suf, m-1-suf) {
		suf++
	}
	out := make([][2]int, 0, pre+suf)
	for k := range pre {
		out = append(out, [2]int{k, k})
	}
	a, b := n-pre-suf, m-pre-suf
	if a > 0 && b > 0 && a*b <= 4_000_000 {
		t := make([]int32, (a+1)*(b+1))
		at := func(i, j int) int32 { return t[i*(b+1)+j] }
		for i := a - 1; i >= 0; i-- {
			for j := b - 1; j >= 0; j-- {
				v := max(at(i+1, j), at(i, j+1))
				if eq(pre+i, pre+j) {
					v = at(i+1, j+1) + 1
				}
				t[i*(b+1)+j] = v
			}
		}
		for i, j := 0, 0; i < a && j < b; {
			switch {
			case eq(pre+i, pre+j) && at(i, j) == at(i+1, j+1)+1:
				out = append(out, [2]int{pre + i, pre + j})
				i++
				j++
			case at(i+1, j) >= at(i, j+1):
				i++
			default:
				j++
			}
		}
	}
	for k := range suf {
		out = append(out, [2]int{n - suf + k, m - suf + k})
	}
	return out
}

// walkAlign calls match for every aligned pair and gap for every run of
// unaligned items between them, in order.
func walkAlign(pairs [][2]int, n, m int, match func(i, j int), gap func(oi, on, ni, nn int)) {
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{n, m}) {
		if p[0] > i || p[1] > j {
			gap(i, p[0]-i, j, p[1]-j)
		}
		if p[0] < n && p[1] < m {
			match(p[0], p[1])
		}
		i, j = p[0]+1, p[1]+1
	}
}
