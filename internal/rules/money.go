package rules

import (
	"math"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
)

// Money rules (§6.6). Amounts are compared with a tolerance of 1 PLN.
func init() {
	register(&Rule{ID: "FIN-01", Severity: diag.Error, Title: "project sources add up to the total",
		Explain: "Σ budget.sources[].amount equals budget.total (tolerance 1 PLN); shares given as share_pct add up to 100 (± 0.1).",
		Check:   checkSourcesSum})
	register(&Rule{ID: "FIN-02", Severity: diag.Error, Title: "eligible ≤ total, no negative amounts, one currency",
		Explain: "budget.eligible (wydatki kwalifikowalne) is at most budget.total; no amount is negative; every budget uses the framework's currency (PLN), unless it gives fx_rate and fx_date for the conversion.",
		Check:   checkAmounts})
	register(&Rule{ID: "FIN-03", Severity: diag.Warning, Title: "EU co-financing within the programme's maximum",
		Legal:   "art. 112 rozporządzenia (UE) 2021/1060 (CPR)",
		Explain: "The share of a project's eligible expenditure (or total, when eligible is not given) financed from one source is at most the maximum co-financing rate the registry gives for it (templates/refdata/programmes.yaml: 85% for less developed regions, 70% for transition regions, 80% Interreg …). The registry's rates are upper bounds; the call's rules decide.",
		Check:   checkCofinancing})
	register(&Rule{ID: "FIN-04", Severity: diag.Error, Title: "by_year and by_partner add up to the total, years within the timeline",
		Explain: "When a project budget gives by_year or by_partner, each adds up to budget.total (tolerance 1 PLN), and every by_year year lies within the project's timeline.",
		Check:   checkBudgetSplits})
	register(&Rule{ID: "FIN-05", Severity: diag.Error, Title: "budget shares belong to the leader or partners; co-financing partners contribute",
		Explain: "by_partner names only the project's leader or partners; a partner declared as co-financing (role mentioning współfinansowanie or wkład, or contribution_pln) has a contribution above zero (contribution_pln or its by_partner share).",
		Check:   checkPartnerShares})
	register(&Rule{ID: "FIN-06", Severity: diag.Error, Title: "the framework's splits add up to its total",
		Legal:   "art. 10e ust. 3 pkt 9 usg",
		Explain: "In finance.yaml Σ by_goal = total = Σ by_source, and Σ by_year = total when by_year is given (tolerance 1 PLN).",
		Check:   checkFramework})
	register(&Rule{ID: "FIN-07", Severity: diag.Warning, Title: "accepted key projects fit within the framework",
		Explain: "The sum of the totals of accepted key projects (priority: key, status accepted or later) does not exceed the framework's total, nor, per strategic goal, the goal's by_goal amount (a project counts toward the goal of its primary link).",
		Check:   checkProjectsWithinFramework})
	register(&Rule{ID: "FIN-08", Severity: diag.Warning, Title: "project sources appear in the framework",
		Explain: "Each source a project counts on also appears in the framework's by_source, so the framework shows every source of financing (art. 10e ust. 3 pkt 9 usg).",
		Check:   checkSourcesInFramework})
}

const tolPLN = 1.0

func checkSourcesSum(c *Context) {
	for _, p := range c.S.Projects {
		b := p.Budget
		if b == nil || len(b.Sources) == 0 {
			continue
		}
		sum, pct, anyPct := 0.0, 0.0, false
		for _, s := range b.Sources {
			sum += s.Amount
			if s.SharePct != nil {
				pct += *s.SharePct
				anyPct = true
			}
		}
		if math.Abs(sum-b.Total) > tolPLN {
			c.Report(b.At("total"), "the sources of project %s add up to %s, the total is %s (difference %s)", p.ID, pln(sum), pln(b.Total), pln(sum-b.Total))
		}
		if anyPct && math.Abs(pct-100) > 0.1 {
			c.Report(b.At("sources"), "the shares of the sources of project %s add up to %s%%, not 100%%", p.ID, num(round(pct, 2)))
		}
	}
}

