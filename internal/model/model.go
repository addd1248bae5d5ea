package model

// Strategy is everything one partnership folder holds.
type Strategy struct {
	// Dir is the partnership folder as given (absolute after loading).
	Dir string

	Partnership    Partnership
	Diagnosis      Diagnosis
	Indicators     []*Indicator
	SWOT           SWOT
	Vision         Vision
	Mission        Markdown
	StrategicGoals []*StrategicGoal
	Spatial        Spatial
	Implementation Implementation
	Participation  Participation
	// IntegratedApproach is the art. 29 ust. 1 lit. c CPR description.
	IntegratedApproach Markdown
	Finance            FinancialFramework
	Projects           []*Project
	// Comments are the consultation's comments, from CommentsFile
	// (partnership-relative; "" when the partnership has none).
	Comments     []*Comment
	CommentsFile string

	// Files lists the content files that were read, partnership-relative,
	// sorted. Unreadable lists the YAML files that are missing or could not
	// be parsed at all: the model lacks their content, so the rules, which
	// would report everything defined there as missing, do not run.
	Files      []string
	Unreadable []string
	// Placeholders are the values still marked UZUPEŁNIJ (PlaceholderMark),
	// in file order: rule PLH-01 reports them and compose marks documents
	// built from them as drafts.
	Placeholders []Placeholder
}

// ---- partnership.yaml ----

// Period is a span of years.
type Period struct {
	Meta `yaml:"-"`
	From int `yaml:"from"`
	To   int `yaml:"to"`
}

// Partnership is partnership.yaml.
type Partnership struct {
	Meta                   `yaml:"-"`
	ID                     string      `yaml:"id"`
	Name                   string      `yaml:"name"`
	ShortName              string      `yaml:"short_name"`
	DocType                string      `yaml:"doc_type"`
	Programme              string      `yaml:"programme"`
	OSITypes               []string    `yaml:"osi_types"`
	SupportedInVoivodeship string      `yaml:"supported_in_voivodeship"`
	LegalForm              string      `yaml:"legal_form"`
	Formed                 string      `yaml:"formed"`
	Leader                 Ref         `yaml:"leader"`
	CoreTowns              Refs        `yaml:"core_towns"`
	Period                 Period      `yaml:"period"`
	TerytEdition           string      `yaml:"teryt_edition"`
	Version                string      `yaml:"version"`
	Status                 string      `yaml:"status"`
	AdoptedResolution      *Resolution `yaml:"adopted_resolution"`
	Advisors               []*Advisor  `yaml:"advisors"`
	Members                []*Member   `yaml:"members"`
	Note                   string      `yaml:"note"`
	// Documents lists the procedure documents to build besides the
	// strategy and the fiches (Document* constants).
	Documents []string `yaml:"documents"`
	// DocumentOptions are the strategy document's optional parts.
	DocumentOptions DocumentOptions `yaml:"document_options"`
}

// DocumentOptions are the parts the strategy has only when the content
// asks for them.
type DocumentOptions struct {
	Meta `yaml:"-"`
	// ExecutiveSummary opens the strategy with a summary of at most four
	// pages (templates/strategy/chapters/streszczenie.tmpl).
	ExecutiveSummary bool `yaml:"executive_summary"`
}

// Resolution is a council or board resolution.
type Resolution struct {
	Meta   `yaml:"-"`
	Body   string `yaml:"body"`
	Number string `yaml:"number"`
	// Resolution is the resolution's number where the file says
	// "resolution" (a member's adoption); Number elsewhere.
	Resolution string `yaml:"resolution"`
	Date       string `yaml:"date"`
}

// Advisor is a CWD advisor or another expert.
type Advisor struct {
	Meta `yaml:"-"`
	Name string `yaml:"name"`
	Role string `yaml:"role"`
	Org  string `yaml:"organisation"`
}

