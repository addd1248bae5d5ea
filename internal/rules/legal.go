package rules

import (
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// The legal-completeness rules (§6.3). LEG-01…07 apply to development
// strategies (doc_type srg or srp), LEG-08…12 to srp, LEG-13 to EU
// territorial strategies, LEG-14 to IIT.
func init() {
	dev := "applies to doc_type srg and srp. "
	register(&Rule{ID: "LEG-01", Severity: diag.Error, Title: "the strategy contains conclusions of the diagnosis",
		Legal:   "art. 10e ust. 3 usg (wprowadzenie do wyliczenia)",
		Explain: dev + "The strategy \"zawiera wnioski z diagnozy\": diagnosis.conclusions lists them (id W…, dimension, text, evidence).",
		Check:   checkConclusions})
	register(&Rule{ID: "LEG-02", Severity: diag.Error, Title: "strategic goals cover the social, economic and spatial dimensions",
		Legal:   "art. 10e ust. 3 pkt 1 usg",
		Explain: dev + "The strategy sets cele strategiczne \"w wymiarze społecznym, gospodarczym i przestrzennym\": the union of strategic_goals[].dimensions must contain spoleczny, gospodarczy and przestrzenny.",
		Check:   checkDimensions})
	register(&Rule{ID: "LEG-03", Severity: diag.Error, Title: "an expected result in the spatial dimension",
		Legal:   "art. 10e ust. 3 pkt 3 usg",
		Explain: dev + "Expected results are set \"w tym w wymiarze przestrzennym\": at least one result has spatial: true.",
		Check:   checkSpatialResult})
	register(&Rule{ID: "LEG-04", Severity: diag.Error, Title: "the model, the OSI and their graphic part, and spatial-policy recommendations",
		Legal:   "art. 10e ust. 3 pkt 4–7 i ust. 4 usg",
		Explain: dev + "spatial.yaml holds the model struktury funkcjonalno-przestrzennej (model_fsp.description_md) and the ustalenia i rekomendacje for spatial policy (spatial_recommendations, non-empty). The strategy is prepared \"w formie tekstowej oraz graficznej\" showing in particular pkt 4, 6 and 7 (art. 10e ust. 4 usg): the model has at least one map (model_fsp.maps) and every OSI, regional (pkt 6) and local (pkt 7), names its map (map: M…).",
		Check:   checkSpatialModel})
	register(&Rule{ID: "LEG-05", Severity: diag.Error, Title: "regional OSI of every voivodeship strategy concerned, or a statement that there are none",
		Legal:   "art. 10e ust. 3 pkt 6–7 usg",
		Explain: dev + "The strategy lists the obszary strategicznej interwencji set in the voivodeship strategy that concern its area, with the scope of planned actions (osi with origin: regional), or says why there are none (osi_regional_none_statement). A partnership whose members lie in several voivodeships refers to the strategy of each: for every voivodeship with a member there is a regional OSI with a member in it, unless osi_regional_none_statement explains why that strategy sets none. Local OSI are optional (\"jeżeli takie zidentyfikowano\").",
		Check:   checkRegionalOSI})
	register(&Rule{ID: "LEG-06", Severity: diag.Error, Title: "the implementation system is complete",
		Legal:   "art. 10e ust. 3 pkt 8 usg",
		Explain: dev + "implementation.yaml describes the system realizacji: management (bodies), monitoring, evaluation and executive_docs_guidelines (wytyczne do sporządzania dokumentów wykonawczych).",
		Check:   checkImplementation})
	register(&Rule{ID: "LEG-07", Severity: diag.Error, Title: "a financial framework with a total and sources",
		Legal:   "art. 10e ust. 3 pkt 9 usg",
		Explain: dev + "finance.yaml holds the ramy finansowe i źródła finansowania: a total and at least one source in by_source.",
		Check:   checkFrameworkPresent})
	register(&Rule{ID: "LEG-08", Severity: diag.Error, Title: "at least two member gminy",
		Legal:   "art. 10g ust. 1 usg",
		Explain: "Applies to doc_type srp. Art. 10g ust. 1 usg: \"Gminy sąsiadujące, powiązane ze sobą funkcjonalnie, mogą opracować strategię rozwoju ponadlokalnego będącą wspólną strategią rozwoju tych gmin w zakresie ich terytorium.\" The plural (gminy, a joint strategy) needs at least two member gminy; a powiat may take part (ust. 2), but does not count.",
		Check:   checkTwoGminy})
	register(&Rule{ID: "LEG-09", Severity: diag.Error, Title: "a powiat all of whose gminy take part is a member",
		Legal:   "art. 10g ust. 2 pkt 1 usg",
		Explain: "Applies to doc_type srp. If every gmina of a powiat (per the TERC register) takes part, the powiat takes part too: add it to members with its 4-digit code.",
		Check:   checkWholePowiat})
	register(&Rule{ID: "LEG-10", Severity: diag.Error, Title: "a member powiat has at least one member gmina",
		Legal:   "art. 10g ust. 2 pkt 2 usg",
		Explain: "Applies to doc_type srp. A powiat may take part only if at least one of its gminy does.",
		Check:   checkPowiatHasGmina})
	register(&Rule{ID: "LEG-11", Severity: diag.Warning, Title: "a porozumienie międzygminne is led by a gmina",
		Legal:   "art. 74 usg (interpretation)",
		Explain: "Applies to doc_type srp with legal_form: porozumienie_miedzygminne. An agreement under art. 74 usg is concluded between gminy; commentary (wartowiedziec.pl) reads it so that a powiat cannot lead it. Make a member gmina the leader, or choose another legal form.",
		Check:   checkPorozumienieLeader})
	register(&Rule{ID: "LEG-12", Severity: diag.Warning, Title: "members form one contiguous area",
		Legal:   "art. 10g ust. 1 usg (gminy sąsiadujące)",
		Explain: "Members must form one connected neighbourhood graph. strategia ships no adjacency data, so without it the rule only says once that it did not run. To run it, put data/adjacency.csv in the partnership folder (or in the workspace folder above it, shared by all partnerships): one pair of neighbouring TERC codes a line, separated by ';' (e.g. 2006011;2006032), an optional header line and '#' comments. Pairs are symmetric; a powiat counts as adjacent to its own gminy. Derive the pairs from the PRG boundaries (GUGiK) with any GIS tool.",
		Check:   checkContiguity})
	register(&Rule{ID: "LEG-13", Severity: diag.Error, Title: "the elements of an EU territorial strategy are present",
		Legal:   "art. 29 ust. 1 rozporządzenia (UE) 2021/1060 (CPR)",
		Explain: "Applies to doc_type strategia_terytorialna, strategia_zit and strategia_iit. The strategy contains (a) the area (members and a map), (b) an analysis of needs and potential including economic, social and environmental interlinkages (diagnosis chapters or conclusions in the social, economic and spatial dimensions, at least one chapter or conclusion marked environmental: true, and functional_links_md), (c) the integrated approach (integrated_approach_md) and (d) the involvement of partners (participation.partners_involved).",
		Check:   checkCPR29})
	register(&Rule{ID: "LEG-14", Severity: diag.Error, Title: "an IIT strategy lists projects funded from the regional programme",
		Legal:   "art. 36 ust. 5 ustawy z 28 IV 2022 o zasadach realizacji zadań finansowanych ze środków europejskich",
		Explain: "Applies to doc_type strategia_iit. The list of projects is how the partnership takes part in selecting operations: the package is not empty and each project's budget.sources names the regional programme fe_WW_2021_2027 of its voivodeship.",
		Check:   checkIITProjects})
	register(&Rule{ID: "LEG-15", Severity: diag.Warning, Title: "an ex-ante evaluation before adoption",
		Legal:   "art. 10a ust. 2 upzpr (w brzmieniu obowiązującym w dniu przyjęcia)",
		Explain: dev + "A strategy adopted while art. 10a ust. 2 upzpr required an uprzednia ewaluacja (the dates are data: templates/refdata/law.yaml, currently 2022-10-02 to 2025-12-31) records evaluation: {type: ex_ante, done: DATE} with DATE before the first adoption.",
		Check:   checkExAnte})
	register(&Rule{ID: "LEG-16", Severity: diag.Error, Title: "the diagnosis covers the social, economic and spatial situation and functional links",
		Legal:   "art. 10a ust. 1 upzpr",
		Explain: "The diagnosis covers the social, economic and spatial situation, \"z uwzględnieniem obszarów funkcjonalnych\": chapters exist for each dimension (spoleczny, gospodarczy, przestrzenny) and functional_links_md describes the functional links.",
		Check:   checkDiagnosisScope})
	register(&Rule{ID: "LEG-17", Severity: diag.Warning, Title: "a strategic environmental assessment record",
		Legal:   "art. 46–48 ustawy z 3 X 2008 o udostępnianiu informacji o środowisku (ustawa ooś)",
		Explain: "A strategy needs a SOOŚ: a prognoza oddziaływania na środowisko, or a waiver (odstąpienie) agreed with the RDOŚ and the PWIS. Record it in participation.soos: {mode: prognoza} or {mode: waiver, rdos: DATE, pwis: DATE}.",
		Check:   checkSOOS})
}

func (c *Context) goalsPos() diag.Pos {
	if len(c.S.StrategicGoals) > 0 {
		return c.S.StrategicGoals[0].Pos
	}
	return c.or(diag.Pos{}, "goals.yaml")
}

func checkConclusions(c *Context) {
	if c.isDev() && len(c.S.Diagnosis.Conclusions) == 0 {
		c.Report(c.or(c.S.Diagnosis.At("conclusions"), "diagnosis.yaml"), "no conclusions of the diagnosis (wnioski z diagnozy): add diagnosis.conclusions (art. 10e ust. 3 usg)")
	}
}

var dimensionNames = []string{"spoleczny", "gospodarczy", "przestrzenny"}

func checkDimensions(c *Context) {
	if !c.isDev() || len(c.S.StrategicGoals) == 0 {
		return
	}
	have := map[string]bool{}
	for _, g := range c.S.StrategicGoals {
		for _, d := range g.Dimensions {
			have[d] = true
		}
	}
	for _, d := range dimensionNames {
		if !have[d] {
			c.Report(c.goalsPos(), "no strategic goal in the %s dimension: strategic goals cover the social, economic and spatial dimensions (art. 10e ust. 3 pkt 1 usg)", d)
		}
	}
}

func checkSpatialResult(c *Context) {
	if !c.isDev() || len(c.S.StrategicGoals) == 0 {
		return
	}
	for _, d := range c.S.AllDirections() {
		for _, r := range d.Results {
			if r.Spatial {
				return
			}
		}
	}
	c.Report(c.goalsPos(), "no expected result in the spatial dimension: mark at least one result spatial: true (art. 10e ust. 3 pkt 3 usg)")
}

func checkSpatialModel(c *Context) {
	if !c.isDev() {
		return
	}
	m := c.S.Spatial.ModelFSP
	switch {
	case m == nil:
		c.Report(c.or(diag.Pos{}, "spatial.yaml"), "no model struktury funkcjonalno-przestrzennej: add model_fsp with description_md and maps (art. 10e ust. 3 pkt 4 usg)")
	default:
		if m.Description.Empty() {
			c.Report(m.At("description_md"), "the functional-spatial model has no description: add model_fsp.description_md (art. 10e ust. 3 pkt 4 usg)")
		}
		if len(m.Maps) == 0 {
			c.Report(m.At("maps"), "the functional-spatial model has no map: the model is shown in graphic form (art. 10e ust. 4 usg)")
		}
	}
	for _, o := range c.S.Spatial.OSI {
		if o.Map.ID == "" {
			pkt := "7"
			if o.Origin == "regional" {
				pkt = "6"
			}
			c.Report(o.At("id"), "OSI %s has no map: the graphic part of the strategy shows the OSI of art. 10e ust. 3 pkt %s (art. 10e ust. 4 usg); add map: M…", o.ID, pkt)
		}
	}
	if len(c.S.Spatial.Recommendations) == 0 {
		c.Report(c.or(diag.Pos{}, "spatial.yaml"), "no spatial-policy settings and recommendations: add spatial_recommendations (art. 10e ust. 3 pkt 5 usg)")
	}
}

func checkRegionalOSI(c *Context) {
	if !c.isDev() || strings.TrimSpace(c.S.Spatial.OSIRegionalNoneStatement) != "" {
		return
	}
	covered := map[string]bool{}
	for _, o := range c.S.Spatial.OSI {
		if o.Origin != "regional" {
			continue
		}
		for _, m := range o.Members {
			if len(m.ID) >= 2 {
				covered[m.ID[:2]] = true
			}
		}
	}
	if len(covered) == 0 {
		c.Report(c.or(diag.Pos{}, "spatial.yaml"), "no regional OSI and no osi_regional_none_statement: list the voivodeship strategy's OSI that concern the area (art. 10e ust. 3 pkt 6 usg)")
		return
	}
	for _, v := range c.memberVoivodeships() {
		if !covered[v] {
			c.Report(c.or(c.S.Spatial.OSI[0].Pos, "spatial.yaml"), "no regional OSI of the development strategy of voivodeship %s (%s), where members lie: list that strategy's OSI with a member in %s, or explain in osi_regional_none_statement why it sets none for the area (art. 10e ust. 3 pkt 6 usg)", v, refdata.VoivodeshipName(v), refdata.VoivodeshipName(v))
		}
	}
}

func checkImplementation(c *Context) {
	if !c.isDev() {
		return
	}
	im := &c.S.Implementation
	pos := c.or(im.Pos, "implementation.yaml")
	if len(im.Management) == 0 {
		c.Report(pos, "the implementation system names no management body: add implementation.management (art. 10e ust. 3 pkt 8 usg)")
	}
	if im.Monitoring == nil {
		c.Report(pos, "the implementation system has no monitoring: add implementation.monitoring (art. 10e ust. 3 pkt 8 usg)")
	}
	if len(im.Evaluation) == 0 {
		c.Report(pos, "the implementation system has no evaluation: add implementation.evaluation (art. 10e ust. 3 pkt 8 usg)")
	}
	if len(im.ExecutiveDocsGuidelines) == 0 {
		c.Report(pos, "no guidelines for executive documents: add implementation.executive_docs_guidelines (art. 10e ust. 3 pkt 8 usg)")
	}
}

func checkFrameworkPresent(c *Context) {
	if !c.isDev() {
		return
	}
	f := &c.S.Finance
	// A key that is present but decoded empty was reported by the loader.
	if f.Total <= 0 && !f.Has("total") {
		c.Report(c.or(f.At("total"), "finance.yaml"), "the financial framework has no total (art. 10e ust. 3 pkt 9 usg)")
	}
	if len(f.BySource) == 0 && !f.Has("by_source") {
		c.Report(c.or(f.At("by_source"), "finance.yaml"), "the financial framework names no source of financing: add by_source (art. 10e ust. 3 pkt 9 usg)")
	}
}

func checkTwoGminy(c *Context) {
	if c.docIs(docSRP) && len(c.memberGminy()) < 2 && len(c.S.Partnership.Members) > 0 {
		c.Report(c.ppos("members"), "a supra-local strategy needs at least two member gminy, found %d (art. 10g ust. 1 usg)", len(c.memberGminy()))
	}
}

func checkWholePowiat(c *Context) {
	if !c.docIs(docSRP) {
		return
	}
	reg := refdata.TERC()
	seen := map[string]bool{}
	for _, m := range c.memberGminy() {
		pp := m.Teryt.ID[:4]
		if seen[pp] || pp[2:] > "60" {
			continue
		}
		seen[pp] = true
		if _, ok := c.X.Members[pp]; ok {
			continue
		}
		all := reg.GminyOf(pp)
		if len(all) == 0 || slices.ContainsFunc(all, func(u refdata.Unit) bool { _, ok := c.X.Members[u.Code]; return !ok }) {
			continue
		}
		name := pp
		if u, ok := reg.Lookup(pp); ok {
			name = "powiat " + u.Name + " (" + pp + ")"
		}
		c.Report(c.ppos("members"), "all %s of %s are members, so the powiat takes part too: add it to members (art. 10g ust. 2 pkt 1 usg)", plural(len(all), "gmina", "gminy"), name)
	}
}

func checkPowiatHasGmina(c *Context) {
	if !c.docIs(docSRP) {
		return
	}
	for _, p := range c.memberPowiaty() {
		if !slices.ContainsFunc(c.memberGminy(), func(m *model.Member) bool { return strings.HasPrefix(m.Teryt.ID, p.Teryt.ID) }) {
			c.Report(p.Teryt.Pos, "powiat %s has no member gmina: a powiat takes part only with at least one of its gminy (art. 10g ust. 2 pkt 2 usg)", p.Teryt.ID)
		}
	}
}

func checkPorozumienieLeader(c *Context) {
	pt := &c.S.Partnership
	if c.docIs(docSRP) && pt.LegalForm == "porozumienie_miedzygminne" && len(pt.Leader.ID) == 4 {
		c.Report(pt.Leader.Pos, "the leader %s is a powiat, but a porozumienie międzygminne is concluded and led by gminy (art. 74 usg)", pt.Leader.ID)
	}
}

func checkContiguity(c *Context) {
	ms := c.S.Partnership.Members
	if len(ms) < 2 {
		return
	}
	if c.D.Adjacency == nil {
		c.notice(c.ppos("members"), refdata.AdjacencyFile, "contiguity of the members", "gmina adjacency data")
		return
	}
	adj := func(a, b string) bool {
		return c.D.Adjacent(a, b) ||
			len(a) == 4 && strings.HasPrefix(b, a) || len(b) == 4 && strings.HasPrefix(a, b)
	}
	reached := map[string]bool{ms[0].Teryt.ID: true}
	queue := []string{ms[0].Teryt.ID}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, m := range ms {
			if id := m.Teryt.ID; !reached[id] && adj(cur, id) {
				reached[id] = true
				queue = append(queue, id)
			}
		}
	}
	for _, m := range ms {
		if !reached[m.Teryt.ID] {
			c.Report(m.Teryt.Pos, "member %s does not border the area of %s: members form one contiguous area (art. 10g ust. 1 usg); adjacency from %s", m.Teryt.ID, ms[0].Teryt.ID, c.D.Files[refdata.AdjacencyFile])
		}
	}
}

