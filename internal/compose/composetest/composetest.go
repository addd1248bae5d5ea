// Package composetest generates deterministic Polish sample content — a
// whole model.Strategy with a diagnosis of a chosen length, goals,
// SWOT, OSI, maps, finance and project fiches — for the benchmarks and
// tests of compose and the renderers. The same arguments always give the
// same content. It imports only the model and the standard library.
package composetest

import (
	"bytes"
	"fmt"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
)

// rng is a small deterministic generator (xorshift64*).
type rng uint64

func (r *rng) next() uint64 {
	x := uint64(*r)
	x ^= x >> 12
	x ^= x << 25
	x ^= x >> 27
	*r = rng(x)
	return x * 2685821657736338717
}

func (r *rng) intn(n int) int { return int(r.next()>>33) % n }

func (r *rng) pick(s []string) string { return s[r.intn(len(s))] }

var subjects = []string{
	"Obszar partnerstwa", "Sieć osadnicza", "Lokalna gospodarka", "Społeczność lokalna", "Rynek pracy",
	"Infrastruktura techniczna", "System transportowy", "Środowisko przyrodnicze", "Dziedzictwo kulturowe",
	"Sektor rolno-spożywczy", "Oferta edukacyjna", "System ochrony zdrowia",
}
var verbs = []string{"wykazuje", "charakteryzuje się", "odznacza się", "utrzymuje", "wzmacnia", "potrzebuje", "rozwija", "ogranicza"}
var objects = []string{
	"zróżnicowaną strukturą przestrzenną i funkcjonalną",
	"wysokim poziomem przedsiębiorczości mieszkańców",
	"ujemne saldo migracji w ostatnich latach",
	"potencjał turystyczny doliny rzeki Pisy",
	"dostępność komunikacyjną do ośrodków regionalnych",
	"niewystarczającą liczbę miejsc w żłobkach i przedszkolach",
	"rozbudowę sieci kanalizacyjnej i wodociągowej",
	"współpracę z organizacjami pozarządowymi",
	"zrównoważony rozwój obszarów wiejskich",
	"inwestycje w odnawialne źródła energii",
	"rewitalizację zdegradowanych przestrzeni publicznych",
	"kompetencje cyfrowe osób starszych",
}
var tails = []string{
	"co potwierdzają dane Głównego Urzędu Statystycznego",
	"zgodnie z wnioskami z badań ankietowych",
	"w porównaniu ze średnią dla województwa",
	"szczególnie w gminach wiejskich",
	"a także w ujęciu dynamicznym",
	"z uwagi na ograniczone zasoby finansowe",
}

func (r *rng) sentence() string {
	s := r.pick(subjects) + " " + r.pick(verbs) + " " + r.pick(objects)
	if r.intn(3) > 0 {
		s += ", " + r.pick(tails)
	}
	return s + "."
}

func (r *rng) paragraph(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		s := r.sentence()
		switch r.intn(8) {
		case 0:
			w := strings.SplitN(s, " ", 3)
			s = w[0] + " **" + w[1] + "** " + w[2]
		case 1:
			s = "*" + strings.TrimSuffix(s, ".") + "*."
		case 2:
			s = strings.TrimSuffix(s, ".") + " (zob. {{goal:CS1}})."
		}
		b.WriteString(s)
	}
	return b.String()
}

var gminy = []struct {
	teryt, name string
	pop         float64
	area        float64
}{
	{"2006011", "Kolno", 10060, 24.7}, {"2006032", "Kolno", 8020, 253.6}, {"2006022", "Grabowo", 4120, 163.4},
	{"2006042", "Mały Płock", 4860, 139.9}, {"2006053", "Stawiski", 5870, 172.8}, {"2006062", "Turośl", 5050, 185.6},
}

func md(path, text string) model.Markdown {
	return model.Markdown{Raw: path, Text: text, File: path, Line: 1}
}

func ref(id string) model.Ref { return model.Ref{ID: id} }

