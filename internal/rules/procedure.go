package rules

import (
	"slices"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// The procedure rules (§6.4). The statutory periods come from
// templates/refdata/law.yaml. Rules that require a step to have happened
// apply once the strategy is adopted (status: adopted or an adoption
// recorded); dates that are given are always checked.
func init() {
	register(&Rule{ID: "PRO-01", Severity: diag.Error, Title: "consultations last at least 35 days",
		Legal:   "art. 6 ust. 5 upzpr",
		Explain: "The period for comments is not shorter than 35 days from the announcement of the consultations (participation.consultation: announced, from, to). An adopted strategy records its consultation.",
		Check:   checkConsultationLength})
	register(&Rule{ID: "PRO-02", Severity: diag.Warning, Title: "the consultation report within 30 days",
		Legal:   "art. 6 ust. 6 upzpr",
		Explain: "The report on the course and results of the consultations (sprawozdanie) is prepared and published within 30 days after they end: consultation.report_date ≤ consultation.to + 30 days.",
		Check:   checkConsultationReport})
	register(&Rule{ID: "PRO-03", Severity: diag.Warning, Title: "the consultations involve the statutory parties",
		Legal:   "art. 6 ust. 3 upzpr",
		Explain: "Consultations are held with neighbouring gminy and their associations, local social and economic partners, residents and the director of the regional water management board (RZGW, Wody Polskie). participation.partners_involved lists groups neighbouring_gminy, ngo (social partners), business (economic partners), residents and rzgw.",
		Check:   checkConsultedParties})
	register(&Rule{ID: "PRO-04", Severity: diag.Error, Title: "the voivodeship board's opinion precedes adoption",
		Legal:   "art. 10f ust. 2–3 usg (srg); art. 10g ust. 5–6 usg (srp)",
		Explain: "The draft goes to the zarząd województwa of each voivodeship where members lie for an opinion; the board has 30 days, and no answer counts as consistency. An adopted strategy records participation.voivodeship_opinion for each such voivodeship, and is adopted after the opinion was received or after 30 days from the request.",
		Check:   checkVoivodeshipOpinion})
	register(&Rule{ID: "PRO-05", Severity: diag.Error, Title: "resolution on the procedure, then consultations, then adoption",
		Legal:   "art. 10f ust. 1 usg (srg); art. 10g ust. 4a usg (związek międzygminny, stowarzyszenie); art. 10g ust. 4b usg (porozumienie międzygminne); art. 6 ust. 4 upzpr",
		Explain: "The procedure starts with a resolution on the mode and schedule (participation.procedure_resolution): of the rada gminy for a strategia rozwoju gminy (art. 10f ust. 1 usg), of the organ stanowiący of the związek międzygminny or stowarzyszenie (art. 10g ust. 4a usg), or, for a porozumienie międzygminne, the resolutions of art. 10g ust. 4b usg. Then the draft is announced for consultations, and only then adopted: procedure_resolution.date < consultation.announced < every adoption date.",
		Check:   checkProcedureOrder})
	register(&Rule{ID: "PRO-06", Severity: diag.Warning, Title: "the managing authority's opinion on an IIT/ZIT strategy",
		Legal:   "art. 36 ust. 4 ustawy z 28 IV 2022 (IIT); art. 34 (ZIT)",
		Explain: "Applies to doc_type strategia_iit and strategia_zit. The managing authority gives an opinion on the possibility of financing the strategy within 60 days. A project should not be submitted (status: submitted, funded, completed) before a positive iz_opinion; an opinion received more than 60 days after the request is worth a note.",
		Check:   checkIZOpinion})
	register(&Rule{ID: "PRO-07", Severity: diag.Warning, Title: "every member adopts the strategy",
		Legal:   "art. 10f ust. 4 usg (srg); art. 10g ust. 7 usg (srp)",
		Explain: "Once adopted, each member records its resolution (members[].adoption or participation.adoptions with member), unless the partnership is a związek or stowarzyszenie whose own body adopts it (partnership.adopted_resolution or an adoption without member).",
		Check:   checkMemberAdoptions})
}

func checkConsultationLength(c *Context) {
	co := c.S.Participation.Consultation
	law := refdata.TheLaw()
	if co == nil {
		if c.adopted() {
			c.Report(c.or(c.S.Participation.Pos, "implementation.yaml"), "the strategy is adopted but no consultation is recorded: add participation.consultation (art. 6 upzpr)")
		}
		return
	}
	start, key := co.Announced, "announced"
	if start == "" {
		start, key = co.From, "from"
	}
	a, ok1 := date(start, false)
	b, ok2 := date(co.To, false)
	if !ok1 || !ok2 {
		return
	}
	if n := days(a, b); n < law.ConsultationMinDays {
		c.Report(co.At("to"), "consultations last %d days from %s to %s: at least %d days from the announcement (art. 6 ust. 5 upzpr)", n, start, co.To, law.ConsultationMinDays).
			With(co.At(key), "they start here")
	}
}

func checkConsultationReport(c *Context) {
	co := c.S.Participation.Consultation
	if co == nil {
		return
	}
	law := refdata.TheLaw()
	end, ok := date(co.To, false)
	if !ok {
		return
	}
	if co.ReportDate == "" {
		if c.adopted() {
			c.Report(co.At("to"), "no consultation report date: the report is published within %d days after the consultations (art. 6 ust. 6 upzpr); add report_date", law.ConsultationReportDays)
		}
		return
	}
	r, ok := date(co.ReportDate, false)
	if ok && days(end, r) > law.ConsultationReportDays {
		c.Report(co.At("report_date"), "the consultation report of %s comes %d days after the consultations ended on %s: at most %d days (art. 6 ust. 6 upzpr)", co.ReportDate, days(end, r), co.To, law.ConsultationReportDays)
	}
}

func checkConsultedParties(c *Context) {
	p := &c.S.Participation
	if len(p.PartnersInvolved) == 0 && !c.adopted() {
		return
	}
	have := map[string]bool{}
	for _, g := range p.PartnersInvolved {
		have[g.Group] = true
	}
	for _, need := range []struct{ group, what string }{
		{"neighbouring_gminy", "neighbouring gminy and their associations"},
		{"ngo", "social partners (ngo)"},
		{"business", "economic partners (business)"},
		{"residents", "residents"},
		{"rzgw", "the director of the RZGW (Wody Polskie)"},
	} {
		if !have[need.group] {
			c.Report(c.or(p.At("partners_involved"), "implementation.yaml"), "the consultations do not list %s (group: %s) among partners_involved (art. 6 ust. 3 upzpr)", need.what, need.group)
		}
	}
}

func checkVoivodeshipOpinion(c *Context) {
	ads := c.adoptions()
	ops := c.S.Participation.VoivodeshipOpinion
	law := refdata.TheLaw()
	for _, v := range c.memberVoivodeships() {
		i := slices.IndexFunc(ops, func(o *voivOpinion) bool { return o.Voivodeship == v })
		if i < 0 {
			if len(ads) > 0 {
				c.Report(c.or(c.S.Participation.At("voivodeship_opinion"), "implementation.yaml"), "no opinion of the board of voivodeship %s (%s), where members lie, although the strategy is adopted (%s)", v, refdata.VoivodeshipName(v), c.citeOpinion()).
					With(ads[0].pos, "adopted here")
			}
			continue
		}
		o := ops[i]
		if len(ads) == 0 {
			continue
		}
		first := ads[0]
		if rcv, ok := date(o.Received, false); ok {
			if first.t.Before(rcv) {
				c.Report(first.pos, "adopted on %s, before the opinion of the board of voivodeship %s was received on %s (%s)", fmtDate(first.t), v, o.Received, c.citeOpinion()).
					With(o.At("received"), "received here")
			}
			continue
		}
		req, ok := date(o.Requested, false)
		if !ok {
			c.Report(o.At("voivodeship"), "the opinion of the board of voivodeship %s has neither a received nor a requested date", v)
			continue
		}
		if n := days(req, first.t); n < law.VoivodeshipOpinionDays {
			c.Report(first.pos, "adopted %d days after requesting the opinion of the board of voivodeship %s and before receiving it: wait for the opinion or %d days (%s)", n, v, law.VoivodeshipOpinionDays, c.citeOpinionDays()).
				With(o.At("requested"), "requested here")
		}
	}
}

func checkProcedureOrder(c *Context) {
	p := &c.S.Participation
	ads := c.adoptions()
	if p.ProcedureResolution == nil {
		if len(ads) > 0 {
			c.Report(c.or(p.Pos, "implementation.yaml"), "the strategy is adopted but no resolution on the mode and schedule of its preparation is recorded: add participation.procedure_resolution (%s)", c.citeProcedureResolution())
		}
	}
	var res, ann dated
	if r := p.ProcedureResolution; r != nil {
		res = mkDated(r.Date, r.At("date"))
	}
	if co := p.Consultation; co != nil {
		ann = mkDated(cmpOr(co.Announced, co.From), co.At(map[bool]string{true: "announced", false: "from"}[co.Announced != ""]))
	}
	if res.ok && ann.ok && !res.t.Before(ann.t) {
		c.Report(ann.pos, "consultations announced on %s, not after the resolution on the procedure of %s", fmtDate(ann.t), fmtDate(res.t)).With(res.pos, "resolution here")
	}
	for _, a := range ads {
		switch {
		case ann.ok && !ann.t.Before(a.t):
			c.Report(a.pos, "adopted on %s, not after the consultations were announced on %s (art. 6 upzpr)", fmtDate(a.t), fmtDate(ann.t)).With(ann.pos, "announced here")
		case res.ok && !res.t.Before(a.t):
			c.Report(a.pos, "adopted on %s, not after the resolution on the procedure of %s", fmtDate(a.t), fmtDate(res.t)).With(res.pos, "resolution here")
		}
	}
}

type dated struct {
	t   timeT
	pos diag.Pos
	ok  bool
}

func mkDated(s string, p diag.Pos) dated {
	t, ok := date(s, false)
	return dated{t, p, ok}
}

func checkIZOpinion(c *Context) {
	if !c.docIs(docIIT, docZIT) {
		return
	}
	iz := c.S.Participation.IZOpinion
	law := refdata.TheLaw()
	positive := false
	if iz != nil {
		positive = iz.Result == "positive"
		req, ok1 := date(iz.Requested, false)
		if r, ok2 := date(iz.Received, false); ok1 && ok2 && days(req, r) > law.IZOpinionDays {
			c.Report(iz.At("received"), "the managing authority's opinion came %d days after the request: the statutory period is %d days (art. 36 ust. 4 of the implementation act)", days(req, r), law.IZOpinionDays)
		}
	}
	for _, p := range c.S.Projects {
		if p.Status != "submitted" && p.Status != "funded" && p.Status != "completed" {
			continue
		}
		if !positive {
			c.Report(p.At("status"), "project %s is %s, but no positive opinion of the managing authority on the strategy is recorded (participation.iz_opinion)", p.ID, p.Status)
		}
	}
}

func checkMemberAdoptions(c *Context) {
	if !c.adopted() {
		return
	}
	pt := &c.S.Partnership
	switch pt.LegalForm {
	case "zwiazek_miedzygminny", "zwiazek_powiatowo_gminny", "stowarzyszenie":
		if pt.AdoptedResolution != nil || slices.ContainsFunc(c.S.Participation.Adoptions, func(a *adoptionT) bool { return a.Member.ID == "" }) {
			return
		}
	}
	adopted := map[string]bool{}
	for _, a := range c.S.Participation.Adoptions {
		adopted[a.Member.ID] = true
	}
	for _, m := range pt.Members {
		if m.Adoption == nil && !adopted[m.Teryt.ID] {
			c.Report(m.Teryt.Pos, "member %s (%s) has no adoption resolution recorded, but the strategy is adopted: add adoption to the member or to participation.adoptions (%s)", m.Teryt.ID, m.Name, c.citeAdoption())
		}
	}
}
