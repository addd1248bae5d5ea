package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// chapterNames lists every chapter name document.tmpl may ask for: the
// files strategy/chapters/NAME.tmpl of the set.
func (c *composer) chapterNames() []string {
	var out []string
	for _, f := range c.tpl.Names() {
		if n, ok := strings.CutPrefix(f, "strategy/chapters/"); ok {
			out = append(out, strings.TrimSuffix(n, ".tmpl"))
		}
	}
	slices.Sort(out)
	return out
}

// FrontMatter is the table of contents, the lists of tables and figures
// and the list of abbreviations.
func (v *strategyView) FrontMatter() string { return v.c.blockTok(v.c.front...) }

// Annexes are the annexes (strategy/annexes.tmpl).
func (v *strategyView) Annexes() string {
	return v.c.blockTok(v.c.tplBlocks("strategy/annexes.tmpl", "", v, 0)...)
}

// Chapter is the chapter name, from strategy/chapters/NAME.tmpl; ""
// when it has nothing to say. A chapter starts on a new page.
func (v *strategyView) Chapter(name string) (string, error) {
	c := v.c
	file := "strategy/chapters/" + name + ".tmpl"
	if !c.tpl.Has(file) {
		return "", fmt.Errorf("no chapter %q; the chapters are: %s", name, strings.Join(c.chapterNames(), ", "))
	}
	blocks := c.tplBlocks(file, "", v, 0)
	for _, b := range blocks {
		if s, ok := b.(*doc.Section); ok {
			s.PageBreakBefore = true
			break
		}
	}
	return c.blockTok(blocks...), nil
}

// ---- data of the introduction ----

// Note is the partnership's note (e.g. that the example is fictitious).
func (v *strategyView) Note() string { return clean(v.p().Note) }

// LegalBasis lists the legal basis of the document type.
func (v *strategyView) LegalBasis() []string { return legalBasis[v.p().DocType] }

// MemberCount is the number of members.
func (v *strategyView) MemberCount() int { return len(v.p().Members) }

// Voivodeships are the TERC codes of the voivodeships the members lie
// in (the supporting voivodeship first), for {{voivodeships … "case"}}.
func (v *strategyView) Voivodeships() []string {
	var out []string
	if p := v.p(); p.SupportedInVoivodeship != "" {
		out = append(out, p.SupportedInVoivodeship)
	}
	for _, m := range v.p().Members {
		if id := m.Teryt.ID; len(id) >= 2 && !slices.Contains(out, id[:2]) {
			out = append(out, id[:2])
		}
	}
	return out
}

// LegalForm is the form of the partnership's cooperation ("porozumienie
// międzygminne"), "" when not given.
func (v *strategyView) LegalForm() string { return legalForms[v.p().LegalForm] }

// Formed is the date the partnership was formed (ISO), "" when not given.
func (v *strategyView) Formed() string { return v.p().Formed }

// Leader is the leading member as a declinable phrase ("gmina miejska
// Kolno", "powiat kolneński"); nil when there is none.
func (v *strategyView) Leader() *phraseView {
	m := v.c.x.Members[v.p().Leader.ID]
	if m == nil {
		return nil
	}
	return &phraseView{v.c.unitPhrase(m.Teryt.ID)}
}

// AreaKm2 is the partnership's area: 0 when unknown or when some member
// gmina has no area (a partial sum is not the partnership's area).
func (v *strategyView) AreaKm2() float64 {
	if len(v.c.f.AreaMissing) > 0 {
		return 0
	}
	return v.c.f.AreaKm2
}

// MissingPopulation and MissingArea name the member gminy without a
// value, so the partnership's total is not printed ("brak danych dla: …").
func (v *strategyView) MissingPopulation() []string { return v.c.missingPopulation() }

// MissingArea: see MissingPopulation.
func (v *strategyView) MissingArea() []string { return v.c.missingArea() }

// populationView is a population count in a year.
type populationView struct {
	Value int
	Year  int
}

// Population is the partnership's population (nil when unknown).
func (v *strategyView) Population() *populationView {
	if v.c.f.Population.Value <= 0 || !v.c.f.Population.Complete() {
		return nil
	}
	return &populationView{int(v.c.f.Population.Value + 0.5), v.c.f.Population.Year}
}

// OSITypes name the partnership's types of support area.
func (v *strategyView) OSITypes() []string {
	var ts []string
	for _, t := range v.p().OSITypes {
		ts = append(ts, label(osiTypes, t))
	}
	return ts
}

// memberRow is a member as the table of members gives it: its population
// and area formatted ("." when unknown), its kind and role in words.
type memberRow struct {
	Name, Teryt, Type, Population, Area, Role string
}

