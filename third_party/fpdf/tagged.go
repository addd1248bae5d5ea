package fpdf

// strategia patch: tagged PDF (ISO 32000-1 §14.6–14.8) for PDF/UA-1.
//
// The caller marks what it draws as marked content (BeginMarkedContent,
// BeginArtifact, EndMarkedContent), builds the logical structure tree out
// of StructElem values whose kids reference that marked content by page
// and MCID, and hands it over with SetStructTree before Output. fpdf then
// writes the StructTreeRoot, every StructElem, the ParentTree, the pages'
// /StructParents and /Tabs /S, link annotations as indirect objects with
// /StructParent and /Contents, and the catalogue's /MarkInfo and
// /ViewerPreferences. Everything is written in tree order, so the same
// tree gives the same bytes.

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// StructElem is one element of the logical structure tree.
type StructElem struct {
	// Type is the structure type without its slash: a standard type
	// (Document, Sect, H1…H6, P, L, LI, Lbl, LBody, Table, THead, TBody,
	// TR, TH, TD, Figure, Caption, Note, TOC, TOCI, Link, Span…).
	Type string
	// Alt is the alternate description (/Alt), ActualText the replacement
	// text (/ActualText), Lang the element's language (/Lang); "" omits
	// the entry.
	Alt, ActualText, Lang string
	// Attr is the body of the attribute dictionary /A without its angle
	// brackets, e.g. "/O /Table /Scope /Column"; "" omits /A.
	Attr string
	// Kids are the element's children in logical order.
	Kids []StructKid

	obj    int
	parent *StructElem
}

// StructKid is a child of a StructElem: another element (Elem), marked
// content (Page and MCID, as returned by BeginMarkedContent) or a link
// annotation (Page and Annot, as returned by LinkTagged).
type StructKid struct {
	Elem  *StructElem
	Page  int // 1-based
	MCID  int
	Annot int // 1-based index of the link on Page; 0 for marked content
}

type taggedState struct {
	root            *StructElem
	displayDocTitle bool
	mcid            []int   // next MCID per page (1-based)
	pageObj         []int   // object number per page (1-based)
	annotObj        [][]int // object number per page and link (both 1-based)
	annotKey        [][]int // StructParent key per page and link
	treeObj         int
	// objects written into object streams: number → (stream, index)
	inStream map[int][2]int
	pendNum  []int  // queued objects' numbers
	pendOff  []int  // and their offsets in pendBody
	pendBody []byte // their bodies, each ended by a newline
}

// SetPDFVersion sets the version written in the file header (a feature
// may still raise it).
func (f *Fpdf) SetPDFVersion(major, minor uint) {
	f.pdfVersion = pdfVersionFrom(major, minor)
}

// SetDisplayDocTitle makes viewers show the document title, not the file
// name, in their title bar (/ViewerPreferences /DisplayDocTitle).
func (f *Fpdf) SetDisplayDocTitle(on bool) {
	f.tag.displayDocTitle = on
}

// SetStructTree makes the document a tagged PDF with root (normally of
// Type Document) as the only child of the structure tree root. Call it
// after the last page is drawn and before Output.
func (f *Fpdf) SetStructTree(root *StructElem) {
	f.tag.root = root
}

// BeginMarkedContent opens a marked-content sequence tagged tag on the
// current page and returns its MCID (0, 1, 2… per page). Close it with
// EndMarkedContent.
func (f *Fpdf) BeginMarkedContent(tag string) int {
	for len(f.tag.mcid) <= f.page {
		f.tag.mcid = append(f.tag.mcid, 0)
	}
	id := f.tag.mcid[f.page]
	f.tag.mcid[f.page]++
	b := append(f.textBuf[:0], '/')
	b = append(b, tag...)
	b = append(b, " <</MCID "...)
	b = strconv.AppendInt(b, int64(id), 10)
	b = append(b, ">> BDC\n"...)
	f.textBuf = b
	if f.state == 2 {
		f.pages[f.page].Write(b)
	} else {
		f.buffer.Write(b)
	}
	return id
}

// BeginArtifact opens an artifact (content that is not part of the
// logical structure). typ is "" or an artifact type such as
// "Pagination" or "Layout". Close it with EndMarkedContent.
func (f *Fpdf) BeginArtifact(typ string) {
	if typ == "" {
		f.out("/Artifact BMC")
		return
	}
	f.out("/Artifact <</Type /" + typ + ">> BDC")
}

