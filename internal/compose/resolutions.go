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

// An AdoptingBody is a body whose resolution adopts the strategy: the
// council of each member under a porozumienie (art. 10g usg: "rady gmin
// w drodze uchwał", and the rada powiatu of a member powiat), or the
// assembly of a związek or association.
type AdoptingBody struct {
	// Body is the body's name in the nominative ("Rada Gminy Grabowo").
	Body string
	// Member is the unit whose council it is; nil for the assembly of a
	// związek or association.
	Member *model.Member
	// Number and Date are those of the recorded resolution; "" while the
	// resolution is a draft.
	Number, Date string
}

// formsOfAssembly are the legal forms whose own body adopts the strategy.
var formsOfAssembly = map[string]bool{"zwiazek_miedzygminny": true, "zwiazek_powiatowo_gminny": true, "stowarzyszenie": true}

// adoptingBodies lists the bodies that adopt the strategy, in member
// order. A body's name comes from the recorded adoption when there is
// one (the council's statute may name it otherwise), else from the
// grammar data; a name that cannot be made is a positioned error.
func (c *composer) adoptingBodies() []AdoptingBody {
	p := c.s.Partnership
	pa := c.s.Participation
	if formsOfAssembly[p.LegalForm] {
		b := AdoptingBody{}
		if r := p.AdoptedResolution; r != nil {
			b.Body, b.Number, b.Date = r.Body, cmpOr(r.Number, r.Resolution), r.Date
		}
		for _, a := range pa.Adoptions {
			if a.Member.ID == "" && b.Body == "" {
				b.Body, b.Number, b.Date = a.Body, a.Resolution, a.Date
			}
		}
		if b.Body == "" {
			b.Body = assemblyOf(p.LegalForm, p.Name)
		}
		if b.Body == "" {
			c.l.Errorf(p.At("legal_form"), "PRO-07", "the draft resolution needs the name of the body that adopts the strategy: give partnership.adopted_resolution.body (e.g. \"Zgromadzenie Związku …\")")
			return nil
		}
		return []AdoptingBody{b}
	}
	var out []AdoptingBody
	for _, m := range p.Members {
		b := AdoptingBody{Member: m}
		for _, a := range pa.Adoptions {
			if a.Member.ID == m.Teryt.ID {
				b.Body, b.Number, b.Date = a.Body, a.Resolution, a.Date
			}
		}
		if r := m.Adoption; r != nil && b.Body == "" {
			b.Body, b.Number, b.Date = r.Body, cmpOr(r.Resolution, r.Number), r.Date
		}
		if b.Body == "" {
			ph, err := grammar.Default().Council(grammar.CouncilOf{Kind: m.Kind, GminaType: c.gminaType(m), Name: m.Name, Teryt: m.Teryt.ID})
			if err != nil {
				c.l.Errorf(m.At("teryt"), "PRO-07", "cannot name the council of %s for its draft resolution: %v; or give the council's name in participation.adoptions (body)", m.Name, err)
				continue
			}
			b.Body = ph.String()
		}
		out = append(out, b)
	}
	return out
}

// assemblyOf names the adopting assembly of a związek or association by
// the partnership's name, or "" when the name does not say what it is.
func assemblyOf(form, name string) string {
	switch {
	case form == "stowarzyszenie" && strings.HasPrefix(name, "Stowarzyszenie "):
		return "Walne Zebranie Członków Stowarzyszenia " + strings.TrimPrefix(name, "Stowarzyszenie ")
	case strings.HasPrefix(name, "Związek "):
		return "Zgromadzenie Związku " + strings.TrimPrefix(name, "Związek ")
	}
	return ""
}

// gminaType is a member's TERC RODZ digit (from the content or its code).
func (c *composer) gminaType(m *model.Member) int {
	if m.GminaType != 0 || m.Kind == "powiat" {
		return m.GminaType
	}
	if len(m.Teryt.ID) == 7 {
		return int(m.Teryt.ID[6] - '0')
	}
	return 0
}

