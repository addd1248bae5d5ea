package model

// ---- finance.yaml ----

// FinancialFramework is the ramy finansowe (art. 10e ust. 3 pkt 9 usg).
type FinancialFramework struct {
	Meta        `yaml:"-"`
	Period      *Period         `yaml:"period"`
	Currency    string          `yaml:"currency"`
	Total       float64         `yaml:"total"`
	ByGoal      []*GoalAmount   `yaml:"by_goal"`
	BySource    []*SourceAmount `yaml:"by_source"`
	ByYear      []*YearAmount   `yaml:"by_year"`
	Assumptions Markdown        `yaml:"assumptions_md"`
}

// GoalAmount is an amount assigned to a goal.
type GoalAmount struct {
	Meta   `yaml:"-"`
	Goal   Ref     `yaml:"goal"`
	Amount float64 `yaml:"amount"`
}

// SourceAmount is an amount from a funding source.
type SourceAmount struct {
	Meta       `yaml:"-"`
	Source     Ref      `yaml:"source"`
	Instrument string   `yaml:"instrument"`
	Measure    string   `yaml:"measure"`
	Amount     float64  `yaml:"amount"`
	SharePct   *float64 `yaml:"share_pct"`
	Note       string   `yaml:"note"`
}

// YearAmount is an amount in a year.
type YearAmount struct {
	Meta   `yaml:"-"`
	Year   int     `yaml:"year"`
	Amount float64 `yaml:"amount"`
}

// MemberAmount is an amount borne by a member.
type MemberAmount struct {
	Meta   `yaml:"-"`
	Member Ref     `yaml:"member"`
	Amount float64 `yaml:"amount"`
}
