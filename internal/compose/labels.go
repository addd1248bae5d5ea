package compose

import (
	"regexp"
	"strings"

	"github.com/strategia-pl/strategia/internal/refdata"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
)

// Polish labels for the enumerations of the content schema. A value
// missing here is printed as written.

func label(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return k
}

// docKind names the kind of strategy in titles ("Strategia rozwoju
// ponadlokalnego …").
var docKind = map[string]string{
	"srp":                    "Strategia rozwoju ponadlokalnego",
	"srg":                    "Strategia rozwoju gminy",
	"strategia_terytorialna": "Strategia terytorialna",
	"strategia_zit":          "Strategia terytorialna ZIT",
	"strategia_iit":          "Strategia terytorialna IIT",
}

// docKindInstr is the kind of strategy in the instrumental case
// ("Dokument jest strategią rozwoju ponadlokalnego").
var docKindInstr = map[string]string{
	"srp":                    "strategią rozwoju ponadlokalnego",
	"srg":                    "strategią rozwoju gminy",
	"strategia_terytorialna": "strategią terytorialną",
	"strategia_zit":          "strategią terytorialną realizowaną w formule zintegrowanych inwestycji terytorialnych (ZIT)",
	"strategia_iit":          "strategią terytorialną realizowaną w formule innych instrumentów terytorialnych (IIT)",
}

// legalBasis gives the legal basis of each document type.
var legalBasis = map[string][]string{
	"srp": {
		"art. 10g ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (strategia rozwoju ponadlokalnego: udział gmin i powiatów, formy współpracy, tryb opracowania, opiniowania i przyjęcia), który w ust. 3 stosuje do niej odpowiednio art. 10e ust. 2–4 tej ustawy (spójność i zawartość strategii);",
		"art. 9 pkt 6 i art. 10a ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju (diagnoza i uprzednia ewaluacja);",
		"art. 6 ustawy o zasadach prowadzenia polityki rozwoju (konsultacje społeczne).",
	},
	"srg": {
		"art. 10e i 10f ustawy z dnia 8 marca 1990 r. o samorządzie gminnym (zawartość i procedura strategii rozwoju gminy);",
		"art. 9 pkt 5 i art. 10a ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju;",
		"art. 6 ustawy o zasadach prowadzenia polityki rozwoju (konsultacje społeczne).",
	},
	"strategia_terytorialna": {
		"art. 28 i 29 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2021/1060 z dnia 24 czerwca 2021 r. (CPR);",
		"art. 10g ustawy z dnia 8 marca 1990 r. o samorządzie gminnym, gdy strategia jest zarazem strategią rozwoju ponadlokalnego;",
		"art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju (konsultacje społeczne).",
	},
	"strategia_zit": {
		"art. 28 lit. a i art. 29 rozporządzenia (UE) 2021/1060 (CPR);",
		"art. 34 ustawy z dnia 28 kwietnia 2022 r. o zasadach realizacji zadań finansowanych ze środków europejskich w perspektywie finansowej 2021–2027 (Dz.U. 2022 poz. 1079);",
		"art. 10g ustawy o samorządzie gminnym, gdy strategia jest zarazem strategią rozwoju ponadlokalnego.",
	},
	"strategia_iit": {
		"art. 28 lit. c i art. 29 rozporządzenia (UE) 2021/1060 (CPR);",
		"art. 36 ustawy z dnia 28 kwietnia 2022 r. o zasadach realizacji zadań finansowanych ze środków europejskich w perspektywie finansowej 2021–2027 (Dz.U. 2022 poz. 1079);",
		"art. 10g ustawy o samorządzie gminnym, gdy strategia jest zarazem strategią rozwoju ponadlokalnego.",
	},
}

// isTerritorial reports whether the document is a territorial strategy
// under art. 29 CPR (its annex holds the compliance checklist).
func isTerritorial(docType string) bool {
	return docType == "strategia_terytorialna" || docType == "strategia_zit" || docType == "strategia_iit"
}

