package changes

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
)

// Area is the part of the content a change belongs to; the report is
// grouped by it, in this order.
type Area string

// Areas, in report order.
const (
	AreaMembers    Area = "members"
	AreaGoals      Area = "goals"
	AreaDirections Area = "directions"
	AreaResults    Area = "results"
	AreaIndicators Area = "indicators"
	AreaProjects   Area = "projects"
	AreaFinance    Area = "finance"
	AreaProse      Area = "prose"
)

// Areas lists every area in report order.
var Areas = []Area{AreaMembers, AreaGoals, AreaDirections, AreaResults, AreaIndicators, AreaProjects, AreaFinance, AreaProse}

// Op is what happened to an entity.
type Op string

// Ops.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Renamed Op = "renamed" // its title or text changed
	Moved   Op = "moved"   // its parent changed
	Changed Op = "changed" // a field changed (Field says which)
)

// Change is one semantic change.
type Change struct {
	Area Area   `json:"area"`
	ID   string `json:"id"`             // the entity: TERYT, goal ID, "R1.1.1 pop_total", project ID, "goal CS1", chapter key
	Name string `json:"name,omitempty"` // its title or name (the newer one when both exist)
	Op   Op     `json:"change"`
	// Field names what changed for Op changed: "title", "baseline.value",
	// "baseline.year", "target.value", "target.year", "budget", "sources",
	// "leader", "partners", "status", "start", "end", "amount", "total".
	Field string `json:"field,omitempty"`
	// Old and New are the values before and after (IDs, ISO dates, plain
	// numbers, keys as written in the content); Parent changes put the old
	// and new parent IDs here.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Money and other numbers also come as numbers, with the difference.
	OldValue *float64 `json:"old_value,omitempty"`
	NewValue *float64 `json:"new_value,omitempty"`
	Diff     *float64 `json:"difference,omitempty"`
	// Paragraphs counts, for a prose change, the paragraphs added, removed
	// and changed in the chapter.
	Paragraphs *Paragraphs `json:"paragraphs,omitempty"`
}

// Paragraphs counts prose paragraph changes in one chapter.
type Paragraphs struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Changed int `json:"changed"`
}

// Version names one side of the comparison.
type Version struct {
	Name   string `json:"name"`             // what the user asked for: a tag, a commit, "working tree"
	Commit string `json:"commit,omitempty"` // short commit
	Date   string `json:"date,omitempty"`   // YYYY-MM-DD
	Dirty  bool   `json:"dirty,omitempty"`  // the working tree had uncommitted changes
	// Version is the partnership's own document version (partnership.yaml).
	Version string `json:"version,omitempty"`
}

// Report is the list of changes from one version to another.
type Report struct {
	Partnership string   `json:"partnership"` // its name (newer side)
	From        Version  `json:"from"`
	To          Version  `json:"to"`
	Changes     []Change `json:"changes"`
	// Incomplete lists what could not be compared and why (a version that
	// does not load cleanly is still compared as far as it goes).
	Incomplete []string `json:"incomplete,omitempty"`
	// Files are the partnership's files that differ between the versions,
	// by path: "+" added, "-" removed, "~" changed. They say where to look
	// when a change lies outside what Changes lists.
	Files []FileChange `json:"files,omitempty"`
}

// FileChange is one file that differs between the versions.
type FileChange struct {
	Path string `json:"path"`
	Op   Op     `json:"change"` // added, removed or changed
}

// Compare lists the changes from old to new.
func Compare(old, new *model.Strategy) []Change {
	c := &cmpr{}
	c.members(old, new)
	c.tree(old, new)
	c.indicators(old, new)
	c.projects(old, new)
	c.finance(old, new)
	c.prose(old, new)
	// What a file that could not be read on either side holds is not
	// compared: its entities would all look added or removed.
	bad := map[string]bool{}
	for _, f := range append(slices.Clone(old.Unreadable), new.Unreadable...) {
		bad[f] = true
	}
	if len(bad) == 0 {
		return c.out
	}
	var out []Change
	for _, ch := range c.out {
		if !bad[sourceFile(ch)] {
			out = append(out, ch)
		}
	}
	return out
}

