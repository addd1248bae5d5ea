package compose

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/plfmt"
)

// revisionLine is the title-page line naming the git revision the
// document was built from: "Rewizja 3f2a1c9", with "(wersja robocza)"
// when the partnership folder had uncommitted changes. Empty outside git.
func (c *composer) revisionLine() string {
	if c.opt.Revision == "" {
		return ""
	}
	l := "Rewizja " + c.opt.Revision
	if c.opt.Dirty {
		l += " (wersja robocza)"
	}
	return l
}

// versionFooter is the running footer's second line: the document's
// version, the revision and "wersja robocza", joined by middle dots;
// empty when there is none of them.
func (c *composer) versionFooter() string {
	var parts []string
	if v := c.s.Partnership.Version; v != "" {
		parts = append(parts, "Wersja "+plfmt.Text(v))
	}
	if c.opt.Revision != "" {
		r := "rewizja " + c.opt.Revision
		if len(parts) == 0 {
			r = "Rewizja " + c.opt.Revision
		}
		parts = append(parts, r)
		if c.opt.Dirty {
			parts = append(parts, "wersja robocza")
		}
	}
	return strings.Join(parts, " · ")
}
