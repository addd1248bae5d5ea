package compose

import "github.com/strategia-pl/strategia/internal/plfmt"

// versionView is the data of common/version.tmpl.
type versionView struct {
	Version, Revision string
	Dirty             bool
}

func (c *composer) versionData() versionView {
	return versionView{Version: plfmt.Text(clean(c.s.Partnership.Version)), Revision: clean(c.opt.Revision), Dirty: c.opt.Dirty}
}

// revisionLine is the title-page line naming the git revision the
// document was built from ("Rewizja 3f2a1c9", common/version.tmpl);
// empty outside git.
func (c *composer) revisionLine() string {
	return plfmt.Text(c.run("common/version.tmpl", "revision", c.versionData()))
}

// versionFooter is the running footer's second line: the document's
// version, the revision and whether it is a working copy
// (common/version.tmpl); empty when there is none of them.
func (c *composer) versionFooter() string {
	return plfmt.Text(c.run("common/version.tmpl", "footer", c.versionData()))
}