// sourceFile is the content file a change comes from.
func sourceFile(c Change) string {
	switch c.Area {
	case AreaMembers:
		return "partnership.yaml"
	case AreaGoals, AreaDirections, AreaResults, AreaIndicators:
		return "goals.yaml"
	case AreaFinance:
		return "finance.yaml"
	case AreaProjects:
		return model.ProjectsDir + "/" + c.ID + ".yaml"
	}
	key, id, _ := strings.Cut(c.ID, " ")
	switch key {
	case "diagnosis":
		return "diagnosis.yaml"
	case "vision", "goals":
		return "goals.yaml"
	case "spatial":
		return "spatial.yaml"
	case "implementation", "participation":
		return "implementation.yaml"
	case "finance":
		return "finance.yaml"
	case "project":
		return model.ProjectsDir + "/" + id + ".yaml"
	}
	return ""
}

type cmpr struct{ out []Change }

func (c *cmpr) add(ch Change) { c.out = append(c.out, ch) }

func (c *cmpr) num(area Area, id, name, field string, o, n float64) {
	if o == n {
		return
	}
	d := n - o
	c.add(Change{Area: area, ID: id, Name: name, Op: Changed, Field: field,
		Old: fnum(o), New: fnum(n), OldValue: &o, NewValue: &n, Diff: &d})
}

func (c *cmpr) str(area Area, id, name, field, o, n string) {
	if o != n {
		c.add(Change{Area: area, ID: id, Name: name, Op: Changed, Field: field, Old: o, New: n})
	}
}

func fnum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// keyed is an entity of one version, by ID, in document order.
type keyed struct {
	id, name, parent string
}