// Member is a member local government (JST), keyed by TERYT.
type Member struct {
	Meta         `yaml:"-"`
	Teryt        Ref         `yaml:"teryt"`
	Kind         string      `yaml:"kind"`
	Name         string      `yaml:"name"`
	GminaType    int         `yaml:"gmina_type"`
	Voivodeship  string      `yaml:"voivodeship"`
	Powiat       string      `yaml:"powiat"`
	Role         string      `yaml:"role"`
	IsPowiatSeat bool        `yaml:"is_powiat_seat"`
	Population   *Observed   `yaml:"population"`
	AreaKm2      float64     `yaml:"area_km2"`
	OSIFlags     []string    `yaml:"osi_flags"`
	BDLID        string      `yaml:"bdl_id"`
	Regon        string      `yaml:"regon"`
	NIP          string      `yaml:"nip"`
	Adoption     *Resolution `yaml:"adoption"`
}

// Observed is a value observed in a year.
type Observed struct {
	Meta   `yaml:"-"`
	Value  float64 `yaml:"value"`
	Year   int     `yaml:"year"`
	Source string  `yaml:"source"`
}

// ---- diagnosis.yaml ----

// Diagnosis is diagnosis.yaml: the diagnosis of art. 10a ust. 1 upzpr and
// its conclusions (art. 10e ust. 3 usg).
type Diagnosis struct {
	Meta            `yaml:"-"`
	ReferenceYear   int           `yaml:"reference_year"`
	DataCutoff      string        `yaml:"data_cutoff"`
	ComparisonGroup string        `yaml:"comparison_group"`
	Summary         Markdown      `yaml:"summary_md"`
	Sources         []*Source     `yaml:"sources"`
	Surveys         []*Survey     `yaml:"surveys"`
	Chapters        []*Chapter    `yaml:"chapters"`
	FunctionalLinks Markdown      `yaml:"functional_links_md"`
	Conclusions     []*Conclusion `yaml:"conclusions"`
	Challenges      []*Challenge  `yaml:"challenges"`
}

// Source is a data source of the diagnosis.
type Source struct {
	Meta `yaml:"-"`
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
	Note string `yaml:"note"`
}

// Survey is a questionnaire survey of the diagnosis.
type Survey struct {
	Meta   `yaml:"-"`
	ID     string   `yaml:"id"`
	Type   string   `yaml:"type"`
	Title  string   `yaml:"title"`
	Method string   `yaml:"method"`
	Report Markdown `yaml:"report_md"`
	N      int      `yaml:"n"`
	From   string   `yaml:"from"`
	To     string   `yaml:"to"`
}

// Chapter is a diagnosis chapter.
type Chapter struct {
	Meta       `yaml:"-"`
	ID         string   `yaml:"id"`
	Title      string   `yaml:"title"`
	Dimension  string   `yaml:"dimension"`
	Body       Markdown `yaml:"body_md"`
	Indicators Refs     `yaml:"indicators"`
	// Environmental marks an analysis of the environment (art. 29 ust. 1
	// lit. b CPR: environmental interlinkages; rule LEG-13).
	Environmental bool `yaml:"environmental"`
}

// Conclusion is a wniosek z diagnozy.
type Conclusion struct {
	Meta          `yaml:"-"`
	ID            string `yaml:"id"`
	Dimension     string `yaml:"dimension"`
	Text          string `yaml:"text"`
	Evidence      Refs   `yaml:"evidence"`
	Environmental bool   `yaml:"environmental"` // see Chapter.Environmental
}

// Challenge is a wyzwanie rozwojowe.
type Challenge struct {
	Meta `yaml:"-"`
	ID   string `yaml:"id"`
	Text string `yaml:"text"`
	From Refs   `yaml:"from"`
}

// ---- indicators.yaml ----

// Indicator is a catalogue entry with its observed values.
type Indicator struct {
	Meta        `yaml:"-"`
	ID          string           `yaml:"id"`
	Name        string           `yaml:"name"`
	Unit        string           `yaml:"unit"`
	Kind        string           `yaml:"kind"`
	Polarity    string           `yaml:"polarity"`
	Decimals    *int             `yaml:"decimals"`
	Code        string           `yaml:"code"`
	Description Markdown         `yaml:"description_md"`
	Frequency   string           `yaml:"frequency"`
	Source      *IndicatorSource `yaml:"source"`
	Aggregation *Aggregation     `yaml:"aggregation"`
	Values      []*Value         `yaml:"values"`
}

