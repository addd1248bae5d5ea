package pdf

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/render/doc/doctest"
)

// TestDraftMarkOnEveryPage checks that Meta.DraftMark is printed on every
// page, the title page included, and that no mark is printed without it.
func TestDraftMarkOnEveryPage(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	const mark = "PROJEKT – zawiera pola do uzupełnienia"
	d := doctest.Sample(6)
	d.Meta.DraftMark = mark
	pdf := render(t, d)
	n := pageCount(t, pdf)
	if n < 2 {
		t.Fatalf("sample has %d pages", n)
	}
	p := writeTemp(t, pdf)
	for i := 1; i <= n; i++ {
		pg := strconv.Itoa(i)
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", pg, "-l", pg, p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(normalize(string(out)), mark) {
			t.Errorf("page %d lacks the draft mark", i)
		}
	}
	d.Meta.DraftMark = ""
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", writeTemp(t, render(t, d)), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "PROJEKT") {
		t.Error("a draft mark without Meta.DraftMark")
	}
}
