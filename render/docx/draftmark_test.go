package docx

import (
	"strings"
	"testing"
)

// TestDraftMarkInEveryHeader checks that Meta.DraftMark heads the page
// header of the body and of the title page, and is absent when unset.
func TestDraftMarkInEveryHeader(t *testing.T) {
	const mark = "PROJEKT – zawiera pola do uzupełnienia"
	d := fixture()
	d.Meta.DraftMark = mark
	parts := checkPackage(t, render(t, d, Options{}))
	for _, name := range []string{"word/header1.xml", "word/header2.xml"} {
		if !strings.Contains(string(parts[name]), mark) {
			t.Errorf("%s lacks the draft mark:\n%s", name, parts[name])
		}
	}
	d = fixture()
	d.Meta.TitlePage = nil
	d.Meta.DraftMark = mark
	parts = checkPackage(t, render(t, d, Options{NoTitlePage: true}))
	if !strings.Contains(string(parts["word/header1.xml"]), mark) {
		t.Error("header without a title page lacks the draft mark")
	}
	parts = checkPackage(t, render(t, fixture(), Options{}))
	for name, p := range parts {
		if strings.Contains(string(p), "PROJEKT") {
			t.Errorf("%s has a draft mark without Meta.DraftMark", name)
		}
	}
}
