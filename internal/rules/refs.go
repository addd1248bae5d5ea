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

// targetsOf groups the index's ID definitions by the kind of entity they
// name, once per run of the rules (the first definition of an ID wins, as
// in the index; duplicates are ID-08's business).
func targetsOf(x *model.Index) map[string]target {
	out := map[string]target{}
	for _, defs := range x.Defs {
		for _, d := range defs {
			t, ok := out[d.Kind]
			if !ok {
				t = target{name: d.Kind, defs: map[string]diag.Pos{}}
				out[d.Kind] = t
			}
			if _, dup := t.defs[d.ID]; !dup {
				t.defs[d.ID] = d.Pos
			}
		}
	}
	return out
}

// of returns the target of an entity kind as the index names it; a kind
// with no definitions is an empty target.
func (c *Context) of(kind string) target {
	if t, ok := c.refTargets[kind]; ok {
		return t
	}
	return target{name: kind}
}

// Targets the rules resolve against.
func (c *Context) goalsT() target       { return c.of(model.EntityGoal) }
func (c *Context) opGoalsT() target     { return c.of(model.EntityOpGoal) }
func (c *Context) directionsT() target  { return c.of(model.EntityDirection) }
func (c *Context) membersT() target     { return c.of(model.EntityMember) }
func (c *Context) conclusionsT() target { return c.of(model.EntityConclusion) }
func (c *Context) challengesT() target  { return c.of(model.EntityChallenge) }
func (c *Context) swotT() target        { return c.of(model.EntitySWOT) }
func (c *Context) indicatorsT() target  { return c.of(model.EntityIndicator) }
func (c *Context) osiT() target         { return c.of(model.EntityOSI) }
func (c *Context) mapsT() target        { return c.of(model.EntityMap) }
func (c *Context) projectsT() target    { return c.of(model.EntityProject) }
func (c *Context) surveysT() target     { return c.of(model.EntitySurvey) }
func (c *Context) chaptersT() target    { return c.of(model.EntityChapter) }
func (c *Context) sourcesT() target     { return c.of(model.EntitySource) }

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
