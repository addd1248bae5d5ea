package compose

import (
	"math"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/changes"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// Changes composes the "Zestawienie zmian": the list of changes between
// two versions of the strategy, by part of the document, as a council
// receives it with the version adopted after the consultation. s is the
// newer version (for members' and sources' names). The words are
// changes/zestawienie-zmian.tmpl's; compose formats the values.
func Changes(r *changes.Report, s *model.Strategy, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, nil, nil, opt)
	v := &changesView{strategyView: c.view(), From: versionOf(r.From), To: versionOf(r.To),
		OtherFiles: len(r.Files) > 0, Incomplete: len(r.Incomplete) > 0}
	v.StrategyTitle = plfmt.Text(c.run("strategy/title.tmpl", "title", v.strategyView))
	for _, a := range changes.Areas {
		av := changeAreaView{Key: string(a)}
		for _, ch := range r.Changes {
			if ch.Area == a {
				av.Rows = append(av.Rows, c.changeRow(ch))
			}
		}
		if len(av.Rows) > 0 {
			v.Areas = append(v.Areas, av)
		}
	}
	p := s.Partnership
	c.d.Meta = doc.Meta{
		Title:    plfmt.Text(c.run(changesTemplate, "title", v)),
		Subtitle: v.StrategyTitle,
		Author:   plfmt.Text(p.Name),
		Subject:  plfmt.Text(c.run(changesTemplate, "subject", v)),
		Keywords: []string{"zestawienie zmian", plfmt.Text(p.Name)},
		Language: "pl-PL",
		Date:     opt.Date,
		Header:   plfmt.Text(c.run(changesTemplate, "header", v)),
		Footer:   c.versionFooter(),
	}
	c.d.Meta.TitlePage = c.titlePageLines(changesTemplate, v)
	c.d.Blocks = c.tplBlocks(changesTemplate, "", v, 0)
	return c.finish()
}

const changesTemplate = "changes/zestawienie-zmian.tmpl"

// changesView is the data of changes/zestawienie-zmian.tmpl.
type changesView struct {
	*strategyView
	StrategyTitle string
	From, To      changeVersionView
	Areas         []changeAreaView // the areas with changes, in the document's order
	OtherFiles    bool             // other files changed (data the list does not cover)
	Incomplete    bool             // a version could not be read in full
}

// Say runs a define of the template ("element", "zmiana", "obszar",
// "rozdzial") and gives its text, for a table cell.
func (v *changesView) Say(define string, data any) string {
	return v.c.run(changesTemplate, define, data)
}

// changeVersionView is a compared version.
type changeVersionView struct {
	Name, Commit, Date string
	Working, Dirty     bool // the working tree; with uncommitted changes
	ShowCommit         bool // the commit is not the name the user gave
}

func versionOf(v changes.Version) changeVersionView {
	return changeVersionView{Name: clean(v.Name), Commit: clean(v.Commit), Date: v.Date, Working: v.Name == "working tree",
		Dirty: v.Dirty, ShowCommit: v.Commit != "" && v.Commit != v.Name}
}

// changeAreaView is an area of the strategy with its changes.
type changeAreaView struct {
	Key  string // members, goals, directions, results, indicators, projects, finance, prose
	Rows []changeRowView
}

// changeRowView is a change: what changed (Area, Op, Field and the
// element's ID, Name, Owner, Kind, Key, Source) and the values before
// and after, formatted; for prose (Key: the chapter's key) the counts of
// paragraphs.
type changeRowView struct {
	Area, Op, Field, ID, Name string
	Owner                     string // an indicator's owner (a result's ID)
	Kind, Key, Source         string // a financial framework's entry: "goal" "CS1"; the source's name
	Raw                       string // the change's ID as the list gives it
	Old, New, Diff            string
	Added, Removed, Changed   int
}

