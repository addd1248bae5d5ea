package rules

import (
	"regexp"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
)

// The structural rules: IDs are unique and every reference resolves. They
// are what makes the model usable at all; the legal and financial
// catalogue builds on them.
func init() {
	register(&Rule{ID: "ID-08", Severity: diag.Error,
		Title:   "IDs are unique within their kind",
		Explain: "Goals, operational goals and directions share one ID space (the goal tree); so do conclusions, challenges, chapters and surveys (the diagnosis), the four SWOT quadrants, the spatial entities (OSI, maps, model elements, recommendations), results, indicators and projects (member TERYT codes are ID-06's). A second definition of an ID makes every reference to it ambiguous. Rename one of them.",
		Check:   checkUniqueIDs})
	register(&Rule{ID: "REF-01", Severity: diag.Error,
		Title:   "every project links to existing goals or directions, one of them as primary",
		Legal:   "art. 10e ust. 3 pkt 2 usg (directions of action); CWD project package",
		Explain: "A key project implements the strategy: links.goals[].ref must name a strategic goal, an operational goal or a direction of action of goals.yaml, and exactly the main one is marked contribution: primary.",
		Check:   checkProjectGoalLinks})
	register(&Rule{ID: "REF-03", Severity: diag.Error,
		Title:   "goals respond to conclusions, challenges or SWOT items that exist; every conclusion is used",
		Legal:   "art. 10e ust. 3 usg (the strategy contains the conclusions of the diagnosis)",
		Explain: "responds_to of a strategic goal and from of a challenge must name conclusions (W…), challenges (WY…) or SWOT items that are defined; a strategic goal that responds to nothing is not argued from the diagnosis (error). A conclusion that no goal responds to — directly, through a challenge built from it or through a SWOT item citing it as evidence — is an orphan: the strategy draws no consequence from it (warning). Add it to a goal's responds_to or drop it from the conclusions.",
		Check:   checkRespondsTo})
	register(&Rule{ID: "REF-04", Severity: diag.Error,
		Title:   "project leaders, partners and budget shares name members",
		Explain: "A project's leader is a member ({member: TERYT}) or an explicit external entity with a name; every partner and every by_partner share names a member of partnership.yaml by its TERYT code.",
		Check:   checkProjectMembers})
	register(&Rule{ID: "REF-06", Severity: diag.Error,
		Title:   "indicator references exist in the catalogue",
		Legal:   "art. 10e ust. 3 pkt 3 usg (indicators of expected results)",
		Explain: "Goals, results, diagnosis chapters, project indicators and aggregation formulas name indicators by the id of indicators.yaml; evidence lists may also name conclusions, surveys, chapters or SWOT items. A project indicator that names a catalogue indicator uses the catalogue's unit, so baseline and target are comparable.",
		Check:   checkIndicatorRefs})
	register(&Rule{ID: "REF-07", Severity: diag.Error,
		Title:   "OSI name members, directions and a map that exist",
		Legal:   "art. 10e ust. 3 pkt 6–7 usg",
		Explain: "An obszar strategicznej interwencji lists member TERYT codes, the directions of action planned in it (planned_actions) and its map, each of which exists; a direction's osi list names defined OSI. (That a development strategy shows every OSI on a map is LEG-04.)",
		Check:   checkOSIRefs})
	register(&Rule{ID: "REF-12", Severity: diag.Error,
		Title:   "map, indicator and other references in Markdown and in the spatial model resolve",
		Explain: "Markdown may place a map with {{map:M1}} and an indicator's value with {{ind:pop_total}}; goals, directions and projects may be linked with {{goal:CS1}}, {{dir:KD1.1.1}} and {{project:P01}}. Each must name a defined entity, and model_fsp.maps must name maps of spatial.yaml.",
		Check:   checkMarkdownRefs})
	register(&Rule{ID: "REF-13", Severity: diag.Error,
		Title:   "every other cross-reference resolves",
		Explain: "The partnership leader, core towns, coordinator and adopting members are members; TOWS links name SWOT items; the financial framework's by_goal names strategic goals; recommendations name members and directions; projects' related_projects, links.osi and links.diagnosis name what exists; indicator values are for members (or their town/rural parts), the partnership, a voivodeship, PL or the MRL comparison group; indicator sources name diagnosis sources.",
		Check:   checkOtherRefs})
}

func checkUniqueIDs(c *Context) {
	// Member codes are ID-06's.
	for _, ns := range []string{model.NSGoalTree, model.NSResult, model.NSDiagnosis, model.NSSWOT,
		model.NSIndicator, model.NSSpatial, model.NSProject, model.NSSource} {
		first := map[string]model.Def{}
		for _, d := range c.X.Defs[ns] {
			if f, dup := first[d.ID]; dup {
				c.Report(d.Pos, "duplicate %s ID %q: IDs in the %s must be unique", d.Kind, d.ID, ns).
					With(f.Pos, "%s %s is first defined here", f.Kind, f.ID)
				continue
			}
			first[d.ID] = d
		}
	}
}

