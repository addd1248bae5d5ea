package compose

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/render/doc"
)

// procedureBodies lists the body whose resolution sets the detailed
// procedure and schedule of preparing the draft (art. 10g ust. 4a usg for
// a związek or association: its assembly; ust. 4b for a porozumienie: the
// body participation.procedure_resolution names). Without that record
// for a porozumienie, or without a schedule, it reports what is missing.
func (c *composer) procedureBodies() []AdoptingBody {
	pa := c.s.Participation
	p := c.s.Partnership
	if len(pa.Schedule) == 0 {
		c.l.Errorf(p.At("documents"), "PRO-05", "the resolution on the procedure and schedule needs the schedule: add participation.schedule (stage, by) to implementation.yaml")
		return nil
	}
	r := pa.ProcedureResolution
	if formsOfAssembly[p.LegalForm] {
		bs := c.adoptingBodies()
		if len(bs) == 0 {
			return nil
		}
		b := AdoptingBody{Body: bs[0].Body}
		if r != nil {
			b.Number, b.Date = cmpOr(r.Number, r.Resolution), r.Date
		}
		return []AdoptingBody{b}
	}
	if r == nil || r.Body == "" {
		c.l.Errorf(p.At("documents"), "PRO-05", "the resolution on the procedure and schedule needs its body: give participation.procedure_resolution.body (the council that sets the procedure under the porozumienie)")
		return nil
	}
	body := r.Body
	if i := strings.Index(body, " ("); i > 0 {
		body = body[:i] // "Rada Miasta Kolno (gmina wiodąca …)"
	}
	b := AdoptingBody{Body: body, Number: cmpOr(r.Number, r.Resolution), Date: r.Date}
	for _, m := range p.Members {
		if ph, err := grammar.Default().Council(grammar.CouncilOf{Kind: m.Kind, GminaType: c.gminaType(m), Name: m.Name, Teryt: m.Teryt.ID}); err == nil && ph.String() == body {
			b.Member = m
		}
		for _, a := range c.s.Participation.Adoptions {
			if a.Member.ID == m.Teryt.ID && a.Body == body {
				b.Member = m
			}
		}
	}
	return []AdoptingBody{b}
}

// ProcedureResolution composes the resolution of body b on the detailed
// procedure and schedule of preparing the draft strategy, including the
// procedure of the consultation of art. 6 ust. 3 upzpr, with its annex:
// who prepares the draft, how the consultation is held, and the schedule
// (participation.schedule). Its words are templates/procedure/uchwala-tryb.tmpl.
func ProcedureResolution(s *model.Strategy, x *model.Index, f *model.Facts, b AdoptingBody, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	c.resolutionMeta(b, "w sprawie określenia szczegółowego trybu i harmonogramu opracowania projektu "+c.strategyNameGen()+", w tym trybu konsultacji",
		"Uchwała w sprawie trybu i harmonogramu", "tryb i harmonogram opracowania strategii")
	c.d.Blocks = c.tplBlocks("procedure/uchwala-tryb.tmpl", "", c.procedureView(b), 0)
	return c.finish()
}

// procedureView is what templates/procedure/uchwala-tryb.tmpl sees.
type procedureView struct {
	adoptionView
	Preparer, Cooperating string   // "Burmistrz Miasta Kolno", "gminą wiejską Kolno, … i powiatem kolneńskim"
	Bodies                []string // the management bodies taking part
	Parties, Channels     []string // the consultation's parties and forms
	MinDays, ReportDays   int
	ScheduleTable         string // block token
}

func (c *composer) procedureView(b AdoptingBody) *procedureView {
	s := c.s
	p := s.Partnership
	pa := s.Participation
	v := &procedureView{adoptionView: c.resolutionBase(b, refdata.TheLaw().Documents.Procedure)}
	leader := c.x.Members[p.Leader.ID]
	if b.Member == nil && !formsOfAssembly[p.LegalForm] && leader != nil {
		_, v.ExecutiveDat = c.executive(AdoptingBody{Member: leader})
	}
	if leader != nil && !formsOfAssembly[p.LegalForm] {
		v.Preparer, _ = c.executive(AdoptingBody{Member: leader})
		var others []string
		for _, o := range p.Members {
			if o != leader {
				others = append(others, c.unitInText(o, grammar.Ins))
			}
		}
		v.Cooperating = grammar.Join(others)
	} else {
		v.Preparer = "zarząd " + cmpOr(genitiveOr(p.Name), p.Name)
	}
	for _, m := range s.Implementation.Management {
		v.Bodies = append(v.Bodies, m.Body)
	}
	for _, gr := range pa.PartnersInvolved {
		v.Parties = append(v.Parties, label(partnerGroups, gr.Group))
	}
	if co := pa.Consultation; co != nil {
		for _, x := range co.Channels {
			v.Channels = append(v.Channels, label(channels, x))
		}
	}
	v.MinDays, v.ReportDays = refdata.TheLaw().ConsultationMinDays, refdata.TheLaw().ConsultationReportDays
	st := c.table("Harmonogram opracowania projektu strategii", []float64{0.5, 4, 1.5}, 1, headerRow("Lp.", "Etap", "Termin"))
	for i, sg := range pa.Schedule {
		when := sg.By
		if len(when) == len("2006-01") {
			when = plfmt.MonthYearLong(when + "-01")
		} else {
			when = plfmt.Date(when)
		}
		st.Rows = append(st.Rows, row(ccell(itoa(i+1)), tcell(sg.Stage), ccell(when)))
	}
	v.ScheduleTable = c.blockTok(st)
	return v
}

// genitiveOr is the partnership's name in the genitive, or "" when it
// cannot be declined.
func genitiveOr(name string) string {
	g, _ := genitive(name)
	return g
}
