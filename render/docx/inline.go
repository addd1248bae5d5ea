package docx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/render/doc"
)

// inlines renders runs; base is added to every run's style (bold cells).
func (r *renderer) inlines(c ctx, ins []doc.Inline, base doc.Style) error {
	return r.inlinesStyled(ins, base, "")
}

func (r *renderer) inlinesStyled(ins []doc.Inline, base doc.Style, rStyle string) error {
	for _, in := range ins {
		if err := r.inline(in, base, rStyle); err != nil {
			return err
		}
	}
	return nil
}

// inline renders one inline; every inline Kind has a case here.
func (r *renderer) inline(in doc.Inline, base doc.Style, rStyle string) error {
	switch n := in.(type) {
	case *doc.Text:
		r.runLang = n.Lang
		r.run(r.b, n.Text, base|n.Style, rStyle)
		r.runLang = ""
	case *doc.LineBreak:
		r.b.WriteString(`<w:r><w:br/></w:r>`)
	case *doc.Link:
		return r.link(n, base, rStyle)
	case *doc.FootnoteRef:
		return r.footnoteRef(n)
	case nil:
	default:
		return fmt.Errorf("docx: unsupported inline %v", in.Kind())
	}
	return nil
}

func (r *renderer) link(l *doc.Link, base doc.Style, rStyle string) error {
	if r.inLink {
		// Word does not nest hyperlinks; the outer one wins.
		return r.inlinesStyled(l.Inlines, base, rStyle)
	}
	switch {
	case l.Anchor != "":
		r.b.WriteString(`<w:hyperlink w:anchor="`)
		escAttr(r.b, r.anchor(l.Anchor))
		r.b.WriteString(`" w:history="1">`)
	case l.URL != "":
		id := r.part.rel("hyperlink", l.URL, true)
		r.b.WriteString(`<w:hyperlink r:id="` + id + `" w:history="1">`)
	default:
		return r.inlinesStyled(l.Inlines, base, rStyle)
	}
	r.inLink = true
	if !r.inCell || l.Anchor == "" {
		// Internal links in tables are plain text with a link, as in the
		// PDF; elsewhere links take the Hyperlink character style.
		rStyle = "Hyperlink"
	}
	var err error
	if n := r.numbers[l.Anchor]; n != nil && l.Anchor != "" {
		var done bool
		if done, err = r.refInlines(n, l.Inlines, base, rStyle); !done {
			err = r.inlinesStyled(l.Inlines, base, rStyle)
		}
	} else {
		err = r.inlinesStyled(l.Inlines, base, rStyle)
	}
	r.inLink = false
	r.b.WriteString(`</w:hyperlink>`)
	return err
}

// footnoteRef writes a footnote reference. The first reference to a
// footnote makes it a Word footnote; later ones (and references inside
// footnotes, which Word cannot hold) print its number as superscript.
func (r *renderer) footnoteRef(f *doc.FootnoteRef) error {
	note, ok := r.notes[f.ID]
	if !ok {
		return fmt.Errorf("docx: reference to unknown footnote %q", f.ID)
	}
	num, seen := r.noteNum[f.ID]
	if !seen {
		r.noteOrder = append(r.noteOrder, note)
		num = len(r.noteOrder)
		r.noteNum[f.ID] = num
	}
	if seen || r.inNote {
		r.run(r.b, strconv.Itoa(num), 0, "FootnoteReference")
		return nil
	}
	r.b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="` + strconv.Itoa(num) + `"/></w:r>`)
	return nil
}

// rPr writes the run properties of style st with character style rStyle,
// in language lang ("" the document's, set in styles.xml).
func rPr(b *bytes.Buffer, st doc.Style, rStyle, lang string) {
	if st == 0 && rStyle == "" && lang == "" {
		return
	}
	b.WriteString(`<w:rPr>`)
	if rStyle != "" {
		b.WriteString(`<w:rStyle w:val="` + rStyle + `"/>`)
	}
	if st&doc.Mono != 0 {
		b.WriteString(`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`)
	}
	if st&doc.Bold != 0 {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if st&doc.Italic != 0 {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if st&doc.Strike != 0 {
		b.WriteString(`<w:strike/>`)
	}
	if st&doc.Mono != 0 {
		b.WriteString(`<w:sz w:val="19"/><w:szCs w:val="19"/>`)
	}
	switch {
	case st&doc.Sup != 0:
		b.WriteString(`<w:vertAlign w:val="superscript"/>`)
	case st&doc.Sub != 0:
		b.WriteString(`<w:vertAlign w:val="subscript"/>`)
	}
	if lang != "" {
		b.WriteString(`<w:lang w:val="`)
		escAttr(b, lang)
		b.WriteString(`"/>`)
	}
	b.WriteString(`</w:rPr>`)
}

// run writes text as one or more runs: tabs become w:tab, newlines w:br.
func (r *renderer) run(b *bytes.Buffer, text string, st doc.Style, rStyle string) {
	if text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	rPr(b, st, rStyle, r.runLang)
	if plainRun(text) {
		b.WriteString(`<w:t xml:space="preserve">`)
		escText(b, text)
		b.WriteString(`</w:t></w:r>`)
		return
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	for text != "" {
		i := strings.IndexAny(text, "\t\n")
		seg := text
		if i >= 0 {
			seg = text[:i]
		}
		if seg != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			escText(b, seg)
			b.WriteString(`</w:t>`)
		}
		if i < 0 {
			break
		}
		if text[i] == '\t' {
			b.WriteString(`<w:tab/>`)
		} else {
			b.WriteString(`<w:br/>`)
		}
		text = text[i+1:]
	}
	b.WriteString(`</w:r>`)
}
