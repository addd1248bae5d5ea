package compose

import (
	"slices"

	"github.com/strategia-pl/strategia/internal/refdata"
)

// Data of the chapter "Spójność z dokumentami strategicznymi"
// (strategy/chapters/spojnosc.tmpl): the links to documents of a higher
// order that the content already holds — the partnership's KSRR 2030
// area types, the goals' links to the voivodeship strategies and to the
// policy objectives of the Partnership Agreement, and the regional FE
// programmes that fund its projects.

// goalLinkView is a goal of the strategy and what it links to.
type goalLinkView struct {
	Goal, Title string   // "CS1", its title
	Targets     []string // "cel 2 „Zasobni mieszkańcy”", "CP4"
}

// srwView is one voivodeship strategy and the goals linked to it.
type srwView struct {
	Document string
	Goals    []goalLinkView
}

// programmeView is a funding programme and the projects it funds.
type programmeView struct {
	Name, Short string
	Projects    []string
}

// KSRR are the KSRR 2030 area types of the partnership (osi_types).
func (v *strategyView) KSRR() []string { return v.OSITypes() }

// SRW are the voivodeship strategies the goals are linked to, in order of
// first mention.
func (v *strategyView) SRW() []srwView {
	var out []srwView
	for _, g := range v.c.s.StrategicGoals {
		for _, l := range g.SRWLinks {
			doc := clean(l.Document)
			if doc == "" {
				doc = "Strategia rozwoju " + v.c.voivodeshipGen(l.Voivodeship)
			}
			i := slices.IndexFunc(out, func(s srwView) bool { return s.Document == doc })
			if i < 0 {
				out = append(out, srwView{Document: doc})
				i = len(out) - 1
			}
			target := srwGoal("", clean(l.Goal))
			gs := &out[i].Goals
			if j := slices.IndexFunc(*gs, func(x goalLinkView) bool { return x.Goal == g.ID }); j >= 0 {
				(*gs)[j].Targets = append((*gs)[j].Targets, target)
			} else {
				*gs = append(*gs, goalLinkView{Goal: g.ID, Title: clean(g.Title), Targets: []string{target}})
			}
		}
	}
	return out
}

// PolicyObjectives are the goals with the policy objectives (CP1–CP5)
// they serve.
func (v *strategyView) PolicyObjectives() []goalLinkView {
	var out []goalLinkView
	for _, g := range v.c.s.StrategicGoals {
		if len(g.CPRPolicyObjectives) > 0 {
			out = append(out, goalLinkView{Goal: g.ID, Title: clean(g.Title), Targets: policyObjectives(g.CPRPolicyObjectives)})
		}
	}
	return out
}

// RegionalProgrammes are the regional FE programmes the projects'
// budgets name, with those projects (withdrawn projects left out).
func (v *strategyView) RegionalProgrammes() []programmeView {
	var out []programmeView
	for _, p := range v.c.s.Projects {
		if !p.Counted() || p.Budget == nil {
			continue
		}
		for _, src := range p.Budget.Sources {
			pr := refdata.Programmes().Lookup(src.Source.ID)
			if pr == nil || pr.Kind != "eu_regional" {
				continue
			}
			i := slices.IndexFunc(out, func(x programmeView) bool { return x.Name == pr.Name })
			if i < 0 {
				out = append(out, programmeView{Name: pr.Name, Short: pr.Short})
				i = len(out) - 1
			}
			if !slices.Contains(out[i].Projects, p.ID) {
				out[i].Projects = append(out[i].Projects, p.ID)
			}
		}
	}
	return out
}

// voivodeshipGen is "województwa podlaskiego" for a TERC code.
func (c *composer) voivodeshipGen(code string) string {
	if s := grammarVoivodeshipGen(code); s != "" {
		return s
	}
	return "województwa"
}