func (c *composer) changeRow(ch changes.Change) changeRowView {
	r := changeRowView{Area: string(ch.Area), Op: string(ch.Op), Field: ch.Field, ID: clean(ch.ID), Name: plfmt.Text(clean(ch.Name)), Raw: clean(ch.ID)}
	if ch.Paragraphs != nil {
		key, id, _ := strings.Cut(ch.ID, " ")
		r.Key, r.ID = key, clean(id)
		r.Added, r.Removed, r.Changed = ch.Paragraphs.Added, ch.Paragraphs.Removed, ch.Paragraphs.Changed
		return r
	}
	switch ch.Area {
	case changes.AreaIndicators:
		owner, _, _ := strings.Cut(ch.ID, " ")
		r.Owner = clean(owner)
	case changes.AreaFinance:
		kind, key, _ := strings.Cut(ch.ID, " ")
		r.Kind, r.Key = kind, clean(key)
		if kind == "source" {
			r.Source = sourceName(key)
		}
	}
	r.Old, r.New = c.value(ch, "old", ch.Old, ch.OldValue), c.value(ch, "new", ch.New, ch.NewValue)
	if ch.Diff != nil {
		r.Diff = c.number(ch, *ch.Diff)
		if *ch.Diff > 0 {
			r.Diff = "+" + r.Diff
		}
	}
	return r
}

// changePlaceView is where a goal, direction or result stands (the
// template's "miejsce"): its name, if given, and its parent.
type changePlaceView struct {
	Name   string
	Parent changeParentView
}

// changeParentView is the element a goal, direction or result belongs to.
type changeParentView struct {
	Kind string // strategic_goal, operational_goal, direction
	ID   string
}

// parentOf names the kind of a parent by its ID, whose form the schema
// fixes: CS1 a strategic goal, CS1.1 an operational goal, KD1.1 and
// KD1.1.1 a direction.
func parentOf(id string) changeParentView {
	id = clean(id)
	switch {
	case strings.HasPrefix(id, "KD"):
		return changeParentView{"direction", id}
	case strings.HasPrefix(id, "CS") && strings.Contains(id, "."):
		return changeParentView{"operational_goal", id}
	case strings.HasPrefix(id, "CS"):
		return changeParentView{"strategic_goal", id}
	}
	return changeParentView{"", id}
}

// value formats an old or new value in Polish.
func (c *composer) value(ch changes.Change, side, s string, v *float64) string {
	switch {
	case ch.Area == changes.AreaFinance && v != nil && (ch.Op == changes.Added || ch.Op == changes.Removed):
		if s == "" {
			return "–"
		}
		return c.number(ch, *v)
	case ch.Op == changes.Moved:
		if s == "" {
			return "–"
		}
		return c.run(changesTemplate, "miejsce", changePlaceView{Parent: parentOf(s)})
	case ch.Op == changes.Added || ch.Op == changes.Removed:
		// the element's name on the side it exists, with its parent
		if s == "" && (ch.Op == changes.Added) == (side == "new") {
			return plfmt.Text(ch.Name)
		}
		if s != "" {
			return c.run(changesTemplate, "miejsce", changePlaceView{Name: plfmt.Text(clean(ch.Name)), Parent: parentOf(s)})
		}
		return "–"
	case v != nil:
		return c.number(ch, *v)
	case s == "":
		return "–"
	}
	switch ch.Field {
	case "status":
		return label(projectStatus, s)
	case "start", "end":
		return plfmt.MonthYearLong(s) + plfmt.NBSP + "r."
	case "leader":
		return c.memberName(s)
	case "partners":
		ids := strings.Split(s, ", ")
		return c.memberNames(ids)
	case "sources":
		var parts []string
		for _, p := range strings.Split(s, "; ") {
			id, amt, _ := strings.Cut(p, " ")
			f, _ := strconv.ParseFloat(amt, 64)
			parts = append(parts, sourceName(id)+": "+plfmt.Money(f))
		}
		return strings.Join(parts, "; ")
	}
	return plfmt.Text(s)
}

// number formats money as money and other figures with their decimals.
func (c *composer) number(ch changes.Change, v float64) string {
	if ch.Area == changes.AreaFinance || ch.Field == "budget" {
		return plfmt.Money(v)
	}
	d := 0
	for d < 3 && math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) > 1e-9 {
		d++
	}
	return plfmt.Number(v, d)
}