// IndicatorSource says where an indicator's data come from.
type IndicatorSource struct {
	Meta     `yaml:"-"`
	ID       Ref    `yaml:"id"`
	Variable string `yaml:"variable"`
	Note     string `yaml:"note"`
}

// Aggregation says how the partnership value is computed.
type Aggregation struct {
	Meta        `yaml:"-"`
	Method      string  `yaml:"method"`
	Numerator   Ref     `yaml:"numerator"`
	Denominator Ref     `yaml:"denominator"`
	Weight      Ref     `yaml:"weight"`
	Scale       float64 `yaml:"scale"`
}

// Value is an observation for a unit (TERYT code, "partnership", a
// voivodeship code, "PL" or "MRL_group") and a year. Value is nil for a
// GUS symbol given in Flag.
type Value struct {
	Meta  `yaml:"-"`
	Unit  Ref      `yaml:"unit"`
	Year  int      `yaml:"year"`
	Value *float64 `yaml:"value"`
	Flag  string   `yaml:"flag"`
	Note  string   `yaml:"note"`
}

// ---- swot.yaml ----

// SWOT is swot.yaml.
type SWOT struct {
	Meta          `yaml:"-"`
	Strengths     []*SWOTItem `yaml:"strengths"`
	Weaknesses    []*SWOTItem `yaml:"weaknesses"`
	Opportunities []*SWOTItem `yaml:"opportunities"`
	Threats       []*SWOTItem `yaml:"threats"`
	TOWS          []*TOWS     `yaml:"tows"`
}

// SWOTItem is one strength, weakness, opportunity or threat.
type SWOTItem struct {
	Meta      `yaml:"-"`
	ID        string `yaml:"id"`
	Text      string `yaml:"text"`
	Dimension string `yaml:"dimension"`
	Evidence  Refs   `yaml:"evidence"`
}

// TOWS is a strategic combination of SWOT items.
type TOWS struct {
	Meta  `yaml:"-"`
	ID    string `yaml:"id"`
	Type  string `yaml:"type"`
	Links Refs   `yaml:"links"`
	Text  string `yaml:"text"`
}

// ---- goals.yaml ----

// Vision is the vision of development.
type Vision struct {
	Meta    `yaml:"-"`
	Horizon int    `yaml:"horizon"`
	Text    string `yaml:"text"`
}

// StrategicGoal is a cel strategiczny (art. 10e ust. 3 pkt 1 usg).
type StrategicGoal struct {
	Meta                `yaml:"-"`
	ID                  string             `yaml:"id"`
	Title               string             `yaml:"title"`
	Description         Markdown           `yaml:"description_md"`
	Dimensions          []string           `yaml:"dimensions"`
	RespondsTo          Refs               `yaml:"responds_to"`
	SRWLinks            []*SRWLink         `yaml:"srw_links"`
	CPRPolicyObjectives []string           `yaml:"cpr_policy_objectives"`
	Indicators          []*IndicatorTarget `yaml:"indicators"`
	OperationalGoals    []*OperationalGoal `yaml:"operational_goals"`
	Directions          []*Direction       `yaml:"directions"`
}

// SRWLink ties a goal to the voivodeship strategy.
type SRWLink struct {
	Meta        `yaml:"-"`
	Voivodeship string `yaml:"voivodeship"`
	Document    string `yaml:"document"`
	Goal        string `yaml:"goal"`
}

// OperationalGoal is a cel operacyjny.
type OperationalGoal struct {
	Meta        `yaml:"-"`
	ID          string             `yaml:"id"`
	Title       string             `yaml:"title"`
	Description Markdown           `yaml:"description_md"`
	Indicators  []*IndicatorTarget `yaml:"indicators"`
	Directions  []*Direction       `yaml:"directions"`
}

