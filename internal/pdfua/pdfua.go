// Package pdfua checks a PDF against the machine-checkable failure
// conditions of the Matterhorn Protocol 1.1 (PDF/UA-1, ISO 14289-1) that
// apply to what strategia draws. Tests run it over every PDF they build.
//
// It is not a validator (veraPDF is one): it checks what a PDF writer
// like ours could get wrong — content neither tagged nor an artifact,
// marked content the structure tree does not reference, structure types
// that are not standard, figures without alternate text, tables without
// header cells or TH without a scope, skipped heading levels, a missing
// /Lang or one (of the document or of an element) that is not a BCP 47
// language tag, title, DisplayDocTitle, XMP metadata or PDF/UA identification,
// fonts not embedded or without a Unicode mapping, annotations outside
// the structure tree or without /Contents, pages without /Tabs /S.
//
// It reads the file with pdfcpu and walks the objects itself; it imports
// nothing of strategia and is used only by tests.
package pdfua

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/language"
)

func init() { model.ConfigPath = "disable" } // never read or write a pdfcpu config file

// Problem is one failed checkpoint.
type Problem struct {
	Checkpoint string // Matterhorn checkpoint, e.g. "01-005"
	Msg        string
}

func (p Problem) String() string { return p.Checkpoint + ": " + p.Msg }