// executive names who carries out a body's resolution and acts for the
// unit, in the nominative and the dative: "Wójt Gminy Grabowo" /
// "Wójtowi Gminy Grabowo", "Burmistrz Miasta Kolno", "Burmistrz Stawisk",
// "Zarząd Powiatu Kolneńskiego", "Zarząd Związku …".
func (c *composer) executive(b AdoptingBody) (nom, dat string) {
	g := grammar.Default()
	m := b.Member
	office := func(n, d, of string) (string, string) { return n + " " + of, d + " " + of }
	if m == nil {
		gen := g.CouncilGenitive(b.Body) // "Zgromadzenia Związku …", "Walnego Zebrania Członków Stowarzyszenia …"
		if _, org, ok := strings.Cut(gen, "Członków "); ok {
			return office("Zarząd", "Zarządowi", org)
		}
		if _, org, ok := strings.Cut(gen, " "); ok {
			return office("Zarząd", "Zarządowi", org)
		}
		return "Zarząd", "Zarządowi"
	}
	switch {
	case m.Kind == "powiat":
		return office("Zarząd", "Zarządowi", titleWords(g.Unit("powiat", 0, m.Name, false).In(grammar.Gen)))
	case m.Kind == "miasto_na_prawach_powiatu":
		return office("Prezydent", "Prezydentowi", "Miasta "+m.Name)
	}
	switch c.gminaType(m) {
	case 1:
		return office("Burmistrz", "Burmistrzowi", "Miasta "+m.Name)
	case 3:
		if gen, _, ok := g.Place(m.Name); ok {
			return office("Burmistrz", "Burmistrzowi", gen)
		}
		return office("Burmistrz", "Burmistrzowi", "Miasta i Gminy "+m.Name)
	}
	return office("Wójt", "Wójtowi", "Gminy "+m.Name)
}

// titleWords capitalises every word ("powiatu kolneńskiego" → "Powiatu
// Kolneńskiego"), as the names of offices are written.
func titleWords(s string) string {
	w := strings.Fields(s)
	for i := range w {
		parts := strings.Split(w[i], "-") // "warmińsko-mazurskiego" → "Warmińsko-Mazurskiego"
		for j := range parts {
			parts[j] = plfmt.UpperFirst(parts[j])
		}
		w[i] = strings.Join(parts, "-")
	}
	return strings.Join(w, " ")
}

// resolutionHeading is the centred heading of a resolution: "Uchwała nr
// …", the body in the genitive, the date, and the matter.
func resolutionHeading(body, number, date, matter string) []doc.Block {
	num := cmpOr(number, "…/…/…")
	when := "z dnia …"
	if date != "" {
		when = "z dnia " + plfmt.DateLong(date)
	}
	return []doc.Block{
		centered(bold("UCHWAŁA NR " + num)),
		centered(bold(strings.ToUpper(grammar.Default().CouncilGenitive(body)))),
		centered(raw(when)),
		centered(bold(plfmt.Text(matter))),
	}
}

// Resolution composes the resolution of body b adopting the strategy: a
// draft ("Projekt") until the adoption is recorded, then its text with
// the recorded number and date. Its legal basis is the provisions of
// law.yaml's resolution bases; its justification (uzasadnienie) is made
// from the procedure's facts: the partnership, the resolution on the
// procedure, the consultation and its results, the voivodeship boards'
// opinions and the strategic environmental assessment.
func Resolution(s *model.Strategy, x *model.Index, f *model.Facts, b AdoptingBody, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	matter := "w sprawie przyjęcia " + c.strategyNameGen()
	title := "Uchwała " + grammar.Default().CouncilGenitive(b.Body) + " " + matter
	if b.Number == "" {
		title = "Projekt uchwały " + grammar.Default().CouncilGenitive(b.Body) + " " + matter
	}
	c.d.Meta = c.procedureMeta(title, "Uchwała o przyjęciu strategii", "uchwała o przyjęciu strategii")
	c.d.Meta.Header = plfmt.Text(b.Body + " – uchwała o przyjęciu strategii")
	_, executiveDat := c.executive(b)
	var blocks []doc.Block
	if b.Number == "" {
		blocks = append(blocks, rightAligned(italic("Projekt")))
	}
	blocks = append(blocks, resolutionHeading(b.Body, b.Number, b.Date, matter)...)
	blocks = append(blocks,
		para("Na podstawie "+c.adoptionBasis(b)+" "+b.Body+" uchwala, co następuje:"),
		paragraphSign(1, "Przyjmuje się "+c.strategyNameAcc()+", stanowiącą załącznik do niniejszej uchwały."),
		paragraphSign(2, "Wykonanie uchwały powierza się "+executiveDat+"."),
		paragraphSign(3, "Uchwała wchodzi w życie z dniem podjęcia."),
		rightAligned(raw("Przewodniczący "+grammar.Default().CouncilGenitive(b.Body))),
	)
	just := &doc.Section{Level: 1, Anchor: c.anchor("uzasadnienie"), Unnumbered: true, Title: ins(raw("Uzasadnienie")), PageBreakBefore: true}
	just.Blocks = c.justification(b)
	c.d.Blocks = append(c.d.Blocks, blocks...)
	c.d.Blocks = append(c.d.Blocks, just)
	return c.finish()
}