// diffKeyed reports entities added, removed, renamed and moved.
func (c *cmpr) diffKeyed(area Area, old, new []keyed) {
	om := map[string]keyed{}
	for _, k := range old {
		om[k.id] = k
	}
	nm := map[string]bool{}
	for _, k := range new {
		nm[k.id] = true
		o, ok := om[k.id]
		switch {
		case !ok:
			c.add(Change{Area: area, ID: k.id, Name: k.name, Op: Added, New: k.parent})
			continue
		case norm(o.name) != norm(k.name):
			c.add(Change{Area: area, ID: k.id, Name: k.name, Op: Renamed, Old: o.name, New: k.name})
		}
		if o.parent != k.parent {
			c.add(Change{Area: area, ID: k.id, Name: k.name, Op: Moved, Old: o.parent, New: k.parent})
		}
	}
	for _, k := range old {
		if !nm[k.id] {
			c.add(Change{Area: area, ID: k.id, Name: k.name, Op: Removed, Old: k.parent})
		}
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func (c *cmpr) members(old, new *model.Strategy) {
	list := func(s *model.Strategy) []keyed {
		var out []keyed
		for _, m := range s.Partnership.Members {
			if m != nil && m.Teryt.ID != "" {
				out = append(out, keyed{id: m.Teryt.ID, name: m.Name})
			}
		}
		return out
	}
	// A member's name follows the register: only additions and removals
	// are changes of the partnership.
	o, n := list(old), list(new)
	for i := range o {
		o[i].name = ""
	}
	for i := range n {
		n[i].name = ""
	}
	c.diffKeyed(AreaMembers, o, n)
	names := map[string]string{}
	for _, k := range append(list(old), list(new)...) {
		names[k.id] = k.name
	}
	for i := range c.out {
		if c.out[i].Area == AreaMembers {
			c.out[i].Name = names[c.out[i].ID]
		}
	}
}

// tree compares the goal → direction → result hierarchy.
func (c *cmpr) tree(old, new *model.Strategy) {
	type lists struct{ goals, dirs, results []keyed }
	walk := func(s *model.Strategy) lists {
		var l lists
		dirs := func(parent string, ds []*model.Direction) {
			for _, d := range ds {
				if d == nil {
					continue
				}
				l.dirs = append(l.dirs, keyed{d.ID, d.Title, parent})
				for _, r := range d.Results {
					if r != nil {
						l.results = append(l.results, keyed{r.ID, r.Text, d.ID})
					}
				}
			}
		}
		for _, g := range s.StrategicGoals {
			if g == nil {
				continue
			}
			l.goals = append(l.goals, keyed{g.ID, g.Title, ""})
			for _, og := range g.OperationalGoals {
				if og == nil {
					continue
				}
				l.goals = append(l.goals, keyed{og.ID, og.Title, g.ID})
				dirs(og.ID, og.Directions)
			}
			dirs(g.ID, g.Directions)
		}
		return l
	}
	o, n := walk(old), walk(new)
	c.diffKeyed(AreaGoals, o.goals, n.goals)
	c.diffKeyed(AreaDirections, o.dirs, n.dirs)
	c.diffKeyed(AreaResults, o.results, n.results)
}

// target is one indicator target of a goal or result.
type target struct {
	owner, ind string
	t          *model.IndicatorTarget
}

func (c *cmpr) indicators(old, new *model.Strategy) {
	collect := func(s *model.Strategy) []target {
		var out []target
		add := func(owner string, ts []*model.IndicatorTarget) {
			for _, t := range ts {
				if t != nil && t.Indicator.ID != "" {
					out = append(out, target{owner, t.Indicator.ID, t})
				}
			}
		}
		dirs := func(ds []*model.Direction) {
			for _, d := range ds {
				if d == nil {
					continue
				}
				for _, r := range d.Results {
					if r != nil {
						add(r.ID, r.Indicators)
					}
				}
			}
		}
		for _, g := range s.StrategicGoals {
			if g == nil {
				continue
			}
			add(g.ID, g.Indicators)
			for _, og := range g.OperationalGoals {
				if og != nil {
					add(og.ID, og.Indicators)
					dirs(og.Directions)
				}
			}
			dirs(g.Directions)
		}
		return out
	}
	names := indicatorNames(new)
	for k, v := range indicatorNames(old) {
		if _, ok := names[k]; !ok {
			names[k] = v
		}
	}
	o, n := collect(old), collect(new)
	om := map[string]target{}
	for _, t := range o {
		om[t.owner+" "+t.ind] = t
	}
	seen := map[string]bool{}
	for _, t := range n {
		id := t.owner + " " + t.ind
		seen[id] = true
		ot, ok := om[id]
		if !ok {
			c.add(Change{Area: AreaIndicators, ID: id, Name: names[t.ind], Op: Added})
			continue
		}
		c.yearValue(id, names[t.ind], "baseline", ot.t.Baseline, t.t.Baseline)
		c.yearValue(id, names[t.ind], "target", ot.t.Target, t.t.Target)
	}
	for _, t := range o {
		if id := t.owner + " " + t.ind; !seen[id] {
			c.add(Change{Area: AreaIndicators, ID: id, Name: names[t.ind], Op: Removed})
		}
	}
}

func indicatorNames(s *model.Strategy) map[string]string {
	m := map[string]string{}
	for _, i := range s.Indicators {
		if i != nil {
			m[i.ID] = i.Name
		}
	}
	return m
}

func (c *cmpr) yearValue(id, name, field string, o, n *model.YearValue) {
	var zero model.YearValue
	if o == nil {
		o = &zero
	}
	if n == nil {
		n = &zero
	}
	c.num(AreaIndicators, id, name, field+".value", o.Value, n.Value)
	if o.Year != n.Year {
		c.str(AreaIndicators, id, name, field+".year", yearStr(o.Year), yearStr(n.Year))
	}
}

func yearStr(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func (c *cmpr) projects(old, new *model.Strategy) {
	om := map[string]*model.Project{}
	for _, p := range old.Projects {
		if p != nil && p.ID != "" {
			om[p.ID] = p
		}
	}
	seen := map[string]bool{}
	for _, p := range sortedProjects(new.Projects) {
		seen[p.ID] = true
		o, ok := om[p.ID]
		if !ok {
			c.add(Change{Area: AreaProjects, ID: p.ID, Name: p.Title, Op: Added})
			continue
		}
		if norm(o.Title) != norm(p.Title) {
			c.add(Change{Area: AreaProjects, ID: p.ID, Name: p.Title, Op: Renamed, Old: o.Title, New: p.Title})
		}
		c.num(AreaProjects, p.ID, p.Title, "budget", budgetTotal(o), budgetTotal(p))
		if os, ns := sourcesDiff(o, p); os != ns {
			c.add(Change{Area: AreaProjects, ID: p.ID, Name: p.Title, Op: Changed, Field: "sources", Old: os, New: ns})
		}
		c.str(AreaProjects, p.ID, p.Title, "leader", leader(o.Leader), leader(p.Leader))
		c.str(AreaProjects, p.ID, p.Title, "partners", partners(o), partners(p))
		c.str(AreaProjects, p.ID, p.Title, "status", o.Status, p.Status)
		os, oe := dates(o)
		ns, ne := dates(p)
		c.str(AreaProjects, p.ID, p.Title, "start", os, ns)
		c.str(AreaProjects, p.ID, p.Title, "end", oe, ne)
	}
	for _, p := range sortedProjects(old.Projects) {
		if !seen[p.ID] {
			c.add(Change{Area: AreaProjects, ID: p.ID, Name: p.Title, Op: Removed})
		}
	}
}

func sortedProjects(ps []*model.Project) []*model.Project {
	var out []*model.Project
	for _, p := range ps {
		if p != nil && p.ID != "" {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b *model.Project) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

func budgetTotal(p *model.Project) float64 {
	if p.Budget == nil {
		return 0
	}
	return p.Budget.Total
}

// sourcesDiff lists the funding sources whose amount differs between two
// versions of a project ("budzet_jst 5450000; kpo 1000000" against
// "budzet_jst 5950000"), each side holding only what it has of them.
func sourcesDiff(o, n *model.Project) (old, new string) {
	om, order := sourceAmounts(o, nil)
	nm, order := sourceAmounts(n, order)
	var os, ns []string
	for _, id := range order {
		ov, oin := om[id]
		nv, nin := nm[id]
		if oin && nin && ov == nv {
			continue
		}
		if oin {
			os = append(os, id+" "+fnum(ov))
		}
		if nin {
			ns = append(ns, id+" "+fnum(nv))
		}
	}
	return strings.Join(os, "; "), strings.Join(ns, "; ")
}

// sourceAmounts sums a project's budget by source, appending sources not
// yet in order.
func sourceAmounts(p *model.Project, order []string) (map[string]float64, []string) {
	m := map[string]float64{}
	if p.Budget == nil {
		return m, order
	}
	for _, s := range p.Budget.Sources {
		if s == nil {
			continue
		}
		if _, ok := m[s.Source.ID]; !ok && !slices.Contains(order, s.Source.ID) {
			order = append(order, s.Source.ID)
		}
		m[s.Source.ID] += s.Amount
	}
	return m, order
}

func leader(l model.ProjectLeader) string {
	if l.Member.ID != "" {
		return l.Member.ID
	}
	if l.External != nil {
		return l.External.Name
	}
	return ""
}

// partners lists the partners' TERYT codes or names, in order.
func partners(p *model.Project) string {
	var parts []string
	for _, pp := range p.Partners {
		if pp == nil {
			continue
		}
		if pp.Member.ID != "" {
			parts = append(parts, pp.Member.ID)
		} else if pp.External != nil {
			parts = append(parts, pp.External.Name)
		}
	}
	return strings.Join(parts, ", ")
}

func dates(p *model.Project) (start, end string) {
	if p.Timeline == nil {
		return "", ""
	}
	return p.Timeline.Start, p.Timeline.End
}

func (c *cmpr) finance(old, new *model.Strategy) {
	of, nf := old.Finance, new.Finance
	c.num(AreaFinance, "total", "", "total", of.Total, nf.Total)
	type amt struct {
		key string
		v   float64
	}
	cmpAmounts := func(prefix string, o, n []amt) {
		om := map[string]float64{}
		var order []string
		for _, a := range o {
			if _, ok := om[a.key]; !ok {
				order = append(order, a.key)
			}
			om[a.key] += a.v
		}
		nm := map[string]float64{}
		for _, a := range n {
			if _, ok := nm[a.key]; !ok {
				if _, inOld := om[a.key]; !inOld {
					order = append(order, a.key)
				}
			}
			nm[a.key] += a.v
		}
		// keys new in n follow the old ones, in their own order
		for _, k := range order {
			ov, oin := om[k]
			nv, nin := nm[k]
			id := prefix + " " + k
			switch {
			case oin && !nin:
				z := 0.0
				d := -ov
				c.add(Change{Area: AreaFinance, ID: id, Op: Removed, Field: "amount", Old: fnum(ov), OldValue: &ov, NewValue: &z, Diff: &d})
			case !oin && nin:
				z := 0.0
				d := nv
				c.add(Change{Area: AreaFinance, ID: id, Op: Added, Field: "amount", New: fnum(nv), OldValue: &z, NewValue: &nv, Diff: &d})
			default:
				c.num(AreaFinance, id, "", "amount", ov, nv)
			}
		}
	}
	byGoal := func(f model.FinancialFramework) (out []amt) {
		for _, a := range f.ByGoal {
			if a != nil {
				out = append(out, amt{a.Goal.ID, a.Amount})
			}
		}
		return
	}
	bySource := func(f model.FinancialFramework) (out []amt) {
		for _, a := range f.BySource {
			if a != nil {
				out = append(out, amt{a.Source.ID, a.Amount})
			}
		}
		return
	}
	byYear := func(f model.FinancialFramework) (out []amt) {
		for _, a := range f.ByYear {
			if a != nil {
				out = append(out, amt{strconv.Itoa(a.Year), a.Amount})
			}
		}
		return
	}
	cmpAmounts("goal", byGoal(of), byGoal(nf))
	cmpAmounts("source", bySource(of), bySource(nf))
	cmpAmounts("year", byYear(of), byYear(nf))
}