// standardTypes are the standard structure types of ISO 32000-1 §14.8.4.
var standardTypes = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
		NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
		Figure Formula Form`) {
		standardTypes[s] = true
	}
}

type mcKey struct {
	page int // object number of the page
	mcid int
}

type checker struct {
	x        *model.XRefTable
	problems []Problem
	seen     map[string]int // problems per checkpoint, to cap the list
	// from the structure tree
	treeMC   map[mcKey]int    // MCR → object number of its element
	treeAnno map[int]int      // annotation object → element with the OBJR
	headings []int            // heading levels in tree order
	elemType map[int]string   // element object → type
	visited  map[int]bool     // elements walked (loops)
	pages    map[int]int      // page object → 1-based page number
	parentOf map[mcKey]int    // parent tree: page MCID → element
	annoPar  map[int]int      // parent tree: StructParent key → element
	structPs map[int]int      // page object → StructParents key
	fontSeen map[string]bool  // fonts checked
	mcText   map[mcKey][]byte // the text codes shown in each marked-content sequence
}

func (c *checker) fail(cp, format string, args ...any) {
	c.seen[cp]++
	if c.seen[cp] > 5 {
		return
	}
	c.problems = append(c.problems, Problem{cp, fmt.Sprintf(format, args...)})
}

// Check reads pdf and returns the failed checkpoints (none for a
// conforming file), or an error when the file cannot be read at all.
func Check(pdf []byte) ([]Problem, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("pdfua: %w", err)
	}
	c := &checker{x: ctx.XRefTable, seen: map[string]int{}, treeMC: map[mcKey]int{}, treeAnno: map[int]int{},
		elemType: map[int]string{}, visited: map[int]bool{}, pages: map[int]int{}, parentOf: map[mcKey]int{},
		annoPar: map[int]int{}, structPs: map[int]int{}, fontSeen: map[string]bool{}, mcText: map[mcKey][]byte{}}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.7")) && !bytes.HasPrefix(pdf, []byte("%PDF-2")) {
		c.fail("PDF-VER", "the header is %q, not PDF 1.7", string(pdf[:min(8, len(pdf))]))
	}
	if err := c.run(); err != nil {
		return c.problems, err
	}
	return c.problems, nil
}

func (c *checker) run() error {
	x := c.x
	cat, err := x.Catalog()
	if err != nil {
		return err
	}
	if err := x.EnsurePageCount(); err != nil {
		return err
	}
	if x.PageCount == 0 {
		return fmt.Errorf("pdfua: no pages")
	}
	c.catalog(cat)
	for i := 1; i <= x.PageCount; i++ {
		_, ref, _, err := x.PageDict(i, false)
		if err != nil || ref == nil {
			return fmt.Errorf("pdfua: page %d: %v", i, err)
		}
		c.pages[ref.ObjectNumber.Value()] = i
	}
	root, _ := x.DereferenceDict(cat["StructTreeRoot"])
	if root == nil {
		c.fail("01-001", "no StructTreeRoot: the document is not tagged")
	} else {
		c.parentTree(root)
		c.kids(root["K"], 0, 0)
		for i := 1; i < len(c.headings); i++ {
			if c.headings[i] > c.headings[i-1]+1 {
				c.fail("14-003", "heading level skipped: H%d after H%d", c.headings[i], c.headings[i-1])
			}
		}
		if len(c.headings) > 0 && c.headings[0] != 1 {
			c.fail("14-002", "the first heading is H%d, not H1", c.headings[0])
		}
	}
	for i := 1; i <= x.PageCount; i++ {
		if err := c.page(i); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) text(o types.Object) string {
	if o == nil {
		return ""
	}
	s, err := c.x.DereferenceText(o)
	if err != nil {
		return ""
	}
	return s
}

func (c *checker) catalog(cat types.Dict) {
	x := c.x
	if l := strings.TrimSpace(c.text(cat["Lang"])); l == "" {
		c.fail("11-006", "the catalogue has no /Lang")
	} else if _, err := language.Parse(l); err != nil {
		c.fail("11-006", "the catalogue's /Lang %q is not a language tag", l)
	}
	mi, _ := x.DereferenceDict(cat["MarkInfo"])
	if b := mi.BooleanEntry("Marked"); b == nil || !*b {
		c.fail("01-002", "/MarkInfo /Marked is not true")
	}
	vp, _ := x.DereferenceDict(cat["ViewerPreferences"])
	if b := vp.BooleanEntry("DisplayDocTitle"); b == nil {
		c.fail("07-001", "no /ViewerPreferences /DisplayDocTitle")
	} else if !*b {
		c.fail("07-002", "/DisplayDocTitle is false")
	}
	if x.Info == nil {
		c.fail("06-003", "no document information dictionary with a /Title")
	} else if info, _ := x.DereferenceDict(*x.Info); strings.TrimSpace(c.text(info["Title"])) == "" {
		c.fail("06-003", "the document information dictionary has no /Title")
	}
	sd, _, _ := x.DereferenceStreamDict(cat["Metadata"])
	if sd == nil {
		c.fail("06-001", "no XMP metadata stream")
		return
	}
	if err := sd.Decode(); err != nil {
		c.fail("06-001", "XMP metadata stream: %v", err)
		return
	}
	xmp := string(sd.Content)
	if !strings.Contains(xmp, "<pdfuaid:part>1</pdfuaid:part>") && !strings.Contains(xmp, `pdfuaid:part="1"`) {
		c.fail("06-002", "the XMP metadata has no pdfuaid:part 1")
	}
	if i := strings.Index(xmp, "<dc:title>"); i < 0 || !strings.Contains(xmp[i:], "<rdf:li") {
		c.fail("06-003", "the XMP metadata has no dc:title")
	}
}

// parentTree reads the number tree of the root's /ParentTree.
func (c *checker) parentTree(root types.Dict) {
	pt, _ := c.x.DereferenceDict(root["ParentTree"])
	if pt == nil {
		c.fail("01-PT", "no /ParentTree")
		return
	}
	var walk func(d types.Dict)
	walk = func(d types.Dict) {
		nums, _ := c.x.DereferenceArray(d["Nums"])
		for i := 0; i+1 < len(nums); i += 2 {
			k, ok := nums[i].(types.Integer)
			if !ok {
				continue
			}
			switch v := nums[i+1].(type) {
			case types.IndirectRef:
				o, _ := c.x.Dereference(v)
				if arr, ok := o.(types.Array); ok {
					c.parentArray(k.Value(), arr)
				} else {
					c.annoPar[k.Value()] = v.ObjectNumber.Value()
				}
			case types.Array:
				c.parentArray(k.Value(), v)
			}
		}
		kids, _ := c.x.DereferenceArray(d["Kids"])
		for _, k := range kids {
			if kd, _ := c.x.DereferenceDict(k); kd != nil {
				walk(kd)
			}
		}
	}
	walk(pt)
}

// parentArray records a page's MCID → element array under key k (-key
// until the page's /StructParents says which page it is).
func (c *checker) parentArray(k int, arr types.Array) {
	for mcid, o := range arr {
		if r, ok := o.(types.IndirectRef); ok {
			c.parentOf[mcKey{-1 - k, mcid}] = r.ObjectNumber.Value()
		}
	}
}

// kids walks the /K of an element (obj; 0 for the root) on page pg.
func (c *checker) kids(k types.Object, obj, pg int) {
	switch v := k.(type) {
	case nil:
	case types.Array:
		for _, o := range v {
			c.kids(o, obj, pg)
		}
	case types.Integer:
		if obj == 0 || pg == 0 {
			c.fail("01-MCR", "an MCID without a page (element %d)", obj)
			return
		}
		c.treeMC[mcKey{pg, v.Value()}] = obj
	case types.IndirectRef:
		d, _ := c.x.DereferenceDict(v)
		if d == nil {
			return
		}
		c.elem(v.ObjectNumber.Value(), d, obj)
	case types.Dict:
		page := pg
		if r := v.IndirectRefEntry("Pg"); r != nil {
			page = r.ObjectNumber.Value()
		}
		switch t := v.NameEntry("Type"); {
		case t != nil && *t == "MCR":
			if m := v.IntEntry("MCID"); m != nil {
				c.treeMC[mcKey{page, *m}] = obj
			}
		case t != nil && *t == "OBJR":
			if r := v.IndirectRefEntry("Obj"); r != nil {
				c.treeAnno[r.ObjectNumber.Value()] = obj
			}
		}
	}
}

func (c *checker) elem(obj int, d types.Dict, parent int) {
	if c.visited[obj] {
		c.fail("01-LOOP", "structure element %d reached twice", obj)
		return
	}
	c.visited[obj] = true
	typ := ""
	if s := d.NameEntry("S"); s != nil {
		typ = *s
	}
	c.elemType[obj] = typ
	if l, ok := d["Lang"]; ok {
		if _, err := language.Parse(strings.TrimSpace(c.text(l))); err != nil {
			c.fail("11-001", "the /Lang %q of a %s (element %d) is not a language tag", c.text(l), typ, obj)
		}
	}
	if !standardTypes[typ] {
		c.fail("02-001", "structure type %q is not standard and not role-mapped", typ)
	}
	if r := d.IndirectRefEntry("P"); r == nil || (parent != 0 && r.ObjectNumber.Value() != parent) {
		c.fail("01-P", "structure element %d (%s) has a wrong /P", obj, typ)
	}
	if len(typ) == 2 && typ[0] == 'H' && typ[1] >= '1' && typ[1] <= '6' {
		c.headings = append(c.headings, int(typ[1]-'0'))
	}
	switch typ {
	case "Figure":
		if strings.TrimSpace(c.text(d["Alt"])) == "" && strings.TrimSpace(c.text(d["ActualText"])) == "" {
			c.fail("13-004", "a Figure (element %d) has no alternate text", obj)
		}
	case "Table":
		if !c.hasDescendant(d, "TH", 0) {
			c.fail("15-TH", "a Table (element %d) has no TH cell", obj)
		}
	case "TH":
		a, _ := c.x.DereferenceDict(d["A"])
		if a == nil || (a.NameEntry("Scope") == nil && d["Headers"] == nil) {
			c.fail("15-003", "a TH (element %d) has no /Scope", obj)
		}
	}
	pg := 0
	if r := d.IndirectRefEntry("Pg"); r != nil {
		pg = r.ObjectNumber.Value()
	}
	c.kids(d["K"], obj, pg)
}

func (c *checker) hasDescendant(d types.Dict, typ string, depth int) bool {
	if depth > 50 {
		return false
	}
	var kids types.Array
	switch k := d["K"].(type) {
	case types.Array:
		kids = k
	case types.IndirectRef:
		kids = types.Array{k}
	}
	for _, k := range kids {
		r, ok := k.(types.IndirectRef)
		if !ok {
			continue
		}
		kd, _ := c.x.DereferenceDict(r)
		if kd == nil {
			continue
		}
		if s := kd.NameEntry("S"); s != nil && *s == typ {
			return true
		}
		if c.hasDescendant(kd, typ, depth+1) {
			return true
		}
	}
	return false
}

func (c *checker) page(n int) error {
	x := c.x
	d, ref, _, err := x.PageDict(n, false)
	if err != nil {
		return err
	}
	pobj := ref.ObjectNumber.Value()
	if t := d.NameEntry("Tabs"); t == nil || *t != "S" {
		c.fail("28-008", "page %d has no /Tabs /S", n)
	}
	spKey := -1
	if sp := d.IntEntry("StructParents"); sp != nil {
		spKey = *sp
	}
	// annotations
	annots, _ := x.DereferenceArray(d["Annots"])
	for _, a := range annots {
		r, ok := a.(types.IndirectRef)
		ad, _ := x.DereferenceDict(a)
		if ad == nil {
			continue
		}
		sub := ""
		if s := ad.NameEntry("Subtype"); s != nil {
			sub = *s
		}
		if !ok {
			c.fail("28-002", "page %d: a %s annotation is a direct object, so it cannot be in the structure tree", n, sub)
			continue
		}
		elem, in := c.treeAnno[r.ObjectNumber.Value()]
		if !in {
			c.fail("28-002", "page %d: %s annotation %d is not in the structure tree", n, sub, r.ObjectNumber.Value())
		} else if sub == "Link" && c.elemType[elem] != "Link" {
			c.fail("28-011", "page %d: link annotation %d is in a %s element, not Link", n, r.ObjectNumber.Value(), c.elemType[elem])
		}
		if sp := ad.IntEntry("StructParent"); sp == nil || c.annoPar[*sp] != elem {
			c.fail("28-SP", "page %d: annotation %d has no /StructParent leading to its element", n, r.ObjectNumber.Value())
		}
		if sub != "Widget" && strings.TrimSpace(c.text(ad["Contents"])) == "" {
			c.fail("28-012", "page %d: %s annotation %d has no /Contents", n, sub, r.ObjectNumber.Value())
		}
	}
	// fonts
	res, _ := x.DereferenceDict(d["Resources"])
	fonts, _ := x.DereferenceDict(res["Font"])
	names := make([]string, 0, len(fonts))
	for k := range fonts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		c.font(k, fonts[k])
	}
	// content
	content, err := x.PageContent(d, n)
	if err != nil && err != model.ErrNoContent {
		return err
	}
	for _, mc := range c.scan(n, pobj, content) {
		el, ok := c.treeMC[mcKey{pobj, mc}]
		if !ok {
			c.fail("01-005", "page %d: marked content MCID %d is not referenced by the structure tree", n, mc)
			continue
		}
		if spKey < 0 {
			c.fail("01-PT", "page %d has marked content but no /StructParents", n)
		} else if c.parentOf[mcKey{-1 - spKey, mc}] != el {
			c.fail("01-PT", "page %d: the parent tree does not lead MCID %d to its element", n, mc)
		}
	}
	for k := range c.treeMC {
		if k.page == pobj {
			c.checkMCIDUsed(n, k.mcid, content)
		}
	}
	return nil
}

// checkMCIDUsed reports a tree reference to an MCID the page lacks.
func (c *checker) checkMCIDUsed(n, mcid int, content []byte) {
	if !bytes.Contains(content, []byte("/MCID "+strconv.Itoa(mcid)+">>")) && !bytes.Contains(content, []byte("/MCID "+strconv.Itoa(mcid)+" ")) {
		c.fail("01-MCR", "page %d: the structure tree references MCID %d, which the page does not have", n, mcid)
	}
}

func (c *checker) font(name string, o types.Object) {
	fd, _ := c.x.DereferenceDict(o)
	if fd == nil {
		return
	}
	key := name
	if r, ok := o.(types.IndirectRef); ok {
		key = "obj" + strconv.Itoa(r.ObjectNumber.Value())
	}
	if c.fontSeen[key] {
		return
	}
	c.fontSeen[key] = true
	base := ""
	if b := fd.NameEntry("BaseFont"); b != nil {
		base = *b
	}
	if fd["ToUnicode"] == nil {
		c.fail("31-027", "font %s has no /ToUnicode", base)
	}
	desc := fd
	if st := fd.NameEntry("Subtype"); st != nil && *st == "Type0" {
		dfs, _ := c.x.DereferenceArray(fd["DescendantFonts"])
		if len(dfs) == 0 {
			c.fail("31-009", "Type0 font %s has no descendant font", base)
			return
		}
		desc, _ = c.x.DereferenceDict(dfs[0])
	}
	fdesc, _ := c.x.DereferenceDict(desc["FontDescriptor"])
	if fdesc == nil || (fdesc["FontFile"] == nil && fdesc["FontFile2"] == nil && fdesc["FontFile3"] == nil) {
		c.fail("31-009", "font %s is not embedded", base)
	}
}
