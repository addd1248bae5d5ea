package model

// ---- projects/*.yaml ----

// Project is a project fiche (fiszka projektu), research/domain.md §5.8.
type Project struct {
	Meta           `yaml:"-"`
	File           string             `yaml:"-"` // partnership-relative file
	ID             string             `yaml:"id"`
	Title          string             `yaml:"title"`
	ShortTitle     string             `yaml:"short_title"`
	Status         string             `yaml:"status"`
	Priority       string             `yaml:"priority"`
	Kind           string             `yaml:"kind"`
	Leader         ProjectLeader      `yaml:"leader"`
	Partners       []*ProjectPartner  `yaml:"partners"`
	ScopeTeryt     Refs               `yaml:"scope_teryt"`
	Locations      []*Location        `yaml:"locations"`
	Problem        Markdown           `yaml:"problem_md"`
	Objective      string             `yaml:"objective"`
	Description    Markdown           `yaml:"description_md"`
	TargetGroups   []string           `yaml:"target_groups"`
	Links          ProjectLinks       `yaml:"links"`
	Integration    *Integration       `yaml:"integration"`
	Timeline       *Timeline          `yaml:"timeline"`
	Budget         *Budget            `yaml:"budget"`
	Indicators     *ProjectIndicators `yaml:"indicators"`
	Readiness      *Readiness         `yaml:"readiness"`
	CWDSupport     *CWDSupport        `yaml:"cwd_support"`
	Risks          []*Risk            `yaml:"risks"`
	Sustainability Markdown           `yaml:"sustainability_md"`
	Horizontal     *Horizontal        `yaml:"horizontal"`
	// The CWD fiche's remaining fields: state aid, complementarity and
	// demarcation with other interventions and funds, the contact person,
	// the fiche's date and version, and the expected mode of selection.
	StateAid        *StateAid  `yaml:"state_aid"`
	Complementarity Markdown   `yaml:"complementarity_md"`
	Demarcation     Markdown   `yaml:"demarcation_md"`
	Contact         *Contact   `yaml:"contact"`
	Fiche           *FicheInfo `yaml:"fiche"`
	Selection       *Selection `yaml:"selection"`
}

// StateAid is whether a project involves pomoc publiczna, and on what basis.
type StateAid struct {
	Meta          `yaml:"-"`
	Occurs        bool     `yaml:"occurs"`
	DeMinimis     bool     `yaml:"de_minimis"`
	Basis         string   `yaml:"basis"`
	Justification Markdown `yaml:"justification_md"`
}

// Contact is the project's contact person.
type Contact struct {
	Meta     `yaml:"-"`
	Name     string `yaml:"name"`
	Position string `yaml:"position"`
	Email    string `yaml:"email"`
	Phone    string `yaml:"phone"`
}

// FicheInfo is the date and version of a project fiche.
type FicheInfo struct {
	Meta    `yaml:"-"`
	Date    string `yaml:"date"`
	Version string `yaml:"version"`
}

// Selection is the expected mode of selecting the project for funding.
type Selection struct {
	Meta             `yaml:"-"`
	Mode             string `yaml:"mode"`       // competitive | non_competitive
	Instrument       string `yaml:"instrument"` // zit | iit | rlks | other
	ProgrammeMeasure string `yaml:"programme_measure"`
}

// ProjectLeader is a member or an external entity.
type ProjectLeader struct {
	Meta     `yaml:"-"`
	Member   Ref       `yaml:"member"`
	External *External `yaml:"external"`
}

// External is a non-member entity.
type External struct {
	Meta  `yaml:"-"`
	Name  string `yaml:"name"`
	NIP   string `yaml:"nip"`
	Regon string `yaml:"regon"`
	Type  string `yaml:"type"`
}

// ProjectPartner is a partner of a project.
type ProjectPartner struct {
	Meta            `yaml:"-"`
	Member          Ref       `yaml:"member"`
	External        *External `yaml:"external"`
	Role            string    `yaml:"role"`
	ContributionPLN float64   `yaml:"contribution_pln"`
}

// Location is a place where a project is carried out.
type Location struct {
	Meta    `yaml:"-"`
	Teryt   Ref    `yaml:"teryt"`
	SIMC    string `yaml:"simc"`
	Place   string `yaml:"place"`
	Address string `yaml:"address"`
}

