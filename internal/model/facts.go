package model

import (
	"cmp"
	"slices"
	"strings"
)

// Facts are the figures derived from a Strategy: totals, sums and
// aggregates that the rules check and the documents print. Derive computes
// them once after loading; renderers read them and never recompute, so a
// table and the rule that checked it cannot disagree.
//
// Every list is ordered (document order, or ascending years/IDs where the
// document gives no order), so output built from Facts is deterministic.
type Facts struct {
	// Gminy are the member gminy (TERC types 1–3, including miasta na
	// prawach powiatu) in member order; powiaty are not gminy. Population
	// and area are summed over these only: a powiat overlaps its gminy.
	Gminy      []string
	Population Population
	// AreaKm2 is Σ area_km2 of the member gminy; AreaMissing lists gminy
	// without an area.
	AreaKm2     float64
	AreaMissing []string

	Finance FinanceFacts

	// ProjectTotal is Σ budget.total of the counted projects (every
	// project except status: dropped); ProjectByGoal and ProjectBySource
	// split it by strategic goal (through the primary link) and by source.
	ProjectTotal    float64
	ProjectByGoal   []Amount // every strategic goal in document order, zero included
	ProjectUnlinked float64  // budget of projects whose primary link does not resolve
	ProjectBySource []Amount // sources in order of first appearance
	// ProjectMatrix is the goals × sources matrix of project funding:
	// Rows are ProjectByGoal's goals, Cols are ProjectBySource's sources.
	ProjectMatrix Matrix

	// Coherence lists, for each strategic goal in document order, the
	// projects that contribute to it (goals × projects matrix).
	Coherence []GoalProjects

	// Indicators holds, per catalogue indicator in document order, the
	// partnership value per year: computed from member values by the
	// indicator's aggregation method, next to any explicit value.
	Indicators []IndicatorFacts
}

// Population is the partnership's population: Σ member-gmina populations
// for one year.
type Population struct {
	Value float64
	Year  int // the year most member gminy report (the latest on a tie); 0 when none does
	// Counted are the gminy whose population for Year was summed; Missing
	// the gminy without a population for Year (absent or another year).
	Counted []string
	Missing []string
}

// Complete reports whether every member gmina's population for Year was summed.
func (p Population) Complete() bool { return p.Year != 0 && len(p.Missing) == 0 }

// Amount is an amount under a key (a goal ID, a source ID).
type Amount struct {
	Key    string
	Amount float64
}

// YearSum is an amount in a year.
type YearSum struct {
	Year   int
	Amount float64
}

// FinanceFacts are the financial framework's totals as given and summed.
type FinanceFacts struct {
	Total     float64 // as given
	ByGoal    []Amount
	BySource  []Amount
	ByYear    []YearSum
	SumGoal   float64 // Σ ByGoal
	SumSource float64 // Σ BySource
	SumYear   float64 // Σ ByYear
}

// Matrix is a table of amounts: Cells[i][j] is the amount for Rows[i] and Cols[j].
type Matrix struct {
	Rows, Cols []string
	Cells      [][]float64
}

// At returns the cell for row r and column c (0 when absent).
func (m Matrix) At(r, c string) float64 {
	i, j := slices.Index(m.Rows, r), slices.Index(m.Cols, c)
	if i < 0 || j < 0 {
		return 0
	}
	return m.Cells[i][j]
}

// GoalProjects lists the projects contributing to one strategic goal.
type GoalProjects struct {
	Goal     string
	Projects []ProjectContribution // in project order
}

// ProjectContribution is a project's link to a goal. Primary is true when
// the project's primary link resolves to this goal.
type ProjectContribution struct {
	Project string
	Primary bool
}

// IndicatorFacts are an indicator's partnership values.
type IndicatorFacts struct {
	ID     string
	Method string // sum | ratio | weighted_mean | none ("" when no aggregation is given)
	Years  []IndicatorYear
}

// Year returns the values for year, or nil.
func (f *IndicatorFacts) Year(year int) *IndicatorYear {
	for i := range f.Years {
		if f.Years[i].Year == year {
			return &f.Years[i]
		}
	}
	return nil
}

