package compose

import "github.com/strategia-pl/strategia/internal/plfmt"

// The data of the chapter finanse (strategy/chapters/finanse.tmpl): the
// financial framework and the funding of the projects, as amounts
// formatted in the framework's currency and shares; the template decides
// the words, the tables and their order.

// financeView is the financial framework.
type financeView struct {
	Total, TotalMln string      // the estimated total ("" when not given) and the same in millions
	Period          *periodView // the framework's period (nil when not given)
	ByGoal          *amountTable
	BySource        *amountTable
	ByYear          *amountTable
	Projects        *projectFunding
	Assumptions     string // prose (block token)
}

// amountTable is amounts by goal, source or year with their sum.
type amountTable struct {
	Rows          []amountRow
	Sum, SumShare string
}

// amountRow is a row of an amountTable: Name (a goal's is a link, an
// inline token), or Year; the amount and its share of the sum.
type amountRow struct {
	Name          string
	Year          int
	Amount, Share string
}

// projectFunding is the sources × goals matrix of the projects' funding.
type projectFunding struct {
	Goals      []string // the strategic goals' IDs (the columns)
	Rows       []fundingRow
	GoalTotals []string
	Total      string
	Unlinked   string // the funding of projects without a settled primary link, "" when none
}

type fundingRow struct {
	Source string
	Cells  []string // by goal; "–" for none
	Total  string
}

// Finance is the financial framework, nil when the content has none and
// no project is funded.
func (v *strategyView) Finance() *financeView {
	c := v.c
	ff, fw := c.f.Finance, c.s.Finance
	if ff.Total == 0 && len(ff.ByGoal) == 0 && len(ff.BySource) == 0 && len(ff.ByYear) == 0 && c.f.ProjectTotal == 0 {
		return nil
	}
	out := &financeView{Assumptions: c.blockTok(c.markdown(&fw.Assumptions, 2)...)}
	if ff.Total > 0 {
		out.Total, out.TotalMln = c.money(ff.Total), plfmt.MoneyMln(ff.Total)
	}
	if fw.Period != nil && fw.Period.From != 0 {
		out.Period = &periodView{fw.Period.From, fw.Period.To}
	}
	table := func(sum float64) *amountTable {
		return &amountTable{Sum: c.money(sum), SumShare: plfmt.Share(sum, sum)}
	}
	if len(ff.ByGoal) > 0 {
		out.ByGoal = table(ff.SumGoal)
		for _, a := range ff.ByGoal {
			name := c.inlineTok(raw(a.Key))
			if g := c.x.Goals[a.Key]; g != nil {
				name = c.inlineTok(c.link(anchorGoal(a.Key), raw(a.Key+". "), tx(g.Title))...)
			}
			out.ByGoal.Rows = append(out.ByGoal.Rows, amountRow{Name: name, Amount: c.money(a.Amount), Share: plfmt.Share(a.Amount, ff.SumGoal)})
		}
	}
	if len(ff.BySource) > 0 {
		out.BySource = table(ff.SumSource)
		for _, a := range ff.BySource {
			out.BySource.Rows = append(out.BySource.Rows, amountRow{Name: sourceName(a.Key), Amount: c.money(a.Amount), Share: plfmt.Share(a.Amount, ff.SumSource)})
		}
	}
	if len(ff.ByYear) > 0 {
		out.ByYear = table(ff.SumYear)
		for _, y := range ff.ByYear {
			out.ByYear.Rows = append(out.ByYear.Rows, amountRow{Year: y.Year, Amount: c.money(y.Amount), Share: plfmt.Share(y.Amount, ff.SumYear)})
		}
	}
	if m := c.f.ProjectMatrix; len(m.Rows) > 0 && len(m.Cols) > 0 && c.f.ProjectTotal > 0 {
		pf := &projectFunding{Goals: m.Rows, Total: c.money(c.f.ProjectTotal)}
		for j, src := range m.Cols {
			r := fundingRow{Source: sourceName(src), Total: c.money(c.f.ProjectBySource[j].Amount)}
			for i := range m.Rows {
				r.Cells = append(r.Cells, c.moneyOrDash(m.Cells[i][j]))
			}
			pf.Rows = append(pf.Rows, r)
		}
		for _, g := range c.f.ProjectByGoal {
			pf.GoalTotals = append(pf.GoalTotals, c.money(g.Amount))
		}
		if c.f.ProjectUnlinked > 0 {
			pf.Unlinked = c.money(c.f.ProjectUnlinked)
		}
		out.Projects = pf
	}
	return out
}

func (c *composer) moneyOrDash(v float64) string {
	if v == 0 {
		return plfmt.Dash
	}
	return c.money(v)
}
