package pdf

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc"
)

// A centred title (a resolution's "w sprawie …", a letter's subject)
// breaks between words only: "Ziemi Kol-neńskiej" split in a centred
// line is a typesetting error.
func TestCentredTitleNotHyphenated(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	title := "Wniosek o wydanie opinii o projekcie Strategii rozwoju ponadlokalnego Partnerstwa Ziemi Kolneńskiej na lata 2024–2030 oraz o uzgodnienie dokumentacji przedsięwzięć"
	body := strings.Repeat("Przedsiębiorczość mieszkańców Ziemi Kolneńskiej wymaga wsparcia instytucjonalnego i infrastrukturalnego. ", 6)
	d := &doc.Document{Meta: doc.Meta{Title: "Próba", Language: "pl-PL"}, Blocks: []doc.Block{
		&doc.Paragraph{Align: doc.AlignCenter, Inlines: []doc.Inline{&doc.Text{Text: title, Style: doc.Bold}}},
		para(body),
	}}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", writeTemp(t, render(t, d)), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	i := strings.Index(text, "Wniosek")
	j := strings.Index(text, "Przedsiębiorczość")
	if i < 0 || j < i {
		t.Fatalf("text not found:\n%s", text)
	}
	lines := strings.Split(strings.TrimSpace(text[i:j]), "\n")
	if len(lines) < 2 {
		t.Fatalf("the title is not wrapped: %q", lines)
	}
	for _, l := range lines {
		if strings.HasSuffix(strings.TrimSpace(l), "-") {
			t.Errorf("a centred title line ends in a hyphen: %q", l)
		}
	}
}
