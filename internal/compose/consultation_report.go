package compose

import (
	"slices"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/render/doc"
)

// ConsultationReport composes the report on the course and results of
// the consultation of the draft strategy (sprawozdanie z przebiegu i
// wyników konsultacji, art. 6 ust. 6 upzpr) from the consultation's
// record in implementation.yaml and its comments file: the legal basis
// and subject, the course (announcement, period, forms, the parties of
// art. 6 ust. 3), a summary of the comments by party and response, and
// the full table of comments with their handling. A private person is
// never named: a resident's comment shows only the category. Without the
// comments or the consultation's record (an error), or while a comment
// has no response (a warning), there is no report: the document is nil.
func ConsultationReport(s *model.Strategy, x *model.Index, f *model.Facts, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	co := s.Participation.Consultation
	switch {
	case s.CommentsFile == "":
		c.l.Errorf(s.Partnership.At("documents"), "CON-01", "the consultation report needs the comments: add consultation/comments.csv or consultation/comments.yaml (strategia schema comments)")
		return nil, c.l
	case co == nil:
		c.l.Errorf(s.Partnership.At("documents"), "CON-01", "the consultation report needs participation.consultation in implementation.yaml (announcement, period, channels)")
		return nil, c.l
	}
	for _, cm := range s.Comments {
		if cm.Response == "" {
			// CON-01 reported it; the report waits for every response.
			c.l.Warnf(cm.At("response"), "CON-01", "the consultation report is not built until comment %d has a response", cm.Number)
			return nil, c.l
		}
	}
	c.d.Meta = c.procedureMeta("Sprawozdanie z przebiegu i wyników konsultacji",
		"Sprawozdanie z konsultacji", "sprawozdanie z konsultacji")
	c.d.Meta.Subtitle = "projektu " + c.strategyNameGen()
	if co.ReportDate != "" {
		// the title page's foot shows its month; the day is in section 1
		// ("Sprawozdanie sporządzono 25 kwietnia 2024 r.")
		c.d.Meta.Date = co.ReportDate
	}
	c.d.Blocks = append(c.d.Blocks, &doc.TOC{Title: "Spis treści", Depth: 1})
	c.d.Blocks = append(c.d.Blocks, c.tplBlocks("procedure/sprawozdanie.tmpl", "", c.consultationReportView(), 0)...)
	return c.finish()
}

// reportPlace is "Kolno, " (the leader's seat) before the report's date,
// or "" when the leader is unknown.
func (c *composer) reportPlace() string {
	if m := c.x.Members[c.s.Partnership.Leader.ID]; m != nil && m.Kind != "powiat" {
		return m.Name + ", "
	}
	return ""
}

// consultationReportView is what templates/procedure/sprawozdanie.tmpl sees.
type consultationReportView struct {
	StrategyGen, Version, Partnership string
	Announced, From, To, ReportDate   string
	Days, MinDays, ReportDays         int
	Channels                          []string
	Meetings                          []meetingView
	Parties                           []partyView
	Received, Accepted                int
	SummaryTable, CommentsTable       string // block tokens
}

// meetingView is a consultation meeting; Participants is -1 when not
// recorded.
type meetingView struct {
	Date, Place, Topic string
	Participants       int
}

// partyView is a group of partners the consultation involved.
type partyView struct{ Group, Description string }

func (c *composer) consultationReportView() *consultationReportView {
	s := c.s
	co := s.Participation.Consultation
	law := refdata.TheLaw()
	n := s.CountComments()
	v := &consultationReportView{StrategyGen: c.strategyNameGen(), Version: s.Partnership.Version, Partnership: s.Partnership.Name,
		Announced: co.Announced, From: co.From, To: co.To, ReportDate: co.ReportDate,
		MinDays: law.ConsultationMinDays, ReportDays: law.ConsultationReportDays, Received: n.Received, Accepted: n.Accepted}
	switch {
	case co.Announced != "" && co.To != "":
		// Days after the announcement: the day of the announcement is not
		// counted (art. 111 § 2 Kodeksu cywilnego), as the rules count.
		v.Days = max(days(co.Announced, co.To)-1, 0)
	case co.From != "" && co.To != "":
		v.Days = days(co.From, co.To) // the consultation's days, both ends counted
	}
	for _, x := range co.Channels {
		v.Channels = append(v.Channels, label(channels, x))
	}
	for _, m := range co.Meetings {
		mv := meetingView{Date: m.Date, Place: clean(m.Place), Topic: clean(m.Topic), Participants: -1}
		if m.Participants != nil {
			mv.Participants = *m.Participants
		}
		v.Meetings = append(v.Meetings, mv)
	}
	for _, g := range s.Participation.PartnersInvolved {
		v.Parties = append(v.Parties, partyView{plfmt.UpperFirst(label(partnerGroups, g.Group)), clean(g.Description)})
	}
	v.SummaryTable = c.blockTok(c.commentSummaryTable())
	v.CommentsTable = c.blockTok(c.commentsTable())
	return v
}

