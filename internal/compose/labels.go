package compose

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	refdatafs "github.com/strategia-pl/strategia/templates/refdata"

	"github.com/strategia-pl/strategia/internal/refdata"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
)

// Polish labels for the enumerations of the content schema are data, not
// code: templates/refdata/labels.yaml, one table per variable below, so an
// editor reads and corrects them beside the templates. A value missing
// from a table is printed as written. (The legal bases, cited acts, stay
// here, where TestCitationsHeld holds them to law.yaml.)

// labelTables are labels.yaml's tables, undecoded.
var labelTables = func() map[string]yaml.Node {
	b, err := refdatafs.FS.ReadFile("labels.yaml")
	if err != nil {
		panic("compose: embedded labels.yaml: " + err.Error())
	}
	var m map[string]yaml.Node
	if err := yaml.Unmarshal(b, &m); err != nil {
		panic("compose: embedded labels.yaml: " + err.Error())
	}
	return m
}()

// labelTable decodes the table name of labels.yaml (a test checks every
// table decodes, so a broken file never reaches a build).
func labelTable[T any](name string) map[string]T {
	return decodeLabels[string, T](name)
}

func labelTableInt(name string) map[int]string { return decodeLabels[int, string](name) }

func decodeLabels[K comparable, T any](name string) map[K]T {
	n, ok := labelTables[name]
	if !ok {
		panic("compose: labels.yaml has no table " + name)
	}
	var m map[K]T
	if err := n.Decode(&m); err != nil {
		panic("compose: labels.yaml, table " + name + ": " + err.Error())
	}
	return m
}

func label(m map[string]string, k string) string {
	if v, ok := m[k]; ok {
		return v
	}
	return k
}

// docKind names the kind of strategy in titles ("Strategia rozwoju
// ponadlokalnego …").
var docKind = labelTable[string]("docKind")

// docKindInstr is the kind of strategy in the instrumental case
// ("Dokument jest strategią rozwoju ponadlokalnego").
var docKindInstr = labelTable[string]("docKindInstr")

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

var programmes = labelTable[string]("programmes")

var osiTypes = labelTable[string]("osiTypes")

var legalForms = labelTable[string]("legalForms")

var docStatus = labelTable[string]("docStatus")

var memberKinds = labelTable[string]("memberKinds")

var gminaTypes = labelTableInt("gminaTypes")

var roles = labelTable[string]("roles")

var dimensions = labelTable[string]("dimensions")

var dimensionTitles = labelTable[string]("dimensionTitles")

var frequencies = labelTable[string]("frequencies")

var opinionResults = labelTable[string]("opinionResults")

var instruments = labelTable[string]("instruments")

var surveyTypes = labelTable[string]("surveyTypes")

var evaluationTypes = labelTable[string]("evaluationTypes")

var partnerGroups = labelTable[string]("partnerGroups")

var channels = labelTable[string]("channels")

var soosModes = labelTable[string]("soosModes")

var indicatorKinds = labelTable[string]("indicatorKinds")

var osiOrigins = labelTable[string]("osiOrigins")

var elementTypes = labelTable[string]("elementTypes")

// selectionModes and selectionInstruments name a project's expected
// mode of selection (selection.mode, selection.instrument).
var selectionModes = labelTable[string]("selectionModes")

var selectionInstruments = labelTable[string]("selectionInstruments")

var projectStatus = labelTable[string]("projectStatus")

var projectPriority = labelTable[string]("projectPriority")

var projectKinds = labelTable[string]("projectKinds")

var readinessStages = labelTable[string]("readinessStages")

var landRights = labelTable[string]("landRights")

// docStatuses are the states of a project document, in the masculine,
// feminine and neuter: the form agrees with the document's kind
// ("koncepcja – gotowa", "studium wykonalności – gotowe").
var docStatuses = labelTable[[3]string]("docStatuses")

var envDecisions = labelTable[string]("envDecisions")

var externalTypes = labelTable[string]("externalTypes")

// contributions qualify "powiązanie" (neuter): "powiązanie główne".
var contributions = labelTable[string]("contributions")

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
var commentChannels = labelTable[string]("commentChannels")

// commentParties name the category of the party that made a comment, in
// the singular (a row of the comments table) and the plural (a row of
// the summary).
var commentParties = labelTable[[2]string]("commentParties")

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
