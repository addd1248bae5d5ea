package docx

import (
	"strings"
	"testing"
)

// The version line of Meta.Footer follows the page number in the footer.
func TestFooterVersionLine(t *testing.T) {
	d := fixture()
	d.Meta.Footer = "Wersja 1.2 · rewizja 3f2a1c9 · wersja robocza"
	_, parts := unzip(t, render(t, d, Options{}))
	f := string(parts["word/footer1.xml"])
	i, j := strings.Index(f, "NUMPAGES"), strings.Index(f, "rewizja 3f2a1c9 · wersja robocza")
	if i < 0 || j < i {
		t.Errorf("footer1.xml lacks the version line after the page number:\n%s", f)
	}
	d.Meta.Footer = ""
	_, parts = unzip(t, render(t, d, Options{}))
	if strings.Count(string(parts["word/footer1.xml"]), "<w:p>") != 1 {
		t.Errorf("no version: footer has more than one paragraph:\n%s", parts["word/footer1.xml"])
	}
}