// adoptionBasis is the legal basis of body b's resolution ("art. 18 ust. 2
// pkt 6a …"): by the kind of body, from law.yaml.
func (c *composer) adoptionBasis(b AdoptingBody) string {
	kind := "gmina"
	switch {
	case b.Member == nil:
		kind = "assembly"
	case b.Member.Kind == "powiat":
		kind = "powiat"
	}
	return resolutionBasis(kind)
}

// justification is the uzasadnienie of an adopting resolution, made of
// the procedure's facts.
func (c *composer) justification(b AdoptingBody) []doc.Block {
	s := c.s
	p := s.Partnership
	pa := s.Participation
	g := grammar.Default()
	var out []doc.Block
	// who and how
	var others []string
	for _, m := range p.Members {
		if b.Member != nil && m == b.Member {
			continue
		}
		others = append(others, c.unitInText(m, grammar.Ins))
	}
	first := "Strategia rozwoju ponadlokalnego jest wspólną strategią rozwoju gmin sąsiadujących i powiązanych ze sobą funkcjonalnie (art. 10g ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym)."
	if b.Member != nil {
		first += " " + plfmt.UpperFirst(c.unitInText(b.Member, grammar.Nom)) + " " + opracowala(b.Member) + " ją wspólnie z " + grammar.Join(others)
	} else {
		first += " Strategię opracowali członkowie " + g.CouncilGenitive(strings.Replace(b.Body, "Zgromadzenie ", "Zgromadzenie ", 1))
	}
	if lf, ok := legalFormsInstr[p.LegalForm]; ok && b.Member != nil {
		first += " " + lf
	}
	if pr, ok := programmes[p.Programme]; ok && p.Programme != "other" {
		first += ", przy wsparciu: " + pr
	}
	out = append(out, para(strings.TrimSuffix(first, ".")+"."))
	// procedure resolution
	if r := pa.ProcedureResolution; r != nil && (r.Number != "" || r.Resolution != "") {
		body := r.Body
		if i := strings.Index(body, " ("); i > 0 {
			body = body[:i]
		}
		t := "Szczegółowy tryb i harmonogram opracowania projektu strategii, w tym tryb konsultacji, określiła uchwała nr " +
			cmpOr(r.Number, r.Resolution) + " " + g.CouncilGenitive(body)
		if r.Date != "" {
			t += " z dnia " + plfmt.DateLong(r.Date)
		}
		out = append(out, para(sentence(t)))
	}
	// consultation
	if co := pa.Consultation; co != nil && co.From != "" && co.To != "" {
		t := "Projekt strategii poddano konsultacjom, o których mowa w art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju, w dniach od " +
			plfmt.DateLong(co.From) + " do " + plfmt.DateLong(co.To)
		t = sentence(t)
		if n := s.CountComments(); n.Known {
			t += " Zgłoszono " + itoa(n.Received) + " " + plural(n.Received, "uwagę", "uwagi", "uwag")
			if n.AcceptedKnown {
				t += ", z których " + itoa(n.Accepted) + " uwzględniono w całości lub w części"
			}
			t += "."
		}
		if co.ReportDate != "" {
			t += " Sprawozdanie z przebiegu i wyników konsultacji sporządzono " + sentence(plfmt.DateLong(co.ReportDate))
		}
		out = append(out, para(t))
	}
	// opinions
	for _, o := range pa.VoivodeshipOpinion {
		board := "Zarząd " + titleWords(g.Voivodeships([]string{o.Voivodeship}, grammar.Gen))
		var t string
		switch o.Result {
		case "positive", "conditional", "negative":
			t = board + " wydał " + map[string]string{"positive": "pozytywną", "conditional": "warunkową", "negative": "negatywną"}[o.Result] +
				" opinię o projekcie strategii w zakresie sposobu uwzględnienia ustaleń i rekomendacji dotyczących polityki przestrzennej określonych w strategii rozwoju województwa"
			if o.Reference != "" {
				t += " (" + strings.TrimSuffix(plfmt.LowerFirst(o.Reference), ".") + ")"
			}
			t += "."
		case "no_answer":
			t = board + " nie wydał opinii w terminie 30 dni od dnia otrzymania projektu, co oznacza, że strategia jest spójna ze strategią rozwoju województwa."
		default:
			if o.Requested != "" {
				t = "Projekt strategii przedłożono " + strings.Replace(board, "Zarząd ", "Zarządowi ", 1) + " w celu wydania opinii " + sentence(plfmt.DateLong(o.Requested))
			}
		}
		if t != "" {
			out = append(out, para(t))
		}
	}
	// SEA
	if so := pa.SOOS; so != nil {
		switch so.Mode {
		case "waiver":
			out = append(out, para("Po uzgodnieniu z regionalnym dyrektorem ochrony środowiska i państwowym wojewódzkim inspektorem sanitarnym odstąpiono od przeprowadzenia strategicznej oceny oddziaływania na środowisko."))
		case "prognoza":
			out = append(out, para("Dla projektu strategii przeprowadzono strategiczną ocenę oddziaływania na środowisko wraz z prognozą oddziaływania na środowisko."))
		}
	}
	closing := "Przyjęcie strategii w jednakowym brzmieniu przez wszystkie jednostki partnerstwa jest warunkiem jej realizacji i ubiegania się o wsparcie przedsięwzięć w niej wskazanych. Wobec powyższego podjęcie uchwały jest zasadne."
	if b.Member == nil {
		closing = "Wobec powyższego podjęcie uchwały jest zasadne."
	}
	out = append(out, para(closing))
	return out
}

