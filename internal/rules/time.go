package rules

import (
	"math"
	"regexp"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
)

// Indicator and time rules (§6.5).
func init() {
	register(&Rule{ID: "TIM-01", Severity: diag.Error, Title: "the target year is after the baseline year",
		Explain: "Every indicator with a baseline and a target (goals, results, project result indicators) reaches its target after the baseline: target.year > baseline.year.",
		Check:   checkTargetAfterBaseline})
	register(&Rule{ID: "TIM-02", Severity: diag.Error, Title: "baselines are not later than adoption, nor stale",
		Explain: "A baseline describes the situation the strategy starts from: its year is not after the year of adoption (error) and not more than 3 years before it (warning: refresh the data). Checked once an adoption date is recorded.",
		Check:   checkBaselineYear})
	register(&Rule{ID: "TIM-03", Severity: diag.Warning, Title: "targets lie within the strategy period",
		Explain: "A target year should fall within partnership.period (from–to); a target beyond the horizon cannot be monitored within the strategy.",
		Check:   checkTargetInPeriod})
	register(&Rule{ID: "TIM-04", Severity: diag.Error, Title: "project timelines are consistent and within the strategy period",
		Explain: "A project's timeline.start is not after its end; every stage lies within the project's timeline; and the project lies within partnership.period.",
		Check:   checkTimelines})
	register(&Rule{ID: "TIM-05", Severity: diag.Warning, Title: "EU 2021–2027 projects end by the end of eligibility",
		Legal:   "art. 63 ust. 2 rozporządzenia (UE) 2021/1060 (CPR)",
		Explain: "Expenditure of the 2021–2027 programmes is eligible until 31 December 2029 (the date is data: templates/refdata/law.yaml and the registry's eligible_until). A project funded from such a source should end by then.",
		Check:   checkEligibilityEnd})
	register(&Rule{ID: "TIM-06", Severity: diag.Warning, Title: "targets move in the direction of the indicator's polarity",
		Explain: "With polarity: up (stymulanta) the target should be at least the baseline; with polarity: down (destymulanta) at most the baseline. Otherwise explain why in the indicator target's note (e.g. a slower decline of population counts as success).",
		Check:   checkPolarity})
	register(&Rule{ID: "TIM-07", Severity: diag.Error, Title: "values are plausible for their unit",
		Explain: "Percent values lie in 0–100 (changes — indicators named zmiana, dynamika, saldo, przyrost — may be negative), per-mille values within ±1000, counts (unit osoby, szt., podmioty …) are non-negative whole numbers, and a missing value (value: null) carries a GUS flag: \"-\" (zjawisko nie wystąpiło), \".\" (brak informacji), \"x\" (wypełnienie niemożliwe) or \"0\".",
		Check:   checkPlausibleValues})
	register(&Rule{ID: "TIM-08", Severity: diag.Warning, Title: "partnership values agree with the member values",
		Explain: "The partnership value of a sum indicator equals the sum of the member gminy's values for the same year (tolerance 0.5%; a powiat is not added, it overlaps its gminy). A ratio indicator's partnership value is recomputed from its numerator and denominator (sums over members; scale from aggregation.scale or the unit: % ×100, ‰ ×1000, \"na 10 tys.\" ×10 000), not averaged. A weighted_mean uses the weight indicator. Checked when every member gmina has a value.",
		Check:   checkAggregates})
	register(&Rule{ID: "TIM-09", Severity: diag.Warning, Title: "diagnosis indicators cover all members for the reference year",
		Explain: "An indicator a diagnosis chapter uses has a value, or a value: null with a GUS flag, for every member gmina in diagnosis.reference_year. Indicators given only for the partnership (e.g. survey results) are exempt.",
		Check:   checkCoverage})
	register(&Rule{ID: "TIM-10", Severity: diag.Warning, Title: "output and result indicators are shaped as such",
		Explain: "An output indicator (wskaźnik produktu) counts what the project delivers: a target, no baseline (or 0). A result indicator (wskaźnik rezultatu) has both a baseline and a target. Codes of the common EU indicators are RCO nn / RCR nn (e.g. \"RCO 74\"); other codes are programme-specific, in capitals.",
		Check:   checkIndicatorShapes})
}

// targets calls fn for every indicator target of the goal tree.
func (c *Context) targets(fn func(it *model.IndicatorTarget, owner string)) {
	for _, g := range c.S.StrategicGoals {
		for _, it := range g.Indicators {
			fn(it, g.ID)
		}
		for _, og := range g.OperationalGoals {
			for _, it := range og.Indicators {
				fn(it, og.ID)
			}
		}
		for _, d := range g.AllDirections() {
			for _, r := range d.Results {
				for _, it := range r.Indicators {
					fn(it, r.ID)
				}
			}
		}
	}
}

