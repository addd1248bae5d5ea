package compose

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// ficheView is the data of a project fiche (templates/fiche/karta.tmpl):
// facts formatted (amounts in the budget's currency, shares, dates of
// months), labels looked up, links and prose as tokens. Every content
// string goes through clean.
type ficheView struct {
	c *composer
	p *model.Project

	ID, Title, ShortTitle, Anchor string
	Priority, Kind, Status        string // labels: "kluczowy", …
	Leader, LeaderType            string // LeaderType: an external leader's kind ("organizacja pozarządowa")
	Partners                      []fichePartner
	Scope                         string
	Locations                     []string
	TargetGroups                  []string
	Selection                     *ficheSelection
	Contact                       []string // name, position, e-mail, phone (those given)
	FicheDate, FicheVersion       string   // the fiche's own date (ISO) and version

	Problem, Description string // prose (block tokens)
	Objective            string

	Goals                        []ficheGoal
	Diagnosis                    []string // IDs of conclusions and SWOT factors
	OSI                          string   // links (inline token)
	SRW                          []string
	PartnerCharacter             string // prose (block token)
	IntegratedCharacter          string // prose (block token)
	RelatedProjects              string // links (inline token)
	Complementarity, Demarcation string // prose (block tokens)

	Timeline *ficheTimeline
	Budget   *ficheBudget
	StateAid *ficheStateAid

	OutputIndicators []ficheIndicator
	ResultIndicators []ficheIndicator

	Readiness      *ficheReadiness
	CWD            *ficheCWD
	Risks          []ficheRisk
	Sustainability string // prose (block token)
	Horizontal     *ficheHorizontal
}

type fichePartner struct {
	Name, Type, Role string
	Contribution     string // an amount, "" when not given
}

type ficheSelection struct{ Mode, Instrument, Measure string }

type ficheGoal struct {
	Link         string // "CS1 „…”", linked (inline token)
	Contribution string // "główne", "uzupełniające", ""
}

// ficheTimeline is the project's timeline; months are ISO ("2025-03"),
// "" when not given, for the template to word.
type ficheTimeline struct {
	Start, End string
	Stages     []ficheStage
}

type ficheStage struct{ Name, Start, End string }

type ficheBudget struct {
	Total, Eligible string // amounts in the budget's currency ("" when not given)
	VATRecoverable  bool
	FXRate          string // "4,3000 PLN/EUR", "" when not given
	FXDate          string // ISO
	Sources         []ficheAmount
	ByYear          []ficheAmount
	ByPartner       []ficheAmount
}

// ficheAmount is a row of a budget table: what, how much, its share.
type ficheAmount struct {
	Name, Measure, Amount, Share string
	Year                         int
}

type ficheStateAid struct {
	Occurs, DeMinimis bool
	Basis             string
	Justification     string // prose (block token)
}

type ficheIndicator struct {
	Code, Name, Unit string
	Target           string // a value ("" when not given)
	Year             int
	Baseline         string // result indicators: "12 (2023)"
	TargetWithYear   string // result indicators: "40 (2029)"
}

type ficheReadiness struct {
	Stage, LandRights, EnvDecision string
	Documents                      []ficheDocument
}

type ficheDocument struct {
	Kind   string // "dokumentacja projektowa", in the nominative
	Status string // agreeing with the kind: "gotowa", "w przygotowaniu"
	Date   string // ISO
}

// ficheCWD is the support of the CWD (Centrum Wsparcia Doradczego) the
// project asks for.
type ficheCWD struct{ PreFeasibility, ApplicationOutline bool }

type ficheRisk struct{ Text, Mitigation string }

type ficheHorizontal struct{ Accessibility, EqualOpportunities, DNSH string }