func checkAmounts(c *Context) {
	cur := c.S.Finance.Currency
	if cur == "" {
		cur = "PLN"
	}
	neg := func(v float64, pos diag.Pos, what string) {
		if v < 0 {
			c.Report(pos, "%s is negative (%s)", what, num(v))
		}
	}
	for _, p := range c.S.Projects {
		b := p.Budget
		if b == nil {
			continue
		}
		neg(b.Total, b.At("total"), "the total of project "+p.ID)
		if b.Eligible != nil {
			neg(*b.Eligible, b.At("eligible"), "the eligible expenditure of project "+p.ID)
			if *b.Eligible > b.Total+tolPLN {
				c.Report(b.At("eligible"), "the eligible expenditure of project %s (%s) exceeds its total (%s)", p.ID, pln(*b.Eligible), pln(b.Total))
			}
		}
		for _, s := range b.Sources {
			neg(s.Amount, s.At("amount"), "an amount of project "+p.ID)
		}
		for _, y := range b.ByYear {
			neg(y.Amount, y.At("amount"), "an amount of project "+p.ID)
		}
		for _, m := range b.ByPartner {
			neg(m.Amount, m.At("amount"), "an amount of project "+p.ID)
		}
		if b.Currency != "" && b.Currency != cur && (b.FXRate == nil || b.FXDate == "") {
			c.Report(b.At("currency"), "project %s is budgeted in %s, the framework in %s: give fx_rate and fx_date for the conversion", p.ID, b.Currency, cur)
		}
	}
	for _, g := range c.S.Finance.ByGoal {
		neg(g.Amount, g.At("amount"), "a framework amount")
	}
	for _, s := range c.S.Finance.BySource {
		neg(s.Amount, s.At("amount"), "a framework amount")
	}
	for _, y := range c.S.Finance.ByYear {
		neg(y.Amount, y.At("amount"), "a framework amount")
	}
}

func checkCofinancing(c *Context) {
	for _, p := range c.S.Projects {
		b := p.Budget
		if b == nil {
			continue
		}
		base := b.Total
		if b.Eligible != nil && *b.Eligible > 0 {
			base = *b.Eligible
		}
		if base <= 0 {
			continue
		}
		for _, s := range b.Sources {
			prog := programme(s.Source.ID)
			if prog == nil || !prog.IsEU() || prog.MaxCofinancing == 0 {
				continue
			}
			if share := s.Amount / base * 100; share > prog.MaxCofinancing+0.005 {
				c.Report(s.At("amount"), "%s finances %s%% of the eligible expenditure of project %s, above its maximum of %s%%", prog.ID, num(round(share, 2)), p.ID, num(prog.MaxCofinancing))
			}
		}
	}
}

func checkBudgetSplits(c *Context) {
	for _, p := range c.S.Projects {
		b := p.Budget
		if b == nil {
			continue
		}
		if len(b.ByYear) > 0 {
			sum := 0.0
			for _, y := range b.ByYear {
				sum += y.Amount
			}
			if math.Abs(sum-b.Total) > tolPLN {
				c.Report(b.At("by_year"), "by_year of project %s adds up to %s, the total is %s", p.ID, pln(sum), pln(b.Total))
			}
			if tl := p.Timeline; tl != nil {
				s, ok1 := date(tl.Start, false)
				e, ok2 := date(tl.End, true)
				for _, y := range b.ByYear {
					if ok1 && y.Year < s.Year() || ok2 && y.Year > e.Year() {
						c.Report(y.At("year"), "year %d of project %s lies outside its timeline (%s – %s)", y.Year, p.ID, tl.Start, tl.End)
					}
				}
			}
		}
		if len(b.ByPartner) > 0 {
			sum := 0.0
			for _, m := range b.ByPartner {
				sum += m.Amount
			}
			if math.Abs(sum-b.Total) > tolPLN {
				c.Report(b.At("by_partner"), "by_partner of project %s adds up to %s, the total is %s", p.ID, pln(sum), pln(b.Total))
			}
		}
	}
}

