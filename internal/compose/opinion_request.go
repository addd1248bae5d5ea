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

// OpinionRequest composes the letter that submits the draft strategy to
// the board of voivodeship v (a TERC code) for its opinion on how the
// draft reflects the spatial-policy settings and recommendations of the
// voivodeship's development strategy. It is sent by the leader's
// executive (or the association's or związek's board) in the name of the
// partnership; it is dated with the recorded request date when there is
// one. A partnership spanning two voivodeships sends one to each board.
func OpinionRequest(s *model.Strategy, x *model.Index, f *model.Facts, v string, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	g := grammar.Default()
	vGen := g.Voivodeships([]string{v}, grammar.Gen) // "województwa podlaskiego"
	board := "Zarząd " + titleWords(vGen)            // "Zarząd Województwa Podlaskiego"
	date := ""
	for _, o := range s.Participation.VoivodeshipOpinion {
		if o.Voivodeship == v {
			date = o.Requested
		}
	}
	c.d.Meta = c.procedureMeta("Wniosek o wydanie opinii o projekcie "+c.strategyNameGen()+" – "+board,
		"Wniosek o opinię zarządu województwa", "wniosek o opinię zarządu województwa")

	sender := c.sender()
	when := "…"
	if date != "" {
		when = plfmt.DateLong(date)
	}
	basis := refdata.TheLaw().Documents.OpinionRequest
	p := s.Partnership
	var members []string
	for _, m := range p.Members {
		members = append(members, c.unitInText(m, grammar.Gen))
	}
	body := "Działając na podstawie " + basis + ", w imieniu " + grammar.Join(members)
	if p.Name != "" {
		body += ", tworzących " + p.Name
	}
	body += ", przedkładam projekt " + c.strategyNameGen()
	if p.Version != "" {
		body += " (wersja " + p.Version + ")"
	}
	body += " z prośbą o wydanie opinii dotyczącej sposobu uwzględnienia ustaleń i rekomendacji w zakresie kształtowania i prowadzenia polityki przestrzennej w województwie, określonych w Strategii Rozwoju " + titleWords(vGen) + "."
	blocks := []doc.Block{
		rightAligned(raw(plfmt.Text(c.reportPlace() + when))),
		paraIn(bold(sender)),
		rightAligned(bold(board)),
		centered(bold(plfmt.Text("Wniosek o wydanie opinii o projekcie " + c.strategyNameGen()))),
		para(body),
	}
	var spatial []string
	if s.Spatial.ModelFSP != nil {
		spatial = append(spatial, "model struktury funkcjonalno-przestrzennej obszaru partnerstwa")
	}
	if len(s.Spatial.Recommendations) > 0 {
		spatial = append(spatial, "ustalenia i rekomendacje w zakresie kształtowania i prowadzenia polityki przestrzennej")
	}
	if len(s.Spatial.OSI) > 0 {
		spatial = append(spatial, "obszary strategicznej interwencji wraz z zakresem planowanych działań")
	}
	if len(spatial) > 0 {
		blocks = append(blocks, para("Projekt zawiera w szczególności "+grammar.Join(spatial)+", przedstawione w formie tekstowej i graficznej."))
	}
	if co := s.Participation.Consultation; co != nil && co.From != "" && co.To != "" {
		t := "Projekt był przedmiotem konsultacji od " + plfmt.DateLong(co.From) + " do " + plfmt.DateLong(co.To)
		if n := s.CountComments(); n.Known {
			t += "; zgłoszono " + itoa(n.Received) + " " + plural(n.Received, "uwagę", "uwagi", "uwag")
		}
		blocks = append(blocks, para(sentence(t)))
	}
	days := refdata.TheLaw().VoivodeshipOpinionDays
	blocks = append(blocks,
		para("Uprzejmie informuję, że zgodnie z ustawą o samorządzie gminnym zarząd województwa wydaje opinię w terminie "+itoa(days)+" dni od dnia otrzymania projektu, a brak opinii w tym terminie oznacza uznanie strategii za spójną ze strategią rozwoju województwa."),
		rightAligned(raw(sender)),
		paraIn(bold("Załączniki:")),
	)
	att := []string{"Projekt " + c.strategyNameGen() + " (wersja elektroniczna)."}
	if s.CommentsFile != "" {
		att = append(att, "Sprawozdanie z przebiegu i wyników konsultacji.")
	}
	l := &doc.List{Ordered: true}
	for _, a := range att {
		l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{para(a)}})
	}
	blocks = append(blocks, l)
	c.d.Blocks = blocks
	return c.finish()
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
