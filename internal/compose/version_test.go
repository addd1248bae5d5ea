package compose

import (
	"slices"
	"testing"
)

func TestRevisionOnTitlePageAndFooter(t *testing.T) {
	s, x, f, opt := loadDir(t, "../../content/ziemia-kolnenska")
	for _, tc := range []struct {
		rev       string
		dirty     bool
		titleLine string
		footer    string
	}{
		{"", false, "", "Wersja 1.0"},
		{"3f2a1c9", false, "Rewizja 3f2a1c9", "Wersja 1.0 · rewizja 3f2a1c9"},
		{"3f2a1c9", true, "Rewizja 3f2a1c9 (wersja robocza)", "Wersja 1.0 · rewizja 3f2a1c9 · wersja robocza"},
	} {
		o := opt
		o.Revision, o.Dirty = tc.rev, tc.dirty
		d, _ := Strategy(s, x, f, o)
		if d.Meta.Footer != tc.footer {
			t.Errorf("%q dirty=%v: footer %q, want %q", tc.rev, tc.dirty, d.Meta.Footer, tc.footer)
		}
		has := slices.ContainsFunc(d.Meta.TitlePage, func(l string) bool { return l == tc.titleLine })
		if tc.titleLine != "" && !has {
			t.Errorf("%q dirty=%v: title page %q lacks %q", tc.rev, tc.dirty, d.Meta.TitlePage, tc.titleLine)
		}
		if tc.titleLine == "" && slices.ContainsFunc(d.Meta.TitlePage, func(l string) bool { return len(l) > 7 && l[:7] == "Rewizja" }) {
			t.Errorf("no revision: title page %q names one", d.Meta.TitlePage)
		}
		fd, _ := Fiche(s, x, f, s.Projects[0].ID, o)
		if fd.Meta.Footer != tc.footer {
			t.Errorf("fiche footer %q, want %q", fd.Meta.Footer, tc.footer)
		}
	}
}