// EndMarkedContent closes the innermost marked-content sequence.
func (f *Fpdf) EndMarkedContent() {
	f.out("EMC")
}

// LinkTagged is Link (link > 0) or LinkString (link == 0) with the
// annotation's text description (/Contents); it returns the page and the
// 1-based index of the annotation on it, for a StructKid.
func (f *Fpdf) LinkTagged(x, y, w, h float64, link int, linkStr, contents string) (page, annot int) {
	f.newLink(x, y, w, h, link, linkStr)
	links := f.pageLinks[f.page]
	links[len(links)-1].contents = contents
	return f.page, len(links)
}

// pdfText is a text string: literal for ASCII, UTF-16BE with BOM otherwise.
func (f *Fpdf) pdfText(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return f.textstring(utf8toutf16(s))
		}
	}
	return f.textstring(s)
}

// taggedPrepare numbers the link annotations of a tagged document: they
// are written as indirect objects right after the pages (whose numbers
// fpdf fixes as 3, 5, 7…), and their StructParent keys follow the pages'.
func (f *Fpdf) taggedPrepare(nb int) {
	t := &f.tag
	t.pageObj = make([]int, nb+1)
	t.annotObj = make([][]int, nb+1)
	t.annotKey = make([][]int, nb+1)
	next := f.n + 2*nb + 1
	key := nb
	for n := 1; n <= nb; n++ {
		t.annotObj[n] = make([]int, len(f.pageLinks[n])+1)
		t.annotKey[n] = make([]int, len(f.pageLinks[n])+1)
		for i := range f.pageLinks[n] {
			t.annotObj[n][i+1] = next
			t.annotKey[n][i+1] = key
			next++
			key++
		}
	}
}

// putTaggedPageEntries writes a tagged page's /Annots references,
// /StructParents and /Tabs.
func (f *Fpdf) putTaggedPageEntries(n int) {
	t := &f.tag
	if len(f.pageLinks[n]) > 0 {
		var b strings.Builder
		b.WriteString("/Annots [")
		for i := range f.pageLinks[n] {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(t.annotObj[n][i+1]))
			b.WriteString(" 0 R")
		}
		b.WriteString("]")
		f.out(b.String())
	}
	f.out("/StructParents " + strconv.Itoa(n-1) + " /Tabs /S")
}

// putTaggedAnnots writes the link annotations of a tagged document, in
// the order taggedPrepare numbered them, into object streams.
func (f *Fpdf) putTaggedAnnots(nb int, hPt float64) {
	for n := 1; n <= nb; n++ {
		for i, pl := range f.pageLinks[n] {
			var b fmtBuffer
			b.printf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /P %d 0 R /StructParent %d",
				pl.x, pl.y, pl.x+pl.wd, pl.y-pl.ht, f.tag.pageObj[n], f.tag.annotKey[n][i+1])
			if pl.contents != "" {
				b.printf(" /Contents %s", f.pdfText(pl.contents))
			}
			if pl.link == 0 {
				b.printf(" /A <</S /URI /URI %s>>>>", f.textstring(pl.linkStr))
			} else {
				l := f.links[pl.link]
				h := hPt
				if sz, ok := f.pageSizes[l.page]; ok {
					h = sz.Ht
				}
				b.printf(" /Dest [%d 0 R /XYZ 0 %.2f null]>>", 1+2*l.page, h-l.y*f.k)
			}
			f.stmObj(b.String())
		}
	}
	f.flushObjStreams()
}