// ficheView gathers the data of project p's fiche.
func (c *composer) ficheView(p *model.Project) *ficheView {
	v := &ficheView{c: c, p: p, ID: clean(p.ID), Title: clean(p.Title), ShortTitle: clean(p.ShortTitle), Anchor: anchorProject(p.ID),
		Priority: label(projectPriority, p.Priority), Kind: label(projectKinds, p.Kind), Status: label(projectStatus, p.Status),
		Leader: clean(c.leaderName(p)), Objective: clean(p.Objective)}
	if e := p.Leader.External; e != nil {
		v.LeaderType = label(externalTypes, e.Type)
	}
	for _, pt := range p.Partners {
		fp := fichePartner{Role: clean(pt.Role)}
		if pt.External != nil {
			fp.Name, fp.Type = clean(pt.External.Name), label(externalTypes, pt.External.Type)
		} else {
			fp.Name = clean(c.memberName(pt.Member.ID))
		}
		if pt.ContributionPLN > 0 {
			fp.Contribution = c.money(pt.ContributionPLN)
		}
		v.Partners = append(v.Partners, fp)
	}
	if len(p.ScopeTeryt) > 0 {
		v.Scope = clean(c.memberNames(p.ScopeTeryt.IDs()))
	}
	for _, lo := range p.Locations {
		v.Locations = append(v.Locations, clean(c.location(lo.Teryt.ID, lo.Place, lo.Address)))
	}
	for _, g := range p.TargetGroups {
		v.TargetGroups = append(v.TargetGroups, clean(g))
	}
	if sel := p.Selection; sel != nil {
		v.Selection = &ficheSelection{Mode: label(selectionModes, sel.Mode), Instrument: label(selectionInstruments, sel.Instrument), Measure: clean(sel.ProgrammeMeasure)}
	}
	if ct := p.Contact; ct != nil {
		for _, x := range []string{ct.Name, ct.Position, ct.Email, ct.Phone} {
			if x != "" {
				v.Contact = append(v.Contact, clean(x))
			}
		}
	}
	if fi := p.Fiche; fi != nil {
		v.FicheDate, v.FicheVersion = fi.Date, clean(fi.Version)
	}
	v.Problem = c.blockTok(c.markdown(&p.Problem, 4)...)
	v.Description = c.blockTok(c.markdown(&p.Description, 4)...)

	for _, g := range p.Links.Goals {
		title, a := "", anchorGoal(g.Ref.ID)
		switch {
		case c.x.Goals[g.Ref.ID] != nil:
			title = c.x.Goals[g.Ref.ID].Title
		case c.x.OpGoals[g.Ref.ID] != nil:
			title = c.x.OpGoals[g.Ref.ID].Title
		case c.x.Directions[g.Ref.ID] != nil:
			title, a = c.x.Directions[g.Ref.ID].Title, anchorDir(g.Ref.ID)
		}
		v.Goals = append(v.Goals, ficheGoal{Link: c.inlineTok(c.entityLink(a, g.Ref.ID, title)...), Contribution: label(contributions, g.Contribution)})
	}
	for _, id := range p.Links.Diagnosis.IDs() {
		v.Diagnosis = append(v.Diagnosis, clean(id))
	}
	v.OSI = c.inlineTok(c.refLinks(p.Links.OSI.IDs())...)
	for _, s := range p.Links.SRW {
		v.SRW = append(v.SRW, clean(s))
	}
	if in := p.Integration; in != nil {
		v.PartnerCharacter = c.blockTok(c.markdown(&in.PartnerCharacter, 4)...)
		v.IntegratedCharacter = c.blockTok(c.markdown(&in.IntegratedCharacter, 4)...)
		v.RelatedProjects = c.inlineTok(c.refLinks(in.RelatedProjects.IDs())...)
	}
	v.Complementarity = c.blockTok(c.markdown(&p.Complementarity, 4)...)
	v.Demarcation = c.blockTok(c.markdown(&p.Demarcation, 4)...)

	if tl := p.Timeline; tl != nil {
		t := &ficheTimeline{Start: clean(tl.Start), End: clean(tl.End)}
		for _, st := range tl.Stages {
			t.Stages = append(t.Stages, ficheStage{clean(st.Name), clean(st.Start), clean(st.End)})
		}
		v.Timeline = t
	}
	if bg := p.Budget; bg != nil {
		v.Budget = c.ficheBudget(bg)
	}
	if sa := p.StateAid; sa != nil {
		v.StateAid = &ficheStateAid{Occurs: sa.Occurs, DeMinimis: sa.DeMinimis, Basis: clean(sa.Basis), Justification: c.blockTok(c.markdown(&sa.Justification, 4)...)}
	}
	if ind := p.Indicators; ind != nil {
		for _, o := range ind.Output {
			name, in := c.indicatorName(o.Name, o.Indicator.ID)
			v.OutputIndicators = append(v.OutputIndicators, ficheIndicator{Code: clean(o.Code), Name: clean(name), Unit: clean(cmpOr(o.Unit, unitOf(in))),
				Target: valueIn(in, o.Unit, o.Target), Year: o.Year})
		}
		for _, r := range ind.Result {
			name, in := c.indicatorName(r.Name, r.Indicator.ID)
			yv := func(y *model.YearValue) string {
				if y == nil {
					return plfmt.NoData
				}
				return valueIn(in, r.Unit, y.Value) + " (" + itoa(y.Year) + ")"
			}
			v.ResultIndicators = append(v.ResultIndicators, ficheIndicator{Code: clean(r.Code), Name: clean(name), Unit: clean(cmpOr(r.Unit, unitOf(in))),
				Baseline: yv(r.Baseline), TargetWithYear: yv(r.Target)})
		}
	}
	if rd := p.Readiness; rd != nil {
		r := &ficheReadiness{Stage: label(readinessStages, rd.Stage), LandRights: label(landRights, rd.LandRights), EnvDecision: label(envDecisions, rd.EnvDecision)}
		for _, d := range rd.Documents {
			kind, gender := grammar.Default().DocumentType(d.Type)
			st := clean(d.Status)
			if forms, ok := docStatuses[d.Status]; ok {
				st = grammar.Agree(gender, forms)
			}
			r.Documents = append(r.Documents, ficheDocument{Kind: kind, Status: st, Date: d.Date})
		}
		v.Readiness = r
	}
	if cw := p.CWDSupport; cw != nil {
		v.CWD = &ficheCWD{cw.PreFeasibility, cw.ApplicationOutline}
	}
	for _, rk := range p.Risks {
		v.Risks = append(v.Risks, ficheRisk{clean(rk.Text), clean(rk.Mitigation)})
	}
	v.Sustainability = c.blockTok(c.markdown(&p.Sustainability, 4)...)
	if h := p.Horizontal; h != nil {
		v.Horizontal = &ficheHorizontal{clean(h.Accessibility), clean(h.EqualOpportunities), clean(h.DNSH)}
	}
	return v
}

