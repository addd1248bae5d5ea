package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// The data of the chapters cele and rezultaty (and the vision and mission
// of wizja)
// (templates/strategy/chapters/cele.tmpl, rezultaty.tmpl): the goals,
// operational goals, directions of action and their expected results,
// the overview table and the table of indicators. Compose makes the
// links and the tables' cells; the words are the templates'.

// goalView is a strategic or operational goal.
type goalView struct {
	c          *composer
	g          *model.StrategicGoal   // nil for an operational goal
	og         *model.OperationalGoal // nil for a strategic goal
	ID, Title  string
	Anchor     string
	Directions []*directionView
}

// Description is the goal's prose ("" when none).
func (g *goalView) Description() string {
	if g.og != nil {
		return g.c.prose(&g.og.Description, 3)
	}
	return g.c.prose(&g.g.Description, 2)
}

// Dimensions are the goal's dimensions of development, as the content
// keys them (spoleczny, gospodarczy, przestrzenny).
func (g *goalView) Dimensions() []string {
	if g.g == nil {
		return nil
	}
	return g.g.Dimensions
}

// RespondsTo are the IDs of the conclusions, challenges and SWOT factors
// the goal responds to.
func (g *goalView) RespondsTo() []string {
	if g.g == nil {
		return nil
	}
	return g.g.RespondsTo.IDs()
}

// SRWLinks are the goals of the voivodeship strategy the goal serves
// ("Strategia Rozwoju Województwa Podlaskiego 2030, cel 2 „…”").
func (g *goalView) SRWLinks() []string {
	if g.g == nil {
		return nil
	}
	var out []string
	for _, l := range g.g.SRWLinks {
		out = append(out, clean(srwGoal(l.Document, l.Goal)))
	}
	return out
}

// PolicyObjectives are the EU policy objectives the goal serves ("CP4").
func (g *goalView) PolicyObjectives() []string {
	if g.g == nil {
		return nil
	}
	return policyObjectives(g.g.CPRPolicyObjectives)
}

// OperationalGoals are the goal's operational goals.
func (g *goalView) OperationalGoals() []*goalView {
	if g.g == nil {
		return nil
	}
	var out []*goalView
	for _, og := range g.g.OperationalGoals {
		out = append(out, g.c.goalView(nil, og))
	}
	return out
}

func (c *composer) goalView(g *model.StrategicGoal, og *model.OperationalGoal) *goalView {
	v := &goalView{c: c, g: g, og: og}
	var ds []*model.Direction
	if og != nil {
		v.ID, v.Title, ds = clean(og.ID), clean(og.Title), og.Directions
	} else {
		v.ID, v.Title, ds = clean(g.ID), clean(g.Title), g.Directions
	}
	v.Anchor = anchorGoal(v.ID)
	for _, d := range ds {
		v.Directions = append(v.Directions, &directionView{c: c, d: d, ID: clean(d.ID), Title: clean(d.Title), Anchor: anchorDir(d.ID)})
	}
	return v
}

// Goals are the strategic goals.
func (v *strategyView) Goals() []*goalView {
	var out []*goalView
	for _, g := range v.c.s.StrategicGoals {
		out = append(out, v.c.goalView(g, nil))
	}
	return out
}

// OperationalGoalCount and DirectionCount count the operational goals
// and the directions of action of the whole strategy.
func (v *strategyView) OperationalGoalCount() int { return v.c.operationalGoalCount() }

// operationalGoalCount counts the operational goals of the strategy.
func (c *composer) operationalGoalCount() int {
	n := 0
	for _, g := range c.s.StrategicGoals {
		n += len(g.OperationalGoals)
	}
	return n
}

func (v *strategyView) DirectionCount() int { return len(v.c.s.AllDirections()) }

// directionView is a direction of action.
type directionView struct {
	c                 *composer
	d                 *model.Direction
	ID, Title, Anchor string
}

// Description is the direction's prose ("" when none).
func (d *directionView) Description() string { return d.c.prose(&d.d.Description, 4) }