func checkProjectGoalLinks(c *Context) {
	for _, p := range c.S.Projects {
		primary := 0
		for _, g := range p.Links.Goals {
			c.resolve(g.Ref, "goal link", c.goalsT(), c.opGoalsT(), c.directionsT())
			if g.Contribution == "primary" {
				primary++
			}
		}
		switch {
		case len(p.Links.Goals) == 0:
			c.Report(p.Links.At("goals"), "project %s links to no goal or direction: add links.goals with one contribution: primary", p.ID)
		case primary == 0:
			c.Report(p.Links.At("goals"), "project %s has no link with contribution: primary", p.ID)
		}
	}
}

func checkRespondsTo(c *Context) {
	used := map[string]bool{}
	for _, g := range c.S.StrategicGoals {
		c.resolveAll(g.RespondsTo, "responds_to entry", c.conclusionsT(), c.challengesT(), c.swotT())
		if len(g.RespondsTo) == 0 {
			c.Report(g.At("responds_to"), "strategic goal %s responds to no conclusion, challenge or SWOT item: add responds_to (art. 10e ust. 3 usg)", g.ID)
		}
		for _, r := range g.RespondsTo {
			used[r.ID] = true
			if ch := c.X.Challenges[r.ID]; ch != nil {
				for _, f := range ch.From {
					used[f.ID] = true
				}
			}
			if it := c.X.SWOT[r.ID]; it != nil {
				for _, e := range it.Evidence {
					used[e.ID] = true
				}
			}
		}
	}
	for _, ch := range c.S.Diagnosis.Challenges {
		c.resolveAll(ch.From, "challenge source", c.conclusionsT(), c.swotT())
	}
	if len(c.S.StrategicGoals) == 0 {
		return
	}
	for _, w := range c.S.Diagnosis.Conclusions {
		if w.ID != "" && !used[w.ID] {
			c.Warn(w.At("id"), "conclusion %s is not used: no strategic goal responds to it, directly or through a challenge or SWOT item", w.ID)
		}
	}
}

func checkProjectMembers(c *Context) {
	for _, p := range c.S.Projects {
		switch e := p.Leader.External; {
		case e != nil && strings.TrimSpace(e.Name) == "":
			c.Report(e.Pos, "the external leader of project %s has no name", p.ID)
		case e == nil && p.Leader.Member.ID == "":
			c.Report(p.At("leader"), "project %s has no leader: give leader.member (a member's TERYT code) or leader.external with a name", p.ID)
		case e == nil:
			c.resolve(p.Leader.Member, "project leader", c.membersT())
		}
		for _, pt := range p.Partners {
			if pt.External == nil {
				c.resolve(pt.Member, "project partner", c.membersT())
			} else if strings.TrimSpace(pt.External.Name) == "" {
				c.Report(pt.External.Pos, "an external partner of project %s has no name", p.ID)
			}
		}
		if p.Budget != nil {
			for _, bp := range p.Budget.ByPartner {
				c.resolve(bp.Member, "budget share", c.membersT())
			}
		}
	}
}

func checkIndicatorRefs(c *Context) {
	ind := c.indicatorsT()
	for _, g := range c.S.StrategicGoals {
		for _, it := range g.Indicators {
			c.resolve(it.Indicator, "indicator", ind)
		}
		for _, d := range g.AllDirections() {
			for _, r := range d.Results {
				for _, it := range r.Indicators {
					c.resolve(it.Indicator, "indicator", ind)
				}
			}
		}
	}
	for _, ch := range c.S.Diagnosis.Chapters {
		c.resolveAll(ch.Indicators, "indicator", ind)
	}
	for _, in := range c.S.Indicators {
		if a := in.Aggregation; a != nil {
			c.resolve(a.Numerator, "numerator", ind)
			c.resolve(a.Denominator, "denominator", ind)
		}
	}
	for _, p := range c.S.Projects {
		if p.Indicators == nil {
			continue
		}
		unit := func(ref model.Ref, u string, pos diag.Pos) {
			if ref.ID == "" || !c.resolve(ref, "indicator", ind) {
				return
			}
			if in := c.X.Indicators[ref.ID]; u != "" && in.Unit != "" && u != in.Unit {
				c.Report(pos, "unit %q of project %s differs from the catalogue unit %q of indicator %s", u, p.ID, in.Unit, ref.ID).
					With(in.At("unit"), "the catalogue unit is given here")
			}
		}
		for _, o := range p.Indicators.Output {
			unit(o.Indicator, o.Unit, o.At("unit"))
		}
		for _, r := range p.Indicators.Result {
			unit(r.Indicator, r.Unit, r.At("unit"))
		}
	}
	evidence := []target{ind, c.conclusionsT(), c.surveysT(), c.chaptersT(), c.swotT()}
	for _, w := range c.S.Diagnosis.Conclusions {
		c.resolveAll(w.Evidence, "evidence", evidence...)
	}
	for _, it := range c.S.SWOT.Items() {
		c.resolveAll(it.Evidence, "evidence", evidence...)
	}
}