// ficheBudget formats a project's budget in its currency.
func (c *composer) ficheBudget(bg *model.Budget) *ficheBudget {
	money := func(v float64) string {
		if bg.Currency != "" && bg.Currency != "PLN" {
			return plfmt.Number(v, 0) + plfmt.NBSP + clean(bg.Currency)
		}
		return plfmt.Money(v)
	}
	b := &ficheBudget{Total: money(bg.Total), VATRecoverable: bg.VATRecoverable, FXDate: bg.FXDate}
	if bg.Eligible != nil {
		b.Eligible = money(*bg.Eligible)
	}
	if bg.FXRate != nil {
		b.FXRate = plfmt.Number(*bg.FXRate, 4) + " PLN/" + clean(bg.Currency)
	}
	for _, src := range bg.Sources {
		meas := strings.TrimPrefix(strings.TrimPrefix(label(instruments, src.Instrument)+"; ", "; ")+src.Measure, "; ")
		b.Sources = append(b.Sources, ficheAmount{Name: sourceName(src.Source.ID), Measure: clean(meas), Amount: money(src.Amount), Share: plfmt.Share(src.Amount, bg.Total)})
	}
	for _, y := range bg.ByYear {
		b.ByYear = append(b.ByYear, ficheAmount{Year: y.Year, Amount: money(y.Amount), Share: plfmt.Share(y.Amount, bg.Total)})
	}
	for _, bp := range bg.ByPartner {
		b.ByPartner = append(b.ByPartner, ficheAmount{Name: clean(c.memberName(bp.Member.ID)), Amount: money(bp.Amount), Share: plfmt.Share(bp.Amount, bg.Total)})
	}
	return b
}

// ficheSection is project p's fiche (templates/fiche/karta.tmpl) as a
// section of the given level; its parts are numbered in order.
func (c *composer) ficheSection(p *model.Project, level int) *doc.Section {
	var sec *doc.Section
	for _, b := range c.tplBlocks("fiche/karta.tmpl", "", c.ficheView(p), level-1) {
		if s, ok := b.(*doc.Section); ok && sec == nil {
			sec = s
		}
	}
	if sec == nil { // a broken override (reported) or one without a heading
		sec = &doc.Section{Level: level, Unnumbered: true, Title: ins(tx(p.ID))}
	}
	sec.PageBreakBefore = level <= 2
	numberParts(sec.Blocks)
	return sec
}

// location names a project's place in the member unit it lies in, once:
// "gmina Grabowo, odcinek Grabowo – Stawiski" (the place is the unit's
// seat), "Ptaki (gmina Turośl), przystań" (a place of the unit), "dolina
// Pisy (gmina Turośl), …" (the place names its unit already).
func (c *composer) location(teryt, place, address string) string {
	if m := c.x.Members[teryt]; m != nil {
		unit := c.unitPhrase(teryt).String()
		switch {
		case place == "" || place == m.Name:
			place = unit
		case !strings.Contains(place, m.Name):
			place += " (" + unit + ")"
		}
	}
	if place == "" || address == "" {
		return place + address
	}
	return place + ", " + address
}