// ProjectLinks ties a project to the strategy.
type ProjectLinks struct {
	Meta      `yaml:"-"`
	Goals     []*GoalLink `yaml:"goals"`
	Diagnosis Refs        `yaml:"diagnosis"`
	SRW       []string    `yaml:"srw"`
	OSI       Refs        `yaml:"osi"`
}

// GoalLink is a project's contribution to a goal or direction.
type GoalLink struct {
	Meta         `yaml:"-"`
	Ref          Ref    `yaml:"ref"`
	Contribution string `yaml:"contribution"`
}

// Integration explains the partner and integrated character (CWD criteria).
type Integration struct {
	Meta                `yaml:"-"`
	PartnerCharacter    Markdown `yaml:"partner_character_md"`
	IntegratedCharacter Markdown `yaml:"integrated_character_md"`
	RelatedProjects     Refs     `yaml:"related_projects"`
}

// Timeline is a project's schedule.
type Timeline struct {
	Meta   `yaml:"-"`
	Start  string   `yaml:"start"`
	End    string   `yaml:"end"`
	Stages []*Stage `yaml:"stages"`
}

// Stage is a stage of a project.
type Stage struct {
	Meta  `yaml:"-"`
	Name  string `yaml:"name"`
	Start string `yaml:"start"`
	End   string `yaml:"end"`
}

// Budget is a project's budget.
type Budget struct {
	Meta           `yaml:"-"`
	Currency       string          `yaml:"currency"`
	Total          float64         `yaml:"total"`
	Eligible       *float64        `yaml:"eligible"`
	VATRecoverable bool            `yaml:"vat_recoverable"`
	FXRate         *float64        `yaml:"fx_rate"`
	FXDate         string          `yaml:"fx_date"`
	Sources        []*SourceAmount `yaml:"sources"`
	ByYear         []*YearAmount   `yaml:"by_year"`
	ByPartner      []*MemberAmount `yaml:"by_partner"`
}

// ProjectIndicators are a project's output and result indicators.
type ProjectIndicators struct {
	Meta   `yaml:"-"`
	Output []*OutputIndicator `yaml:"output"`
	Result []*ResultIndicator `yaml:"result"`
}

// OutputIndicator is a wskaźnik produktu: a target to reach by a year.
type OutputIndicator struct {
	Meta      `yaml:"-"`
	Code      string   `yaml:"code"`
	Indicator Ref      `yaml:"indicator"`
	Name      string   `yaml:"name"`
	Unit      string   `yaml:"unit"`
	Baseline  *float64 `yaml:"baseline"`
	Target    float64  `yaml:"target"`
	Year      int      `yaml:"year"`
}

// ResultIndicator is a wskaźnik rezultatu: a baseline and a target.
type ResultIndicator struct {
	Meta      `yaml:"-"`
	Code      string     `yaml:"code"`
	Indicator Ref        `yaml:"indicator"`
	Name      string     `yaml:"name"`
	Unit      string     `yaml:"unit"`
	Baseline  *YearValue `yaml:"baseline"`
	Target    *YearValue `yaml:"target"`
}

// Readiness is the stopień przygotowania.
type Readiness struct {
	Meta        `yaml:"-"`
	Stage       string          `yaml:"stage"`
	LandRights  string          `yaml:"land_rights"`
	Documents   []*ReadinessDoc `yaml:"documents"`
	EnvDecision string          `yaml:"env_decision"`
}

// ReadinessDoc is a preparatory document.
type ReadinessDoc struct {
	Meta   `yaml:"-"`
	Type   string `yaml:"type"`
	Status string `yaml:"status"`
	Date   string `yaml:"date"`
}

// CWDSupport records CWD advisory products for the project.
type CWDSupport struct {
	Meta               `yaml:"-"`
	PreFeasibility     bool `yaml:"pre_feasibility"`
	ApplicationOutline bool `yaml:"application_outline"`
}

// Risk is a project risk with its mitigation.
type Risk struct {
	Meta       `yaml:"-"`
	Text       string `yaml:"text"`
	Mitigation string `yaml:"mitigation"`
}

// Horizontal are the horizontal principles.
type Horizontal struct {
	Meta               `yaml:"-"`
	Accessibility      string `yaml:"accessibility"`
	EqualOpportunities string `yaml:"equal_opportunities"`
	DNSH               string `yaml:"dnsh"`
}
