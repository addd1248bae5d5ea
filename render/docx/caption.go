package docx

import (
	"bytes"
	"regexp"
	"strconv"

	"github.com/strategia-pl/strategia/render/doc"
)

// Numbered captions and cross-references.
//
// Compose numbers tables and figures itself and begins their captions
// with the label and number ("Tabela\u00a03. …", "Mapa\u00a01. …"). The DOCX
// turns that number into a SEQ field (SEQ Tabela, SEQ Mapa), pre-filled
// with compose's number, inside a bookmark (_RefN) that holds just the
// number; a link in the text to a numbered table or figure gets a REF
// field to that bookmark in place of the number, so the typed, declined
// word around it ("w tabeli 3", "zob. mapa 3") stays as written while
// Word renumbers the number when a council inserts a table. The lists of
// tables and figures are TOC fields over the same SEQ identifiers
// (TOC \c "Tabela"), as Word's own "Insert Table of Figures" makes them.

// captionRE matches the label and number that open a caption.
var captionRE = regexp.MustCompile(`^(\p{Lu}\p{L}*)([ \x{a0}])(\d+)\b`)

// numbered is the label and number of a table's or figure's caption and
// the bookmark around its number.
type numbered struct {
	label, sep, num string
	mark            string // bookmark around the SEQ field
}

// captionNumber returns the label and number that open caption ins, or
// nil when it does not begin with them.
func captionNumber(ins []doc.Inline) *numbered {
	if len(ins) == 0 {
		return nil
	}
	t, ok := ins[0].(*doc.Text)
	if !ok {
		return nil
	}
	m := captionRE.FindStringSubmatch(t.Text)
	if m == nil {
		return nil
	}
	return &numbered{label: m[1], sep: m[2], num: m[3]}
}

// number registers the caption of the table or figure with anchor a.
func (r *renderer) number(a string, caption []doc.Inline) {
	n := captionNumber(caption)
	if n == nil || a == "" {
		return
	}
	r.refSeq++
	n.mark = r.unique("_Ref" + strconv.Itoa(r.refSeq))
	r.numbers[a] = n
}

// caption writes caption inlines, the opening number as a SEQ field in
// its bookmark when the caption has one.
func (r *renderer) caption(c ctx, a string, ins []doc.Inline) error {
	n := r.numbers[a]
	if n == nil {
		return r.inlines(c, ins, 0)
	}
	first := ins[0].(*doc.Text)
	r.run(r.b, n.label+n.sep, first.Style, "")
	id := r.markStart(n.mark)
	writeField(r.b, "SEQ "+n.label+` \* ARABIC`, n.num, runProps(first.Style, ""))
	r.markEnd(id)
	r.run(r.b, first.Text[len(n.label)+len(n.sep)+len(n.num):], first.Style, "")
	return r.inlines(c, ins[1:], 0)
}

// seqLabel returns the one label all entries' captions share, or "".
func (r *renderer) seqLabel(entries []tocEntry) string {
	label := ""
	for _, e := range entries {
		n := r.numbers[e.anchor]
		if n == nil || (label != "" && n.label != label) {
			return ""
		}
		label = n.label
	}
	return label
}

// refInlines writes the inlines of a link to a numbered table or figure,
// the first occurrence of its number as a REF field to the number's
// bookmark; it reports false when the text does not contain the number.
func (r *renderer) refInlines(n *numbered, ins []doc.Inline, base doc.Style, rStyle string) (bool, error) {
	re := regexp.MustCompile(`(^|[^\d])` + n.num + `($|[^\d])`)
	for i, in := range ins {
		t, ok := in.(*doc.Text)
		if !ok {
			continue
		}
		loc := re.FindStringSubmatchIndex(t.Text)
		if loc == nil {
			continue
		}
		if err := r.inlinesStyled(ins[:i], base, rStyle); err != nil {
			return true, err
		}
		start := loc[3] // end of the character before the number
		st := base | t.Style
		r.run(r.b, t.Text[:start], st, rStyle)
		writeField(r.b, "REF "+n.mark+` \h`, n.num, runProps(st, rStyle))
		r.run(r.b, t.Text[start+len(n.num):], st, rStyle)
		return true, r.inlinesStyled(ins[i+1:], base, rStyle)
	}
	return false, nil
}

// runProps returns the w:rPr of style st and character style rStyle.
func runProps(st doc.Style, rStyle string) string {
	var b bytes.Buffer
	rPr(&b, st, rStyle, "")
	return b.String()
}
