package rules

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// withComments gives the fixture a comments file holding cs: two clean
// comments, dealt with, in the consultation period (2024-02-05 to
// 2024-03-15), about parts of the strategy that exist.
func withComments(s *model.Strategy, cs ...*model.Comment) {
	s.CommentsFile = "consultation/comments.yaml"
	s.Comments = append([]*model.Comment{
		{Number: 1, Date: "2024-02-10", Channel: "email", Party: "ngo", Author: "Stowarzyszenie Razem",
			RefersTo: model.Ref{ID: "CS1"}, Comment: "Dodać ścieżki rowerowe.", Response: model.ResponseAccepted},
		{Number: 2, Date: "2024-02-12", Channel: "poczta", Party: model.PartyResidents,
			RefersTo: model.Ref{ID: model.RefersToWhole}, Comment: "Więcej ławek.", Response: model.ResponseRejected,
			Justification: "Zadanie bieżące gminy, nie strategii."},
	}, cs...)
}

func comment(n int, edit func(c *model.Comment)) *model.Comment {
	c := &model.Comment{Number: n, Date: "2024-03-01", Channel: "email", Party: "business",
		RefersTo: model.Ref{ID: "KD1.1"}, Comment: "Uwaga.", Response: model.ResponseAccepted}
	edit(c)
	return c
}

func ptr(n int) *int { return &n }

var consultationCases = []ruleCase{
	{rule: "CON-01", synth: true, pass: func(s *model.Strategy, _ *refdata.Local) { withComments(s) },
		fail: func(s *model.Strategy, _ *refdata.Local) {
			withComments(s, comment(3, func(c *model.Comment) { c.Response = "" }))
		}},
	// While the consultation runs (no report yet, not adopted), a comment
	// without a response is only a warning.
	{rule: "CON-01", synth: true, sev: diag.Warning, fail: func(s *model.Strategy, _ *refdata.Local) {
		s.Partnership.Status = "consultation"
		s.Participation.Adoptions, s.Partnership.AdoptedResolution = nil, nil
		for _, m := range s.Partnership.Members {
			m.Adoption = nil
		}
		s.Participation.Consultation.ReportDate = ""
		withComments(s, comment(3, func(c *model.Comment) { c.Response = "" }))
	}},
	{rule: "CON-02", synth: true, fail: func(s *model.Strategy, _ *refdata.Local) {
		withComments(s, comment(3, func(c *model.Comment) { c.Response = model.ResponsePartial }))
	}},
	{rule: "CON-03", synth: true, fail: func(s *model.Strategy, _ *refdata.Local) {
		withComments(s, comment(2, func(*model.Comment) {}))
	}},
	{rule: "CON-04", synth: true, sev: diag.Warning, fail: func(s *model.Strategy, _ *refdata.Local) {
		withComments(s, comment(3, func(c *model.Comment) { c.Date = "2024-03-16" }))
	}},
	{rule: "CON-05", synth: true, fail: func(s *model.Strategy, _ *refdata.Local) {
		withComments(s, comment(3, func(c *model.Comment) { c.RefersTo.ID = "KD1.9" }))
	}},
	{rule: "CON-06", synth: true, sev: diag.Warning, fail: func(s *model.Strategy, _ *refdata.Local) {
		withComments(s, comment(3, func(c *model.Comment) { c.Party, c.Author = model.PartyResidents, "Jan Kowalski" }))
	}},
	{rule: "CON-07", synth: true,
		pass: func(s *model.Strategy, _ *refdata.Local) {
			withComments(s)
			s.Participation.Consultation.CommentsReceived, s.Participation.Consultation.CommentsAccepted = ptr(2), ptr(1)
		},
		fail: func(s *model.Strategy, _ *refdata.Local) {
			withComments(s)
			s.Participation.Consultation.CommentsReceived = ptr(3)
		}},
}