// pairs calls fn for every baseline/target pair, goal tree and projects.
func (c *Context) pairs(fn func(b, t *model.YearValue, ind model.Ref, owner, note string)) {
	c.targets(func(it *model.IndicatorTarget, owner string) {
		fn(it.Baseline, it.Target, it.Indicator, owner, it.Note)
	})
	for _, p := range c.S.Projects {
		if p.Indicators == nil {
			continue
		}
		for _, r := range p.Indicators.Result {
			fn(r.Baseline, r.Target, r.Indicator, p.ID, "")
		}
	}
}

func checkTargetAfterBaseline(c *Context) {
	c.pairs(func(b, t *model.YearValue, ind model.Ref, owner, _ string) {
		if b != nil && t != nil && b.Year != 0 && t.Year != 0 && t.Year <= b.Year {
			c.Report(t.At("year"), "target year %d of %s is not after its baseline year %d", t.Year, owner, b.Year).With(b.At("year"), "baseline here")
		}
	})
}

func checkBaselineYear(c *Context) {
	ads := c.adoptions()
	if len(ads) == 0 {
		return
	}
	y := ads[0].t.Year()
	c.pairs(func(b, _ *model.YearValue, ind model.Ref, owner, _ string) {
		switch {
		case b == nil || b.Year == 0:
		case b.Year > y:
			c.Report(b.At("year"), "baseline year %d of %s is after the adoption in %d: a baseline describes the starting point", b.Year, owner, y).With(ads[0].pos, "adopted here")
		case b.Year < y-3:
			c.Warn(b.At("year"), "baseline year %d of %s is more than 3 years before the adoption in %d: refresh the data", b.Year, owner, y)
		}
	})
}

func checkTargetInPeriod(c *Context) {
	per := c.S.Partnership.Period
	if per.From == 0 || per.To == 0 {
		return
	}
	c.pairs(func(_, t *model.YearValue, ind model.Ref, owner, _ string) {
		if t != nil && t.Year != 0 && (t.Year < per.From || t.Year > per.To) {
			c.Report(t.At("year"), "target year %d of %s lies outside the strategy period %d–%d", t.Year, owner, per.From, per.To)
		}
	})
}

func checkTimelines(c *Context) {
	per := c.S.Partnership.Period
	for _, p := range c.S.Projects {
		tl := p.Timeline
		if tl == nil {
			continue
		}
		s, ok1 := date(tl.Start, false)
		e, ok2 := date(tl.End, true)
		if ok1 && ok2 && e.Before(s) {
			c.Report(tl.At("end"), "project %s ends (%s) before it starts (%s)", p.ID, tl.End, tl.Start)
		}
		for _, st := range tl.Stages {
			ss, okS := date(st.Start, false)
			se, okE := date(st.End, true)
			if okS && okE && se.Before(ss) {
				c.Report(st.At("end"), "stage %q of project %s ends before it starts", st.Name, p.ID)
			}
			if okS && ok1 && ss.Before(s) || okE && ok2 && se.After(e) {
				c.Report(st.Pos, "stage %q (%s – %s) lies outside the timeline of project %s (%s – %s)", st.Name, st.Start, st.End, p.ID, tl.Start, tl.End)
			}
		}
		if per.From != 0 && ok1 && s.Year() < per.From {
			c.Report(tl.At("start"), "project %s starts in %d, before the strategy period %d–%d", p.ID, s.Year(), per.From, per.To)
		}
		if per.To != 0 && ok2 && e.Year() > per.To {
			c.Report(tl.At("end"), "project %s ends in %d, after the strategy period %d–%d", p.ID, e.Year(), per.From, per.To)
		}
	}
}

func checkEligibilityEnd(c *Context) {
	for _, p := range c.S.Projects {
		if p.Timeline == nil || p.Budget == nil {
			continue
		}
		end, ok := date(p.Timeline.End, true)
		if !ok {
			continue
		}
		for _, s := range p.Budget.Sources {
			prog := programme(s.Source.ID)
			if prog == nil || prog.EligibleUntil == "" {
				continue
			}
			limit, ok := date(prog.EligibleUntil, true)
			if ok && end.After(limit) {
				c.Report(p.Timeline.At("end"), "project %s ends %s, after the end of eligibility of %s on %s", p.ID, p.Timeline.End, prog.ID, prog.EligibleUntil).
					With(s.Source.Pos, "funded from %s here", prog.ID)
				break
			}
		}
	}
}

