package model

import "slices"

// ---- consultation/comments.yaml or consultation/comments.csv ----

// CommentsFile is consultation/comments.yaml (a CSV file with the same
// columns is read into the same shape).
type CommentsFile struct {
	Comments []*Comment `yaml:"comments"`
}

// The files that may hold the consultation's comments, in the order the
// loader looks for them; a partnership has at most one of them.
var CommentsFiles = []string{"consultation/comments.yaml", "consultation/comments.yml", "consultation/comments.csv"}

// Comment is one comment made in the public consultation of the draft
// strategy, with its handling: the rows of the consultation report (art. 6
// ust. 6 upzpr).
type Comment struct {
	Meta     `yaml:"-"`
	Number   int    `yaml:"number"`
	Date     string `yaml:"date"`
	Channel  string `yaml:"channel"`
	Party    string `yaml:"party"`
	Author   string `yaml:"author"`
	RefersTo Ref    `yaml:"refers_to"`
	Comment  string `yaml:"comment"`
	// Response is accepted, partially_accepted, rejected or explanation;
	// "" while the comment has not been dealt with.
	Response      string `yaml:"response"`
	Justification string `yaml:"justification"`
}

// The responses to a comment.
const (
	ResponseAccepted  = "accepted"
	ResponsePartial   = "partially_accepted"
	ResponseRejected  = "rejected"
	ResponseExplained = "explanation"
)

// PartyResidents is the category of private persons, who are never named
// in a published document.
const PartyResidents = "residents"

// RefersToWhole is the refers_to value of a comment on the strategy as a
// whole.
const RefersToWhole = "ogólna"

// Accepted reports whether the comment was taken into account, wholly or
// in part (what consultation.comments_accepted counts).
func (c *Comment) Accepted() bool {
	return c.Response == ResponseAccepted || c.Response == ResponsePartial
}

// Private reports whether the comment comes from a private person.
func (c *Comment) Private() bool { return c.Party == PartyResidents }

// CommentCounts are the consultation's figures: from the comments file
// when the partnership has one, else as implementation.yaml gives them.
type CommentCounts struct {
	Received, Accepted int
	// Known: Received is known (a comments file, or comments_received);
	// AcceptedKnown likewise for Accepted.
	Known, AcceptedKnown bool
	// FromFile: the counts come from the comments file.
	FromFile bool
}

// CountComments returns the consultation's comment counts.
func (s *Strategy) CountComments() CommentCounts {
	if s.CommentsFile != "" {
		n := CommentCounts{Received: len(s.Comments), Known: true, AcceptedKnown: true, FromFile: true}
		for _, c := range s.Comments {
			if c.Accepted() {
				n.Accepted++
			}
		}
		return n
	}
	var n CommentCounts
	if co := s.Participation.Consultation; co != nil {
		if co.CommentsReceived != nil {
			n.Received, n.Known = *co.CommentsReceived, true
		}
		if co.CommentsAccepted != nil {
			n.Accepted, n.AcceptedKnown = *co.CommentsAccepted, true
		}
	}
	return n
}

// KindComments is the file kind (and schema) of the comments file.
const KindComments FileKind = "comments"

// The procedure documents a partnership may ask for (partnership.documents).
const (
	DocDiagnosisReport      = "diagnosis_report"
	DocConsultationReport   = "consultation_report"
	DocResolutions          = "resolutions"
	DocProcedureResolutions = "procedure_resolutions"
	DocOpinionRequests      = "opinion_requests"
)

// Wants reports whether the partnership asks for procedure document d.
func (p *Partnership) Wants(d string) bool { return slices.Contains(p.Documents, d) }
