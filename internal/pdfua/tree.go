package pdfua

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Elem is a structure element read back from a PDF: its type, alternate
// text and kids in order — elements, and text kids (Type "") holding the
// text of its marked content.
type Elem struct {
	Type string
	Alt  string
	Lang string // /Lang, "" when the element has none
	Text string
	Kids []*Elem
}

// AllText is the text of e's subtree in order.
func (e *Elem) AllText() string {
	if e.Type == "" {
		return e.Text
	}
	var b strings.Builder
	for _, k := range e.Kids {
		b.WriteString(k.AllText())
	}
	return b.String()
}

// Tree reads the structure tree of pdf with the text of its marked
// content, as a root (Type "StructTreeRoot") holding the top elements.
func Tree(pdf []byte) (*Elem, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("pdfua: %w", err)
	}
	c := &checker{x: ctx.XRefTable, seen: map[string]int{}, treeMC: map[mcKey]int{}, treeAnno: map[int]int{},
		elemType: map[int]string{}, visited: map[int]bool{}, pages: map[int]int{}, parentOf: map[mcKey]int{},
		annoPar: map[int]int{}, structPs: map[int]int{}, fontSeen: map[string]bool{}, mcText: map[mcKey][]byte{}}
	if err := c.run(); err != nil {
		return nil, err
	}
	cat, _ := c.x.Catalog()
	root, _ := c.x.DereferenceDict(cat["StructTreeRoot"])
	out := &Elem{Type: "StructTreeRoot"}
	if root == nil {
		return out, nil
	}
	seen := map[int]bool{}
	var kids func(parent *Elem, k types.Object, pg int)
	kids = func(parent *Elem, k types.Object, pg int) {
		switch v := k.(type) {
		case types.Array:
			for _, o := range v {
				kids(parent, o, pg)
			}
		case types.Integer:
			parent.Kids = append(parent.Kids, &Elem{Text: decodeText(c.mcText[mcKey{pg, v.Value()}])})
		case types.Dict:
			page := pg
			if r := v.IndirectRefEntry("Pg"); r != nil {
				page = r.ObjectNumber.Value()
			}
			if t := v.NameEntry("Type"); t != nil && *t == "MCR" {
				if m := v.IntEntry("MCID"); m != nil {
					parent.Kids = append(parent.Kids, &Elem{Text: decodeText(c.mcText[mcKey{page, *m}])})
				}
			}
		case types.IndirectRef:
			obj := v.ObjectNumber.Value()
			d, _ := c.x.DereferenceDict(v)
			if d == nil || seen[obj] {
				return
			}
			seen[obj] = true
			e := &Elem{Alt: c.text(d["Alt"]), Lang: c.text(d["Lang"])}
			if s := d.NameEntry("S"); s != nil {
				e.Type = *s
			}
			epg := pg
			if r := d.IndirectRefEntry("Pg"); r != nil {
				epg = r.ObjectNumber.Value()
			}
			kids(e, d["K"], epg)
			parent.Kids = append(parent.Kids, e)
		}
	}
	kids(out, root["K"], 0)
	return out, nil
}

// decodeText turns the two-byte codes of strategia's Identity-H fonts
// into text (they are UTF-16 code units).
func decodeText(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
