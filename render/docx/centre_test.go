package docx

import (
	"regexp"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// A centred title is not hyphenated by Word or LibreOffice, as the PDF
// breaks it between words only; other paragraphs keep the document's
// automatic hyphenation.
func TestCentredTitleNotHyphenated(t *testing.T) {
	d := &doc.Document{Meta: doc.Meta{Title: "Próba", Language: "pl-PL"}, Blocks: []doc.Block{
		&doc.Paragraph{Align: doc.AlignCenter, Inlines: []doc.Inline{tx("w sprawie przyjęcia Strategii rozwoju ponadlokalnego")}},
		&doc.Paragraph{Inlines: []doc.Inline{tx("Treść uchwały.")}},
	}}
	body := string(checkPackage(t, render(t, d, Options{}))["word/document.xml"])
	paras := regexp.MustCompile(`<w:p><w:pPr>.*?</w:pPr>`).FindAllString(body, -1)
	var centre, plain int
	for _, p := range paras {
		switch c, s := regexp.MustCompile(`<w:jc w:val="center"/>`).MatchString(p), regexp.MustCompile(`<w:suppressAutoHyphens/>`).MatchString(p); {
		case c && !s:
			t.Errorf("a centred paragraph is hyphenated: %s", p)
		case c:
			centre++
		case s:
			t.Errorf("a paragraph that is not centred has no hyphenation: %s", p)
		default:
			plain++
		}
	}
	if centre == 0 || plain == 0 {
		t.Errorf("%d centred and %d other paragraphs found, want both", centre, plain)
	}
}