func checkPolarity(c *Context) {
	c.targets(func(it *model.IndicatorTarget, owner string) {
		in := c.X.Indicators[it.Indicator.ID]
		if in == nil || it.Baseline == nil || it.Target == nil || it.Note != "" || it.Target.Note != "" {
			return
		}
		b, t := it.Baseline.Value, it.Target.Value
		switch {
		case in.Polarity == "up" && t < b:
			c.Report(it.Target.At("value"), "target %s of %s (%s) is below the baseline %s, but the indicator's polarity is up: explain in note", num(t), in.ID, owner, num(b))
		case in.Polarity == "down" && t > b:
			c.Report(it.Target.At("value"), "target %s of %s (%s) is above the baseline %s, but the indicator's polarity is down: explain in note", num(t), in.ID, owner, num(b))
		}
	})
}

var countUnits = map[string]bool{"osoby": true, "os.": true, "szt.": true, "sztuki": true, "podmioty": true, "liczba": true, "obiekty": true, "mieszkania": true}

func isChange(in *model.Indicator) bool {
	n := strings.ToLower(in.Name + " " + in.ID)
	for _, w := range []string{"zmiana", "dynamika", "saldo", "przyrost", "wzrost", "spadek", "change", "increase", "migration"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func (c *Context) plausible(in *model.Indicator, v float64, pos diag.Pos, what string) {
	u := strings.TrimSpace(in.Unit)
	switch {
	case u == "%" && v > 100 && !isChange(in):
		c.Report(pos, "%s %s of %s exceeds 100%%", what, num(v), in.ID)
	case u == "%" && v < 0 && !isChange(in):
		c.Report(pos, "%s %s of %s is a negative percentage", what, num(v), in.ID)
	case u == "%" && v < -100:
		c.Report(pos, "%s %s of %s is below −100%%", what, num(v), in.ID)
	case u == "‰" && math.Abs(v) > 1000:
		c.Report(pos, "%s %s of %s is outside ±1000‰", what, num(v), in.ID)
	case countUnits[strings.ToLower(u)] && (v < 0 || v != math.Trunc(v)):
		c.Report(pos, "%s %s of %s is not a non-negative whole number of %s", what, num(v), in.ID, u)
	}
}

func checkPlausibleValues(c *Context) {
	for _, in := range c.S.Indicators {
		for _, v := range in.Values {
			if v.Value == nil {
				if strings.TrimSpace(v.Flag) == "" {
					c.Report(v.At("value"), "value of %s for %s in %d is null without a GUS flag: give flag \"-\", \".\", \"x\" or \"0\"", in.ID, v.Unit.ID, v.Year)
				}
				continue
			}
			c.plausible(in, *v.Value, v.At("value"), "value")
		}
	}
	c.targets(func(it *model.IndicatorTarget, owner string) {
		in := c.X.Indicators[it.Indicator.ID]
		if in == nil {
			return
		}
		if it.Baseline != nil {
			c.plausible(in, it.Baseline.Value, it.Baseline.At("value"), "baseline")
		}
		if it.Target != nil {
			c.plausible(in, it.Target.Value, it.Target.At("value"), "target")
		}
	})
}

func checkAggregates(c *Context) {
	for _, f := range c.F.Indicators {
		in := c.X.Indicators[f.ID]
		if in == nil || in.Aggregation == nil || f.Method == "none" || f.Method == "" {
			continue
		}
		for _, y := range f.Years {
			if y.Explicit == nil || y.Computed == nil || !y.Complete {
				continue
			}
			e, got := *y.Explicit, *y.Computed
			tol := math.Max(math.Abs(got)*0.005, 0.5*math.Pow(10, -float64(decimals(in))))
			if math.Abs(e-got) <= tol {
				continue
			}
			pos := in.At("id")
			for _, v := range in.Values {
				if v.Unit.ID == "partnership" && v.Year == y.Year {
					pos = v.At("value")
					break
				}
			}
			switch f.Method {
			case "sum":
				c.Report(pos, "the partnership value %s of %s in %d differs from the sum of the member gminy's values %s", num(e), in.ID, y.Year, num(round(got, decimals(in))))
			case "ratio":
				msg := "the partnership value %s of %s in %d differs from %s recomputed from %s / %s (× %s)"
				if mean, ok := c.memberMean(in, y.Year); ok && math.Abs(e-mean) <= tol {
					msg += "; it looks like an average of member values, which a ratio is not"
				}
				c.Report(pos, msg, num(e), in.ID, y.Year, num(round(got, decimals(in))), in.Aggregation.Numerator.ID, in.Aggregation.Denominator.ID, num(model.UnitScale(in)))
			default:
				c.Report(pos, "the partnership value %s of %s in %d differs from the weighted mean %s (weight %s)", num(e), in.ID, y.Year, num(round(got, decimals(in))), in.Aggregation.Weight.ID)
			}
		}
	}
}

func decimals(in *model.Indicator) int {
	if in.Decimals != nil {
		return *in.Decimals
	}
	return 1
}

func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

func (c *Context) memberMean(in *model.Indicator, year int) (float64, bool) {
	sum, n := 0.0, 0
	for _, v := range in.Values {
		if v.Year == year && v.Value != nil && model.IsGminaCode(v.Unit.ID) {
			if _, ok := c.X.Members[v.Unit.ID]; ok {
				sum += *v.Value
				n++
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

func checkCoverage(c *Context) {
	ry := c.S.Diagnosis.ReferenceYear
	if ry == 0 {
		return
	}
	seen := map[string]bool{}
	for _, ch := range c.S.Diagnosis.Chapters {
		for _, r := range ch.Indicators {
			in := c.X.Indicators[r.ID]
			if in == nil || seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			has := map[string]bool{}
			anyMember := false
			for _, v := range in.Values {
				if _, ok := c.X.Members[v.Unit.ID]; ok && model.IsGminaCode(v.Unit.ID) {
					anyMember = true
					if v.Year == ry {
						has[v.Unit.ID] = true
					}
				}
			}
			if !anyMember {
				continue
			}
			var missing []string
			for _, g := range c.F.Gminy {
				if !has[g] {
					missing = append(missing, g)
				}
			}
			if len(missing) > 0 {
				c.Report(in.At("values"), "indicator %s, used by diagnosis chapter %s, has no value for %s in the reference year %d: add the values or value: null with a GUS flag", in.ID, ch.ID, strings.Join(missing, ", "), ry).
					With(r.Pos, "used here")
			}
		}
	}
}

var rcCodeRE = regexp.MustCompile(`^RC[OR] ?\d{2,3}$`)
var progCodeRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*([ ._/-]?[A-Z0-9]+)*$`)

func (c *Context) checkCode(code string, pos diag.Pos) {
	if code == "" {
		return
	}
	if strings.HasPrefix(strings.ToUpper(code), "RC") {
		if !rcCodeRE.MatchString(code) {
			c.Report(pos, "indicator code %q does not match the common EU indicators' form RCO nn / RCR nn (e.g. \"RCO 74\")", code)
		}
		return
	}
	if !progCodeRE.MatchString(code) {
		c.Report(pos, "indicator code %q is neither an RCO/RCR code nor a programme code in capitals", code)
	}
}

func checkIndicatorShapes(c *Context) {
	for _, in := range c.S.Indicators {
		c.checkCode(in.Code, in.At("code"))
	}
	c.targets(func(it *model.IndicatorTarget, owner string) {
		in := c.X.Indicators[it.Indicator.ID]
		if in == nil {
			return
		}
		switch in.Kind {
		case "output":
			if it.Baseline != nil && it.Baseline.Value != 0 {
				c.Report(it.Baseline.At("value"), "output indicator %s (%s) has a non-zero baseline: an output indicator counts what is delivered, from 0", in.ID, owner)
			}
		case "result":
			if it.Baseline == nil || it.Target == nil {
				c.Report(it.At("indicator"), "result indicator %s (%s) needs both a baseline and a target", in.ID, owner)
			}
		}
	})
	for _, p := range c.S.Projects {
		if p.Indicators == nil {
			continue
		}
		for _, o := range p.Indicators.Output {
			c.checkCode(o.Code, o.At("code"))
			if o.Baseline != nil && *o.Baseline != 0 {
				c.Report(o.At("baseline"), "output indicator %q of project %s has a non-zero baseline", cmpOr(o.Name, o.Code), p.ID)
			}
		}
		for _, r := range p.Indicators.Result {
			c.checkCode(r.Code, r.At("code"))
			if r.Baseline == nil || r.Target == nil {
				c.Report(r.Pos, "result indicator %q of project %s needs both a baseline and a target", cmpOr(r.Name, r.Code), p.ID)
			}
		}
	}
}