func (c *Context) dimensionsCovered(dims func(yield func(string))) []string {
	have := map[string]bool{}
	dims(func(d string) { have[d] = true })
	var missing []string
	for _, d := range dimensionNames {
		if !have[d] {
			missing = append(missing, d)
		}
	}
	return missing
}

func checkCPR29(c *Context) {
	if !c.docIs(docST, docZIT, docIIT) {
		return
	}
	s := c.S
	if len(s.Partnership.Members) == 0 {
		c.Report(c.ppos("members"), "the geographical area is not given: list the members (art. 29 ust. 1 lit. a CPR)")
	}
	if len(s.Spatial.Maps) == 0 {
		c.Report(c.or(diag.Pos{}, "spatial.yaml"), "no map of the area: add a map to spatial.yaml (art. 29 ust. 1 lit. a CPR)")
	}
	missing := c.dimensionsCovered(func(y func(string)) {
		for _, ch := range s.Diagnosis.Chapters {
			y(ch.Dimension)
		}
		for _, w := range s.Diagnosis.Conclusions {
			y(w.Dimension)
		}
	})
	if len(missing) > 0 {
		c.Report(c.or(s.Diagnosis.Pos, "diagnosis.yaml"), "the analysis of needs and potential does not cover the %s dimension (art. 29 ust. 1 lit. b CPR: economic, social and environmental interlinkages)", strings.Join(missing, ", "))
	}
	if s.Diagnosis.FunctionalLinks.Empty() {
		c.Report(c.or(s.Diagnosis.Pos, "diagnosis.yaml"), "the analysis does not describe the interlinkages: add functional_links_md (art. 29 ust. 1 lit. b CPR)")
	}
	env := slices.ContainsFunc(s.Diagnosis.Chapters, func(ch *model.Chapter) bool { return ch.Environmental }) ||
		slices.ContainsFunc(s.Diagnosis.Conclusions, func(w *model.Conclusion) bool { return w.Environmental })
	if !env {
		c.Report(c.or(s.Diagnosis.At("chapters"), "diagnosis.yaml"), "the analysis of needs and potential has no environmental part: mark the diagnosis chapter (or conclusion) that analyses the environment with environmental: true, or add one (art. 29 ust. 1 lit. b CPR: economic, social and environmental interlinkages)")
	}
	if s.IntegratedApproach.Empty() {
		c.Report(c.or(diag.Pos{}, "implementation.yaml"), "no description of the integrated approach: add integrated_approach_md (art. 29 ust. 1 lit. c CPR)")
	}
	if len(s.Participation.PartnersInvolved) == 0 {
		c.Report(c.or(s.Participation.Pos, "implementation.yaml"), "no partners involved in preparing the strategy: add participation.partners_involved (art. 29 ust. 1 lit. d CPR)")
	}
}