// Members are the members, in the content's order.
func (v *strategyView) Members() []memberRow {
	c := v.c
	var out []memberRow
	for _, m := range v.p().Members {
		role := m.Role
		if role == "" { // not given: the leader leads, the others are partners
			role = "partner"
			if m.Teryt.ID == v.p().Leader.ID {
				role = "lider"
			}
		}
		r := memberRow{Name: clean(c.memberName(m.Teryt.ID)), Teryt: clean(m.Teryt.ID), Type: c.memberType(m),
			Population: plfmt.NoData, Area: plfmt.NoData, Role: label(roles, role)}
		if m.Population != nil {
			r.Population = plfmt.Number(m.Population.Value, 0)
		}
		if m.AreaKm2 > 0 {
			r.Area = plfmt.Number(m.AreaKm2, 1)
		}
		out = append(out, r)
	}
	return out
}

// membersTotal is the partnership's population and area in the table of
// members: "." unless every gmina has a value.
type membersTotal struct {
	Population, Area string
	PopulationYear   int    // the year of the population figures, 0 when unknown
	TercEdition      string // the TERC register's edition (ISO date), "" when not given
}

// MembersTotal is the total row's data of the table of members.
func (v *strategyView) MembersTotal() membersTotal {
	f := v.c.f
	t := membersTotal{Population: plfmt.NoData, Area: plfmt.NoData, PopulationYear: f.Population.Year, TercEdition: v.p().TerytEdition}
	if f.Population.Complete() {
		t.Population = plfmt.Number(f.Population.Value, 0)
	}
	if len(f.AreaMissing) == 0 && f.AreaKm2 > 0 {
		t.Area = plfmt.Number(f.AreaKm2, 1)
	}
	return t
}

// AreaMap is the map of the partnership's area ("" when there is none).
func (v *strategyView) AreaMap() string {
	c := v.c
	if m := c.areaMap(); m != "" {
		return c.blockTok(c.mapFigure(m, c.x.Maps[m].Pos))
	}
	return ""
}

// ---- data of the participation chapter ----

// ProcessDescription is the prose on how the strategy was prepared.
func (v *strategyView) ProcessDescription() string {
	return v.c.prose(&v.c.s.Participation.Description, 2)
}

// partnerView is a group of partners involved.
type partnerView struct{ Group, Description string }

// PartnersInvolved are the groups of partners involved (art. 6 upzpr).
func (v *strategyView) PartnersInvolved() []partnerView {
	var out []partnerView
	for _, g := range v.c.s.Participation.PartnersInvolved {
		out = append(out, partnerView{label(partnerGroups, g.Group), clean(g.Description)})
	}
	return out
}

// Advisors are the advisors with their roles: "Katarzyna Zalewska
// (doradca partnerstwa)".
func (v *strategyView) Advisors() []string {
	var names []string
	for _, a := range v.p().Advisors {
		s := clean(a.Name)
		if r := map[string]string{"doradca_partnerstwa": "doradca partnerstwa", "ekspert": "ekspert", "koordynator": "koordynator"}[a.Role]; r != "" {
			s += " (" + r + ")"
		} else if a.Role != "" {
			s += " (" + strings.ReplaceAll(clean(a.Role), "_", " ") + ")"
		}
		names = append(names, s)
	}
	return names
}

// consultationStageView is the public consultation (art. 6 upzpr).
type consultationStageView struct {
	Announced, From, To, ReportDate string // ISO dates
	Days                            int    // the days of the period, both ends included; 0 when unknown
	Channels                        []string
	HasComments, HasAccepted        bool
	Received, Accepted              int
}

// opinionStageView is an opinion asked for: of a voivodeship board (Of: the
// voivodeship in the genitive, "województwa podlaskiego") or of a
// managing authority (Of: the instrument, "ZIT").
type opinionStageView struct {
	Of                                     string
	Requested, Received, Result, Reference string
}

// soosView is the strategic environmental assessment.
type soosView struct {
	Mode, RDOS, PWIS, Note string // RDOS, PWIS: ISO dates of the agreements
}

// procedureCourseView is the course of the procedure, as far as recorded.
type procedureCourseView struct {
	Resolution   *resolutionView
	Consultation *consultationStageView
	Opinions     []opinionStageView // of the voivodeship boards
	SOOS         *soosView
	IZOpinion    *opinionStageView
}