// Direction is a kierunek działań (art. 10e ust. 3 pkt 2 usg).
type Direction struct {
	Meta        `yaml:"-"`
	ID          string    `yaml:"id"`
	Title       string    `yaml:"title"`
	Description Markdown  `yaml:"description_md"`
	Dimensions  []string  `yaml:"dimensions"`
	OSI         Refs      `yaml:"osi"`
	Results     []*Result `yaml:"results"`
}

// Result is an oczekiwany rezultat (art. 10e ust. 3 pkt 3 usg).
type Result struct {
	Meta       `yaml:"-"`
	ID         string             `yaml:"id"`
	Text       string             `yaml:"text"`
	Spatial    bool               `yaml:"spatial"`
	Indicators []*IndicatorTarget `yaml:"indicators"`
}

// IndicatorTarget is an indicator with baseline and target.
type IndicatorTarget struct {
	Meta      `yaml:"-"`
	Indicator Ref        `yaml:"indicator"`
	Baseline  *YearValue `yaml:"baseline"`
	Target    *YearValue `yaml:"target"`
	Frequency string     `yaml:"frequency"`
	Note      string     `yaml:"note"`
}

// YearValue is a value in a year.
type YearValue struct {
	Meta  `yaml:"-"`
	Year  int     `yaml:"year"`
	Value float64 `yaml:"value"`
	Note  string  `yaml:"note"`
}

// ---- spatial.yaml ----

// Spatial is spatial.yaml.
type Spatial struct {
	OSI                      []*OSI            `yaml:"osi"`
	OSIRegionalNoneStatement string            `yaml:"osi_regional_none_statement"`
	ModelFSP                 *ModelFSP         `yaml:"model_fsp"`
	Recommendations          []*Recommendation `yaml:"spatial_recommendations"`
	Maps                     []*Map            `yaml:"maps"`
}

// OSI is an obszar strategicznej interwencji (art. 10e ust. 3 pkt 6–7 usg).
type OSI struct {
	Meta           `yaml:"-"`
	ID             string   `yaml:"id"`
	Origin         string   `yaml:"origin"`
	Name           string   `yaml:"name"`
	Title          string   `yaml:"title"`
	SRWRef         string   `yaml:"srw_ref"`
	Description    Markdown `yaml:"description_md"`
	Scope          Markdown `yaml:"scope_md"`
	Members        Refs     `yaml:"members"`
	Geometry       string   `yaml:"geometry"`
	PlannedActions Refs     `yaml:"planned_actions"`
	Map            Ref      `yaml:"map"`
}

// ModelFSP is the model struktury funkcjonalno-przestrzennej (pkt 4).
type ModelFSP struct {
	Meta        `yaml:"-"`
	Description Markdown        `yaml:"description_md"`
	Elements    []*ModelElement `yaml:"elements"`
	Maps        Refs            `yaml:"maps"`
}

// ModelElement is an element of the spatial model.
type ModelElement struct {
	Meta        `yaml:"-"`
	ID          string   `yaml:"id"`
	Type        string   `yaml:"type"`
	Name        string   `yaml:"name"`
	Level       string   `yaml:"level"`
	Description Markdown `yaml:"description_md"`
	Members     Refs     `yaml:"members"`
}

// Recommendation is an ustalenie or rekomendacja for spatial policy (pkt 5).
type Recommendation struct {
	Meta      `yaml:"-"`
	ID        string `yaml:"id"`
	Text      string `yaml:"text"`
	Topic     string `yaml:"topic"`
	AppliesTo Refs   `yaml:"applies_to"`
	Related   Refs   `yaml:"related"`
}

// Map is a map or figure file.
type Map struct {
	Meta         `yaml:"-"`
	ID           string `yaml:"id"`
	Title        string `yaml:"title"`
	File         string `yaml:"file"`
	Alt          string `yaml:"alt"`
	Source       string `yaml:"source"`
	TerytEdition string `yaml:"teryt_edition"`
}
