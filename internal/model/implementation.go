package model

// ---- implementation.yaml ----

// Implementation is the system realizacji (art. 10e ust. 3 pkt 8 usg).
type Implementation struct {
	Meta                    `yaml:"-"`
	Management              []*Body       `yaml:"management"`
	Coordinator             Ref           `yaml:"coordinator"`
	Monitoring              *Monitoring   `yaml:"monitoring"`
	Evaluation              []*Evaluation `yaml:"evaluation"`
	ExecutiveDocsGuidelines []string      `yaml:"executive_docs_guidelines"`
	UpdateRules             Markdown      `yaml:"update_rules_md"`
}

// Body is a management body.
type Body struct {
	Meta        `yaml:"-"`
	Body        string `yaml:"body"`
	Composition string `yaml:"composition"`
	Role        string `yaml:"role"`
}

// Monitoring describes strategy monitoring.
type Monitoring struct {
	Meta        `yaml:"-"`
	Frequency   string   `yaml:"frequency"`
	Report      string   `yaml:"report"`
	Responsible string   `yaml:"responsible"`
	FirstYear   int      `yaml:"first_year"`
	Description Markdown `yaml:"description_md"`
}

// Evaluation is one evaluation (ex ante, mid-term, ex post).
type Evaluation struct {
	Meta    `yaml:"-"`
	Type    string   `yaml:"type"`
	Done    string   `yaml:"done"`
	Planned int      `yaml:"planned"`
	Report  Markdown `yaml:"report_md"`
	By      string   `yaml:"by"`
}

// Participation is the participatory process (art. 6 upzpr, art. 29 ust. 1 lit. d CPR).
type Participation struct {
	Meta                `yaml:"-"`
	Description         Markdown              `yaml:"description_md"`
	PartnersInvolved    []*PartnerGroup       `yaml:"partners_involved"`
	ProcedureResolution *Resolution           `yaml:"procedure_resolution"`
	Consultation        *Consultation         `yaml:"consultation"`
	VoivodeshipOpinion  []*VoivodeshipOpinion `yaml:"voivodeship_opinion"`
	SOOS                *SOOS                 `yaml:"soos"`
	IZOpinion           *IZOpinion            `yaml:"iz_opinion"`
	Adoptions           []*Adoption           `yaml:"adoptions"`
	Schedule            []*ScheduleStage      `yaml:"schedule"`
}

// ScheduleStage is a stage of preparing the draft strategy with its
// deadline (a month "2023-09" or a day), as the resolution on the
// procedure and schedule sets it.
type ScheduleStage struct {
	Meta  `yaml:"-"`
	Stage string `yaml:"stage"`
	By    string `yaml:"by"`
}

// PartnerGroup is a group of partners involved.
type PartnerGroup struct {
	Meta        `yaml:"-"`
	Group       string `yaml:"group"`
	Description string `yaml:"description"`
}

// Consultation is the public consultation (art. 6 upzpr).
type Consultation struct {
	Meta             `yaml:"-"`
	Announced        string     `yaml:"announced"`
	From             string     `yaml:"from"`
	To               string     `yaml:"to"`
	Channels         []string   `yaml:"channels"`
	CommentsReceived *int       `yaml:"comments_received"`
	CommentsAccepted *int       `yaml:"comments_accepted"`
	ReportDate       string     `yaml:"report_date"`
	Report           Markdown   `yaml:"report_md"`
	Meetings         []*Meeting `yaml:"meetings"`
}

// Meeting is a consultation meeting.
type Meeting struct {
	Meta         `yaml:"-"`
	Date         string `yaml:"date"`
	Place        string `yaml:"place"`
	Participants *int   `yaml:"participants"`
	Topic        string `yaml:"topic"`
}

// VoivodeshipOpinion is the opinion of a zarząd województwa (art. 10f ust. 2 usg).
type VoivodeshipOpinion struct {
	Meta        `yaml:"-"`
	Voivodeship string `yaml:"voivodeship"`
	Requested   string `yaml:"requested"`
	Received    string `yaml:"received"`
	Result      string `yaml:"result"`
	Reference   string `yaml:"reference"`
}

// SOOS is the strategic environmental assessment record.
type SOOS struct {
	Meta `yaml:"-"`
	Mode string `yaml:"mode"`
	RDOS string `yaml:"rdos"`
	PWIS string `yaml:"pwis"`
	Note string `yaml:"note"`
}

// IZOpinion is the managing authority's opinion (IIT/ZIT).
type IZOpinion struct {
	Meta       `yaml:"-"`
	Instrument string `yaml:"instrument"`
	Requested  string `yaml:"requested"`
	Received   string `yaml:"received"`
	Result     string `yaml:"result"`
	Reference  string `yaml:"reference"`
}

// Adoption is a resolution adopting the strategy.
type Adoption struct {
	Meta       `yaml:"-"`
	Member     Ref    `yaml:"member"`
	Body       string `yaml:"body"`
	Resolution string `yaml:"resolution"`
	Date       string `yaml:"date"`
}
