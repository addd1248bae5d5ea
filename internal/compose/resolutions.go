package compose

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/internal/tmpl"
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
func titleWords(s string) string { return tmpl.TitleWords(s) }

// Resolution composes the resolution of body b adopting the strategy: a
// draft ("Projekt") until the adoption is recorded, then its text with
// the recorded number and date. Its legal basis is law.yaml's; its words
// are templates/procedure/uchwala.tmpl, and its justification
// (uzasadnienie) is made from the procedure's facts: the partnership,
// the resolution on the procedure, the consultation and its results, the
// voivodeship boards' opinions and the strategic environmental
// assessment.
func Resolution(s *model.Strategy, x *model.Index, f *model.Facts, b AdoptingBody, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	c.resolutionMeta(b, "w sprawie przyjęcia "+c.strategyNameGen(), "Uchwała o przyjęciu strategii", "uchwała o przyjęciu strategii")
	c.d.Blocks = c.tplBlocks("procedure/uchwala.tmpl", "", c.adoptionView(b), 0)
	return c.finish()
}

// resolutionMeta is the metadata of body b's resolution on matter ("w
// sprawie …"): titled "Projekt uchwały …" until it is recorded.
func (c *composer) resolutionMeta(b AdoptingBody, matter, subject, header string) {
	g := grammar.Default()
	title := "Uchwała " + g.CouncilGenitive(b.Body) + " " + matter
	if b.Number == "" {
		title = "Projekt uchwały " + g.CouncilGenitive(b.Body) + " " + matter
	}
	c.d.Meta = c.procedureMeta(title, subject, header)
	c.d.Meta.Header = plfmt.Text(b.Body + " – " + header)
}

// resolutionBase is what every resolution's view holds: body b's names,
// its number and date, the legal basis, the strategy's title and the
// executive who carries it out.
func (c *composer) resolutionBase(b AdoptingBody, basis string) adoptionView {
	g := grammar.Default()
	v := adoptionView{
		Draft: b.Number == "", Number: cmpOr(b.Number, "…/…/…"), Date: b.Date,
		Body: b.Body, BodyGen: g.CouncilGenitive(b.Body), Basis: basis,
		StrategyAcc: c.strategyNameAcc(), StrategyGen: c.strategyNameGen(),
	}
	v.BodyGenUpper = strings.ToUpper(v.BodyGen)
	_, v.ExecutiveDat = c.executive(b)
	return v
}

// adoptionView is what templates/procedure/uchwala.tmpl sees.
type adoptionView struct {
	Draft                       bool
	Number, Date                string // "…/…/…" while a draft
	Body, BodyGen, BodyGenUpper string // "Rada Gminy Grabowo", "Rady Gminy Grabowo", "RADY GMINY GRABOWO"
	Basis                       string // the legal basis (law.yaml)
	StrategyAcc, StrategyGen    string // the strategy's title in the accusative and genitive
	ExecutiveDat                string // "Wójtowi Gminy Grabowo"
	Unit, Drafted, Others, Form string // "gmina Grabowo", "opracowała", "gminą …, … i powiatem kolneńskim", "na podstawie porozumienia …"
	BodyOrgGen                  string // a związek's or association's body: "Związku …"
	Programme                   string // in the genitive, "przy wsparciu …": "Centrum Wsparcia Doradczego – CWD Plus", "" when none
	ProcedureResolution         *recordView
	Consultation                *consultationView
	Opinions                    []opinionView
	SEA                         string // waiver | prognoza | ""
}

// Par is a paragraph sign of a resolution: "§ 1." with a no-break space.
func (adoptionView) Par(n int) string { return "§" + plfmt.NBSP + itoa(n) + "." }

// recordView is a recorded resolution.
type recordView struct{ Number, BodyGen, Date string }

// consultationView is the consultation's record and counts.
type consultationView struct {
	From, To, ReportDate string
	Received, Accepted   int
	Known, AcceptedKnown bool
}

// opinionView is a voivodeship board's opinion.
type opinionView struct {
	Board, BoardDat      string // "Zarząd Województwa Podlaskiego", "Zarządowi Województwa Podlaskiego"
	Result, ResultAdj    string // positive | conditional | negative | no_answer | pending; "pozytywną", …
	Reference, Requested string
}

// programmesGen name the support programmes in the genitive, for "przy
// wsparciu …" (a colon there, "przy wsparciu: …", is wrong); "other"
// names none.
var programmesGen = map[string]string{
	"cwd_pilot": "Centrum Wsparcia Doradczego (pilotaż 2020–2022)",
	"cwd_plus":  "Centrum Wsparcia Doradczego – CWD Plus",
	"cwd_2023":  "Centrum Wsparcia Doradczego (nabór 2023)",
}

// adoptionBasis is the legal basis of body b's resolution ("art. 18 ust. 2
// pkt 6a …"): by the kind of body, from law.yaml.
func (c *composer) adoptionBasis(b AdoptingBody) string {
	switch {
	case b.Member == nil:
		return resolutionBasis("assembly")
	case b.Member.Kind == "powiat":
		return resolutionBasis("powiat")
	}
	return resolutionBasis("gmina")
}

func (c *composer) adoptionView(b AdoptingBody) *adoptionView {
	s := c.s
	p := s.Partnership
	pa := s.Participation
	g := grammar.Default()
	base := c.resolutionBase(b, c.adoptionBasis(b))
	v := &base
	v.Programme = programmesGen[p.Programme]
	if m := b.Member; m != nil {
		var others []string
		for _, o := range p.Members {
			if o != m {
				others = append(others, c.unitInText(o, grammar.Ins))
			}
		}
		v.Unit, v.Drafted, v.Others, v.Form = c.unitInText(m, grammar.Nom), opracowala(m), grammar.Join(others), legalFormsInstr[p.LegalForm]
	} else if _, org, ok := strings.Cut(v.BodyGen, " "); ok {
		v.BodyOrgGen = strings.TrimPrefix(org, "Członków ")
	}
	if r := pa.ProcedureResolution; r != nil && (r.Number != "" || r.Resolution != "") {
		body := r.Body
		if i := strings.Index(body, " ("); i > 0 {
			body = body[:i] // "Rada Miasta Kolno (gmina wiodąca …)"
		}
		v.ProcedureResolution = &recordView{Number: cmpOr(r.Number, r.Resolution), BodyGen: g.CouncilGenitive(body), Date: r.Date}
	}
	if co := pa.Consultation; co != nil && co.From != "" && co.To != "" {
		n := s.CountComments()
		v.Consultation = &consultationView{From: co.From, To: co.To, ReportDate: co.ReportDate,
			Received: n.Received, Accepted: n.Accepted, Known: n.Known, AcceptedKnown: n.AcceptedKnown}
	}
	for _, o := range pa.VoivodeshipOpinion {
		board := titleWords(g.Voivodeships([]string{o.Voivodeship}, grammar.Gen))
		v.Opinions = append(v.Opinions, opinionView{
			Board: "Zarząd " + board, BoardDat: "Zarządowi " + board, Result: o.Result,
			ResultAdj: map[string]string{"positive": "pozytywną", "conditional": "warunkową", "negative": "negatywną"}[o.Result],
			Reference: strings.TrimSuffix(plfmt.LowerFirst(o.Reference), "."), Requested: o.Requested,
		})
	}
	if so := pa.SOOS; so != nil {
		v.SEA = so.Mode
	}
	return v
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
