package pdf

import (
	"strings"
	"time"

	"github.com/strategia-pl/strategia/render/doc"
)

// xmpPacket is the document's XMP metadata: title, language, author,
// dates and the PDF/UA-1 identification (ISO 14289-1 §5). It repeats the
// document information dictionary, as PDF/UA requires dc:title.
func xmpPacket(m doc.Meta, lang string, ts time.Time) []byte {
	esc := func(s string) string {
		var b strings.Builder
		for _, c := range s {
			switch c {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&quot;")
			default:
				if c < ' ' && c != '\t' && c != '\n' {
					continue
				}
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	date := ts.Format("2006-01-02T15:04:05Z")
	subject := m.Subject
	if subject == "" {
		subject = m.Subtitle
	}
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Title) + `</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>` + esc(lang) + `</rdf:li></rdf:Bag></dc:language>
`)
	if m.Author != "" {
		b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + esc(m.Author) + `</rdf:li></rdf:Seq></dc:creator>
`)
	}
	if subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(subject) + `</rdf:li></rdf:Alt></dc:description>
`)
	}
	if len(m.Keywords) > 0 {
		b.WriteString(`<pdf:Keywords>` + esc(strings.Join(m.Keywords, ", ")) + `</pdf:Keywords>
`)
	}
	b.WriteString(`<pdf:Producer>strategia (go-pdf/fpdf)</pdf:Producer>
<xmp:CreatorTool>strategia</xmp:CreatorTool>
<xmp:CreateDate>` + date + `</xmp:CreateDate>
<xmp:ModifyDate>` + date + `</xmp:ModifyDate>
<xmp:MetadataDate>` + date + `</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return []byte(b.String())
}

// metaWithTitle is d's metadata with a title, which PDF/UA requires: an
// untitled document is titled by its first heading.
func metaWithTitle(d *doc.Document) doc.Meta {
	m := d.Meta
	if strings.TrimSpace(m.Title) != "" {
		return m
	}
	m.Title = "Dokument"
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		var t string
		switch n := n.(type) {
		case *doc.Section:
			t = inlineText(n.Title)
		case *doc.Heading:
			t = inlineText(n.Text)
		}
		if t != "" {
			m.Title = t
			return doc.WalkStop, nil
		}
		return doc.WalkContinue, nil
	})
	return m
}