func checkPartnerShares(c *Context) {
	for _, p := range c.S.Projects {
		inProject := map[string]bool{}
		if p.Leader.External == nil {
			inProject[p.Leader.Member.ID] = true
		}
		for _, pt := range p.Partners {
			if pt.External == nil {
				inProject[pt.Member.ID] = true
			}
		}
		share := map[string]float64{}
		if p.Budget != nil {
			for _, m := range p.Budget.ByPartner {
				share[m.Member.ID] += m.Amount
				if m.Member.ID != "" && !inProject[m.Member.ID] {
					c.Report(m.Member.Pos, "by_partner names %s, which is neither the leader nor a partner of project %s", m.Member.ID, p.ID)
				}
			}
		}
		for _, pt := range p.Partners {
			role := strings.ToLower(pt.Role)
			cofin := strings.Contains(role, "współfinans") || strings.Contains(role, "wspolfinans") || strings.Contains(role, "wkład") || pt.Has("contribution_pln")
			if !cofin || pt.ContributionPLN > 0 || share[pt.Member.ID] > 0 {
				continue
			}
			c.Report(pt.At(map[bool]string{true: "contribution_pln", false: "role"}[pt.Has("contribution_pln")]),
				"partner %s of project %s is declared as co-financing but contributes nothing: give contribution_pln or its by_partner share", cmpOr(pt.Member.ID, "(external)"), p.ID)
		}
	}
}

func checkFramework(c *Context) {
	f := &c.S.Finance
	ff := c.F.Finance
	if len(f.ByGoal) > 0 && math.Abs(ff.SumGoal-f.Total) > tolPLN {
		c.Report(f.At("by_goal"), "by_goal adds up to %s, the framework total is %s (difference %s)", pln(ff.SumGoal), pln(f.Total), pln(ff.SumGoal-f.Total)).With(f.At("total"), "total here")
	}
	if len(f.BySource) > 0 && math.Abs(ff.SumSource-f.Total) > tolPLN {
		c.Report(f.At("by_source"), "by_source adds up to %s, the framework total is %s (difference %s)", pln(ff.SumSource), pln(f.Total), pln(ff.SumSource-f.Total)).With(f.At("total"), "total here")
	}
	if len(f.ByYear) > 0 && math.Abs(ff.SumYear-f.Total) > tolPLN {
		c.Report(f.At("by_year"), "by_year adds up to %s, the framework total is %s (difference %s)", pln(ff.SumYear), pln(f.Total), pln(ff.SumYear-f.Total)).With(f.At("total"), "total here")
	}
}

var acceptedStatuses = []string{"accepted", "in_preparation", "submitted", "funded", "completed"}

func checkProjectsWithinFramework(c *Context) {
	f := &c.S.Finance
	if f.Total <= 0 {
		return
	}
	total := 0.0
	byGoal := map[string]float64{}
	for _, p := range c.S.Projects {
		if p.Budget == nil || p.Priority != "key" || !slices.Contains(acceptedStatuses, p.Status) {
			continue
		}
		total += p.Budget.Total
		if l := p.PrimaryLink(); l != nil {
			if g := c.X.GoalOf(l.Ref.ID); g != nil {
				byGoal[g.ID] += p.Budget.Total
			}
		}
	}
	if total > f.Total+tolPLN {
		c.Report(f.At("total"), "accepted key projects cost %s, more than the framework total %s", pln(total), pln(f.Total))
	}
	for _, g := range f.ByGoal {
		if v := byGoal[g.Goal.ID]; v > g.Amount+tolPLN {
			c.Report(g.At("amount"), "accepted key projects of goal %s cost %s, more than its framework amount %s", g.Goal.ID, pln(v), pln(g.Amount))
		}
	}
}

func checkSourcesInFramework(c *Context) {
	in := map[string]bool{}
	for _, s := range c.S.Finance.BySource {
		in[s.Source.ID] = true
	}
	if len(in) == 0 {
		return
	}
	for _, p := range c.S.Projects {
		if p.Budget == nil || !p.Counted() {
			continue
		}
		for _, s := range p.Budget.Sources {
			if s.Source.ID != "" && !in[s.Source.ID] {
				c.Report(s.Source.Pos, "source %s of project %s does not appear in the framework's by_source (finance.yaml)", s.Source.ID, p.ID)
			}
		}
	}
}
