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

// Entity kinds, as Def.Kind names them (and diagnostics print them).
const (
	EntityMember         = "member"
	EntitySource         = "data source"
	EntityChapter        = "diagnosis chapter"
	EntitySurvey         = "survey"
	EntityConclusion     = "conclusion"
	EntityChallenge      = "challenge"
	EntityIndicator      = "indicator"
	EntitySWOT           = "SWOT item"
	EntityGoal           = "strategic goal"
	EntityOpGoal         = "operational goal"
	EntityDirection      = "direction"
	EntityResult         = "result"
	EntityOSI            = "OSI"
	EntityMap            = "map"
	EntityElement        = "model element"
	EntityRecommendation = "recommendation"
	EntityProject        = "project"
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
	idOf := func(m interface{ At(string) diag.Pos }) diag.Pos { return m.At("id") }
	for _, m := range s.Partnership.Members {
		add(x, NSMember, EntityMember, m.Teryt.ID, m.Teryt.Pos, x.Members, m)
	}
	for _, v := range s.Diagnosis.Sources {
		add(x, NSSource, EntitySource, v.ID, idOf(v), x.Sources, v)
	}
	for _, v := range s.Diagnosis.Chapters {
		add(x, NSDiagnosis, EntityChapter, v.ID, idOf(v), x.Chapters, v)
	}
	for _, v := range s.Diagnosis.Surveys {
		add(x, NSDiagnosis, EntitySurvey, v.ID, idOf(v), x.Surveys, v)
	}
	for _, v := range s.Diagnosis.Conclusions {
		add(x, NSDiagnosis, EntityConclusion, v.ID, idOf(v), x.Conclusions, v)
	}
	for _, v := range s.Diagnosis.Challenges {
		add(x, NSDiagnosis, EntityChallenge, v.ID, idOf(v), x.Challenges, v)
	}
	for _, v := range s.Indicators {
		add(x, NSIndicator, EntityIndicator, v.ID, idOf(v), x.Indicators, v)
	}
	for _, v := range s.SWOT.Items() {
		add(x, NSSWOT, EntitySWOT, v.ID, idOf(v), x.SWOT, v)
	}
	for _, g := range s.StrategicGoals {
		add(x, NSGoalTree, EntityGoal, g.ID, idOf(g), x.Goals, g)
		addDirs := func(ds []*Direction, og *OperationalGoal) {
			for _, d := range ds {
				if add(x, NSGoalTree, EntityDirection, d.ID, idOf(d), x.Directions, d) {
					x.DirectionGoal[d.ID], x.DirectionOp[d.ID] = g, og
				}
				for _, r := range d.Results {
					add(x, NSResult, EntityResult, r.ID, idOf(r), x.Results, r)
				}
			}
		}
		for _, og := range g.OperationalGoals {
			if add(x, NSGoalTree, EntityOpGoal, og.ID, idOf(og), x.OpGoals, og) {
				x.OpGoalGoal[og.ID] = g
			}
			addDirs(og.Directions, og)
		}
		addDirs(g.Directions, nil)
	}
	for _, v := range s.Spatial.OSI {
		add(x, NSSpatial, EntityOSI, v.ID, idOf(v), x.OSI, v)
	}
	for _, v := range s.Spatial.Maps {
		add(x, NSSpatial, EntityMap, v.ID, idOf(v), x.Maps, v)
	}
	if s.Spatial.ModelFSP != nil {
		for _, v := range s.Spatial.ModelFSP.Elements {
			add(x, NSSpatial, EntityElement, v.ID, idOf(v), x.Elements, v)
		}
	}
	for _, v := range s.Spatial.Recommendations {
		add(x, NSSpatial, EntityRecommendation, v.ID, idOf(v), x.Recommendations, v)
	}
	for _, v := range s.Projects {
		add(x, NSProject, EntityProject, v.ID, idOf(v), x.Projects, v)
	}
	return x
}

// add records the definition of id (kind in namespace ns, at p) and
// indexes v under it unless an earlier definition holds the ID. It
// reports whether v was indexed. Empty IDs are left to the schema.
func add[T any](x *Index, ns, kind, id string, p diag.Pos, m map[string]T, v T) bool {
	if id == "" {
		return false
	}
	x.Defs[ns] = append(x.Defs[ns], Def{ID: id, Kind: kind, Pos: p})
	return putFirst(m, id, v)
}

func putFirst[T any](m map[string]T, k string, v T) bool {
	if _, ok := m[k]; ok {
		return false
	}
	m[k] = v
	return true
}