func refs(ids ...string) model.Refs {
	out := make(model.Refs, len(ids))
	for i, id := range ids {
		out[i] = ref(id)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// linesPerPage approximates one A4 page of body text as render/pdf sets it.
const linesPerPage = 40

// Strategy returns a sample strategy whose diagnosis fills about pages A4
// pages, and a ReadFile for its maps (compose.Options.ReadFile). Markdown
// chapters hold headings, paragraphs with emphasis, lists, tables,
// footnotes and {{ind}}/{{goal}}/{{map}} references; every chapter has an
// indicator table.
func Strategy(pages int) (*model.Strategy, func(rel string) ([]byte, error)) {
	r := rng(0x9E3779B97F4A7C15)
	s := &model.Strategy{Dir: "/sample"}
	p := &s.Partnership
	p.ID, p.Name, p.DocType, p.Programme = "probne", "Partnerstwo Ziemi Próbnej", "srp", "cwd_plus"
	p.OSITypes, p.SupportedInVoivodeship, p.LegalForm, p.Formed = []string{"oztm", "mmp"}, "20", "porozumienie_miedzygminne", "2022-09-20"
	p.Leader, p.Period, p.TerytEdition, p.Version, p.Status = ref("2006011"), model.Period{From: 2024, To: 2030}, "2025-01-01", "1.0", "consultation"
	for i, g := range gminy {
		m := &model.Member{Teryt: ref(g.teryt), Kind: "gmina", Name: g.name, Role: "partner",
			Population: &model.Observed{Value: g.pop, Year: 2022, Source: "gus_bdl"}, AreaKm2: g.area}
		if i == 0 {
			m.Role = "lider"
		}
		p.Members = append(p.Members, m)
	}

	// indicators: one per chapter, values for members, partnership, voivodeship
	dg := &s.Diagnosis
	dg.ReferenceYear, dg.DataCutoff = 2022, "2023-06-30"
	dg.Sources = []*model.Source{{ID: "gus_bdl", Name: "GUS, Bank Danych Lokalnych", URL: "https://bdl.stat.gov.pl"}}
	nch := max(1, pages/8)
	budget := pages * linesPerPage * 8 / 5 // calibrated: Strategy(120) gives a diagnosis of about 120 pages in render/pdf
	per := budget / nch
	for c := range nch {
		id := fmt.Sprintf("ind_%02d", c+1)
		in := &model.Indicator{ID: id, Name: "Wskaźnik " + objects[c%len(objects)], Unit: []string{"%", "osoby", "‰", "zł"}[c%4],
			Kind: "context", Polarity: "up", Decimals: ptr(1), Source: &model.IndicatorSource{ID: ref("gus_bdl")},
			Aggregation: &model.Aggregation{Method: "none"}}
		for y := 2016; y <= 2022; y++ {
			for _, g := range gminy {
				in.Values = append(in.Values, &model.Value{Unit: ref(g.teryt), Year: y, Value: ptr(float64(100+r.intn(9000)) / 10)})
			}
			in.Values = append(in.Values, &model.Value{Unit: ref("partnership"), Year: y, Value: ptr(float64(100+r.intn(9000)) / 10)},
				&model.Value{Unit: ref("20"), Year: y, Value: ptr(float64(100+r.intn(9000)) / 10)})
		}
		s.Indicators = append(s.Indicators, in)
		path := fmt.Sprintf("diag/rozdzial-%02d.md", c+1)
		dg.Chapters = append(dg.Chapters, &model.Chapter{ID: fmt.Sprintf("D%d", c+1),
			Title: subjects[c%len(subjects)] + " – stan i trendy", Dimension: []string{"spoleczny", "gospodarczy", "przestrzenny"}[c%3],
			Body: md(path, r.chapter(c, per, id)), Indicators: refs(id)})
	}
	for i := range 9 {
		dg.Conclusions = append(dg.Conclusions, &model.Conclusion{ID: fmt.Sprintf("W%d", i+1),
			Dimension: []string{"spoleczny", "gospodarczy", "przestrzenny"}[i%3], Text: r.sentence(), Evidence: refs("ind_01")})
	}
	dg.Challenges = []*model.Challenge{{ID: "WY1", Text: r.sentence(), From: refs("W1", "W2")}, {ID: "WY2", Text: r.sentence(), From: refs("W3")}}

	sw := &s.SWOT
	for i := range 6 {
		sw.Strengths = append(sw.Strengths, &model.SWOTItem{ID: fmt.Sprintf("S%d", i+1), Text: r.sentence()})
		sw.Weaknesses = append(sw.Weaknesses, &model.SWOTItem{ID: fmt.Sprintf("SL%d", i+1), Text: r.sentence()})
		sw.Opportunities = append(sw.Opportunities, &model.SWOTItem{ID: fmt.Sprintf("O%d", i+1), Text: r.sentence()})
		sw.Threats = append(sw.Threats, &model.SWOTItem{ID: fmt.Sprintf("T%d", i+1), Text: r.sentence()})
	}

	s.Vision = model.Vision{Horizon: 2030, Text: "Ziemia Próbna – miejsce, w którym warto mieszkać, pracować i wypoczywać."}
	s.Mission = model.Markdown{Raw: "Wspólnie rozwijamy usługi, gospodarkę i przestrzeń.", Text: "Wspólnie rozwijamy usługi, gospodarkę i przestrzeń."}
	for g := 1; g <= 3; g++ {
		sg := &model.StrategicGoal{ID: fmt.Sprintf("CS%d", g), Title: subjects[g] + " – cel rozwoju",
			Dimensions: []string{"spoleczny", "gospodarczy"}, RespondsTo: refs("W1", "WY1"),
			Description: md(fmt.Sprintf("goals/cs%d.md", g), r.paragraph(4))}
		for o := 1; o <= 2; o++ {
			og := &model.OperationalGoal{ID: fmt.Sprintf("CS%d.%d", g, o), Title: objects[(g+o)%len(objects)]}
			for k := 1; k <= 2; k++ {
				d := &model.Direction{ID: fmt.Sprintf("KD%d.%d.%d", g, o, k), Title: objects[(g*o+k)%len(objects)],
					Description: md(fmt.Sprintf("goals/kd%d%d%d.md", g, o, k), r.paragraph(3)), OSI: refs("OSI-R1")}
				d.Results = []*model.Result{{ID: fmt.Sprintf("R%d.%d.%da", g, o, k), Text: r.sentence(), Spatial: k == 1,
					Indicators: []*model.IndicatorTarget{{Indicator: ref("ind_01"), Baseline: &model.YearValue{Year: 2022, Value: 50},
						Target: &model.YearValue{Year: 2030, Value: 60}, Frequency: "annual"}}}}
				og.Directions = append(og.Directions, d)
			}
			sg.OperationalGoals = append(sg.OperationalGoals, og)
		}
		s.StrategicGoals = append(s.StrategicGoals, sg)
	}

	s.Spatial.Maps = []*model.Map{
		{ID: "M1", Title: "Obszar partnerstwa", File: "maps/m1.png", Alt: "Mapa gmin partnerstwa", Source: "PRG GUGiK; opracowanie własne"},
		{ID: "M2", Title: "Model struktury funkcjonalno-przestrzennej", File: "maps/m2.png", Alt: "Mapa modelu", Source: "opracowanie własne"},
		{ID: "M3", Title: "Obszary strategicznej interwencji", File: "maps/m3.png", Alt: "Mapa OSI", Source: "SRWP 2030"},
	}
	s.Spatial.OSI = []*model.OSI{{ID: "OSI-R1", Origin: "regional", Name: "Obszary zagrożone trwałą marginalizacją",
		Members: refs("2006032", "2006022"), PlannedActions: refs("KD1.1.1", "KD2.1.1"), Map: ref("M3")}}
	s.Spatial.ModelFSP = &model.ModelFSP{Description: md("spatial/model.md", r.paragraph(6)), Maps: refs("M2"),
		Elements: []*model.ModelElement{{ID: "E1", Type: "osrodek", Name: "Kolno", Level: "ponadlokalny"}, {ID: "E2", Type: "pasmo", Name: "DW 647"}}}
	s.Spatial.Recommendations = []*model.Recommendation{{ID: "RP1", Text: r.sentence(), AppliesTo: refs("2006011"), Related: refs("KD1.1.1")}}

	s.Implementation = model.Implementation{Management: []*model.Body{{Body: "Rada Partnerstwa", Role: "nadzór nad realizacją"}},
		Coordinator: ref("2006011"), Monitoring: &model.Monitoring{Frequency: "annual", Report: "Raport z monitoringu", FirstYear: 2025},
		Evaluation: []*model.Evaluation{{Type: "mid_term", Planned: 2027}}, ExecutiveDocsGuidelines: []string{"plan ogólny gminy"}}
	s.Participation = model.Participation{PartnersInvolved: []*model.PartnerGroup{{Group: "residents"}, {Group: "ngo"}},
		Consultation: &model.Consultation{Announced: "2024-04-01", From: "2024-04-02", To: "2024-05-10", Channels: []string{"www", "spotkania"}}}
	s.IntegratedApproach = md("strategy/integrated.md", r.paragraph(5))

	s.Finance = model.FinancialFramework{Period: &model.Period{From: 2024, To: 2030}, Currency: "PLN", Total: 90000000,
		ByGoal:   []*model.GoalAmount{{Goal: ref("CS1"), Amount: 30000000}, {Goal: ref("CS2"), Amount: 30000000}, {Goal: ref("CS3"), Amount: 30000000}},
		BySource: []*model.SourceAmount{{Source: ref("fe_20_2021_2027"), Amount: 60000000}, {Source: ref("budzet_jst"), Amount: 30000000}},
		ByYear:   []*model.YearAmount{{Year: 2025, Amount: 40000000}, {Year: 2026, Amount: 50000000}}}
	for i := 1; i <= 6; i++ {
		total := float64(1000000 * (i + 2))
		pr := &model.Project{ID: fmt.Sprintf("P%02d", i), Title: "Projekt " + objects[i%len(objects)], Status: "accepted",
			Priority: "key", Kind: "mixed", Leader: model.ProjectLeader{Member: ref(gminy[i%len(gminy)].teryt)},
			Partners:   []*model.ProjectPartner{{Member: ref(gminy[(i+1)%len(gminy)].teryt), Role: "partner"}},
			ScopeTeryt: refs(gminy[i%len(gminy)].teryt, gminy[(i+1)%len(gminy)].teryt),
			Problem:    md(fmt.Sprintf("projects/P%02d-problem.md", i), r.paragraph(3)), Objective: r.sentence(),
			Description:  md(fmt.Sprintf("projects/P%02d.md", i), r.paragraph(5)),
			TargetGroups: []string{"mieszkańcy", "seniorzy"},
			Links: model.ProjectLinks{Goals: []*model.GoalLink{{Ref: ref(fmt.Sprintf("KD%d.1.1", (i-1)%3+1)), Contribution: "primary"},
				{Ref: ref(fmt.Sprintf("CS%d", i%3+1)), Contribution: "secondary"}}},
			Timeline: &model.Timeline{Start: "2025-01", End: "2027-12"},
			Budget: &model.Budget{Currency: "PLN", Total: total, Sources: []*model.SourceAmount{
				{Source: ref("fe_20_2021_2027"), Amount: total * 0.85}, {Source: ref("budzet_jst"), Amount: total * 0.15}},
				ByYear: []*model.YearAmount{{Year: 2025, Amount: total / 2}, {Year: 2026, Amount: total / 2}}},
			Indicators: &model.ProjectIndicators{Output: []*model.OutputIndicator{{Code: "RCO 74", Name: "Ludność objęta projektami", Unit: "osoby", Target: 12000, Year: 2027}}},
			Readiness:  &model.Readiness{Stage: "koncepcja", LandRights: "secured"},
			Risks:      []*model.Risk{{Text: r.sentence(), Mitigation: r.sentence()}},
		}
		s.Projects = append(s.Projects, pr)
	}
	images := map[string][]byte{"maps/m1.png": mapPNG(1), "maps/m2.png": mapPNG(2), "maps/m3.png": mapPNG(3)}
	return s, func(rel string) ([]byte, error) {
		if b, ok := images[rel]; ok {
			return b, nil
		}
		return nil, fs.ErrNotExist
	}
}

// chapter writes a Markdown chapter of about lines lines of body text.
func (r *rng) chapter(c, lines int, ind string) string {
	var b strings.Builder
	fn := 0
	for sec := 1; lines > 0; sec++ {
		fmt.Fprintf(&b, "## %s\n\n", plfmt.UpperFirst(objects[(c+sec)%len(objects)]))
		lines -= 3
		for used := 0; used < linesPerPage*2 && lines > 0; {
			var l int
			switch k := r.intn(14); {
			case k < 9:
				b.WriteString(r.paragraph(3 + r.intn(4)))
				if r.intn(4) == 0 {
					fn++
					fmt.Fprintf(&b, "[^%d]\n\n[^%d]: Bank Danych Lokalnych GUS, dane za %d r.", fn, fn, 2015+r.intn(8))
				}
				b.WriteString("\n\n")
				l = 9
			case k == 9:
				for range 4 {
					b.WriteString("- " + r.sentence() + "\n")
				}
				b.WriteString("\n")
				l = 9
			case k == 10:
				b.WriteString("| Gmina | 2016 | 2019 | 2022 |\n|:--|--:|--:|--:|\n")
				for _, g := range gminy {
					fmt.Fprintf(&b, "| %s | %d,%d | %d,%d | %d,%d |\n", g.name, r.intn(900), r.intn(10), r.intn(900), r.intn(10), r.intn(900), r.intn(10))
				}
				b.WriteString("\n")
				l = 14
			case k == 11:
				fmt.Fprintf(&b, "### Wnioski cząstkowe\n\nWartość wskaźnika dla partnerstwa: {{ind:%s}}. %s\n\n", ind, r.paragraph(2))
				l = 8
			case k == 12 && c == 0 && sec == 1:
				b.WriteString("{{map:M1}}\n\n")
				l = 25
			default:
				b.WriteString("> " + r.sentence() + "\n\n")
				l = 4
			}
			used += l
			lines -= l
		}
	}
	return b.String()
}

// mapPNG draws a small deterministic "map".
func mapPNG(seed int) []byte {
	const w, h = 320, 240
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{235, 240, 230, 255}
			if (x/40+y/40+seed)%3 == 0 {
				c = color.RGBA{uint8(120 + seed*30), 170, 120, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img) // an in-memory RGBA image always encodes
	return b.Bytes()
}
