package compose

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/render/doc"
)

// OpinionRequest composes the letter that submits the draft strategy to
// the board of voivodeship voiv (a TERC code) for its opinion on how the
// draft reflects the spatial-policy settings and recommendations of the
// voivodeship's development strategy. It is sent by the leader's
// executive (or the association's or związek's board) in the name of the
// partnership; it is dated with the recorded request date when there is
// one. A partnership spanning two voivodeships sends one to each board.
func OpinionRequest(s *model.Strategy, x *model.Index, f *model.Facts, voiv string, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	g := grammar.Default()
	vGen := g.Voivodeships([]string{voiv}, grammar.Gen) // "województwa podlaskiego"
	board := "Zarząd " + titleWords(vGen)               // "Zarząd Województwa Podlaskiego"
	date := ""
	for _, o := range s.Participation.VoivodeshipOpinion {
		if o.Voivodeship == voiv {
			date = o.Requested
		}
	}
	c.d.Meta = c.procedureMeta("Wniosek o wydanie opinii o projekcie "+c.strategyNameGen()+" – "+board,
		"Wniosek o opinię zarządu województwa", "wniosek o opinię zarządu województwa")

	v := &opinionRequestView{Place: strings.TrimSuffix(c.reportPlace(), ", "), Date: date, Sender: c.sender(), Board: board,
		StrategyGen: c.strategyNameGen(), Basis: refdata.TheLaw().Documents.OpinionRequest, Partnership: s.Partnership.Name,
		Version: s.Partnership.Version, Voivodeship: titleWords(vGen), Days: refdata.TheLaw().VoivodeshipOpinionDays}
	var members []string
	for _, m := range s.Partnership.Members {
		members = append(members, c.unitInText(m, grammar.Gen))
	}
	v.Members = grammar.Join(members)
	if s.Spatial.ModelFSP != nil {
		v.Contents = append(v.Contents, "model struktury funkcjonalno-przestrzennej obszaru partnerstwa")
	}
	if len(s.Spatial.Recommendations) > 0 {
		v.Contents = append(v.Contents, "ustalenia i rekomendacje w zakresie kształtowania i prowadzenia polityki przestrzennej")
	}
	if len(s.Spatial.OSI) > 0 {
		v.Contents = append(v.Contents, "obszary strategicznej interwencji wraz z zakresem planowanych działań")
	}
	if co := s.Participation.Consultation; co != nil && co.From != "" && co.To != "" {
		n := s.CountComments()
		v.Consultation = &consultationView{From: co.From, To: co.To, ReportDate: co.ReportDate,
			Received: n.Received, Accepted: n.Accepted, Known: n.Known, AcceptedKnown: n.AcceptedKnown}
	}
	v.Attachments = []string{"Projekt " + c.strategyNameGen() + " (wersja elektroniczna)."}
	if s.CommentsFile != "" {
		v.Attachments = append(v.Attachments, "Sprawozdanie z przebiegu i wyników konsultacji.")
	}
	c.d.Blocks = c.tplBlocks("procedure/wniosek-o-opinie.tmpl", "", v, 0)
	return c.finish()
}

// opinionRequestView is what templates/procedure/wniosek-o-opinie.tmpl sees.
type opinionRequestView struct {
	Place, Date          string // "Kolno", the request's date ("" when not recorded)
	Sender, Board        string // "Burmistrz Miasta Kolno", "Zarząd Województwa Podlaskiego"
	StrategyGen, Basis   string
	Members, Partnership string // "gminy miejskiej Kolno, …", "Partnerstwo Ziemi Kolneńskiej"
	Version              string
	Voivodeship          string // "Województwa Podlaskiego"
	Contents             []string
	Consultation         *consultationView
	Days                 int
	Attachments          []string
}

// sender is who signs the partnership's letters: the leader's executive,
// or the board of a związek or association.
func (c *composer) sender() string {
	p := c.s.Partnership
	if formsOfAssembly[p.LegalForm] {
		if bs := c.adoptingBodies(); len(bs) > 0 {
			nom, _ := c.executive(bs[0])
			return nom
		}
		return "Zarząd"
	}
	if m := c.x.Members[p.Leader.ID]; m != nil {
		nom, _ := c.executive(AdoptingBody{Member: m})
		return nom
	}
	return strings.TrimSpace("Lider partnerstwa")
}
