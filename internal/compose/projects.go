package compose

import (
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
)

// The data of the chapter projekty (strategy/chapters/projekty.tmpl) and
// of the package's summary (fiche/pakiet.tmpl): the project list and the
// goals × projects coherence matrix (from Facts.Coherence).

// projectRow is a project in the list of projects.
type projectRow struct {
	Link     string // the project's number, bold, linked to its fiche (inline token)
	Title    string
	Dropped  bool // withdrawn (status: dropped): not counted in the total
	Leader   string
	Period   string // "03.2025–12.2027", "." (GUS: no data) when not given
	Value    string // "." when not given
	Priority string // "kluczowy", "uzupełniający"
}

// coherenceRow is a project's row of the coherence matrix: its number
// and title (inline token) and, per strategic goal, "●" (primary link),
// "○" (secondary) or "".
type coherenceRow struct {
	Project string
	Marks   []string
}

// IntegratedApproach is the prose on the integrated territorial approach
// ("" when none).
func (v *strategyView) IntegratedApproach() string {
	return v.c.blockTok(v.c.markdown(&v.c.s.IntegratedApproach, 2)...)
}

// Projects are the projects, in content order.
func (v *strategyView) Projects() []projectRow {
	c := v.c
	var out []projectRow
	for _, p := range c.s.Projects {
		r := projectRow{Link: c.inlineTok(c.link(anchorProject(p.ID), bold(p.ID))...), Title: clean(p.Title), Dropped: !p.Counted(),
			Leader: clean(c.leaderName(p)), Period: plfmt.NoData, Value: plfmt.NoData, Priority: label(projectPriority, p.Priority)}
		if tl := p.Timeline; tl != nil && (tl.Start != "" || tl.End != "") {
			r.Period = plfmt.MonthYear(tl.Start) + "–" + plfmt.MonthYear(tl.End)
		}
		if p.Budget != nil {
			r.Value = c.money(p.Budget.Total)
		}
		out = append(out, r)
	}
	return out
}

// ProjectTotal is the value of the projects not withdrawn.
func (v *strategyView) ProjectTotal() string { return v.c.money(v.c.f.ProjectTotal) }

// CoherenceGoals are the strategic goals of the coherence matrix (its
// columns: the goals' IDs linked to the goals, inline tokens).
func (v *strategyView) CoherenceGoals() []string {
	c := v.c
	var out []string
	for _, g := range c.f.Coherence {
		out = append(out, c.inlineTok(c.link(anchorGoal(g.Goal), raw(g.Goal))...))
	}
	return out
}

// CoherenceRows are the rows of the coherence matrix, one per project.
func (v *strategyView) CoherenceRows() []coherenceRow {
	c := v.c
	var out []coherenceRow
	for _, p := range c.s.Projects {
		r := coherenceRow{Project: c.inlineTok(append(c.link(anchorProject(p.ID), bold(p.ID+" ")), tx(p.Title))...)}
		for _, g := range c.f.Coherence {
			mark := ""
			for _, pc := range g.Projects {
				if pc.Project == p.ID {
					mark = "○"
					if pc.Primary {
						mark = "●"
					}
				}
			}
			r.Marks = append(r.Marks, mark)
		}
		out = append(out, r)
	}
	return out
}

// ProjectList and Coherence are the project list and the coherence
// matrix as strategy/chapters/projekty.tmpl defines them ("lista",
// "macierz"), for the package.
func (v *strategyView) ProjectList() string { return v.c.run(projectsTemplate, "lista", v) }
func (v *strategyView) Coherence() string   { return v.c.run(projectsTemplate, "macierz", v) }

const projectsTemplate = "strategy/chapters/projekty.tmpl"

func (c *composer) leaderName(p *model.Project) string {
	if p.Leader.External != nil {
		return p.Leader.External.Name
	}
	return c.memberName(p.Leader.Member.ID)
}