func checkOSIRefs(c *Context) {
	for _, o := range c.S.Spatial.OSI {
		c.resolveAll(o.Members, "OSI member", c.membersT())
		c.resolveAll(o.PlannedActions, "planned action", c.directionsT())
		if o.Map.ID != "" { // a missing map is LEG-04's (art. 10e ust. 4 usg)
			c.resolve(o.Map, "map", c.mapsT())
		}
	}
	for _, d := range c.S.AllDirections() {
		c.resolveAll(d.OSI, "OSI", c.osiT())
	}
}

// mdRefRE matches {{kind:ID}} references in Markdown.
var mdRefRE = regexp.MustCompile(`\{\{\s*([a-z]+)\s*:\s*([^}\s]*)\s*\}\}`)

func checkMarkdownRefs(c *Context) {
	if m := c.S.Spatial.ModelFSP; m != nil {
		c.resolveAll(m.Maps, "map", c.mapsT())
	}
	kinds := map[string][]target{
		"map":     {c.mapsT()},
		"ind":     {c.indicatorsT()},
		"goal":    {c.goalsT(), c.opGoalsT()},
		"dir":     {c.directionsT()},
		"project": {c.projectsT()},
		"osi":     {c.osiT()},
	}
	names := []string{"dir", "goal", "ind", "map", "osi", "project"}
	model.ForEachMarkdown(c.S, func(md *model.Markdown) {
		for _, m := range mdRefRE.FindAllStringSubmatchIndex(md.Text, -1) {
			kind, id := md.Text[m[2]:m[3]], md.Text[m[4]:m[5]]
			p := md.PosAt(c.S.Dir, m[0])
			ts, ok := kinds[kind]
			if !ok {
				c.Report(p, "unknown reference kind {{%s:…}}: use one of %s%s", kind, strings.Join(names, ", "), diag.DidYouMean(kind, names))
				continue
			}
			c.resolve(model.Ref{ID: id, Pos: p}, kind+" reference", ts...)
		}
	})
}

func checkOtherRefs(c *Context) {
	s, mem := c.S, c.membersT()
	c.resolve(s.Partnership.Leader, "leader", mem)
	c.resolve(s.Implementation.Coordinator, "coordinator", mem)
	for _, a := range s.Participation.Adoptions {
		c.resolve(a.Member, "adopting member", mem)
	}
	for _, t := range s.SWOT.TOWS {
		c.resolveAll(t.Links, "TOWS link", c.swotT())
	}
	for _, g := range s.Finance.ByGoal {
		c.resolve(g.Goal, "goal", c.goalsT())
	}
	for _, r := range s.Spatial.Recommendations {
		c.resolveAll(r.AppliesTo, "member", mem)
		c.resolveAll(r.Related, "related direction", c.directionsT(), c.goalsT(), c.opGoalsT())
	}
	for _, p := range s.Projects {
		if p.Integration != nil {
			c.resolveAll(p.Integration.RelatedProjects, "related project", c.projectsT())
		}
		c.resolveAll(p.Links.OSI, "OSI", c.osiT())
		c.resolveAll(p.Links.Diagnosis, "diagnosis link", c.conclusionsT(), c.challengesT(), c.swotT())
	}
	// Core towns and indicator units may be a member or a town/rural part
	// (TERC types 4 and 5) of a member urban-rural gmina (type 3).
	parts := target{name: "member or part of a member gmina", defs: map[string]diag.Pos{}}
	for id, p := range mem.defs {
		parts.defs[id] = p
		if len(id) == 7 && id[6] == '3' {
			parts.defs[id[:6]+"4"] = p
			parts.defs[id[:6]+"5"] = p
		}
	}
	c.resolveAll(s.Partnership.CoreTowns, "core town", parts)
	units := target{name: "unit", defs: map[string]diag.Pos{"partnership": {}, "PL": {}, "MRL_group": {}}}
	for _, in := range s.Indicators {
		if in.Source != nil {
			c.resolve(in.Source.ID, "data source", c.sourcesT())
		}
		for _, v := range in.Values {
			id := v.Unit.ID
			if _, ok := parts.defs[id]; ok {
				continue
			}
			if _, ok := units.defs[id]; ok || isVoivodeship(id) || isPowiatOfMember(id, mem) {
				continue
			}
			c.resolve(v.Unit, "indicator unit", parts, units)
		}
	}
}

func isVoivodeship(id string) bool {
	return len(id) == 2 && id >= "02" && id <= "32" && (id[1]-'0')%2 == 0
}

// isPowiatOfMember accepts a benchmark value for the powiat of a member gmina.
func isPowiatOfMember(id string, mem target) bool {
	if len(id) != 4 {
		return false
	}
	for m := range mem.defs {
		if strings.HasPrefix(m, id) {
			return true
		}
	}
	return false
}