func checkIITProjects(c *Context) {
	if !c.docIs(docIIT) {
		return
	}
	if len(c.S.Projects) == 0 {
		c.Report(c.ppos("doc_type"), "an IIT strategy lists its projects: add projects/P01.yaml … (art. 36 ust. 5 of the implementation act)")
		return
	}
	for _, p := range c.S.Projects {
		ok := false
		if p.Budget != nil {
			for _, s := range p.Budget.Sources {
				if prog := programme(s.Source.ID); prog != nil && prog.Kind == "eu_regional" && len(prog.Voivodeships) == 1 {
					ok = true
				}
			}
		}
		if !ok {
			c.Report(c.or(p.At("budget"), p.File), "project %s of an IIT strategy names no regional programme fe_WW_2021_2027 among its budget.sources (art. 36 ust. 5 of the implementation act)", p.ID)
		}
	}
}

func checkExAnte(c *Context) {
	if !c.isDev() {
		return
	}
	ads := c.adoptions()
	if len(ads) == 0 {
		return
	}
	law := refdata.TheLaw()
	from, _ := date(law.ExAnte.From, false)
	to, _ := date(law.ExAnte.To, true)
	first := ads[0]
	if first.t.Before(from) || first.t.After(to) {
		return
	}
	for _, e := range c.S.Implementation.Evaluation {
		if e.Type != "ex_ante" {
			continue
		}
		done, ok := date(e.Done, true)
		if !ok {
			c.Report(e.At("type"), "the ex-ante evaluation has no done date: it must be completed before adoption on %s (%s)", fmtDate(first.t), law.ExAnte.Legal)
			return
		}
		if done.After(first.t) {
			c.Report(e.At("done"), "the ex-ante evaluation was done on %s, after the adoption on %s (%s)", e.Done, fmtDate(first.t), law.ExAnte.Legal).
				With(first.pos, "adopted here")
		}
		return
	}
	c.Report(c.or(c.S.Implementation.At("evaluation"), "implementation.yaml"), "no ex-ante evaluation recorded, but the strategy was adopted on %s, when %s required one (%s – %s): add evaluation {type: ex_ante, done: DATE}",
		fmtDate(first.t), law.ExAnte.Legal, law.ExAnte.From, law.ExAnte.To).With(first.pos, "adopted here")
}