// Procedure is the course of the procedure (nil when nothing is recorded).
func (v *strategyView) Procedure() *procedureCourseView {
	pa := v.c.s.Participation
	out := &procedureCourseView{}
	if r := pa.ProcedureResolution; r != nil {
		out.Resolution = &resolutionView{Number: clean(cmpOr(r.Number, r.Resolution)), Body: clean(r.Body), BodyGen: clean(bodyGenitive(r.Body)), Date: r.Date}
	}
	if k := pa.Consultation; k != nil {
		cv := &consultationStageView{Announced: k.Announced, From: k.From, To: k.To, ReportDate: k.ReportDate, Days: days(k.From, k.To)}
		for _, x := range k.Channels {
			cv.Channels = append(cv.Channels, label(channels, x))
		}
		if k.CommentsReceived != nil {
			cv.HasComments, cv.Received = true, *k.CommentsReceived
		}
		if k.CommentsAccepted != nil {
			cv.HasAccepted, cv.Accepted = true, *k.CommentsAccepted
		}
		out.Consultation = cv
	}
	for _, o := range pa.VoivodeshipOpinion {
		out.Opinions = append(out.Opinions, opinionStageView{Of: grammarVoivodeshipGen(o.Voivodeship),
			Requested: o.Requested, Received: o.Received, Result: label(opinionResults, o.Result), Reference: clean(o.Reference)})
	}
	if so := pa.SOOS; so != nil {
		out.SOOS = &soosView{Mode: label(soosModes, so.Mode), RDOS: so.RDOS, PWIS: so.PWIS, Note: clean(so.Note)}
	}
	if iz := pa.IZOpinion; iz != nil {
		out.IZOpinion = &opinionStageView{Of: label(instruments, iz.Instrument), Requested: iz.Requested, Received: iz.Received,
			Result: label(opinionResults, iz.Result), Reference: clean(iz.Reference)}
	}
	if out.Resolution == nil && out.Consultation == nil && out.Opinions == nil && out.SOOS == nil && out.IZOpinion == nil {
		return nil
	}
	return out
}

// ConsultationReport is the prose on the consultation's results.
func (v *strategyView) ConsultationReport() string {
	if k := v.c.s.Participation.Consultation; k != nil && !k.Report.Empty() {
		return v.c.prose(&k.Report, 2)
	}
	return ""
}

// adoptionRowView is a resolution adopting the strategy.
type adoptionRowView struct{ Member, Body, Resolution, Date string }

// AdoptionResolutions are the resolutions adopting the strategy as the
// content records them (a member's council named by the grammar when the
// content does not name it).
func (v *strategyView) AdoptionResolutions() []adoptionRowView {
	c := v.c
	var out []adoptionRowView
	for _, a := range c.s.Participation.Adoptions {
		body := a.Body
		if cn, ok := c.council(a.Member.ID); ok && body == "" {
			body = cn.In(grammar.Nom)
		}
		out = append(out, adoptionRowView{clean(c.memberName(a.Member.ID)), clean(body), clean(a.Resolution), a.Date})
	}
	return out
}

// unitPhrase names a member in running text ("gmina Grabowo", "gmina
// miejska Kolno" where the name repeats, "powiat kolneński").
func (c *composer) unitPhrase(teryt string) grammar.Phrase {
	m := c.x.Members[teryt]
	if m == nil {
		return grammar.Phrase{Forms: grammar.Forms{teryt, teryt, teryt, teryt, teryt, teryt}}
	}
	repeated := false
	for _, o := range c.s.Partnership.Members {
		if o != m && o.Name == m.Name {
			repeated = true
		}
	}
	gt := m.GminaType
	if gt == 0 && len(m.Teryt.ID) == 7 {
		gt = int(m.Teryt.ID[6] - '0')
	}
	kind := m.Kind
	if kind == "" {
		kind = "gmina"
	}
	p := grammar.Default().Unit(kind, gt, clean(m.Name), repeated)
	for i := range p.Forms {
		p.Forms[i] = plfmt.Text(p.Forms[i])
	}
	return p
}

func grammarVoivodeshipGen(code string) string {
	return grammar.Default().Voivodeships([]string{code}, grammar.Gen)
}

// ---- data of the chapters wizja, osi, rekomendacje ----

// VisionText is the vision as a lead paragraph ("" when there is none);
// VisionHorizon its horizon year (0 when not given).
func (v *strategyView) VisionText() string { return v.c.blockTok(v.c.visionLead()) }
func (v *strategyView) VisionHorizon() int { return v.c.s.Vision.Horizon }

// Mission is the mission's prose ("" when there is none).
func (v *strategyView) Mission() string {
	c := v.c
	if t, ok := c.proseTok[&c.s.Mission]; ok {
		return t
	}
	t := c.blockTok(c.missionBlocks()...)
	if c.proseTok == nil {
		c.proseTok = map[*model.Markdown]string{}
	}
	c.proseTok[&c.s.Mission] = t
	return t
}

// OSIRegionalNone is the content's statement that the voivodeship
// strategy names no OSI in the area ("" when not given).
func (v *strategyView) OSIRegionalNone() string { return clean(v.c.s.Spatial.OSIRegionalNoneStatement) }