// unitInText names a member in running text in case cs: "gmina Grabowo",
// "gminą miejską Kolno" (the type where names repeat), "powiatem
// kolneńskim".
func (c *composer) unitInText(m *model.Member, cs grammar.Case) string {
	withType := false
	for _, o := range c.s.Partnership.Members {
		if o != m && o.Name == m.Name {
			withType = true
		}
	}
	return grammar.Default().Unit(m.Kind, c.gminaType(m), m.Name, withType).In(cs)
}

// opracowala agrees "opracował(a)" with the unit's noun: gmina
// opracowała, powiat opracował, miasto opracowało.
func opracowala(m *model.Member) string {
	switch m.Kind {
	case "powiat":
		return "opracował"
	case "miasto_na_prawach_powiatu":
		return "opracowało"
	}
	return "opracowała"
}

// legalFormsInstr says, after "opracowała ją wspólnie z …", in what form
// of cooperation.
var legalFormsInstr = map[string]string{
	"porozumienie_miedzygminne": "na podstawie porozumienia międzygminnego (art. 10g ust. 4 i art. 74 ustawy o samorządzie gminnym)",
	"list_intencyjny":           "na podstawie listu intencyjnego",
	"umowa_partnerska":          "na podstawie umowy partnerskiej",
}

// resolutionBasis is the printed legal basis of a resolution adopting
// the strategy by a body of kind gmina, powiat or assembly (law.yaml).
func resolutionBasis(kind string) string {
	d := refdata.TheLaw().Documents
	switch kind {
	case "powiat":
		return d.AdoptionByPowiat
	case "assembly":
		return d.AdoptionByAssembly
	}
	return d.AdoptionByGmina
}