func checkDiagnosisScope(c *Context) {
	d := &c.S.Diagnosis
	missing := c.dimensionsCovered(func(y func(string)) {
		for _, ch := range d.Chapters {
			y(ch.Dimension)
		}
	})
	pos := c.or(d.At("chapters"), "diagnosis.yaml")
	for _, m := range missing {
		c.Report(pos, "no diagnosis chapter in the %s dimension (art. 10a ust. 1 upzpr: diagnoza sytuacji społecznej, gospodarczej i przestrzennej)", m)
	}
	if d.FunctionalLinks.Empty() {
		c.Report(c.or(d.Pos, "diagnosis.yaml"), "the diagnosis does not describe functional areas: add functional_links_md (art. 10a ust. 1 upzpr)")
	}
}

func checkSOOS(c *Context) {
	s := c.S.Participation.SOOS
	switch {
	case s == nil:
		c.Report(c.or(c.S.Participation.Pos, "implementation.yaml"), "no strategic environmental assessment record: add participation.soos with mode: prognoza or mode: waiver (art. 46–48 ustawy ooś)")
	case s.Mode == "waiver" && (s.RDOS == "" || s.PWIS == ""):
		c.Report(s.At("mode"), "a SOOŚ waiver is agreed with the RDOŚ and the PWIS: give both dates (rdos, pwis) (art. 48 ustawy ooś)")
	}
}