// putStructTree writes the structure tree root, the elements in
// pre-order and the parent tree.
func (f *Fpdf) putStructTree() {
	t := &f.tag
	if t.root == nil {
		return
	}
	nb := f.page
	// number the objects: root, elements in pre-order, parent tree
	t.treeObj = f.n + 1
	next := t.treeObj + 1
	var elems []*StructElem
	var number func(e *StructElem)
	number = func(e *StructElem) {
		e.obj = next
		next++
		elems = append(elems, e)
		for _, k := range e.Kids {
			if k.Elem != nil {
				k.Elem.parent = e
				number(k.Elem)
			}
		}
	}
	number(t.root)
	// strategia patch: room for the queued elements (about 80 bytes each)
	t.pendNum = slices.Grow(t.pendNum, len(elems)+1)
	t.pendOff = slices.Grow(t.pendOff, len(elems)+1)
	t.pendBody = slices.Grow(t.pendBody, 80*len(elems))
	parentTreeObj := next
	// parent tree: per page the element of each MCID, per annotation its element
	pageMC := make([][]int, nb+1)
	for n := 1; n <= nb && n < len(t.mcid); n++ {
		pageMC[n] = make([]int, t.mcid[n])
	}
	annotKeys := 0
	for n := 1; n <= nb; n++ {
		annotKeys += len(f.pageLinks[n])
	}
	annotElem := make([]int, annotKeys)
	for _, e := range elems {
		for _, k := range e.Kids {
			if k.Elem != nil || k.Page < 1 || k.Page > nb {
				continue
			}
			if k.Annot > 0 {
				if k.Annot < len(t.annotKey[k.Page]) {
					annotElem[t.annotKey[k.Page][k.Annot]-nb] = e.obj
				}
			} else if k.MCID < len(pageMC[k.Page]) {
				pageMC[k.Page][k.MCID] = e.obj
			}
		}
	}
	// root; it, the elements and the parent tree go into object streams
	f.stmObj("<</Type /StructTreeRoot /K [" + strconv.Itoa(t.root.obj) + " 0 R] /ParentTree " +
		strconv.Itoa(parentTreeObj) + " 0 R /ParentTreeNextKey " + strconv.Itoa(nb+annotKeys) + ">>")
	// elements
	var b []byte
	ref := func(b []byte, obj int) []byte {
		b = strconv.AppendInt(b, int64(obj), 10)
		return append(b, " 0 R"...)
	}
	for _, e := range elems {
		b = append(b[:0], "<</S /"...) // /Type /StructElem is optional
		b = append(b, e.Type...)
		b = append(b, " /P "...)
		if p := e.parent; p != nil {
			b = ref(b, p.obj)
		} else {
			b = ref(b, t.treeObj)
		}
		pg := 0
		for _, k := range e.Kids {
			if k.Elem == nil && k.Page >= 1 && k.Page <= nb {
				pg = k.Page
				break
			}
		}
		if pg > 0 {
			b = append(b, " /Pg "...)
			b = ref(b, t.pageObj[pg])
		}
		if e.Alt != "" {
			b = append(b, " /Alt "...)
			b = append(b, f.pdfText(e.Alt)...)
		}
		if e.ActualText != "" {
			b = append(b, " /ActualText "...)
			b = append(b, f.pdfText(e.ActualText)...)
		}
		if e.Lang != "" {
			b = append(b, " /Lang "...)
			b = append(b, f.pdfText(e.Lang)...)
		}
		if e.Attr != "" {
			b = append(b, " /A <<"...)
			b = append(b, e.Attr...)
			b = append(b, ">>"...)
		}
		b = append(b, " /K "...)
		if len(e.Kids) != 1 {
			b = append(b, '[')
		}
		for i, k := range e.Kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.Elem != nil:
				b = ref(b, k.Elem.obj)
			case k.Page < 1 || k.Page > nb:
			case k.Annot > 0:
				b = append(b, "<</Type /OBJR /Obj "...)
				if k.Annot < len(t.annotObj[k.Page]) {
					b = ref(b, t.annotObj[k.Page][k.Annot])
				}
				b = append(b, " /Pg "...)
				b = ref(b, t.pageObj[k.Page])
				b = append(b, ">>"...)
			case k.Page == pg:
				b = strconv.AppendInt(b, int64(k.MCID), 10)
			default:
				b = append(b, "<</Type /MCR /Pg "...)
				b = ref(b, t.pageObj[k.Page])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.MCID), 10)
				b = append(b, ">>"...)
			}
		}
		if len(e.Kids) != 1 {
			b = append(b, ']')
		}
		b = append(b, ">>"...)
		f.stmObjBytes(b)
	}
	// parent tree: one flat number tree, keys ascending
	b = append(b[:0], "<</Nums ["...)
	for n := 1; n <= nb; n++ {
		b = strconv.AppendInt(b, int64(n-1), 10)
		b = append(b, " ["...)
		for i, obj := range pageMC[n] {
			if i > 0 {
				b = append(b, ' ')
			}
			if obj == 0 {
				b = append(b, "null"...)
			} else {
				b = ref(b, obj)
			}
		}
		b = append(b, "] "...)
	}
	for i, obj := range annotElem {
		if obj == 0 {
			continue
		}
		b = strconv.AppendInt(b, int64(nb+i), 10)
		b = append(b, ' ')
		b = ref(b, obj)
		b = append(b, ' ')
	}
	b = append(b, "]>>"...)
	f.stmObjBytes(b)
	f.flushObjStreams()
}

