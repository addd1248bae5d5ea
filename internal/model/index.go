package model

import "github.com/strategia-pl/strategia/internal/diag"

// Def is one ID definition: what it names and where.
type Def struct {
	ID   string
	Kind string // a human name of the entity kind, e.g. "direction"
	Pos  diag.Pos
}

// Index holds lookups by ID over a Strategy. Build it once with NewIndex
// after loading; later stages share it. When an ID is defined twice the
// first definition wins (the duplicate is reported by the ID-08 rule).
type Index struct {
	Members         map[string]*Member
	Goals           map[string]*StrategicGoal
	OpGoals         map[string]*OperationalGoal
	Directions      map[string]*Direction
	Results         map[string]*Result
	Conclusions     map[string]*Conclusion
	Challenges      map[string]*Challenge
	SWOT            map[string]*SWOTItem
	Indicators      map[string]*Indicator
	OSI             map[string]*OSI
	Maps            map[string]*Map
	Projects        map[string]*Project
	Chapters        map[string]*Chapter
	Surveys         map[string]*Survey
	Sources         map[string]*Source
	Elements        map[string]*ModelElement
	Recommendations map[string]*Recommendation

	// DirectionGoal maps a direction ID to its strategic goal, and
	// DirectionOp to its operational goal (nil when directly under the goal).
	DirectionGoal map[string]*StrategicGoal
	DirectionOp   map[string]*OperationalGoal
	// OpGoalGoal maps an operational goal ID to its strategic goal.
	OpGoalGoal map[string]*StrategicGoal

	// Defs lists every ID definition in document order, by namespace
	// (see Namespace); IDs must be unique within one namespace.
	Defs map[string][]Def
}

// Namespaces of IDs: entities in one namespace share an ID space.
const (
	NSGoalTree  = "goal tree"   // strategic goals, operational goals, directions
	NSResult    = "result"      // expected results
	NSDiagnosis = "diagnosis"   // conclusions, challenges, chapters, surveys
	NSSWOT      = "SWOT"        // strengths, weaknesses, opportunities, threats
	NSIndicator = "indicator"   // indicator catalogue
	NSSpatial   = "spatial"     // OSI, maps, model elements, recommendations
	NSProject   = "project"     // project fiches
	NSMember    = "member"      // TERYT codes of members
	NSSource    = "data source" // diagnosis data sources
)

// AllDirections returns every direction of action in document order.
func (s *Strategy) AllDirections() []*Direction {
	var out []*Direction
	for _, g := range s.StrategicGoals {
		out = append(out, g.Directions...)
		for _, og := range g.OperationalGoals {
			out = append(out, og.Directions...)
		}
	}
	return out
}

// Directions returns the goal's directions, its own and its operational goals', in order.
func (g *StrategicGoal) AllDirections() []*Direction {
	out := append([]*Direction(nil), g.Directions...)
	for _, og := range g.OperationalGoals {
		out = append(out, og.Directions...)
	}
	return out
}

// SWOTItems returns every SWOT item in quadrant order.
func (sw *SWOT) Items() []*SWOTItem {
	var out []*SWOTItem
	out = append(out, sw.Strengths...)
	out = append(out, sw.Weaknesses...)
	out = append(out, sw.Opportunities...)
	return append(out, sw.Threats...)
}

