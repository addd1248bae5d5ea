package refdata

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"sync"

	data "github.com/strategia-pl/strategia/templates/refdata"
	"go.yaml.in/yaml/v3"
)

// Voivodeship is a voivodeship code and name.
type Voivodeship struct {
	Code, Name, Capital string
}

var (
	voivOnce sync.Once
	voivs    []Voivodeship
)

// Voivodeships returns the 16 voivodeships in code order.
func Voivodeships() []Voivodeship {
	voivOnce.Do(func() {
		b, err := data.FS.ReadFile("voivodeships.csv")
		if err != nil {
			panic("refdata: " + err.Error())
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			f := strings.Split(sc.Text(), ";")
			if len(f) < 2 || f[0] == "code" {
				continue
			}
			v := Voivodeship{Code: f[0], Name: f[1]}
			if len(f) > 2 {
				v.Capital = f[2]
			}
			voivs = append(voivs, v)
		}
	})
	return voivs
}

// VoivodeshipName returns the name of the voivodeship with code WW ("" when unknown).
func VoivodeshipName(code string) string {
	for _, v := range Voivodeships() {
		if v.Code == code {
			return v.Name
		}
	}
	return ""
}

// Programme is a funding source of the registry.
type Programme struct {
	ID             string   `yaml:"id"`
	Name           string   `yaml:"name"`
	Short          string   `yaml:"short"`
	Kind           string   `yaml:"kind"` // eu_national | eu_regional | eu_other | national | local | private
	Period         Span     `yaml:"period"`
	Voivodeships   []string `yaml:"voivodeships"`
	ExcludePowiaty []string `yaml:"exclude_powiaty"`
	MaxCofinancing float64  `yaml:"max_cofinancing"` // %, 0 = no limit in the registry
	EligibleUntil  string   `yaml:"eligible_until"`  // YYYY-MM-DD or ""
	Legal          string   `yaml:"legal"`
	Note           string   `yaml:"note"`
}

// Span is a span of years.
type Span struct {
	From int `yaml:"from"`
	To   int `yaml:"to"`
}

// IsEU reports whether the source is EU (or EEA) money: the kinds eu_*.
func (p *Programme) IsEU() bool { return strings.HasPrefix(p.Kind, "eu_") }

// Is2021_2027 reports whether the source belongs to the 2021–2027 EU
// perspective (its expenditure must be eligible by 31 XII 2029).
func (p *Programme) Is2021_2027() bool {
	return p.IsEU() && p.EligibleUntil != "" && p.Period.From >= 2021 && p.Period.To <= 2027
}

// EligibleIn reports whether a unit code (2, 4 or 7 digits) lies in the
// programme's eligible territory.
func (p *Programme) EligibleIn(code string) bool {
	if len(code) < 2 {
		return true
	}
	if len(p.Voivodeships) > 0 && !slices.Contains(p.Voivodeships, code[:2]) {
		return false
	}
	return len(code) < 4 || !slices.Contains(p.ExcludePowiaty, code[:4])
}

// Registry is the funding-programme registry.
type Registry struct {
	Programmes []*Programme `yaml:"programmes"`
	byID       map[string]*Programme
}

var (
	progOnce sync.Once
	progs    *Registry
)

// Programmes returns the embedded programme registry, parsed on first use.
func Programmes() *Registry {
	progOnce.Do(func() {
		b, err := data.FS.ReadFile("programmes.yaml")
		if err != nil {
			panic("refdata: " + err.Error())
		}
		r := &Registry{}
		if err := yaml.Unmarshal(b, r); err != nil {
			panic("refdata: programmes.yaml: " + err.Error())
		}
		r.byID = map[string]*Programme{}
		for _, p := range r.Programmes {
			r.byID[p.ID] = p
		}
		progs = r
	})
	return progs
}

// Lookup returns the programme with id, or nil.
func (r *Registry) Lookup(id string) *Programme { return r.byID[id] }

// IDs returns every programme ID in registry order.
func (r *Registry) IDs() []string {
	out := make([]string, len(r.Programmes))
	for i, p := range r.Programmes {
		out[i] = p.ID
	}
	return out
}

// Law holds the statutory periods and dates the rules use (law.yaml).
type Law struct {
	ExAnte struct {
		From  string `yaml:"from"`
		To    string `yaml:"to"`
		Legal string `yaml:"legal"`
	} `yaml:"ex_ante"`
	ConsultationMinDays    int    `yaml:"consultation_min_days"`
	ConsultationReportDays int    `yaml:"consultation_report_days"`
	VoivodeshipOpinionDays int    `yaml:"voivodeship_opinion_days"`
	IZOpinionDays          int    `yaml:"iz_opinion_days"`
	EligibilityEnd20212027 string `yaml:"eligibility_end_2021_2027"`
	MMPMaxPopulation       int    `yaml:"mmp_max_population"`
	// Acts names the acts provisions belong to, by key (usg, upzpr, cpr…).
	Acts map[string]struct {
		Title string `yaml:"title"`
		Text  string `yaml:"text"`
	} `yaml:"acts"`
	// Provisions is the text of the law strategia relies on: every
	// provision a rule, a message or a document cites is here.
	Provisions []Provision `yaml:"provisions"`
	// Documents are the legal bases the procedure documents cite.
	Documents DocumentBases `yaml:"documents"`
}

// Provision is one article or ustęp of an act, with its text and where
// the text comes from.
type Provision struct {
	Act      string `yaml:"act"` // key of Law.Acts
	Art      string `yaml:"art"` // "10g"
	Ust      string `yaml:"ust"` // "4a", "" for an article without ustępy
	Text     string `yaml:"text"`
	Source   string `yaml:"source"`
	AsOf     string `yaml:"as_of"`    // the state of the law of the source's copy
	Verbatim bool   `yaml:"verbatim"` // false: a summary (full wording not retrieved)
}

// DocumentBases are the legal bases of the procedure documents, as they
// are printed ("art. 18 ust. 2 pkt 6a … ustawy z dnia 8 marca 1990 r. o
// samorządzie gminnym"): every provision they cite is in law.yaml's
// provisions.
type DocumentBases struct {
	// AdoptionByGmina, AdoptionByPowiat and AdoptionByAssembly are the bases
	// of a resolution adopting a strategia rozwoju ponadlokalnego by a
	// gmina council, a powiat council and the assembly of a związek or
	// association.
	AdoptionByGmina    string `yaml:"adoption_by_gmina"`
	AdoptionByPowiat   string `yaml:"adoption_by_powiat"`
	AdoptionByAssembly string `yaml:"adoption_by_assembly"`
	// Procedure is the basis of the resolution on the detailed procedure
	// and schedule of preparing the draft.
	Procedure string `yaml:"procedure"`
	// OpinionRequest is the basis of the request for the voivodeship
	// board's opinion.
	OpinionRequest string `yaml:"opinion_request"`
}

var (
	lawOnce sync.Once
	law     *Law
)

// TheLaw returns the embedded law.yaml, parsed on first use.
func TheLaw() *Law {
	lawOnce.Do(func() {
		b, err := data.FS.ReadFile("law.yaml")
		if err != nil {
			panic("refdata: " + err.Error())
		}
		l := &Law{}
		if err := yaml.Unmarshal(b, l); err != nil {
			panic("refdata: law.yaml: " + err.Error())
		}
		law = l
	})
	return law
}