// IndicatorYear is an indicator's partnership value in one year.
type IndicatorYear struct {
	Year int
	// Computed is the value aggregated from member values (nil for
	// method none or when no member value exists); Complete is true when
	// every member gmina contributed.
	Computed *float64
	Complete bool
	// Explicit is the value given for unit "partnership", if any.
	Explicit *float64
	// Missing lists the member gminy without a value for the year when
	// the value is computed from some of them only.
	Missing []string
}

// Value returns the explicit partnership value, else the computed one
// when every member gmina contributed to it: a partial sum is never the
// partnership's value (nil: "brak danych dla: …", see Missing).
func (y IndicatorYear) Value() *float64 {
	if y.Explicit != nil || y.Complete {
		return cmp.Or(y.Explicit, y.Computed)
	}
	return nil
}

// IsGminaCode reports whether code is a 7-digit TERC code of a gmina (type 1–3).
func IsGminaCode(code string) bool {
	return len(code) == 7 && code[6] >= '1' && code[6] <= '3' && strings.Trim(code, "0123456789") == ""
}

// Derive computes the facts of s, resolving references through x.
func Derive(s *Strategy, x *Index) *Facts {
	f := &Facts{}
	for _, m := range s.Partnership.Members {
		if IsGminaCode(m.Teryt.ID) && !slices.Contains(f.Gminy, m.Teryt.ID) {
			f.Gminy = append(f.Gminy, m.Teryt.ID)
		}
	}
	f.derivePopulation(s, x)
	f.deriveFinance(s)
	f.deriveProjects(s, x)
	f.deriveIndicators(s, x)
	return f
}

func (f *Facts) derivePopulation(s *Strategy, x *Index) {
	count := map[int]int{}
	for _, g := range f.Gminy {
		m := x.Members[g]
		if m.Population != nil && m.Population.Year != 0 {
			count[m.Population.Year]++
		}
		if m.AreaKm2 > 0 {
			f.AreaKm2 += m.AreaKm2
		} else {
			f.AreaMissing = append(f.AreaMissing, g)
		}
	}
	for y, n := range count {
		if n > count[f.Population.Year] || n == count[f.Population.Year] && y > f.Population.Year {
			f.Population.Year = y
		}
	}
	for _, g := range f.Gminy {
		m := x.Members[g]
		if f.Population.Year != 0 && m.Population != nil && m.Population.Year == f.Population.Year {
			f.Population.Value += m.Population.Value
			f.Population.Counted = append(f.Population.Counted, g)
		} else {
			f.Population.Missing = append(f.Population.Missing, g)
		}
	}
}

func (f *Facts) deriveFinance(s *Strategy) {
	ff := &s.Finance
	f.Finance.Total = ff.Total
	for _, g := range ff.ByGoal {
		f.Finance.ByGoal = append(f.Finance.ByGoal, Amount{g.Goal.ID, g.Amount})
		f.Finance.SumGoal += g.Amount
	}
	for _, src := range ff.BySource {
		f.Finance.BySource = append(f.Finance.BySource, Amount{src.Source.ID, src.Amount})
		f.Finance.SumSource += src.Amount
	}
	for _, y := range ff.ByYear {
		f.Finance.ByYear = append(f.Finance.ByYear, YearSum{y.Year, y.Amount})
		f.Finance.SumYear += y.Amount
	}
}

// GoalOf returns the strategic goal an ID of the goal tree belongs to: the
// goal itself, an operational goal's goal or a direction's goal; nil when
// the ID is not defined.
func (x *Index) GoalOf(id string) *StrategicGoal {
	if g, ok := x.Goals[id]; ok {
		return g
	}
	if g, ok := x.OpGoalGoal[id]; ok {
		return g
	}
	return x.DirectionGoal[id]
}

// PrimaryLink returns the project's first link with contribution: primary, or nil.
func (p *Project) PrimaryLink() *GoalLink {
	for _, l := range p.Links.Goals {
		if l.Contribution == "primary" {
			return l
		}
	}
	return nil
}

// Counted reports whether a project counts in the package's totals (every
// status except dropped).
func (p *Project) Counted() bool { return p.Status != "dropped" }