// commentSummaryTable counts the comments by party (in the order of the
// commentParties table) and response.
func (c *composer) commentSummaryTable() *doc.Table {
	responses := []string{model.ResponseAccepted, model.ResponsePartial, model.ResponseRejected, model.ResponseExplained}
	head := headerRow("Zgłaszający", "Liczba uwag", "Uwzględnione", "Częściowo uwzględnione", "Nieuwzględnione", "Wyjaśnienia")
	t := c.table("Uwagi zgłoszone w konsultacjach według zgłaszających i sposobu rozpatrzenia", []float64{3, 1, 1, 1, 1, 1}, 1, head)
	var parties []string
	count := map[string]map[string]int{}
	for _, cm := range c.s.Comments {
		if count[cm.Party] == nil {
			count[cm.Party] = map[string]int{}
			parties = append(parties, cm.Party)
		}
		count[cm.Party][""]++
		count[cm.Party][cm.Response]++
	}
	order := []string{"residents", "ngo", "business", "neighbouring_gminy", "member_jst", "rzgw", "public_institutions", "science", "youth", "seniors", "other"}
	slices.SortStableFunc(parties, func(a, b string) int { return slices.Index(order, a) - slices.Index(order, b) })
	total := map[string]int{}
	for _, p := range parties {
		r := row(tcell(commentParties[p][1]), ncell(itoa(count[p][""])))
		total[""] += count[p][""]
		for _, resp := range responses {
			r.Cells = append(r.Cells, ncell(itoa(count[p][resp])))
			total[resp] += count[p][resp]
		}
		t.Rows = append(t.Rows, r)
	}
	sum := row(&doc.Cell{Bold: true, Blocks: []doc.Block{para("Razem")}}, &doc.Cell{Bold: true, Align: doc.AlignRight, Blocks: []doc.Block{paraIn(raw(itoa(total[""])))}})
	for _, resp := range responses {
		sum.Cells = append(sum.Cells, &doc.Cell{Bold: true, Align: doc.AlignRight, Blocks: []doc.Block{paraIn(raw(itoa(total[resp])))}})
	}
	t.Rows = append(t.Rows, sum)
	return t
}

// commentsTable is the table of every comment with its handling.
func (c *composer) commentsTable() *doc.Table {
	t := c.table("Zgłoszone uwagi wraz ze sposobem ich rozpatrzenia i uzasadnieniem", []float64{0.5, 1.6, 1.6, 3.2, 1.3, 3.2}, 1,
		headerRow("Nr", "Zgłaszający, data i forma", "Część projektu", "Treść uwagi", "Sposób rozpatrzenia", "Uzasadnienie"))
	for _, cm := range c.s.Comments {
		who := commentParties[cm.Party][0]
		if !cm.Private() && cm.Author != "" {
			who = cm.Author
		}
		whoCell := bcell(paraIn(tx(who)), note(raw(plfmt.Date(cm.Date)+", "+label(commentChannels, cm.Channel))))
		t.Rows = append(t.Rows, row(
			ccell(itoa(cm.Number)),
			whoCell,
			icell(c.commentTarget(cm.RefersTo.ID)...),
			tcell(cm.Comment),
			tcell(label(commentResponses, cm.Response)),
			tcell(cmpOr(cm.Justification, "–")),
		))
	}
	return t
}

// commentTarget names the part of the draft a comment concerns: "cały
// dokument", or the ID and what it names.
func (c *composer) commentTarget(id string) []doc.Inline {
	if id == model.RefersToWhole {
		return ins(raw("cały dokument"))
	}
	x := c.x
	what, title := "", ""
	switch {
	case x.Goals[id] != nil:
		what, title = "cel strategiczny", x.Goals[id].Title
	case x.OpGoals[id] != nil:
		what, title = "cel operacyjny", x.OpGoals[id].Title
	case x.Directions[id] != nil:
		what, title = "kierunek działań", x.Directions[id].Title
	case x.Projects[id] != nil:
		what, title = "przedsięwzięcie", x.Projects[id].Title
	case x.OSI[id] != nil:
		what, title = "obszar strategicznej interwencji", cmpOr(x.OSI[id].Title, x.OSI[id].Name)
	case x.Chapters[id] != nil:
		what, title = "diagnoza, rozdział", x.Chapters[id].Title
	case x.Conclusions[id] != nil:
		what = "wniosek z diagnozy"
	case x.SWOT[id] != nil:
		what = "analiza SWOT"
	}
	in := ins(tx(what + " " + id))
	if title != "" {
		in = append(in, tx(" "+plfmt.Quote(title)))
	}
	return in
}
