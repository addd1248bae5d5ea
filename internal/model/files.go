package model

// The shapes of the content files, as decoded from YAML. The loader
// decodes each file into one of these and moves its parts into Strategy.

// PartnershipFile is partnership.yaml.
type PartnershipFile struct {
	Partnership Partnership `yaml:"partnership"`
}

// DiagnosisFile is diagnosis.yaml.
type DiagnosisFile struct {
	Diagnosis Diagnosis `yaml:"diagnosis"`
}

// IndicatorsFile is indicators.yaml.
type IndicatorsFile struct {
	Indicators []*Indicator `yaml:"indicators"`
}

// SWOTFile is swot.yaml.
type SWOTFile struct {
	SWOT SWOT `yaml:"swot"`
}

// GoalsFile is goals.yaml.
type GoalsFile struct {
	Vision         Vision           `yaml:"vision"`
	Mission        Markdown         `yaml:"mission"`
	StrategicGoals []*StrategicGoal `yaml:"strategic_goals"`
}

// SpatialFile is spatial.yaml.
type SpatialFile = Spatial

// ImplementationFile is implementation.yaml.
type ImplementationFile struct {
	Implementation     Implementation `yaml:"implementation"`
	Participation      Participation  `yaml:"participation"`
	IntegratedApproach Markdown       `yaml:"integrated_approach_md"`
}

// FinanceFile is finance.yaml.
type FinanceFile struct {
	FinancialFramework FinancialFramework `yaml:"financial_framework"`
}

// ProjectFile is projects/<ID>.yaml.
type ProjectFile struct {
	Project Project `yaml:"project"`
}

// FileKind names a content file kind; it is also the schema's name
// (schema/<kind>.schema.json).
type FileKind string

// The content file kinds.
const (
	KindPartnership    FileKind = "partnership"
	KindDiagnosis      FileKind = "diagnosis"
	KindIndicators     FileKind = "indicators"
	KindSWOT           FileKind = "swot"
	KindGoals          FileKind = "goals"
	KindSpatial        FileKind = "spatial"
	KindImplementation FileKind = "implementation"
	KindFinance        FileKind = "finance"
	KindProject        FileKind = "project"
)

// StandardFiles lists the files every partnership folder has, in the
// order they are loaded, with their kinds.
var StandardFiles = []struct {
	Name string
	Kind FileKind
}{
	{"partnership.yaml", KindPartnership},
	{"diagnosis.yaml", KindDiagnosis},
	{"indicators.yaml", KindIndicators},
	{"swot.yaml", KindSWOT},
	{"goals.yaml", KindGoals},
	{"spatial.yaml", KindSpatial},
	{"implementation.yaml", KindImplementation},
	{"finance.yaml", KindFinance},
}

// ProjectsDir is the folder of project fiches.
const ProjectsDir = "projects"