// OSI are the direction's strategic intervention areas, as links ("OSI1
// „Dolina Pisy”, …"), "" when none.
func (d *directionView) OSI() string {
	c := d.c
	var in []doc.Inline
	for i, o := range d.d.OSI {
		if i > 0 {
			in = append(in, raw(", "))
		}
		name := ""
		if oo := c.x.OSI[o.ID]; oo != nil {
			name = osiName(oo)
		}
		in = append(in, c.entityLink(anchorOSI(o.ID), o.ID, name)...)
	}
	return c.inlineTok(in...)
}

// Projects are the projects that carry out the direction, as links; ""
// when none.
func (d *directionView) Projects() string {
	var ids []string
	for _, p := range d.c.s.Projects {
		for _, l := range p.Links.Goals {
			if l.Ref.ID == d.d.ID && !slices.Contains(ids, p.ID) {
				ids = append(ids, p.ID)
			}
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return d.c.inlineTok(d.c.refLinks(ids)...)
}

// resultView is an expected result of a direction.
type resultView struct {
	ID, Text string
	Spatial  bool // a result in the spatial dimension
}

// Results are the direction's expected results.
func (d *directionView) Results() []resultView {
	var out []resultView
	for _, r := range d.d.Results {
		out = append(out, resultView{ID: clean(r.ID), Text: clean(r.Text), Spatial: r.Spatial})
	}
	return out
}

// GoalTree is the overview table: goals, operational goals and
// directions. Its caption and the column headers (strategic goal,
// operational goal, directions) are the template's; the operational
// goals' column shows only when some goal has operational goals.
func (v *strategyView) GoalTree(caption string, headers ...string) (string, error) {
	if len(headers) != 3 {
		return "", fmt.Errorf("want a caption and 3 column headers (strategic goal, operational goal, directions), got %d headers", len(headers))
	}
	c := v.c
	hasOp := v.OperationalGoalCount() > 0
	hdr := headerRow(headers[0], headers[2])
	widths := []float64{1, 1.6}
	if hasOp {
		hdr = headerRow(headers...)
		widths = []float64{1, 1, 1.6}
	}
	t := c.table(caption, widths, 1, hdr)
	dirRow := func(d *model.Direction) *doc.Cell {
		return icell(c.link(anchorDir(d.ID), bold(d.ID+" "), tx(d.Title))...)
	}
	for _, g := range c.s.StrategicGoals {
		type line struct {
			op *model.OperationalGoal
			d  *model.Direction
		}
		var lines []line
		for _, d := range g.Directions {
			lines = append(lines, line{nil, d})
		}
		for _, og := range g.OperationalGoals {
			if len(og.Directions) == 0 {
				lines = append(lines, line{og, nil})
			}
			for _, d := range og.Directions {
				lines = append(lines, line{og, d})
			}
		}
		if len(lines) == 0 {
			lines = append(lines, line{})
		}
		gcell := icell(c.link(anchorGoal(g.ID), bold(g.ID+" "), tx(g.Title))...)
		gcell.RowSpan, gcell.Shade = len(lines), doc.ShadeLight
		var prevOp *model.OperationalGoal
		for i, ln := range lines {
			r := &doc.Row{}
			if i == 0 {
				r.Cells = append(r.Cells, gcell)
			}
			if hasOp && (i == 0 || ln.op != prevOp) {
				n := 0
				for _, l2 := range lines[i:] {
					if l2.op != ln.op {
						break
					}
					n++
				}
				if ln.op != nil {
					oc := icell(c.link(anchorGoal(ln.op.ID), bold(ln.op.ID+" "), tx(ln.op.Title))...)
					oc.RowSpan = n
					r.Cells = append(r.Cells, oc)
				} else {
					r.Cells = append(r.Cells, &doc.Cell{RowSpan: n, Blocks: []doc.Block{paraIn(raw("–"))}})
				}
			}
			prevOp = ln.op
			if ln.d != nil {
				r.Cells = append(r.Cells, dirRow(ln.d))
			} else {
				r.Cells = append(r.Cells, tcell("–"))
			}
			t.Rows = append(t.Rows, r)
		}
	}
	return c.blockTok(t), nil
}

// ---- data of the chapter wizja (strategy/chapters/wizja.tmpl) ----

// visionLead is the vision as a lead paragraph, nil when there is none.
func (c *composer) visionLead() *doc.Paragraph {
	if c.s.Vision.Text == "" {
		return nil
	}
	return &doc.Paragraph{Style: doc.ParaLead, Inlines: ins(tx(c.s.Vision.Text))}
}

// missionBlocks is the mission's prose, its body paragraphs as leads.
func (c *composer) missionBlocks() []doc.Block {
	if c.s.Mission.Empty() {
		return nil
	}
	bs := c.markdown(&c.s.Mission, 2)
	for _, b := range bs {
		if p, ok := b.(*doc.Paragraph); ok && p.Style == doc.ParaBody {
			p.Style = doc.ParaLead
		}
	}
	return bs
}

// ---- data of the chapter rezultaty ----

// ResultsTable is the table of the indicators of the goals and expected
// results with their baselines and targets ("" when no goal or result
// has an indicator). Its caption, six column headers (goal or result,
// indicator, unit, baseline, target, source and frequency) and the
// source line below it are the template's.
func (v *strategyView) ResultsTable(caption string, words ...string) (string, error) {
	if len(words) != 7 {
		return "", fmt.Errorf("want a caption, 6 column headers (goal or result, indicator, unit, baseline, target, source and frequency) and a source line, got %d after the caption", len(words))
	}
	c := v.c
	t := c.table(caption, []float64{1.1, 3, 1.1, 1.5, 1.5, 2.2}, 1, headerRow(words[:6]...))
	n := 0
	add := func(owner string, it *model.IndicatorTarget) {
		in := c.x.Indicators[it.Indicator.ID]
		name, unit, src, freq := it.Indicator.ID, "", "", it.Frequency
		if in != nil {
			name, unit, src = in.Name, in.Unit, c.indicatorSourceShort(in)
			freq = cmpOr(freq, in.Frequency)
		}
		yv := func(v *model.YearValue) string {
			if v == nil {
				return plfmt.NoData
			}
			return indValue(in, v.Value) + " (" + itoa(v.Year) + ")"
		}
		sf := src
		if freq != "" {
			sf = strings.TrimPrefix(sf+", "+label(frequencies, freq), ", ")
		}
		t.Rows = append(t.Rows, row(ccell(owner), tcell(name), ccell(unit), ncell(yv(it.Baseline)), ncell(yv(it.Target)), tcell(sf)))
		n++
	}
	for _, g := range c.s.StrategicGoals {
		t.Rows = append(t.Rows, row(&doc.Cell{ColSpan: 6, Shade: doc.ShadeLight, Bold: true,
			Blocks: []doc.Block{paraIn(c.link(anchorGoal(g.ID), raw(g.ID+". "), tx(g.Title))...)}}))
		for _, it := range g.Indicators {
			add(g.ID, it)
		}
		for _, og := range g.OperationalGoals {
			for _, it := range og.Indicators {
				add(og.ID, it)
			}
		}
		for _, d := range g.AllDirections() {
			for _, r := range d.Results {
				for _, it := range r.Indicators {
					add(r.ID, it)
				}
			}
		}
	}
	if n == 0 {
		return "", nil
	}
	t.Note = c.readInline(words[6])
	return c.blockTok(t), nil
}

// indicatorSourceShort names an indicator's data source briefly (the
// source's name, without the variable and note).
func (c *composer) indicatorSourceShort(in *model.Indicator) string {
	if in.Source == nil {
		return ""
	}
	if src := c.x.Sources[in.Source.ID.ID]; src != nil {
		return src.Name
	}
	return in.Source.ID.ID
}