// stmObj numbers the next object and queues it for an object stream.
func (f *Fpdf) stmObj(body string) { f.stmObjBytes([]byte(body)) }

func (f *Fpdf) stmObjBytes(body []byte) {
	f.n++
	for j := len(f.offsets); j <= f.n; j++ {
		f.offsets = append(f.offsets, 0)
	}
	t := &f.tag
	t.pendNum = append(t.pendNum, f.n)
	t.pendOff = append(t.pendOff, len(t.pendBody))
	t.pendBody = append(append(t.pendBody, body...), '\n')
}

// flushObjStreams writes the queued objects into compressed object
// streams (PDF 1.5, ISO 32000-1 §7.5.7) of up to 200 objects each: a
// structure tree is tens of thousands of small dictionaries.
func (f *Fpdf) flushObjStreams() {
	const per = 200
	t := &f.tag
	if t.inStream == nil {
		t.inStream = make(map[int][2]int, len(t.pendNum))
	}
	// each stream's data (offset table, then the objects), compressed on
	// every core, then written in order: the same bytes as one by one
	type objStm struct {
		data    []byte
		headLen int
		z       *membuffer
	}
	var stms []objStm
	for i := 0; i < len(t.pendNum); i += per {
		j := min(i+per, len(t.pendNum))
		from, to := t.pendOff[i], len(t.pendBody)
		if j < len(t.pendNum) {
			to = t.pendOff[j]
		}
		data := make([]byte, 0, 12*(j-i)+to-from)
		for k := i; k < j; k++ {
			data = strconv.AppendInt(data, int64(t.pendNum[k]), 10)
			data = append(data, ' ')
			data = strconv.AppendInt(data, int64(t.pendOff[k]-from), 10)
			data = append(data, ' ')
		}
		headLen := len(data)
		data = append(data, t.pendBody[from:to]...)
		stms = append(stms, objStm{data: data, headLen: headLen})
	}
	if f.compress {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), len(stms)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(stms) {
						return
					}
					stms[i].z = xmem.compress(stms[i].data)
				}
			}()
		}
		wg.Wait()
	}
	for si, stm := range stms {
		i := si * per
		j := min(i+per, len(t.pendNum))
		f.newobj()
		for k := i; k < j; k++ {
			t.inStream[t.pendNum[k]] = [2]int{f.n, k - i}
		}
		n := j - i
		if stm.z != nil {
			z := stm.z.bytes()
			f.outf("<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>", n, stm.headLen, len(z))
			f.putstream(z)
			stm.z.release()
		} else {
			f.outf("<</Type /ObjStm /N %d /First %d /Length %d>>", n, stm.headLen, len(stm.data))
			f.putstream(stm.data)
		}
		f.out("endobj")
	}
	t.pendNum, t.pendOff, t.pendBody = t.pendNum[:0], t.pendOff[:0], t.pendBody[:0]
}

// putXrefStream ends a document that has object streams with a
// cross-reference stream (ISO 32000-1 §7.5.8) in place of the xref table
// and trailer.
func (f *Fpdf) putXrefStream() {
	root, info := f.n, f.n-1
	f.newobj()
	self := f.n
	data := make([]byte, 0, (f.n+1)*7)
	entry := func(typ byte, a, b int) {
		data = append(data, typ, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(b>>8), byte(b))
	}
	entry(0, 0, 0xffff)
	for j := 1; j <= f.n; j++ {
		if in, ok := f.tag.inStream[j]; ok {
			entry(2, in[0], in[1])
		} else {
			entry(1, f.offsets[j], 0)
		}
	}
	mem := xmem.compress(data)
	z := mem.bytes()
	f.outf("<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /Filter /FlateDecode /Length %d>>",
		f.n+1, root, info, len(z))
	f.putstream(z)
	mem.release()
	f.out("endobj")
	f.out("startxref")
	f.outf("%d", f.offsets[self])
	f.out("%%EOF")
	f.state = 3
}

// putTaggedCatalog writes the catalogue entries of a tagged document.
func (f *Fpdf) putTaggedCatalog() {
	if f.tag.root != nil {
		f.out("/MarkInfo <</Marked true>>")
		f.outf("/StructTreeRoot %d 0 R", f.tag.treeObj)
	}
	if f.tag.displayDocTitle {
		f.out("/ViewerPreferences <</DisplayDocTitle true>>")
	}
}
