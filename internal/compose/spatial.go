package compose

import "github.com/strategia-pl/strategia/render/doc"

// The data of the chapters model (strategy/chapters/model.tmpl) and
// rekomendacje (strategy/chapters/rekomendacje.tmpl).

// spatialModelView is the functional-spatial model.
type spatialModelView struct {
	Description string // prose (block token)
	Elements    []elementView
	Maps        string // the model's maps and the maps no other part places (block token)
}

// elementView is an element of the model.
type elementView struct {
	ID, Type, Name, Level string
	Description           string // prose (block token)
	Members               string // the member gminy it covers, "" when not given
}

// SpatialModel is the functional-spatial model, nil when the content has
// none.
func (v *strategyView) SpatialModel() *spatialModelView {
	c := v.c
	m := c.s.Spatial.ModelFSP
	if m == nil {
		return nil
	}
	out := &spatialModelView{Description: c.blockTok(c.markdown(&m.Description, 1)...)}
	for _, e := range m.Elements {
		ev := elementView{ID: clean(e.ID), Type: label(elementTypes, e.Type), Name: clean(e.Name), Level: clean(e.Level),
			Description: c.blockTok(c.markdown(&e.Description, 4)...)}
		if len(e.Members) > 0 {
			ev.Members = clean(c.memberNames(e.Members.IDs()))
		}
		out.Elements = append(out.Elements, ev)
	}
	var maps []doc.Block
	for _, r := range m.Maps {
		if f := c.mapFigure(r.ID, r.Pos); f != nil {
			maps = append(maps, f)
		}
	}
	used := c.mapUses() // maps placed nowhere else
	for _, mp := range c.s.Spatial.Maps {
		if _, placed := c.placed[mp.ID]; !placed && !used[mp.ID] && mp.ID != "" {
			if f := c.mapFigure(mp.ID, mp.Pos); f != nil {
				maps = append(maps, f)
			}
		}
	}
	out.Maps = c.blockTok(maps...)
	return out
}

// recommendationView is a spatial-policy setting or recommendation.
type recommendationView struct {
	ID, Topic, Text string
	AppliesTo       []string // the member gminy it applies to
	AppliesToAll    bool     // every gmina of a partnership of several
	Directions      string   // links to the related directions (inline token)
}

// Recommendations are the spatial-policy settings and recommendations.
func (v *strategyView) Recommendations() []recommendationView {
	c := v.c
	var out []recommendationView
	all := len(c.f.Gminy)
	for _, r := range c.s.Spatial.Recommendations {
		rv := recommendationView{ID: clean(r.ID), Topic: clean(r.Topic), Text: clean(r.Text),
			AppliesToAll: all > 1 && len(r.AppliesTo) >= all, Directions: c.inlineTok(c.refLinks(r.Related.IDs())...)}
		for _, id := range r.AppliesTo.IDs() {
			rv.AppliesTo = append(rv.AppliesTo, clean(c.memberName(id)))
		}
		out = append(out, rv)
	}
	return out
}
