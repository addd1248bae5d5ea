package scaffold

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/refdata"
)

func slug(name string) string {
	s := refdata.Normalize(name)
	s = strings.TrimPrefix(s, "partnerstwo ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

func q(s string) string { return fmt.Sprintf("%q", s) }

// render returns the text files of a new partnership by path.
func render(o Options, ms []member, abs, schemaDir string) map[string][]byte {
	files := map[string][]byte{}
	modeline := func(file, kind string) string {
		rel, err := filepath.Rel(filepath.Dir(filepath.Join(abs, file)), filepath.Join(schemaDir, kind+".schema.json"))
		if err != nil {
			rel = filepath.Join(schemaDir, kind+".schema.json")
		}
		return "# yaml-language-server: $schema=" + filepath.ToSlash(rel) + "\n"
	}
	put := func(file, kind, body string) {
		files[file] = []byte(modeline(file, kind) + body)
	}
	y0, y1 := o.Year, max(o.Year+6, 2030)
	leader := ms[0].unit.Code
	var gminy []string
	voivs := map[string]bool{}
	for _, m := range ms {
		voivs[m.unit.Code[:2]] = true
		if m.kind != "powiat" {
			gminy = append(gminy, m.unit.Code)
		}
	}
	v0 := ms[0].unit.Code[:2]

	// partnership.yaml
	var b strings.Builder
	fmt.Fprintf(&b, `#
# Tożsamość partnerstwa. Członkowie są identyfikowani WYŁĄCZNIE kodem TERC (nigdy nazwą):
# nazwy, rodzaje, powiaty i województwa wypełniono z rejestru TERC (GUS, stan na %s).
# Pola oznaczone UZUPEŁNIJ zawierają wartości zastępcze.

partnership:
  id: %s                      # identyfikator (slug): małe litery, cyfry, myślniki
  name: %s
  doc_type: srp                   # srp (strategia rozwoju ponadlokalnego) | srg | strategia_terytorialna | strategia_zit | strategia_iit
  programme: cwd_2023             # cwd_pilot | cwd_plus | cwd_2023 | other
  osi_types: []                   # oztm | mmp | mstf – typy OSI KSRR 2030, jeśli dotyczą
  supported_in_voivodeship: %q    # województwo wspierające partnerstwo (kod TERC)
  legal_form: porozumienie_miedzygminne  # zwiazek_miedzygminny | zwiazek_powiatowo_gminny | stowarzyszenie | porozumienie_miedzygminne | list_intencyjny | umowa_partnerska
  leader: %q                 # kod TERC lidera (jeden z członków)
  period: {from: %d, to: %d}   # okres obowiązywania strategii
  teryt_edition: %s         # wydanie rejestru TERC, z którym sprawdzono kody
  version: "0.1"
  status: draft                   # draft | consultation | adopted
  # Dokumenty procedury budowane obok strategii: diagnosis_report, consultation_report,
  # resolutions, procedure_resolutions, opinion_requests.
  documents: [diagnosis_report]
  # Streszczenie (do 4 stron: wizja, cele, projekty kluczowe, budżet) na początku strategii:
  # document_options: {executive_summary: true}
  advisors: []                    # [{name: "…", role: doradca_partnerstwa}]

  members:
`, refdata.TERC().Edition(), slug(o.Name), q(o.Name), v0, leader, y0, y1, refdata.TERC().Edition())
	for i, m := range ms {
		u := m.unit
		role := "partner"
		if i == 0 {
			role = "lider"
		}
		fmt.Fprintf(&b, "    # %s – %s, %s\n", u.Name, u.Kind, refdata.VoivodeshipName(u.Code[:2]))
		fmt.Fprintf(&b, "    - teryt: %q\n      kind: %s\n      name: %q\n", u.Code, m.kind, u.Name)
		if u.Type != 0 {
			fmt.Fprintf(&b, "      gmina_type: %d               # rodzaj gminy z kodu TERC (1 miejska, 2 wiejska, 3 miejsko-wiejska)\n", u.Type)
		}
		if len(u.Code) == 7 {
			fmt.Fprintf(&b, "      powiat: %q\n", u.Code[:4])
		}
		fmt.Fprintf(&b, "      voivodeship: %q\n      role: %s\n", u.Code[:2], role)
		if i == 0 {
			b.WriteString("      # population: {value: 0, year: 0, source: gus_bdl}   # UZUPEŁNIJ: ludność (GUS BDL, stan 31 XII)\n      # area_km2: 0                                         # UZUPEŁNIJ: powierzchnia\n      # is_powiat_seat: true                                # siedziba powiatu?\n")
		}
	}
	put("partnership.yaml", "partnership", b.String())

	// diagnosis.yaml
	put("diagnosis.yaml", "diagnosis", fmt.Sprintf(`#
# Diagnoza sytuacji społecznej, gospodarczej i przestrzennej (art. 10a ust. 1 upzpr) i wnioski z niej
# (art. 10e ust. 3 usg). Rozdziały są w plikach Markdown w folderze diag/.

diagnosis:
  reference_year: %d            # rok, którego dotyczą dane diagnozy
  sources:
    - {id: gus_bdl, name: "GUS, Bank Danych Lokalnych", url: "https://bdl.stat.gov.pl"}
  chapters:                       # rozdziały diagnozy – po co najmniej jednym w każdym wymiarze
    - {id: D1, title: "Sytuacja społeczna", dimension: spoleczny, body_md: diag/spoleczny.md, indicators: [pop_total]}
    - {id: D2, title: "Sytuacja gospodarcza", dimension: gospodarczy, body_md: diag/gospodarczy.md}
    - {id: D3, title: "Sytuacja przestrzenna", dimension: przestrzenny, body_md: diag/przestrzenny.md}
  functional_links_md: diag/powiazania.md   # powiązania funkcjonalne (dojazdy, usługi) – „gminy powiązane funkcjonalnie”
  conclusions:                    # wnioski z diagnozy
    - {id: W1, dimension: spoleczny, text: "UZUPEŁNIJ: wniosek z diagnozy w wymiarze społecznym.", evidence: [pop_total]}
    - {id: W2, dimension: gospodarczy, text: "UZUPEŁNIJ: wniosek z diagnozy w wymiarze gospodarczym."}
    - {id: W3, dimension: przestrzenny, text: "UZUPEŁNIJ: wniosek z diagnozy w wymiarze przestrzennym."}
  challenges: []                  # wyzwania rozwojowe: [{id: WY1, text: "…", from: [W1]}]
`, y0-1))

	// indicators.yaml
	var iv strings.Builder
	for _, g := range gminy {
		fmt.Fprintf(&iv, "      # - {unit: %q, year: %d, value: 0}\n", g, y0-1)
	}
	put("indicators.yaml", "indicators", fmt.Sprintf(`#
# Katalog wskaźników z wartościami dla jednostek (kody TERC gmin), partnerstwa („partnership”),
# województwa („%s”) lub kraju („PL”). Agregacja: sum – suma gmin członkowskich (bez powiatów),
# ratio – iloraz sum licznika i mianownika, none – wartość dla partnerstwa podana wprost.

indicators:
  - id: pop_total
    name: "Ludność ogółem (stan 31 XII)"
    unit: "osoby"
    kind: context                 # context | output | result | impact
    polarity: up                  # up (stymulanta) | down (destymulanta) | neutral
    decimals: 0
    source: {id: gus_bdl, variable: "ludność według płci"}
    aggregation: {method: sum}
    values: []                    # UZUPEŁNIJ, np.:
%s`, v0, iv.String()))

	// swot.yaml
	put("swot.yaml", "swot", `#
# Analiza SWOT: mocne i słabe strony, szanse i zagrożenia (z odwołaniami do wniosków i wskaźników).

swot:
  strengths: [{id: S1, text: "UZUPEŁNIJ: mocna strona.", dimension: przestrzenny}]
  weaknesses: [{id: SL1, text: "UZUPEŁNIJ: słaba strona.", dimension: spoleczny, evidence: [W1]}]
  opportunities: [{id: O1, text: "UZUPEŁNIJ: szansa."}]
  threats: [{id: T1, text: "UZUPEŁNIJ: zagrożenie."}]
`)

	// goals.yaml
	var g strings.Builder
	fmt.Fprintf(&g, `#
# Wizja, misja, cele strategiczne w wymiarze społecznym, gospodarczym i przestrzennym (art. 10e ust. 3 pkt 1 usg),
# kierunki działań (pkt 2) i oczekiwane rezultaty ze wskaźnikami (pkt 3).

vision: {horizon: %d, text: "UZUPEŁNIJ: wizja rozwoju obszaru partnerstwa."}
mission: "UZUPEŁNIJ: misja partnerstwa."
strategic_goals:
`, y1)
	dims := []struct{ dim, title string }{{"spoleczny", "społecznym"}, {"gospodarczy", "gospodarczym"}, {"przestrzenny", "przestrzennym"}}
	for i, d := range dims {
		n := i + 1
		fmt.Fprintf(&g, `  - id: CS%d
    title: "UZUPEŁNIJ: cel strategiczny w wymiarze %s"
    dimensions: [%s]
    responds_to: [W%d]
`, n, d.title, d.dim, n)
		if i == 0 {
			g.WriteString("    srw_links:                    # spójność ze strategią rozwoju województwa (art. 10e ust. 2 usg)\n")
			for _, v := range sortedKeys(voivs) {
				fmt.Fprintf(&g, "      - {voivodeship: %q, document: \"UZUPEŁNIJ: nazwa strategii rozwoju województwa (%s)\", goal: \"UZUPEŁNIJ: cel tej strategii\"}\n", v, refdata.VoivodeshipName(v))
			}
		}
		fmt.Fprintf(&g, `    directions:
      - id: KD%d.1
        title: "UZUPEŁNIJ: kierunek działań"
        results:
          - id: R%d.1a
            text: "UZUPEŁNIJ: oczekiwany rezultat."
            spatial: %t               # rezultat w wymiarze przestrzennym (wymagany co najmniej jeden)
            indicators:
              - {indicator: pop_total, baseline: {year: %d, value: 0}, target: {year: %d, value: 0}}   # UZUPEŁNIJ wartości
`, n, n, i == 2, y0-1, y1)
	}
	put("goals.yaml", "goals", g.String())

	// spatial.yaml
	put("spatial.yaml", "spatial", fmt.Sprintf(`#
# Obszary strategicznej interwencji (art. 10e ust. 3 pkt 6–7 usg), model struktury
# funkcjonalno-przestrzennej (pkt 4), ustalenia i rekomendacje polityki przestrzennej (pkt 5) oraz mapy
# (część graficzna, ust. 4).

osi:
%s# osi_regional_none_statement: "…"   # zamiast OSI regionalnych: wyjaśnienie, dlaczego ich brak
model_fsp:
  description_md: spatial/model.md
  elements: [{id: E1, type: osrodek, name: %q, level: lokalny}]
  maps: [M1]
spatial_recommendations:
  - {id: RP1, text: "UZUPEŁNIJ: rekomendacja w zakresie polityki przestrzennej.", applies_to: [%q]}
maps:
  - {id: M1, title: "Obszar partnerstwa", file: maps/m1.png, alt: "Mapa obszaru partnerstwa (do zastąpienia)", source: "UZUPEŁNIJ: PRG GUGiK; opracowanie własne", teryt_edition: %s}
`, regionalOSI(ms, sortedKeys(voivs)), ms[0].unit.Name, leader, refdata.TERC().Edition()))

	// implementation.yaml
	put("implementation.yaml", "implementation", `#
# System realizacji strategii (art. 10e ust. 3 pkt 8 usg) i uspołecznienie (art. 6 upzpr,
# art. 29 ust. 1 lit. d CPR). Daty procedury uzupełnia się w miarę jej przebiegu.

implementation:
  management: [{body: "Rada Partnerstwa", role: "UZUPEŁNIJ: rola w realizacji strategii"}]
  monitoring: {frequency: annual, report: "Raport z monitoringu strategii"}
  evaluation: [{type: ex_ante}, {type: mid_term}, {type: ex_post}]
  executive_docs_guidelines: ["UZUPEŁNIJ: wytyczne do dokumentów wykonawczych (np. plan ogólny gminy)"]
participation:
  partners_involved:              # kogo zaangażowano (art. 6 ust. 3 upzpr)
    - {group: neighbouring_gminy}
    - {group: ngo}
    - {group: business}
    - {group: residents}
    - {group: rzgw}
  # procedure_resolution: {body: "…", number: "…", date: RRRR-MM-DD}   # uchwała w sprawie trybu i harmonogramu
  # consultation: {announced: …, from: …, to: …, report_date: …}      # co najmniej 35 dni
  # voivodeship_opinion: [{voivodeship: "…", requested: …, received: …, result: positive}]
  # soos: {mode: waiver, rdos: …, pwis: …}                              # prognoza | waiver
  adoptions: []
integrated_approach_md: strategy/integrated.md
`)

	// finance.yaml
	put("finance.yaml", "finance", fmt.Sprintf(`#
# Ramy finansowe i źródła finansowania (art. 10e ust. 3 pkt 9 usg). Źródła – kanoniczne identyfikatory
# z rejestru programów (np. fe_%s_2021_2027, kpo, rfil, budzet_jst). Sumy by_goal i by_source = total.

financial_framework:
  period: {from: %d, to: %d}
  currency: PLN
  total: 3000000                  # UZUPEŁNIJ (kwoty zastępcze)
  by_goal:                        # UZUPEŁNIJ (kwoty zastępcze)
    - {goal: CS1, amount: 1000000}
    - {goal: CS2, amount: 1000000}
    - {goal: CS3, amount: 1000000}
  by_source:                      # UZUPEŁNIJ (kwoty zastępcze)
    - {source: budzet_jst, amount: 3000000}
`, v0, y0, y1))

	// projects/P01.yaml
	var scope []string
	for _, c := range gminy {
		scope = append(scope, q(c))
	}
	put("projects/P01.yaml", "project", fmt.Sprintf(`#
# Fiszka projektu: jeden plik na projekt (projects/P01.yaml, P02.yaml …).

project:
  id: P01
  title: "UZUPEŁNIJ: tytuł projektu"
  status: idea                    # idea | proposed | accepted | reserve | in_preparation | submitted | funded | completed | dropped
  priority: key                   # key (kluczowy) | complementary (uzupełniający); co najmniej jeden projekt kluczowy
  kind: investment                # investment | soft | mixed
  leader: {member: %q}
  partners: []                    # [{member: "TERC", role: "…"}]
  scope_teryt: [%s]
  problem_md: "UZUPEŁNIJ: problem, na który odpowiada projekt."
  objective: "UZUPEŁNIJ: cel projektu."
  links:
    goals: [{ref: KD1.1, contribution: primary}]
  integration:
    integrated_character_md: "UZUPEŁNIJ: dlaczego projekt jest zintegrowany."
  budget:
    currency: PLN
    total: 100000                 # UZUPEŁNIJ
    sources: [{source: budzet_jst, amount: 100000}]   # UZUPEŁNIJ
  state_aid: {occurs: false, justification_md: "UZUPEŁNIJ: czy w projekcie występuje pomoc publiczna i dlaczego."}
  complementarity_md: "UZUPEŁNIJ: komplementarność z innymi interwencjami."
  demarcation_md: "UZUPEŁNIJ: demarkacja z innymi programami i funduszami."
  contact: {name: "UZUPEŁNIJ: osoba do kontaktu"}
  fiche: {date: %d-01-01, version: "0.1"}   # UZUPEŁNIJ
  selection: {mode: competitive}  # UZUPEŁNIJ: competitive | non_competitive (z instrument: zit | iit)
`, leader, strings.Join(scope, ", "), o.Year))

	// consultation/comments.yaml
	put("consultation/comments.yaml", "comments", `#
# Uwagi zgłoszone w konsultacjach projektu strategii i sposób ich rozpatrzenia. Z tego pliku
# powstaje sprawozdanie z przebiegu i wyników konsultacji, gdy partnership.documents zawiera
# consultation_report (art. 6 ust. 6 ustawy o zasadach prowadzenia polityki rozwoju).
# Zamiast tego pliku można użyć consultation/comments.csv z tymi samymi kolumnami (eksport
# formularza internetowego albo arkusza): strategia schema comments.
#
# Osób prywatnych (party: residents) nie podpisuj imieniem i nazwiskiem.
#
# comments:
#   - number: 1
#     date: RRRR-MM-DD
#     channel: formularz_online   # email | poczta | osobiscie | spotkanie | warsztaty | punkt_konsultacyjny
#     party: ngo                  # residents | business | neighbouring_gminy | member_jst | rzgw | …
#     author: "…"                 # nazwa instytucji albo organizacji
#     refers_to: CS1              # ID celu, kierunku, przedsięwzięcia, OSI, rozdziału – albo "ogólna"
#     comment: "…"
#     response: accepted          # accepted | partially_accepted | rejected | explanation
#     justification: "…"          # wymagane, gdy uwaga nie została uwzględniona w całości
comments: []
`)

	md := func(p, title string) {
		files[p] = []byte("# " + title + "\n\nUZUPEŁNIJ.\n")
	}
	md("diag/spoleczny.md", "Sytuacja społeczna")
	md("diag/gospodarczy.md", "Sytuacja gospodarcza")
	md("diag/przestrzenny.md", "Sytuacja przestrzenna")
	md("diag/powiazania.md", "Powiązania funkcjonalne")
	md("spatial/model.md", "Model struktury funkcjonalno-przestrzennej")
	md("strategy/integrated.md", "Podejście zintegrowane")
	return files
}

// regionalOSI writes one regional OSI placeholder for the development
// strategy of each voivodeship the members lie in (LEG-05), with the
// member gminy of that voivodeship.
func regionalOSI(ms []member, voivs []string) string {
	var b strings.Builder
	for i, v := range voivs {
		var in []string
		for _, m := range ms {
			if m.unit.Code[:2] == v && m.kind != "powiat" {
				in = append(in, q(m.unit.Code))
			}
		}
		fmt.Fprintf(&b, `  - id: OSI-R%d
    origin: regional              # regional – OSI ze strategii województwa | local – OSI kluczowe dla partnerstwa
    name: "UZUPEŁNIJ: OSI wyznaczony w strategii rozwoju województwa (%s)"
    members: [%s]
    planned_actions: [KD1.1]
    map: M1
`, i+1, refdata.VoivodeshipName(v), strings.Join(in, ", "))
	}
	return b.String()
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slicesSort(out)
	return out
}

func slicesSort(s []string) { slices.Sort(s) }
