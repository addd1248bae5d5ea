package compose

import (
	"cmp"
	"slices"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// ---- data of the executive summary (strategy/chapters/streszczenie.tmpl) ----
//
// The summary restates, in at most four pages, what the strategy's
// chapters say at length: the vision, the goals, the key projects and
// the budget. Compose chooses the facts (which projects are key, the
// totals, the sources by size); the template words them. Its tables
// restate the chapters' and carry no caption: they are not numbered, so
// the summary shifts no table number of the chapters and adds no entry
// to the list of tables.

// summaryView is the data of the executive summary.
type summaryView struct{ c *composer }

// Summary is the executive summary's data; nil when the content does not
// ask for a summary (partnership.document_options.executive_summary).
func (v *strategyView) Summary() *summaryView {
	if !v.p().DocumentOptions.ExecutiveSummary {
		return nil
	}
	return &summaryView{v.c}
}

// summaryGoalView is a strategic or operational goal in the summary.
type summaryGoalView struct {
	ID    string
	Title string
	// Ref is the goal's ID linked to its section (an inline token), bold
	// for a strategic goal.
	Ref         string
	Operational []summaryGoalView
	// Directions is the number of directions of action under the goal.
	Directions int
}

// Goals are the strategic goals with their operational goals.
func (v *summaryView) Goals() []summaryGoalView {
	c := v.c
	ref := func(id string) string { return c.inlineTok(c.idLink(id)...) }
	var out []summaryGoalView
	for _, g := range c.s.StrategicGoals {
		gv := summaryGoalView{ID: clean(g.ID), Title: clean(g.Title), Directions: len(g.Directions),
			Ref: c.inlineTok(c.link(anchorGoal(g.ID), bold(clean(g.ID)))...)}
		for _, og := range g.OperationalGoals {
			gv.Operational = append(gv.Operational, summaryGoalView{ID: clean(og.ID), Title: clean(og.Title), Ref: ref(og.ID), Directions: len(og.Directions)})
			gv.Directions += len(og.Directions)
		}
		out = append(out, gv)
	}
	return out
}

// OperationalCount and DirectionCount count the operational goals and
// the directions of action of the whole strategy.
func (v *summaryView) OperationalCount() int { return v.c.operationalGoalCount() }

func (v *summaryView) DirectionCount() int { return len(v.c.s.AllDirections()) }

// keyProjects are the key projects (priority: key) that are counted (not
// dropped); when no project is marked key, every counted project.
func (v *summaryView) keyProjects() []*model.Project {
	var key, all []*model.Project
	for _, p := range v.c.s.Projects {
		if !p.Counted() {
			continue
		}
		all = append(all, p)
		if p.Priority == "key" {
			key = append(key, p)
		}
	}
	if len(key) == 0 {
		return all
	}
	return key
}

// AllKey is true when every counted project is in KeyProjects (none is
// marked key, or all are).
func (v *summaryView) AllKey() bool {
	n := 0
	for _, p := range v.c.s.Projects {
		if p.Counted() {
			n++
		}
	}
	return len(v.keyProjects()) == n
}

// KeyCount is the number of key projects; KeyTotal their value;
// ProjectCount and ProjectTotal the number and value of every counted
// project.
func (v *summaryView) KeyCount() int { return len(v.keyProjects()) }

func (v *summaryView) KeyTotal() float64 {
	t := 0.0
	for _, p := range v.keyProjects() {
		if p.Budget != nil {
			t += p.Budget.Total
		}
	}
	return t
}

func (v *summaryView) ProjectCount() int {
	n := 0
	for _, p := range v.c.s.Projects {
		if p.Counted() {
			n++
		}
	}
	return n
}

func (v *summaryView) ProjectTotal() float64 { return v.c.f.ProjectTotal }

// KeyProjectsTable is the table of the key projects: number (linked to
// the fiche), title, leader, value ("" when there are none).
func (v *summaryView) KeyProjectsTable() string {
	c := v.c
	ps := v.keyProjects()
	if len(ps) == 0 {
		return ""
	}
	t := &doc.Table{Widths: []float64{0.8, 5, 2.2, 1.8}, HeaderRows: 1,
		Rows: []*doc.Row{headerRow("Nr", "Tytuł projektu", "Lider", "Wartość")}}
	for _, p := range ps {
		value := plfmt.NoData
		if p.Budget != nil {
			value = c.money(p.Budget.Total)
		}
		t.Rows = append(t.Rows, row(icell(c.link(anchorProject(p.ID), bold(p.ID))...), tcell(cmpOr(p.ShortTitle, p.Title)),
			tcell(c.leaderName(p)), ncell(value)))
	}
	r := row(&doc.Cell{ColSpan: 3, Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw("Razem"))}})
	tot := ncell(c.money(v.KeyTotal()))
	tot.Bold, tot.Shade = true, doc.ShadeLight
	r.Cells = append(r.Cells, tot)
	t.Rows = append(t.Rows, r)
	t.Note = sourceNote("karty projektów (załącznik 1).")
	return c.blockTok(t)
}

// budgetSources are the financial framework's sources, the largest
// first (the framework's order among equal amounts).
func (v *summaryView) budgetSources() []model.Amount {
	src := slices.Clone(v.c.f.Finance.BySource)
	slices.SortStableFunc(src, func(a, b model.Amount) int { return cmp.Compare(b.Amount, a.Amount) })
	return src
}

// Budget is the financial framework's total (the sum by source when no
// total is given); 0 when the strategy has no financial framework.
func (v *summaryView) Budget() float64 {
	ff := v.c.f.Finance
	return cmp.Or(ff.Total, ff.SumSource)
}

// BudgetPeriod is the financial framework's period (nil when not given).
func (v *summaryView) BudgetPeriod() *periodView {
	if p := v.c.s.Finance.Period; p != nil && p.From != 0 {
		return &periodView{p.From, p.To}
	}
	return nil
}

// SourcesTable is the table of the sources of funding, the largest
// first ("" when the framework has none).
func (v *summaryView) SourcesTable() string {
	c := v.c
	ff := c.f.Finance
	if len(ff.BySource) == 0 {
		return ""
	}
	t := &doc.Table{Widths: []float64{5, 2, 1}, HeaderRows: 1,
		Rows: []*doc.Row{headerRow("Źródło finansowania", "Kwota", "Udział")}}
	t.Compact = len(ff.BySource) > 8
	for _, a := range v.budgetSources() {
		t.Rows = append(t.Rows, row(tcell(sourceName(a.Key)), ncell(c.money(a.Amount)), ncell(plfmt.Share(a.Amount, ff.SumSource))))
	}
	r := row(&doc.Cell{Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(raw("Razem"))}})
	for _, s := range []string{c.money(ff.SumSource), plfmt.Share(ff.SumSource, ff.SumSource)} {
		cl := ncell(s)
		cl.Bold, cl.Shade = true, doc.ShadeLight
		r.Cells = append(r.Cells, cl)
	}
	t.Rows = append(t.Rows, r)
	t.Note = sourceNote("opracowanie własne na podstawie ram finansowych strategii.")
	return c.blockTok(t)
}