var programmes = map[string]string{
	"cwd_pilot": "pilotaż Centrum Wsparcia Doradczego (2020–2022)",
	"cwd_plus":  "Centrum Wsparcia Doradczego – CWD Plus",
	"cwd_2023":  "Centrum Wsparcia Doradczego (nabór 2023)",
	"other":     "inny program wsparcia",
}

var osiTypes = map[string]string{
	"oztm": "obszar zagrożony trwałą marginalizacją",
	"mmp":  "małe miasto powiatowe z obszarem funkcjonalnym",
	"mstf": "miasto średnie tracące funkcje społeczno-gospodarcze",
}

var legalForms = map[string]string{
	"zwiazek_miedzygminny":      "związek międzygminny",
	"zwiazek_powiatowo_gminny":  "związek powiatowo-gminny",
	"stowarzyszenie":            "stowarzyszenie jednostek samorządu terytorialnego",
	"porozumienie_miedzygminne": "porozumienie międzygminne",
	"list_intencyjny":           "list intencyjny",
	"umowa_partnerska":          "umowa partnerska",
}

var docStatus = map[string]string{
	"draft":        "projekt",
	"consultation": "projekt do konsultacji społecznych",
	"adopted":      "dokument przyjęty",
}

var memberKinds = map[string]string{
	"gmina":                     "gmina",
	"powiat":                    "powiat",
	"miasto_na_prawach_powiatu": "miasto na prawach powiatu",
}

var gminaTypes = map[int]string{1: "gmina miejska", 2: "gmina wiejska", 3: "gmina miejsko-wiejska"}

var roles = map[string]string{"lider": "lider", "partner": "partner"}

var dimensions = map[string]string{
	"spoleczny":    "społeczny",
	"gospodarczy":  "gospodarczy",
	"przestrzenny": "przestrzenny",
}

var dimensionTitles = map[string]string{
	"spoleczny":    "Wymiar społeczny",
	"gospodarczy":  "Wymiar gospodarczy",
	"przestrzenny": "Wymiar przestrzenny",
}

var frequencies = map[string]string{
	"quarterly":  "co kwartał",
	"semiannual": "co pół roku",
	"annual":     "co roku",
	"biennial":   "co dwa lata",
	"triennial":  "co trzy lata",
	"once":       "jednorazowo",
}

var opinionResults = map[string]string{
	"positive":    "pozytywna",
	"negative":    "negatywna",
	"conditional": "warunkowa",
	"no_answer":   "brak odpowiedzi w terminie (uznaje się za pozytywną)",
	"pending":     "oczekuje na opinię",
}

var instruments = map[string]string{"zit": "ZIT", "iit": "IIT", "rlks": "RLKS"}

var surveyTypes = map[string]string{
	"mieszkancy":     "mieszkańcy",
	"mlodziez":       "młodzież",
	"liderzy":        "liderzy lokalni",
	"przedsiebiorcy": "przedsiębiorcy",
}

var evaluationTypes = map[string]string{
	"ex_ante":  "ewaluacja ex ante",
	"mid_term": "ewaluacja śródokresowa (mid-term)",
	"ex_post":  "ewaluacja ex post",
}

var partnerGroups = map[string]string{
	"neighbouring_gminy":  "gminy sąsiednie i ich związki",
	"ngo":                 "organizacje pozarządowe",
	"business":            "przedsiębiorcy i partnerzy gospodarczy",
	"residents":           "mieszkańcy",
	"rzgw":                "dyrektor regionalnego zarządu gospodarki wodnej Państwowego Gospodarstwa Wodnego Wody Polskie",
	"science":             "środowisko naukowe",
	"public_institutions": "instytucje publiczne",
	"youth":               "młodzież",
	"seniors":             "seniorzy",
	"other":               "inni partnerzy",
}

var channels = map[string]string{
	"www":                 "strona internetowa",
	"bip":                 "Biuletyn Informacji Publicznej",
	"formularz_online":    "formularz elektroniczny",
	"email":               "poczta elektroniczna",
	"poczta":              "poczta tradycyjna",
	"spotkania":           "spotkania otwarte",
	"warsztaty":           "warsztaty",
	"ankieta":             "ankieta",
	"prasa":               "prasa lokalna",
	"punkt_konsultacyjny": "punkt konsultacyjny",
}

