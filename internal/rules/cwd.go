package rules

import (
	"math"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// CWD and OSI rules (§6.7).
func init() {
	register(&Rule{ID: "CWD-01", Severity: diag.Error, Title: "a small powiat town (MMP) core is a powiat seat of at most 20 000",
		Legal:   "KSRR 2030 (OSI: małe miasta powiatowe)",
		Explain: "With osi_types containing mmp, partnership.core_towns names the town(s) the functional area is built around: each is a gmina miejska (T=1) or the town part (T=4) of a gmina miejsko-wiejska, is_powiat_seat: true on its member, and has at most 20 000 inhabitants (the member's population, or the pop_total value of the town part, in the reference year).",
		Check:   checkMMP})
	register(&Rule{ID: "CWD-02", Severity: diag.Warning, Title: "a medium town losing functions (MSTF) is on the delimitation list",
		Legal:   "SOR 2017 / KSRR 2030 (IGiPZ PAN delimitation 2016, update 2019)",
		Explain: "With osi_types containing mstf, each core town is a medium town (over 20 000 inhabitants, or 15 000–20 000 if a powiat seat) on the list of miasta średnie tracące funkcje społeczno-gospodarcze. strategia ships no copy of the list (none was found as a data file); supply it as data/mstf.csv in the partnership or workspace folder: one TERC code a line in the first column (the gmina miejska, or the town part T=4), optional header and '#' comments. Without it the rule checks the population only and says once that the list was not checked.",
		Check:   checkMSTF})
	register(&Rule{ID: "CWD-03", Severity: diag.Warning, Title: "an OZTM partnership's gminy are rural and flagged as OZTM",
		Legal:   "KSRR 2030 (OSI: obszary zagrożone trwałą marginalizacją)",
		Explain: "With osi_types containing oztm, most member gminy are wiejskie or miejsko-wiejskie (T=2 or 3) and the gminy of the delimitation carry oztm in osi_flags. strategia ships no copy of the KSRR 2030 delimitation; supply it as data/oztm.csv in the partnership or workspace folder (one TERC gmina code a line in the first column, optional header and '#' comments) to check each flag against it. Without it the rule checks the types and flags only and says once that the list was not checked.",
		Check:   checkOZTM})
	register(&Rule{ID: "CWD-04", Severity: diag.Warning, Title: "a project is partnership-wide (partnerski)",
		Explain: "A CWD project reaches beyond one gmina: its scope_teryt names at least two members, or it has a leader and at least one partner that is a member local government.",
		Check:   checkPartnerProject})
	register(&Rule{ID: "CWD-05", Severity: diag.Warning, Title: "a project is integrated (zintegrowany)",
		Explain: "A CWD project addresses several problems, potentials or user groups: integration.integrated_character_md says how, and the project links to at least two directions or goals, or to goals in at least two dimensions, or to related_projects.",
		Check:   checkIntegratedProject})
	register(&Rule{ID: "CWD-06", Severity: diag.Error, Title: "the partnership's population is the sum of its gminy for one year",
		Explain: "The partnership's population is Σ of the member gminy's populations for the same year. A powiat's population is not added: it overlaps its gminy. Give every member gmina's population for the same year, and state the partnership value of pop_total as that sum. A total is printed only when every member gmina has a value: when some lack the population (or area_km2) the rule warns, naming them, and the documents print \"brak danych dla: …\" instead of a partial sum.",
		Check:   checkPopulation})
	register(&Rule{ID: "CWD-07", Severity: diag.Warning, Title: "a partnership across voivodeships names its supporting region and has every region's opinion",
		Legal:   "art. 10g ust. 5–6 usg",
		Explain: "When members lie in more than one voivodeship, supported_in_voivodeship names the region that supports or assesses the partnership, and the board of each voivodeship gives its opinion (participation.voivodeship_opinion; see PRO-04).",
		Check:   checkCrossRegion})
	register(&Rule{ID: "CWD-08", Severity: diag.Warning, Title: "key projects have a readiness stage and an external source",
		Explain: "A key project of the package (priority: key) records readiness.stage and counts on at least one source beyond the members' and private budgets (an EU or national programme).",
		Check:   checkKeyProjects})
	register(&Rule{ID: "CWD-09", Severity: diag.Error, Title: "the package has at least one key project",
		Explain: "A CWD partnership's package of projects has at least one key project (priority: key): the partnerski, zintegrowany project the strategy is built around and for which the CWD prepares a pre-feasibility analysis and an outline of the funding application. Mark at least one project of projects/ with priority: key (dropped projects do not count).",
		Check:   checkHasKeyProject})
}

func checkHasKeyProject(c *Context) {
	for _, p := range c.S.Projects {
		if p.Priority == "key" && p.Counted() {
			return
		}
	}
	if len(c.S.Projects) == 0 {
		c.Report(c.ppos("id"), "the partnership has no project: add projects/P01.yaml with priority: key")
		return
	}
	p := c.S.Projects[0]
	c.Report(c.or(p.At("priority"), p.File), "no project of the package is a key project: mark at least one with priority: key")
}

// memberList names members by name and code: "Kolno (2006032), Grabowo (2006022)".
func (c *Context) memberList(codes []string) string {
	var out []string
	for _, code := range codes {
		if m := c.X.Members[code]; m != nil && m.Name != "" {
			out = append(out, m.Name+" ("+code+")")
		} else {
			out = append(out, code)
		}
	}
	return strings.Join(out, ", ")
}

func (c *Context) hasOSI(t string) bool { return slices.Contains(c.S.Partnership.OSITypes, t) }

// townPopulation returns the population of a core town: the member's, or
// the pop_total value of the unit in the reference year (or the latest).
func (c *Context) townPopulation(code string) (float64, int, bool) {
	if m := c.X.Members[code]; m != nil && m.Population != nil {
		return m.Population.Value, m.Population.Year, true
	}
	in := c.X.Indicators["pop_total"]
	if in == nil {
		return 0, 0, false
	}
	var best *model.Value
	for _, v := range in.Values {
		if v.Unit.ID == code && v.Value != nil && (best == nil || v.Year == c.S.Diagnosis.ReferenceYear || best.Year != c.S.Diagnosis.ReferenceYear && v.Year > best.Year) {
			best = v
		}
	}
	if best == nil {
		return 0, 0, false
	}
	return *best.Value, best.Year, true
}

// seatMember returns the member that holds a core town (the town itself or its type-3 gmina).
func (c *Context) seatMember(code string) *model.Member {
	if m := c.X.Members[code]; m != nil {
		return m
	}
	if len(code) == 7 && code[6] == '4' {
		return c.X.Members[code[:6]+"3"]
	}
	return nil
}

func checkMMP(c *Context) {
	if !c.hasOSI("mmp") {
		return
	}
	pt := &c.S.Partnership
	if len(pt.CoreTowns) == 0 {
		c.Report(c.ppos("osi_types"), "osi_types includes mmp but core_towns names no town: give the small powiat town(s) the area is built around")
		return
	}
	max := float64(refdata.TheLaw().MMPMaxPopulation)
	for _, t := range pt.CoreTowns {
		id := t.ID
		if len(id) != 7 || id[6] != '1' && id[6] != '4' {
			c.Report(t.Pos, "core town %s is not a town: give a gmina miejska (T=1) or the town part (T=4) of a gmina miejsko-wiejska", id)
			continue
		}
		if m := c.seatMember(id); m == nil || !m.IsPowiatSeat {
			c.Report(t.Pos, "core town %s of a small powiat town (mmp) area is not marked is_powiat_seat: true on its member", id)
		}
		if pop, y, ok := c.townPopulation(id); ok && pop > max {
			c.Report(t.Pos, "core town %s has %s inhabitants (%d), more than the %s of a small powiat town (mmp)", id, num(pop), y, num(max))
		}
	}
}

func checkMSTF(c *Context) {
	if !c.hasOSI("mstf") {
		return
	}
	for _, t := range c.S.Partnership.CoreTowns {
		pop, y, ok := c.townPopulation(t.ID)
		seat := false
		if m := c.seatMember(t.ID); m != nil {
			seat = m.IsPowiatSeat
		}
		if ok && !(pop > 20000 || seat && pop >= 15000) {
			c.Report(t.Pos, "core town %s has %s inhabitants (%d): a medium town has over 20 000, or 15 000–20 000 if a powiat seat", t.ID, num(pop), y)
		}
		if c.D.MSTF != nil && !c.D.MSTF[t.ID] {
			c.Report(t.Pos, "core town %s is not on the list of medium towns losing functions (%s)", t.ID, c.D.Files[refdata.MSTFFile])
		}
	}
	if c.D.MSTF == nil {
		c.notice(c.ppos("osi_types"), refdata.MSTFFile, "core towns against the list of medium towns losing functions", "copy of that list")
	}
}

func checkOZTM(c *Context) {
	if !c.hasOSI("oztm") {
		return
	}
	gs := c.memberGminy()
	rural, flagged := 0, 0
	for _, m := range gs {
		if t := m.Teryt.ID[6]; t == '2' || t == '3' {
			rural++
		}
		if slices.Contains(m.OSIFlags, "oztm") {
			flagged++
		}
	}
	if len(gs) > 0 && rural*2 <= len(gs) {
		c.Report(c.ppos("osi_types"), "osi_types includes oztm, but only %d of %d member gminy are wiejskie or miejsko-wiejskie", rural, len(gs))
	}
	if len(gs) > 0 && flagged == 0 {
		c.Report(c.ppos("osi_types"), "osi_types includes oztm, but no member gmina carries oztm in osi_flags")
	}
	if c.D.OZTM == nil {
		c.notice(c.ppos("osi_types"), refdata.OZTMFile, "OZTM flags against the KSRR 2030 delimitation", "copy of the delimitation")
		return
	}
	for _, m := range gs {
		on, fl := c.D.OZTM[m.Teryt.ID], slices.Contains(m.OSIFlags, "oztm")
		switch {
		case fl && !on:
			c.Report(m.At("osi_flags"), "member %s is flagged oztm but is not on the OZTM list (%s)", m.Teryt.ID, c.D.Files[refdata.OZTMFile])
		case on && !fl:
			c.Report(m.Teryt.Pos, "member %s is on the OZTM list (%s) but not flagged oztm in osi_flags", m.Teryt.ID, c.D.Files[refdata.OZTMFile])
		}
	}
}

func checkPartnerProject(c *Context) {
	for _, p := range c.S.Projects {
		if !p.Counted() {
			continue
		}
		inScope := 0
		for _, r := range p.ScopeTeryt {
			if _, ok := c.X.Members[r.ID]; ok {
				inScope++
			}
		}
		jstPartner := slices.ContainsFunc(p.Partners, func(pt *model.ProjectPartner) bool {
			_, ok := c.X.Members[pt.Member.ID]
			return pt.External == nil && ok
		})
		if inScope < 2 && !jstPartner {
			c.Report(c.or(p.At("scope_teryt"), p.File), "project %s is not partnership-wide: its scope_teryt names %s and it has no member partner (CWD: projekt partnerski)", p.ID, plural(inScope, "member", "members"))
		}
	}
}

func checkIntegratedProject(c *Context) {
	for _, p := range c.S.Projects {
		if !p.Counted() {
			continue
		}
		in := p.Integration
		if in == nil || in.IntegratedCharacter.Empty() {
			c.Report(c.or(p.At("integration"), p.File), "project %s does not say how it is integrated: add integration.integrated_character_md (CWD: projekt zintegrowany)", p.ID)
			continue
		}
		refs := map[string]bool{}
		dims := map[string]bool{}
		for _, l := range p.Links.Goals {
			refs[l.Ref.ID] = true
			if d := c.X.Directions[l.Ref.ID]; d != nil {
				for _, x := range d.Dimensions {
					dims[x] = true
				}
			}
			if g := c.X.Goals[l.Ref.ID]; g != nil { // a direction does not inherit its goal's dimensions
				for _, x := range g.Dimensions {
					dims[x] = true
				}
			}
		}
		if len(refs) < 2 && len(dims) < 2 && len(in.RelatedProjects) == 0 {
			c.Report(in.At("integrated_character_md"), "project %s links to one direction in one dimension and to no related project: an integrated project addresses several (CWD: projekt zintegrowany)", p.ID)
		}
	}
}

func checkPopulation(c *Context) {
	pop := c.F.Population
	if len(c.F.Gminy) == 0 {
		return
	}
	if missing := c.F.AreaMissing; len(missing) > 0 && len(missing) < len(c.F.Gminy) {
		c.Warn(c.ppos("members"), "no area_km2 for %s: the partnership's area is not summed from some of its gminy (the documents say \"brak danych dla: …\")", c.memberList(missing))
	}
	if pop.Year == 0 {
		c.Warn(c.ppos("members"), "no member gmina has a population: the partnership's population is not given (the documents say \"brak danych\"); add population: {value, year, source} to each member gmina")
		return
	}
	var noValue []string
	for _, code := range pop.Missing {
		m := c.X.Members[code]
		if m.Population != nil && m.Population.Year != 0 {
			c.Report(m.Population.At("year"), "population of member %s is for %d, the other gminy's for %d: the partnership's population sums one year", code, m.Population.Year, pop.Year)
		} else {
			noValue = append(noValue, code)
		}
	}
	if len(noValue) > 0 {
		c.Warn(c.ppos("members"), "no population for %s: the partnership's population in %d is not the sum of all its gminy, so it is not given (the documents say \"brak danych dla: …\")", c.memberList(noValue), pop.Year)
	}
	if !pop.Complete() {
		return
	}
	in := c.X.Indicators["pop_total"]
	f := c.F.Indicator("pop_total")
	if in == nil || f == nil {
		return
	}
	y := f.Year(pop.Year)
	if y == nil || y.Explicit == nil {
		return
	}
	e := *y.Explicit
	if math.Abs(e-pop.Value) <= math.Max(0.5, pop.Value*0.005) {
		return
	}
	pos := in.At("id")
	for _, v := range in.Values {
		if v.Unit.ID == "partnership" && v.Year == pop.Year {
			pos = v.At("value")
		}
	}
	powiaty := 0.0
	for _, m := range c.memberPowiaty() {
		if m.Population != nil && m.Population.Year == pop.Year {
			powiaty += m.Population.Value
		}
	}
	msg := "the partnership's population %s in %d is not the sum of the member gminy's populations, %s"
	if powiaty > 0 && math.Abs(e-(pop.Value+powiaty)) <= math.Max(0.5, e*0.005) {
		msg += ": the powiat's population was added, but it overlaps its gminy"
	}
	c.Report(pos, msg, num(e), pop.Year, num(pop.Value)).With(c.ppos("members"), "member populations are given here")
}

func checkCrossRegion(c *Context) {
	vs := c.memberVoivodeships()
	if len(vs) < 2 {
		return
	}
	pt := &c.S.Partnership
	if pt.SupportedInVoivodeship == "" {
		c.Report(c.ppos("members"), "members lie in %s: name the supporting region in supported_in_voivodeship", strings.Join(vs, " and "))
	}
	for _, v := range vs {
		if !slices.ContainsFunc(c.S.Participation.VoivodeshipOpinion, func(o *model.VoivodeshipOpinion) bool { return o.Voivodeship == v }) {
			c.Report(c.or(c.S.Participation.At("voivodeship_opinion"), "implementation.yaml"), "the partnership spans voivodeships %s, but there is no opinion of the board of voivodeship %s (%s)", strings.Join(vs, ", "), v, refdata.VoivodeshipName(v))
		}
	}
}

func checkKeyProjects(c *Context) {
	for _, p := range c.S.Projects {
		if p.Priority != "key" || !p.Counted() {
			continue
		}
		if p.Readiness == nil || p.Readiness.Stage == "" {
			c.Report(c.or(p.At("priority"), p.File), "key project %s has no readiness.stage", p.ID)
		}
		external := false
		if p.Budget != nil {
			for _, s := range p.Budget.Sources {
				if prog := programme(s.Source.ID); prog != nil && prog.Kind != "local" && prog.Kind != "private" {
					external = true
				}
			}
		}
		if !external {
			c.Report(c.or(p.At("budget"), p.File), "key project %s counts on no external source (an EU or national programme) in budget.sources", p.ID)
		}
	}
}
