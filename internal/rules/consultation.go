package rules

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
)

// The rules of the consultation's comments (consultation/comments.yaml or
// .csv), from which the consultation report of art. 6 ust. 6 upzpr is
// built: every comment dealt with and justified, numbered once, made in
// the consultation period, about a part of the strategy that exists, with
// no private person named, and counted as implementation.yaml says.
func init() {
	register(&Rule{ID: "CON-01", Severity: diag.Error, Title: "every comment has a response",
		Legal:   "art. 6 ust. 6 upzpr",
		Explain: "The consultation report states how each comment was dealt with: response is accepted (uwzględniona), partially_accepted (częściowo uwzględniona), rejected (nieuwzględniona) or explanation (wyjaśnienie). While the consultation is under way (no report_date and the strategy not adopted) a comment without a response is a warning and the report is not built yet; once the report is dated or the strategy adopted, it is an error.",
		Check:   checkCommentResponses})
	register(&Rule{ID: "CON-02", Severity: diag.Error, Title: "a comment not accepted in full is justified",
		Legal:   "art. 6 ust. 6 upzpr",
		Explain: "The report gives the reasons for not taking a comment into account (in whole or in part) and for an explanation: every response other than accepted needs a justification.",
		Check:   checkCommentJustifications})
	register(&Rule{ID: "CON-03", Severity: diag.Error, Title: "comment numbers are unique",
		Explain: "The report and the replies refer to comments by number; two comments with the same number make the reference ambiguous.",
		Check:   checkCommentNumbers})
	register(&Rule{ID: "CON-04", Severity: diag.Warning, Title: "comments are made within the consultation period",
		Legal:   "art. 6 ust. 5 upzpr",
		Explain: "A comment dated before the consultation started or after it ended is usually a typo in the date; a late comment is listed in the report and may be left unconsidered (response: explanation, with the reason).",
		Check:   checkCommentDates})
	register(&Rule{ID: "CON-05", Severity: diag.Error, Title: "a comment concerns a part of the strategy that exists",
		Explain: "refers_to names a strategic or operational goal, a direction, a project, an OSI, a diagnosis chapter, a conclusion or a SWOT item by its ID, or is \"ogólna\" for a comment on the whole draft.",
		Check:   checkCommentTargets})
	register(&Rule{ID: "CON-06", Severity: diag.Warning, Title: "no private person is named",
		Explain: "The report is published on the BIP, and personal data are kept to what the purpose needs (RODO's data minimisation). Comments of residents (party: residents) are never printed with a name, and the content repository should not hold it either: leave author empty for private persons.",
		Check:   checkCommentPrivacy})
	register(&Rule{ID: "CON-07", Severity: diag.Error, Title: "the consultation's counts match the comments file",
		Explain: "When a comments file exists, the strategy counts its comments from it; consultation.comments_received and comments_accepted in implementation.yaml may then be left out, and when given they must equal the number of comments and of comments accepted in whole or in part.",
		Check:   checkCommentCounts})
}

// consultationClosed reports whether the consultation's outcome is final:
// its report is dated or the strategy is adopted.
func (c *Context) consultationClosed() bool {
	co := c.S.Participation.Consultation
	return c.adopted() || co != nil && co.ReportDate != ""
}

func checkCommentResponses(c *Context) {
	closed := c.consultationClosed()
	for _, cm := range c.S.Comments {
		if cm.Response != "" {
			continue
		}
		if closed {
			c.Report(cm.At("response"), "comment %d has no response: the consultation report states how every comment was dealt with (accepted, partially_accepted, rejected or explanation)", cm.Number)
		} else {
			c.Warn(cm.At("response"), "comment %d has no response yet: the consultation report is built once every comment has one", cm.Number)
		}
	}
}

func checkCommentJustifications(c *Context) {
	for _, cm := range c.S.Comments {
		if cm.Response != "" && cm.Response != model.ResponseAccepted && cm.Justification == "" {
			c.Report(cm.At("response"), "comment %d is %s without a justification: the report gives the reasons for every comment not accepted in full", cm.Number, cm.Response)
		}
	}
}

func checkCommentNumbers(c *Context) {
	first := map[int]*model.Comment{}
	for _, cm := range c.S.Comments {
		if cm.Number == 0 {
			continue
		}
		if prev, dup := first[cm.Number]; dup {
			c.Report(cm.At("number"), "comment number %d is used twice", cm.Number).
				With(prev.At("number"), "first used here")
			continue
		}
		first[cm.Number] = cm
	}
}

func checkCommentDates(c *Context) {
	co := c.S.Participation.Consultation
	if co == nil {
		return
	}
	start := cmpOr(co.Announced, co.From)
	from, ok1 := date(start, false)
	to, ok2 := date(co.To, false)
	if !ok1 || !ok2 {
		return
	}
	for _, cm := range c.S.Comments {
		d, ok := date(cm.Date, false)
		if !ok {
			continue
		}
		switch {
		case d.Before(from):
			c.Report(cm.At("date"), "comment %d is dated %s, before the consultation started (%s)", cm.Number, cm.Date, start).
				With(co.At("from"), "the consultation period")
		case d.After(to):
			c.Report(cm.At("date"), "comment %d is dated %s, after the consultation ended (%s): say in its justification whether it was considered", cm.Number, cm.Date, co.To).
				With(co.At("to"), "the consultation period")
		}
	}
}

func checkCommentTargets(c *Context) {
	for _, cm := range c.S.Comments {
		if cm.RefersTo.ID == model.RefersToWhole {
			continue
		}
		c.resolve(cm.RefersTo, "refers_to", c.goalsT(), c.opGoalsT(), c.directionsT(), c.projectsT(),
			c.osiT(), c.chaptersT(), c.conclusionsT(), c.swotT())
	}
}

func checkCommentPrivacy(c *Context) {
	for _, cm := range c.S.Comments {
		if cm.Private() && cm.Author != "" {
			c.Report(cm.At("author"), "comment %d of a resident names its author: a private person is never named in the published report; remove the name from the content (personal data)", cm.Number)
		}
	}
}

func checkCommentCounts(c *Context) {
	co := c.S.Participation.Consultation
	if c.S.CommentsFile == "" || co == nil {
		return
	}
	n := c.S.CountComments()
	file := c.S.CommentsFile
	if co.CommentsReceived != nil && *co.CommentsReceived != n.Received {
		c.Report(co.At("comments_received"), "comments_received is %d, but %s holds %s: remove the count (it is taken from the file) or correct it", *co.CommentsReceived, file, diag.Plural(n.Received, "comment"))
	}
	if co.CommentsAccepted != nil && *co.CommentsAccepted != n.Accepted {
		c.Report(co.At("comments_accepted"), "comments_accepted is %d, but %s accepts %d in whole or in part: remove the count (it is taken from the file) or correct it", *co.CommentsAccepted, file, n.Accepted)
	}
}