var soosModes = map[string]string{
	"prognoza": "przeprowadzono strategiczną ocenę oddziaływania na środowisko z prognozą oddziaływania na środowisko",
	"waiver":   "odstąpiono od przeprowadzenia strategicznej oceny oddziaływania na środowisko (art. 48 ustawy ooś) po uzgodnieniu z właściwymi organami",
}

var indicatorKinds = map[string]string{
	"context": "kontekstowy",
	"output":  "produktu",
	"result":  "rezultatu",
	"impact":  "oddziaływania",
}

var osiOrigins = map[string]string{"regional": "regionalny", "local": "lokalny"}

var elementTypes = map[string]string{
	"osrodek":    "ośrodek",
	"pasmo":      "pasmo",
	"strefa":     "strefa",
	"obszar":     "obszar",
	"korytarz":   "korytarz",
	"powiazanie": "powiązanie",
}

// selectionModes and selectionInstruments name a project's expected
// mode of selection (selection.mode, selection.instrument).
var selectionModes = map[string]string{
	"competitive":     "tryb konkurencyjny",
	"non_competitive": "tryb niekonkurencyjny",
}

var selectionInstruments = map[string]string{
	"zit": "ZIT", "iit": "IIT", "rlks": "RLKS", "other": "inny instrument terytorialny",
}

var projectStatus = map[string]string{
	"idea":           "pomysł",
	"proposed":       "zgłoszony",
	"accepted":       "zaakceptowany",
	"reserve":        "rezerwowy",
	"in_preparation": "w przygotowaniu",
	"submitted":      "wniosek złożony",
	"funded":         "dofinansowany",
	"completed":      "zrealizowany",
	"dropped":        "wycofany",
}

var projectPriority = map[string]string{"key": "kluczowy", "complementary": "uzupełniający"}

var projectKinds = map[string]string{"investment": "inwestycyjny", "soft": "nieinwestycyjny (miękki)", "mixed": "inwestycyjno-miękki"}

var readinessStages = map[string]string{
	"pomysl":                  "pomysł",
	"koncepcja":               "koncepcja",
	"studium_wykonalnosci":    "studium wykonalności",
	"dokumentacja_projektowa": "dokumentacja projektowa",
	"pozwolenie_na_budowe":    "pozwolenie na budowę",
	"gotowy":                  "gotowy do realizacji",
}

var landRights = map[string]string{
	"secured": "zabezpieczone",
	"partial": "częściowo zabezpieczone",
	"none":    "niezabezpieczone",
	"n/a":     "nie dotyczy",
}

// docStatuses are the states of a project document, in the masculine,
// feminine and neuter: the form agrees with the document's kind
// ("koncepcja – gotowa", "studium wykonalności – gotowe").
var docStatuses = map[string][3]string{
	"planned":     {"planowany", "planowana", "planowane"},
	"in_progress": {"w przygotowaniu", "w przygotowaniu", "w przygotowaniu"},
	"done":        {"gotowy", "gotowa", "gotowe"},
}

var envDecisions = map[string]string{
	"required_pending": "wymagana – w przygotowaniu",
	"obtained":         "uzyskana",
	"not_required":     "niewymagana",
}

var externalTypes = map[string]string{"ngo": "organizacja pozarządowa", "company": "przedsiębiorstwo", "public": "podmiot publiczny"}

// contributions qualify "powiązanie" (neuter): "powiązanie główne".
var contributions = map[string]string{"primary": "główne", "secondary": "uzupełniające"}

// sourceName returns the Polish name of a canonical funding source ID
// from the programme registry (templates/refdata/programmes.yaml), or the
// ID itself when the registry does not know it (the FIN rules report that).
func sourceName(id string) string {
	if p := refdata.Programmes().Lookup(id); p != nil {
		return p.Name
	}
	return id
}