func (f *Facts) deriveProjects(s *Strategy, x *Index) {
	for _, g := range s.StrategicGoals {
		if g.ID == "" || slices.ContainsFunc(f.ProjectByGoal, func(a Amount) bool { return a.Key == g.ID }) {
			continue
		}
		f.ProjectByGoal = append(f.ProjectByGoal, Amount{Key: g.ID})
		f.Coherence = append(f.Coherence, GoalProjects{Goal: g.ID})
	}
	goalIdx := func(id string) int {
		return slices.IndexFunc(f.ProjectByGoal, func(a Amount) bool { return a.Key == id })
	}
	srcIdx := func(id string) int {
		i := slices.IndexFunc(f.ProjectBySource, func(a Amount) bool { return a.Key == id })
		if i < 0 {
			f.ProjectBySource = append(f.ProjectBySource, Amount{Key: id})
			i = len(f.ProjectBySource) - 1
		}
		return i
	}
	type cell struct{ g, s int }
	cells := map[cell]float64{}
	for _, p := range s.Projects {
		// Coherence: every project, counted or not, in project order.
		primaryGoal := ""
		if l := p.PrimaryLink(); l != nil {
			if g := x.GoalOf(l.Ref.ID); g != nil {
				primaryGoal = g.ID
			}
		}
		for _, l := range p.Links.Goals {
			g := x.GoalOf(l.Ref.ID)
			if g == nil {
				continue
			}
			i := goalIdx(g.ID)
			if i < 0 {
				continue
			}
			ps := &f.Coherence[i].Projects
			if j := slices.IndexFunc(*ps, func(c ProjectContribution) bool { return c.Project == p.ID }); j >= 0 {
				(*ps)[j].Primary = (*ps)[j].Primary || g.ID == primaryGoal
				continue
			}
			*ps = append(*ps, ProjectContribution{Project: p.ID, Primary: g.ID == primaryGoal})
		}
		if !p.Counted() || p.Budget == nil {
			continue
		}
		f.ProjectTotal += p.Budget.Total
		gi := goalIdx(primaryGoal)
		if primaryGoal == "" || gi < 0 {
			f.ProjectUnlinked += p.Budget.Total
		} else {
			f.ProjectByGoal[gi].Amount += p.Budget.Total
		}
		for _, src := range p.Budget.Sources {
			si := srcIdx(src.Source.ID)
			f.ProjectBySource[si].Amount += src.Amount
			if gi >= 0 && primaryGoal != "" {
				cells[cell{gi, si}] += src.Amount
			}
		}
	}
	m := Matrix{}
	for _, a := range f.ProjectByGoal {
		m.Rows = append(m.Rows, a.Key)
	}
	for _, a := range f.ProjectBySource {
		m.Cols = append(m.Cols, a.Key)
	}
	m.Cells = make([][]float64, len(m.Rows))
	for i := range m.Cells {
		m.Cells[i] = make([]float64, len(m.Cols))
		for j := range m.Cells[i] {
			m.Cells[i][j] = cells[cell{i, j}]
		}
	}
	f.ProjectMatrix = m
}

// UnitScale is the multiplier of a ratio indicator: Aggregation.Scale when
// given, else inferred from the unit ("%" → 100, "‰" or "na 1000" → 1000,
// "na 10 tys." → 10 000, "na 100 …" → 100), else 1.
func UnitScale(in *Indicator) float64 {
	if in.Aggregation != nil && in.Aggregation.Scale > 0 {
		return in.Aggregation.Scale
	}
	u := strings.ToLower(strings.ReplaceAll(in.Unit+" "+in.Name, "\u00a0", " "))
	switch {
	case strings.TrimSpace(in.Unit) == "%":
		return 100
	case strings.Contains(u, "‰"), strings.Contains(u, "na 1000 "), strings.Contains(u, "na 1 000 "), strings.Contains(u, "na 1 tys"):
		return 1000
	case strings.Contains(u, "na 10 tys"), strings.Contains(u, "na 10000 "), strings.Contains(u, "na 10 000 "):
		return 10000
	case strings.Contains(u, "na 100 tys"):
		return 100000
	case strings.Contains(u, "na 100 "):
		return 100
	}
	return 1
}

