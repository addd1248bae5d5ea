package rules

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
)

// target is one kind of thing a reference may name.
type target struct {
	name string              // "direction"
	defs map[string]diag.Pos // ID → definition
}

func defsOf[T any](name string, m map[string]T, posOf func(T) diag.Pos) target {
	t := target{name: name, defs: make(map[string]diag.Pos, len(m))}
	for id, v := range m {
		t.defs[id] = posOf(v)
	}
	return t
}

// Targets the structural rules resolve against.
func (c *Context) goalsT() target {
	return defsOf("strategic goal", c.X.Goals, func(g *model.StrategicGoal) diag.Pos { return g.At("id") })
}
func (c *Context) opGoalsT() target {
	return defsOf("operational goal", c.X.OpGoals, func(g *model.OperationalGoal) diag.Pos { return g.At("id") })
}
func (c *Context) directionsT() target {
	return defsOf("direction", c.X.Directions, func(d *model.Direction) diag.Pos { return d.At("id") })
}
func (c *Context) membersT() target {
	return defsOf("member", c.X.Members, func(m *model.Member) diag.Pos { return m.Teryt.Pos })
}
func (c *Context) conclusionsT() target {
	return defsOf("conclusion", c.X.Conclusions, func(v *model.Conclusion) diag.Pos { return v.At("id") })
}
func (c *Context) challengesT() target {
	return defsOf("challenge", c.X.Challenges, func(v *model.Challenge) diag.Pos { return v.At("id") })
}
func (c *Context) swotT() target {
	return defsOf("SWOT item", c.X.SWOT, func(v *model.SWOTItem) diag.Pos { return v.At("id") })
}
func (c *Context) indicatorsT() target {
	return defsOf("indicator", c.X.Indicators, func(v *model.Indicator) diag.Pos { return v.At("id") })
}
func (c *Context) osiT() target {
	return defsOf("OSI", c.X.OSI, func(v *model.OSI) diag.Pos { return v.At("id") })
}
func (c *Context) mapsT() target {
	return defsOf("map", c.X.Maps, func(v *model.Map) diag.Pos { return v.At("id") })
}
func (c *Context) projectsT() target {
	return defsOf("project", c.X.Projects, func(v *model.Project) diag.Pos { return v.At("id") })
}
func (c *Context) surveysT() target {
	return defsOf("survey", c.X.Surveys, func(v *model.Survey) diag.Pos { return v.At("id") })
}
func (c *Context) chaptersT() target {
	return defsOf("diagnosis chapter", c.X.Chapters, func(v *model.Chapter) diag.Pos { return v.At("id") })
}
func (c *Context) sourcesT() target {
	return defsOf("data source", c.X.Sources, func(v *model.Source) diag.Pos { return v.At("id") })
}

// resolve reports ref unless one of ts defines it. The message names what
// the reference should be, suggests the nearest IDs and lists their
// definitions as related positions. It reports whether ref resolved.
func (c *Context) resolve(ref model.Ref, what string, ts ...target) bool {
	if ref.ID == "" {
		return true // missing values are the schema's business
	}
	for _, t := range ts {
		if _, ok := t.defs[ref.ID]; ok {
			return true
		}
	}
	all := map[string]diag.Pos{}
	var names []string
	for _, t := range ts {
		maps.Copy(all, t.defs)
		names = append(names, t.name)
	}
	ids := slices.Sorted(maps.Keys(all))
	near := diag.Nearest(ref.ID, ids, 3)
	msg := fmt.Sprintf("%s %q is not defined: no %s has this ID", what, ref.ID, orList(names))
	if len(near) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", quoteList(near))
	} else if len(ids) == 0 {
		msg += fmt.Sprintf(" (none is defined yet)")
	}
	d := c.Report(ref.Pos, "%s", msg)
	for _, id := range near {
		d.With(all[id], "%s is defined here", id)
	}
	return false
}

func (c *Context) resolveAll(refs model.Refs, what string, ts ...target) {
	for _, r := range refs {
		c.resolve(r, what, ts...)
	}
}

func orList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func quoteList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return orList(q)
}