// ---- data of the chapter system-realizacji ----

// managementView is a body managing the strategy.
type managementView struct{ Body, Composition, Role string }

// Management are the bodies managing the strategy.
func (v *strategyView) Management() []managementView {
	var out []managementView
	for _, b := range v.c.s.Implementation.Management {
		out = append(out, managementView{clean(b.Body), clean(b.Composition), clean(b.Role)})
	}
	return out
}

// Coordinator names the member coordinating the strategy ("" when none).
func (v *strategyView) Coordinator() string {
	if id := v.c.s.Implementation.Coordinator.ID; id != "" {
		return v.c.unitPhrase(id).In(grammar.Nom) // "gmina miejska Kolno", running text
	}
	return ""
}

// monitoringView is the monitoring system.
type monitoringView struct {
	Frequency   string // "co roku"
	Report      string // the monitoring report's title
	Responsible string
	FirstYear   int
	Description string // prose (block token)
}

// Monitoring is the monitoring system (nil when not described).
func (v *strategyView) Monitoring() *monitoringView {
	mo := v.c.s.Implementation.Monitoring
	if mo == nil {
		return nil
	}
	freq := ""
	if mo.Frequency != "" {
		freq = label(frequencies, mo.Frequency)
	}
	return &monitoringView{Frequency: freq, Report: clean(mo.Report), Responsible: clean(mo.Responsible), FirstYear: mo.FirstYear,
		Description: v.c.prose(&mo.Description, 2)}
}

// evaluationView is an evaluation: done (Done, ISO date) or planned
// (Planned, a year).
type evaluationView struct {
	Type, By string
	Done     string
	Planned  int
}

// Evaluations are the evaluations of the strategy; EvaluationReports the
// prose on those done.
func (v *strategyView) Evaluations() []evaluationView {
	var out []evaluationView
	for _, e := range v.c.s.Implementation.Evaluation {
		out = append(out, evaluationView{Type: label(evaluationTypes, e.Type), By: clean(e.By), Done: e.Done, Planned: e.Planned})
	}
	return out
}

func (v *strategyView) EvaluationReports() string {
	var bs []doc.Block
	for _, e := range v.c.s.Implementation.Evaluation {
		bs = append(bs, v.c.markdown(&e.Report, 2)...)
	}
	return v.c.blockTok(bs...)
}

// ExecutiveDocsGuidelines are the guidelines for executive documents.
func (v *strategyView) ExecutiveDocsGuidelines() []string {
	var out []string
	for _, g := range v.c.s.Implementation.ExecutiveDocsGuidelines {
		out = append(out, clean(g))
	}
	return out
}

// UpdateRules is the prose on updating the strategy ("" when none).
func (v *strategyView) UpdateRules() string {
	return v.c.prose(&v.c.s.Implementation.UpdateRules, 2)
}

// ---- data of the annexes (strategy/annexes.tmpl) ----

// AnnexFiches and AnnexArt29 are the numbers of the annexes of project
// fiches and of the art. 29 CPR checklist, 0 when the strategy has none.
func (v *strategyView) AnnexFiches() int {
	if len(v.c.s.Projects) > 0 {
		return 1
	}
	return 0
}

func (v *strategyView) AnnexArt29() int {
	if !isTerritorial(v.p().DocType) {
		return 0
	}
	return v.AnnexFiches() + 1
}

// FicheSections are the project fiches of the annex, each on a new page
// (the first shares the annex's title page).
func (v *strategyView) FicheSections() string {
	var bs []doc.Block
	for i, p := range v.c.s.Projects {
		fs := v.c.ficheSection(p, 2)
		fs.PageBreakBefore = i > 0
		bs = append(bs, fs)
	}
	return v.c.blockTok(bs...)
}

// art29View says which requirements of art. 29(1) CPR the strategy
// meets; Link links a part of the strategy when the document has it.
type art29View struct {
	c                                                 *composer
	Area, Diagnosis, Integrated, Partners, Operations bool
}

// Link is text linked to anchor a when the document has it (inline token).
func (v *art29View) Link(a, text string) string {
	if v.c.anchors[a] {
		return v.c.inlineTok(&doc.Link{Anchor: a, Inlines: ins(tx(text))})
	}
	return v.c.inlineTok(tx(text))
}

// Art29 is the art. 29 checklist's data (read once the chapters are
// composed: it looks at their anchors).
func (v *strategyView) Art29() *art29View {
	c := v.c
	return &art29View{c: c, Area: len(c.s.Partnership.Members) > 0, Diagnosis: len(c.s.Diagnosis.Chapters) > 0,
		Integrated: c.anchors["podejscie-zintegrowane"], Partners: len(c.s.Participation.PartnersInvolved) > 0,
		Operations: c.anchors["lista-projektow"]}
}