// memberValues returns an indicator's values of the member gminy by year, then unit.
func memberValues(in *Indicator, gminy []string) map[int]map[string]float64 {
	out := map[int]map[string]float64{}
	for _, v := range in.Values {
		if v.Value == nil || !slices.Contains(gminy, v.Unit.ID) {
			continue
		}
		if out[v.Year] == nil {
			out[v.Year] = map[string]float64{}
		}
		if _, dup := out[v.Year][v.Unit.ID]; !dup {
			out[v.Year][v.Unit.ID] = *v.Value
		}
	}
	return out
}

func (f *Facts) deriveIndicators(s *Strategy, x *Index) {
	for _, in := range s.Indicators {
		if in.ID == "" {
			continue
		}
		inf := IndicatorFacts{ID: in.ID}
		if in.Aggregation != nil {
			inf.Method = in.Aggregation.Method
		}
		years := map[int]*IndicatorYear{}
		at := func(y int) *IndicatorYear {
			if years[y] == nil {
				years[y] = &IndicatorYear{Year: y}
			}
			return years[y]
		}
		for _, v := range in.Values {
			if v.Unit.ID == "partnership" && v.Value != nil && at(v.Year).Explicit == nil {
				val := *v.Value
				at(v.Year).Explicit = &val
			}
		}
		own := memberValues(in, f.Gminy)
		n := len(f.Gminy)
		switch inf.Method {
		case "sum":
			for y, vs := range own {
				sum := 0.0
				for _, g := range f.Gminy {
					sum += vs[g]
				}
				iy := at(y)
				iy.Computed, iy.Complete = &sum, len(vs) == n
				iy.Missing = missingOf(f.Gminy, func(g string) bool { _, ok := vs[g]; return ok })
			}
		case "ratio":
			num, den := x.Indicators[in.Aggregation.Numerator.ID], x.Indicators[in.Aggregation.Denominator.ID]
			if num == nil || den == nil {
				break
			}
			nv, dv := memberValues(num, f.Gminy), memberValues(den, f.Gminy)
			scale := UnitScale(in)
			for y, ns := range nv {
				ds := dv[y]
				var sn, sd float64
				k := 0
				for _, g := range f.Gminy {
					a, okA := ns[g]
					b, okB := ds[g]
					if okA && okB {
						sn, sd, k = sn+a, sd+b, k+1
					}
				}
				if k == 0 || sd == 0 {
					continue
				}
				r := sn / sd * scale
				iy := at(y)
				iy.Computed, iy.Complete = &r, k == n
				iy.Missing = missingOf(f.Gminy, func(g string) bool { _, a := ns[g]; _, b := ds[g]; return a && b })
			}
		case "weighted_mean":
			w := x.Indicators[in.Aggregation.Weight.ID]
			if w == nil {
				break
			}
			wv := memberValues(w, f.Gminy)
			for y, vs := range own {
				var sw, swv float64
				k := 0
				for _, g := range f.Gminy {
					v, okV := vs[g]
					wt, okW := wv[y][g]
					if okV && okW {
						sw, swv, k = sw+wt, swv+wt*v, k+1
					}
				}
				if k == 0 || sw == 0 {
					continue
				}
				r := swv / sw
				iy := at(y)
				iy.Computed, iy.Complete = &r, k == n
				iy.Missing = missingOf(f.Gminy, func(g string) bool { _, a := vs[g]; _, b := wv[y][g]; return a && b })
			}
		}
		for _, y := range slicesSortedKeys(years) {
			inf.Years = append(inf.Years, *years[y])
		}
		f.Indicators = append(f.Indicators, inf)
	}
}

// Indicator returns the facts of the indicator id, or nil.
func (f *Facts) Indicator(id string) *IndicatorFacts {
	for i := range f.Indicators {
		if f.Indicators[i].ID == id {
			return &f.Indicators[i]
		}
	}
	return nil
}

func slicesSortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// missingOf lists the gminy for which has is false.
func missingOf(gminy []string, has func(string) bool) []string {
	var out []string
	for _, g := range gminy {
		if !has(g) {
			out = append(out, g)
		}
	}
	return out
}
