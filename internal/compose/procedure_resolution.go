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
// (participation.schedule).
func ProcedureResolution(s *model.Strategy, x *model.Index, f *model.Facts, b AdoptingBody, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	g := grammar.Default()
	matter := "w sprawie określenia szczegółowego trybu i harmonogramu opracowania projektu " + c.strategyNameGen() + ", w tym trybu konsultacji"
	title := "Uchwała " + g.CouncilGenitive(b.Body) + " " + matter
	if b.Number == "" {
		title = "Projekt uchwały " + g.CouncilGenitive(b.Body) + " " + matter
	}
	c.d.Meta = c.procedureMeta(title, "Uchwała w sprawie trybu i harmonogramu", "tryb i harmonogram opracowania strategii")
	c.d.Meta.Header = plfmt.Text(b.Body + " – tryb i harmonogram opracowania strategii")
	_, execDat := c.executive(b)
	if b.Member == nil && !formsOfAssembly[s.Partnership.LegalForm] {
		if m := c.x.Members[s.Partnership.Leader.ID]; m != nil {
			_, execDat = c.executive(AdoptingBody{Member: m})
		}
	}
	var blocks []doc.Block
	if b.Number == "" {
		blocks = append(blocks, rightAligned(italic("Projekt")))
	}
	blocks = append(blocks, resolutionHeading(b.Body, b.Number, b.Date, matter)...)
	blocks = append(blocks,
		para("Na podstawie "+refdata.TheLaw().Documents.Procedure+" "+b.Body+" uchwala, co następuje:"),
		paragraphSign(1, "Określa się szczegółowy tryb i harmonogram opracowania projektu "+c.strategyNameGen()+", w tym tryb konsultacji, stanowiące załącznik do niniejszej uchwały."),
		paragraphSign(2, "Wykonanie uchwały powierza się "+execDat+"."),
		paragraphSign(3, "Uchwała wchodzi w życie z dniem podjęcia."),
		rightAligned(raw("Przewodniczący "+g.CouncilGenitive(b.Body))),
	)
	annexTitle := "Załącznik do uchwały"
	if b.Number != "" {
		annexTitle += " nr " + b.Number
	}
	annexTitle += " " + g.CouncilGenitive(b.Body)
	if b.Date != "" {
		annexTitle += " z dnia " + plfmt.DateLong(b.Date)
	}
	annex := &doc.Section{Level: 1, Anchor: c.anchor("zalacznik"), Unnumbered: true, PageBreakBefore: true,
		Title: ins(tx("Szczegółowy tryb i harmonogram opracowania projektu strategii"))}
	annex.Blocks = append(annex.Blocks, note(tx(annexTitle)))
	annex.Blocks = append(annex.Blocks, c.procedureAnnex()...)
	c.d.Blocks = append(blocks, annex)
	return c.finish()
}

// genitiveOr is the partnership's name in the genitive, or "" when it
// cannot be declined.
func genitiveOr(name string) string {
	g, _ := genitive(name)
	return g
}

// procedureAnnex is the annex of the procedure resolution.
func (c *composer) procedureAnnex() []doc.Block {
	s := c.s
	p := s.Partnership
	pa := s.Participation
	var out []doc.Block
	// 1. who prepares the draft
	who := "Projekt strategii opracowuje "
	if m := c.x.Members[p.Leader.ID]; m != nil && !formsOfAssembly[p.LegalForm] {
		nom, _ := c.executive(AdoptingBody{Member: m})
		var others []string
		for _, o := range p.Members {
			if o != m {
				others = append(others, c.unitInText(o, grammar.Ins))
			}
		}
		who += nom + " we współpracy z " + grammar.Join(others)
	} else {
		who += "zarząd " + cmpOr(genitiveOr(p.Name), p.Name)
	}
	if len(s.Implementation.Management) > 0 {
		var bodies []string
		for _, b := range s.Implementation.Management {
			bodies = append(bodies, b.Body)
		}
		who = sentence(who) + " W pracach uczestniczą: " + strings.Join(bodies, ", ")
	}
	out = append(out, annexPart(c.anchor("tryb"), "1. Tryb opracowania projektu strategii", para(sentence(who)),
		para("Projekt strategii zawiera elementy, o których mowa w art. 10e ust. 3 ustawy o samorządzie gminnym, stosowanym odpowiednio na podstawie art. 10g ust. 3 tej ustawy, i jest poprzedzony diagnozą, o której mowa w art. 10a ust. 1 ustawy o zasadach prowadzenia polityki rozwoju.")))
	// 2. consultation
	cons := annexPart(c.anchor("tryb-konsultacji"), "2. Tryb konsultacji")
	var parties []string
	for _, g := range pa.PartnersInvolved {
		parties = append(parties, label(partnerGroups, g.Group))
	}
	if len(parties) > 0 {
		cons.Blocks = append(cons.Blocks, para("Projekt strategii podlega konsultacjom, o których mowa w art. 6 ust. 3 ustawy o zasadach prowadzenia polityki rozwoju; uczestniczą w nich w szczególności: "+strings.Join(parties, ", ")+"."))
	}
	days := refdata.TheLaw().ConsultationMinDays
	t := "Konsultacje ogłasza się na stronach internetowych i w Biuletynie Informacji Publicznej jednostek partnerstwa; ogłoszenie określa termin i sposób zgłaszania uwag, nie krótszy niż " + itoa(days) + " dni od dnia ogłoszenia"
	if co := pa.Consultation; co != nil && len(co.Channels) > 0 {
		var ch []string
		for _, x := range co.Channels {
			ch = append(ch, label(channels, x))
		}
		t += ". Formy konsultacji: " + strings.Join(ch, ", ")
	}
	cons.Blocks = append(cons.Blocks, para(sentence(t)),
		para("Z przebiegu i wyników konsultacji sporządza się sprawozdanie zawierające ustosunkowanie się do zgłoszonych uwag wraz z uzasadnieniem, w terminie "+itoa(refdata.TheLaw().ConsultationReportDays)+" dni od dnia zakończenia konsultacji, i publikuje się je na stronach internetowych jednostek partnerstwa."))
	out = append(out, cons)
	// 3. schedule
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
	out = append(out, annexPart(c.anchor("harmonogram"), "3. Harmonogram", st))
	return out
}

// annexPart is a numbered part of a resolution's annex ("1. Tryb …"): a
// level-2 heading numbered in its title, as the annex is not a chapter.
func annexPart(anchor, title string, blocks ...doc.Block) *doc.Section {
	sec := section(2, anchor, title, blocks...)
	sec.Unnumbered = true
	return sec
}