// countNoun returns the form of a count unit that agrees with n in
// Polish (1 osoba, 2 osoby, 5 osób); other units are returned unchanged.
func countNoun(unit string, v float64, decimals int) string {
	forms, ok := map[string][3]string{
		"osoby": {"osoba", "osoby", "osób"}, "osób": {"osoba", "osoby", "osób"}, "os.": {"os.", "os.", "os."},
	}[unit]
	if !ok {
		return unit
	}
	if decimals > 0 || v != float64(int64(v)) {
		return forms[1] // fractions take the genitive singular: 2,5 osoby
	}
	n := int64(v)
	if n < 0 {
		n = -n
	}
	switch {
	case n == 1:
		return forms[0]
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return forms[1]
	}
	return forms[2]
}

// withUnit joins a formatted value and its unit: "85,0%", "12 km".
func withUnit(val, unit string) string {
	switch unit {
	case "":
		return val
	case "%", "‰":
		return val + unit
	}
	return val + plfmt.NBSP + unit
}

// commentChannels name how a consultation comment came in.
var commentChannels = map[string]string{
	"formularz_online":    "formularz elektroniczny",
	"email":               "poczta elektroniczna",
	"poczta":              "pismo",
	"osobiscie":           "osobiście w urzędzie",
	"spotkanie":           "spotkanie konsultacyjne",
	"warsztaty":           "warsztaty",
	"punkt_konsultacyjny": "punkt konsultacyjny",
}

// commentParties name the category of the party that made a comment, in
// the singular (a row of the comments table) and the plural (a row of
// the summary).
var commentParties = map[string][2]string{
	"residents":           {"mieszkaniec", "Mieszkańcy"},
	"ngo":                 {"organizacja pozarządowa", "Organizacje pozarządowe"},
	"business":            {"przedsiębiorca", "Przedsiębiorcy"},
	"neighbouring_gminy":  {"gmina sąsiednia", "Gminy sąsiednie i ich związki"},
	"member_jst":          {"JST partnerstwa", "Jednostki samorządu partnerstwa"},
	"rzgw":                {"dyrektor RZGW", "Dyrektor RZGW Wód Polskich"},
	"public_institutions": {"instytucja publiczna", "Instytucje publiczne"},
	"science":             {"uczelnia lub instytucja naukowa", "Uczelnie i instytucje naukowe"},
	"youth":               {"młodzież", "Młodzież"},
	"seniors":             {"seniorzy", "Seniorzy"},
	"other":               {"inny", "Inni"},
}

// commentResponses name how a comment was dealt with.
var commentResponses = map[string]string{
	model.ResponseAccepted:  "uwzględniona",
	model.ResponsePartial:   "częściowo uwzględniona",
	model.ResponseRejected:  "nieuwzględniona",
	model.ResponseExplained: "wyjaśnienie",
}

// srwGoal names a goal of a voivodeship strategy: "Strategia Rozwoju
// Województwa Podlaskiego 2030, cel 2 „Zasobni mieszkańcy”"; a goal
// written with its own "Cel 2." is not given a second "cel".
func srwGoal(document, goal string) string {
	goal = strings.TrimSpace(goal)
	if m := srwGoalRE.FindStringSubmatch(goal); m != nil {
		goal = "cel " + m[1] + " " + plfmt.Quote(m[2])
	} else if goal != "" && !strings.HasPrefix(strings.ToLower(goal), "cel") {
		goal = "cel " + goal
	}
	document = strings.TrimSpace(document)
	switch {
	case goal == "":
		return document
	case document == "":
		return goal
	}
	return document + ", " + goal
}

// srwGoalRE reads "Cel 2. Zasobni mieszkańcy", "cel strategiczny 1.2 Title".
var srwGoalRE = regexp.MustCompile(`^(?i:cel)(?: strategiczny| operacyjny)?\s+([0-9IVX]+(?:\.[0-9]+)*)\.?\s+(\S.*)$`)

// policyObjectives names the policy objectives of art. 5 CPR as Polish
// documents do, CP1–CP5 ("cel polityki"); the content's keys follow the
// English PO1–PO5.
func policyObjectives(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if n, ok := strings.CutPrefix(k, "PO"); ok {
			k = "CP" + n
		}
		out[i] = k
	}
	return out
}
