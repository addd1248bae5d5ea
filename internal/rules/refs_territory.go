package rules

import (
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// Cross-reference rules that need the registry or the territory (§6.2).
func init() {
	register(&Rule{ID: "REF-02", Severity: diag.Error,
		Title:   "every strategic goal has directions, every direction a result with an indicator",
		Legal:   "art. 10e ust. 3 pkt 2–3 usg",
		Explain: "The strategy sets directions of action (kierunki działań) for its strategic goals and the expected results of those actions with indicators of their achievement. Each strategic goal needs at least one direction (directly or under an operational goal) and each direction at least one result with at least one indicator.",
		Check:   checkGoalTree})
	register(&Rule{ID: "REF-05", Severity: diag.Error,
		Title:   "project places lie within the partnership",
		Explain: "scope_teryt and locations[].teryt name units of the partnership's territory: a member, the town (T=4) or rural (T=5) part of a member gmina miejsko-wiejska, or a gmina (or its part) of a member powiat. A place outside the partnership usually means a wrong code.",
		Check:   checkProjectPlaces})
	register(&Rule{ID: "REF-08", Severity: diag.Warning,
		Title:   "each strategic goal is served by at least one project",
		Explain: "A goal no project of the package serves will be implemented only through members' own activities. That is allowed (the law does not require projects), but worth a second look: add a project, link an existing one (links.goals, contribution: secondary) or explain in the implementation chapter how the goal is pursued.",
		Check:   checkGoalsServed})
	register(&Rule{ID: "REF-09", Severity: diag.Error,
		Title:   "funding sources are in the programme registry; a regional programme funds only its voivodeship",
		Explain: "budget.sources[].source and financial_framework.by_source[].source name funding sources by the canonical IDs of the registry (templates/refdata/programmes.yaml; abbreviations such as \"RPO WP\" are ambiguous). A regional programme fe_WW_2021_2027 funds only projects located (scope_teryt, else the leader) in voivodeship WW.",
		Check:   checkSourcesRegistered})
	register(&Rule{ID: "REF-10", Severity: diag.Error,
		Title:   "national programmes with a limited territory fund only projects inside it",
		Explain: "Some sources are open only in part of the country: FEPW in lubelskie, podkarpackie, podlaskie, świętokrzyskie, warmińsko-mazurskie and mazowieckie outside the Warsaw capital region; FST only in the regions with a territorial just transition plan. The registry holds each source's territory; a project located elsewhere, or a framework counting on a source open to none of the members, cannot be funded from it.",
		Check:   checkSourceGeography})
	register(&Rule{ID: "REF-11", Severity: diag.Warning,
		Title:   "goals are linked to the strategy of every members' voivodeship",
		Legal:   "art. 10e ust. 2 usg (consistency with the voivodeship strategy)",
		Explain: "The strategy must be consistent with the development strategy of the voivodeship (SRW). srw_links of the strategic goals show that consistency; a partnership spanning two voivodeships links to both SRW.",
		Check:   checkSRWCoverage})
}

func checkGoalTree(c *Context) {
	for _, g := range c.S.StrategicGoals {
		if len(g.AllDirections()) == 0 {
			c.Report(g.At("id"), "strategic goal %s has no direction of action (art. 10e ust. 3 pkt 2 usg)", g.ID)
		}
		for _, og := range g.OperationalGoals {
			if len(og.Directions) == 0 {
				c.Report(og.At("id"), "operational goal %s has no direction of action (art. 10e ust. 3 pkt 2 usg)", og.ID)
			}
		}
	}
	for _, d := range c.S.AllDirections() {
		if len(d.Results) == 0 {
			c.Report(d.At("id"), "direction %s has no expected result (art. 10e ust. 3 pkt 3 usg)", d.ID)
			continue
		}
		if !slices.ContainsFunc(d.Results, func(r *model.Result) bool { return len(r.Indicators) > 0 }) {
			c.Report(d.Results[0].At("id"), "no result of direction %s has an indicator (art. 10e ust. 3 pkt 3 usg: wskaźniki ich osiągnięcia)", d.ID)
		}
	}
}

func checkProjectPlaces(c *Context) {
	for _, p := range c.S.Projects {
		check := func(r model.Ref, what string) {
			if r.ID == "" || c.inTerritory(r.ID) {
				return
			}
			msg := "%s %s of project %s lies outside the partnership"
			if u, ok := refdata.TERC().Lookup(r.ID); ok {
				msg += " (" + u.Name + ", " + u.Kind + ")"
			}
			c.Report(r.Pos, msg+": use a member, a part of a member gmina or a gmina of a member powiat", what, r.ID, p.ID)
		}
		for _, r := range p.ScopeTeryt {
			check(r, "scope_teryt")
		}
		for _, l := range p.Locations {
			check(l.Teryt, "location")
		}
	}
}

func checkGoalsServed(c *Context) {
	if len(c.S.Projects) == 0 {
		return
	}
	for _, gp := range c.F.Coherence {
		served := slices.ContainsFunc(gp.Projects, func(pc model.ProjectContribution) bool {
			p := c.X.Projects[pc.Project]
			return p != nil && p.Counted()
		})
		if !served {
			if g := c.X.Goals[gp.Goal]; g != nil {
				c.Report(g.At("id"), "no project of the package serves strategic goal %s", g.ID)
			}
		}
	}
}

// projectPlaces returns the codes where a project is located: scope_teryt,
// else the leading member.
func projectPlaces(p *model.Project) []string {
	if len(p.ScopeTeryt) > 0 {
		return p.ScopeTeryt.IDs()
	}
	if p.Leader.External == nil && p.Leader.Member.ID != "" {
		return []string{p.Leader.Member.ID}
	}
	return nil
}

func (c *Context) resolveSource(r model.Ref) *refdata.Programme {
	if r.ID == "" {
		return nil
	}
	if p := programme(r.ID); p != nil {
		return p
	}
	reg := refdata.Programmes()
	msg := "funding source %q is not in the programme registry"
	if near := diag.Nearest(r.ID, reg.IDs(), 3); len(near) > 0 {
		msg += " (did you mean " + quoteList(near) + "?)"
	} else if strings.HasPrefix(r.ID, "fe_") || strings.HasPrefix(strings.ToLower(r.ID), "rpo") {
		msg += "; regional programmes are fe_WW_2021_2027 with WW the TERC voivodeship code"
	}
	c.Report(r.Pos, msg+"; see templates/refdata/programmes.yaml", r.ID)
	return nil
}

func checkSourcesRegistered(c *Context) {
	for _, s := range c.S.Finance.BySource {
		c.resolveSource(s.Source)
	}
	for _, p := range c.S.Projects {
		if p.Budget == nil {
			continue
		}
		for _, s := range p.Budget.Sources {
			prog := c.resolveSource(s.Source)
			if prog == nil || prog.Kind != "eu_regional" || len(prog.Voivodeships) != 1 {
				continue
			}
			for _, code := range projectPlaces(p) {
				if len(code) >= 2 && code[:2] != prog.Voivodeships[0] {
					c.Report(s.Source.Pos, "%s (%s) funds projects in voivodeship %s only, but project %s lies in %s (%s)", prog.ID, prog.Name,
						prog.Voivodeships[0], p.ID, code, refdata.VoivodeshipName(code[:2]))
					break
				}
			}
		}
	}
}

func checkSourceGeography(c *Context) {
	for _, p := range c.S.Projects {
		if p.Budget == nil {
			continue
		}
		for _, s := range p.Budget.Sources {
			prog := programme(s.Source.ID)
			if prog == nil || prog.Kind == "eu_regional" && len(prog.Voivodeships) == 1 {
				continue // unknown (REF-09) or a regional programme (REF-09)
			}
			for _, code := range projectPlaces(p) {
				if !prog.EligibleIn(code) {
					c.Report(s.Source.Pos, "%s (%s) is not available where project %s lies (%s): %s", prog.ID, prog.Name, p.ID, code, territory(prog))
					break
				}
			}
		}
	}
	for _, s := range c.S.Finance.BySource {
		prog := programme(s.Source.ID)
		if prog == nil || len(prog.Voivodeships) == 0 && len(prog.ExcludePowiaty) == 0 {
			continue
		}
		if !slices.ContainsFunc(c.S.Partnership.Members, func(m *model.Member) bool { return prog.EligibleIn(m.Teryt.ID) }) {
			c.Report(s.Source.Pos, "%s (%s) is not available to any member: %s", prog.ID, prog.Name, territory(prog))
		}
	}
}

func territory(p *refdata.Programme) string {
	var names []string
	for _, v := range p.Voivodeships {
		names = append(names, refdata.VoivodeshipName(v)+" ("+v+")")
	}
	s := "open in " + strings.Join(names, ", ")
	if len(p.ExcludePowiaty) > 0 {
		s += " except powiaty " + strings.Join(p.ExcludePowiaty, ", ")
	}
	return s
}

func checkSRWCoverage(c *Context) {
	if len(c.S.StrategicGoals) == 0 {
		return
	}
	linked := map[string]bool{}
	for _, g := range c.S.StrategicGoals {
		for _, l := range g.SRWLinks {
			linked[l.Voivodeship] = true
		}
	}
	for _, v := range c.memberVoivodeships() {
		if !linked[v] {
			c.Report(c.S.StrategicGoals[0].At("srw_links"), "no strategic goal links to the development strategy of voivodeship %s (%s), where members lie: add srw_links (art. 10e ust. 2 usg)", v, refdata.VoivodeshipName(v))
		}
	}
}