// NewIndex builds the lookups of s.
func NewIndex(s *Strategy) *Index {
	x := &Index{
		Members: map[string]*Member{}, Goals: map[string]*StrategicGoal{}, OpGoals: map[string]*OperationalGoal{},
		Directions: map[string]*Direction{}, Results: map[string]*Result{}, Conclusions: map[string]*Conclusion{},
		Challenges: map[string]*Challenge{}, SWOT: map[string]*SWOTItem{}, Indicators: map[string]*Indicator{},
		OSI: map[string]*OSI{}, Maps: map[string]*Map{}, Projects: map[string]*Project{}, Chapters: map[string]*Chapter{},
		Surveys: map[string]*Survey{}, Sources: map[string]*Source{}, Elements: map[string]*ModelElement{},
		Recommendations: map[string]*Recommendation{},
		DirectionGoal:   map[string]*StrategicGoal{}, DirectionOp: map[string]*OperationalGoal{},
		OpGoalGoal: map[string]*StrategicGoal{}, Defs: map[string][]Def{},
	}
	def := func(ns, kind, id string, p diag.Pos) bool {
		if id == "" {
			return false
		}
		x.Defs[ns] = append(x.Defs[ns], Def{ID: id, Kind: kind, Pos: p})
		return true
	}
	for _, m := range s.Partnership.Members {
		if def(NSMember, "member", m.Teryt.ID, m.Teryt.Pos) {
			putFirst(x.Members, m.Teryt.ID, m)
		}
	}
	for _, src := range s.Diagnosis.Sources {
		if def(NSSource, "data source", src.ID, src.At("id")) {
			putFirst(x.Sources, src.ID, src)
		}
	}
	for _, c := range s.Diagnosis.Chapters {
		if def(NSDiagnosis, "diagnosis chapter", c.ID, c.At("id")) {
			putFirst(x.Chapters, c.ID, c)
		}
	}
	for _, sv := range s.Diagnosis.Surveys {
		if def(NSDiagnosis, "survey", sv.ID, sv.At("id")) {
			putFirst(x.Surveys, sv.ID, sv)
		}
	}
	for _, c := range s.Diagnosis.Conclusions {
		if def(NSDiagnosis, "conclusion", c.ID, c.At("id")) {
			putFirst(x.Conclusions, c.ID, c)
		}
	}
	for _, c := range s.Diagnosis.Challenges {
		if def(NSDiagnosis, "challenge", c.ID, c.At("id")) {
			putFirst(x.Challenges, c.ID, c)
		}
	}
	for _, in := range s.Indicators {
		if def(NSIndicator, "indicator", in.ID, in.At("id")) {
			putFirst(x.Indicators, in.ID, in)
		}
	}
	for _, it := range s.SWOT.Items() {
		if def(NSSWOT, "SWOT item", it.ID, it.At("id")) {
			putFirst(x.SWOT, it.ID, it)
		}
	}
	for _, g := range s.StrategicGoals {
		if def(NSGoalTree, "strategic goal", g.ID, g.At("id")) {
			putFirst(x.Goals, g.ID, g)
		}
		addDirs := func(ds []*Direction, og *OperationalGoal) {
			for _, d := range ds {
				if def(NSGoalTree, "direction", d.ID, d.At("id")) {
					if putFirst(x.Directions, d.ID, d) {
						x.DirectionGoal[d.ID], x.DirectionOp[d.ID] = g, og
					}
				}
				for _, r := range d.Results {
					if def(NSResult, "result", r.ID, r.At("id")) {
						putFirst(x.Results, r.ID, r)
					}
				}
			}
		}
		for _, og := range g.OperationalGoals {
			if def(NSGoalTree, "operational goal", og.ID, og.At("id")) {
				if putFirst(x.OpGoals, og.ID, og) {
					x.OpGoalGoal[og.ID] = g
				}
			}
			addDirs(og.Directions, og)
		}
		addDirs(g.Directions, nil)
	}
	for _, o := range s.Spatial.OSI {
		if def(NSSpatial, "OSI", o.ID, o.At("id")) {
			putFirst(x.OSI, o.ID, o)
		}
	}
	for _, m := range s.Spatial.Maps {
		if def(NSSpatial, "map", m.ID, m.At("id")) {
			putFirst(x.Maps, m.ID, m)
		}
	}
	if s.Spatial.ModelFSP != nil {
		for _, e := range s.Spatial.ModelFSP.Elements {
			if def(NSSpatial, "model element", e.ID, e.At("id")) {
				putFirst(x.Elements, e.ID, e)
			}
		}
	}
	for _, r := range s.Spatial.Recommendations {
		if def(NSSpatial, "recommendation", r.ID, r.At("id")) {
			putFirst(x.Recommendations, r.ID, r)
		}
	}
	for _, p := range s.Projects {
		if def(NSProject, "project", p.ID, p.At("id")) {
			putFirst(x.Projects, p.ID, p)
		}
	}
	return x
}

func putFirst[T any](m map[string]T, k string, v T) bool {
	if _, ok := m[k]; ok {
		return false
	}
	m[k] = v
	return true
}
