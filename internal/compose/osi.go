package compose

import (
	"github.com/strategia-pl/strategia/internal/model"
)

// The data of the OSI entries (templates/strategy/chapters/osi.tmpl).

// osiView is a strategic intervention area.
type osiView struct {
	c      *composer
	o      *model.OSI
	ID     string
	Name   string // the name, else the title
	Anchor string
	SRWRef string // where the voivodeship strategy designates it ("" when not given)
	Area   string // the member units it covers ("" when not given)
}

// Description and Scope are the area's prose ("" when none).
func (o *osiView) Description() string { return o.c.prose(&o.o.Description, 3) }
func (o *osiView) Scope() string       { return o.c.prose(&o.o.Scope, 3) }

// PlannedActions are the directions of action planned in the area, as
// links ("KD3.1.1 „…”").
func (o *osiView) PlannedActions() []string {
	var out []string
	for _, a := range o.o.PlannedActions {
		title := ""
		if d := o.c.x.Directions[a.ID]; d != nil {
			title = d.Title
		}
		out = append(out, o.c.inlineTok(o.c.entityLink(anchorDir(a.ID), a.ID, title)...))
	}
	return out
}

// Map is the area's map ("" when none).
func (o *osiView) Map() string {
	if o.o.Map.ID == "" {
		return ""
	}
	if f := o.c.mapFigure(o.o.Map.ID, o.o.Map.Pos); f != nil {
		return o.c.blockTok(f)
	}
	return ""
}

// OSI are the OSI of an origin, "regional" (named in the voivodeship
// strategy) or "local" (key to the partnership).
func (v *strategyView) OSI(origin string) []*osiView {
	c := v.c
	var out []*osiView
	for _, o := range c.s.Spatial.OSI {
		if o.Origin != origin {
			continue
		}
		ov := &osiView{c: c, o: o, ID: clean(o.ID), Name: clean(osiName(o)), Anchor: anchorOSI(o.ID), SRWRef: clean(o.SRWRef)}
		if len(o.Members) > 0 {
			ov.Area = clean(c.memberNames(o.Members.IDs()))
		}
		out = append(out, ov)
	}
	return out
}
