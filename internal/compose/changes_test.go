package compose

import (
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/changes"
)

func fp(v float64) *float64 { return &v }

// The list of changes speaks Polish: labels, money, dates, statuses and
// members' names from the newer version.
func TestChangesDocument(t *testing.T) {
	s, _, _, opt := loadDir(t, "../../content/ziemia-kolnenska")
	r := changesReport()
	d, l := Changes(r, s, opt)
	if l.HasErrors() {
		t.Fatal(l.Items())
	}
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ") // the dump quotes no-break spaces
	for _, want := range []string{
		"Zestawienie zmian", "Wersja wcześniejsza: v1.0 (rewizja 4347be8 z 1 maja 2024 r.)",
		"Wersja nowsza: robocza (na podstawie rewizji b61d8ae, ze zmianami niezatwierdzonymi)",
		"między wersją v1.0 (rewizja 4347be8 z 1 maja 2024 r.) a wersją roboczą (na podstawie rewizji b61d8ae",
		"Przedsięwzięcie P02 „Szkoła blisko pracy – kształcenie”",
		"Członkowie partnerstwa", "wystąpienie z partnerstwa", "Turośl (TERYT 2006062)",
		"zmiana nazwy", "przeniesienie", "w ramach celu operacyjnego CS1.1", "w ramach celu operacyjnego CS1.2",
		"Bezpieczeństwo (w ramach celu strategicznego CS1)", "Więcej staży (w ramach kierunku działań KD1.1.1)",
		"zmiana: wartość bazowa", "92,5", "+6,5",
		"zmiana: budżet", "26 500 000 zł", "+500 000 zł",
		"wniosek złożony", "w przygotowaniu", "czerwiec 2024 r.", "wrzesień 2024 r.",
		"zmiana: lider", "Kolno",
		"Źródło: Budżety jednostek samorządu terytorialnego", "45 500 000 zł",
		"Diagnoza – Finanse", "Dodane", "Zmienione",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("list of changes lacks %q", want)
		}
	}
}

// changesReport is a list of changes of the example with a change of
// every kind.
func changesReport() *changes.Report {
	return &changes.Report{
		Partnership: "Partnerstwo Ziemi Kolneńskiej",
		From:        changes.Version{Name: "v1.0", Commit: "4347be8", Date: "2024-05-01"},
		To:          changes.Version{Name: "working tree", Commit: "b61d8ae", Dirty: true},
		Changes: []changes.Change{
			{Area: changes.AreaMembers, ID: "2006062", Name: "Turośl", Op: changes.Removed},
			{Area: changes.AreaGoals, ID: "CS2.1", Op: changes.Renamed, Old: "Przedsiębiorczość i inwestycje", New: "Przedsiębiorczość, inwestycje i praca"},
			{Area: changes.AreaDirections, ID: "KD1.1.2", Op: changes.Moved, Old: "CS1.1", New: "CS1.2"},
			{Area: changes.AreaGoals, ID: "CS1.4", Name: "Bezpieczeństwo", Op: changes.Added, New: "CS1"},
			{Area: changes.AreaResults, ID: "R1.1.1c", Name: "Więcej staży", Op: changes.Removed, Old: "KD1.1.1"},
			{Area: changes.AreaIndicators, ID: "R1.1.1a vocational_internships", Name: "Staże", Op: changes.Changed, Field: "baseline.value", Old: "86", New: "92.5", OldValue: fp(86), NewValue: fp(92.5), Diff: fp(6.5)},
			{Area: changes.AreaProjects, ID: "P03", Op: changes.Changed, Field: "budget", OldValue: fp(26500000), NewValue: fp(27000000), Diff: fp(500000)},
			{Area: changes.AreaProjects, ID: "P03", Op: changes.Changed, Field: "status", Old: "in_preparation", New: "submitted"},
			{Area: changes.AreaProjects, ID: "P03", Op: changes.Changed, Field: "start", Old: "2024-06", New: "2024-09"},
			{Area: changes.AreaProjects, ID: "P03", Op: changes.Changed, Field: "leader", Old: "2006053", New: "2006011"},
			{Area: changes.AreaFinance, ID: "source budzet_jst", Op: changes.Changed, Field: "amount", OldValue: fp(45000000), NewValue: fp(45500000), Diff: fp(500000)},
			{Area: changes.AreaProse, ID: "diagnosis D6", Name: "Finanse", Op: changes.Changed, Paragraphs: &changes.Paragraphs{Added: 1, Changed: 2}},
			{Area: changes.AreaProse, ID: "project P02", Name: "Szkoła blisko pracy – kształcenie", Op: changes.Changed, Paragraphs: &changes.Paragraphs{Changed: 1}},
		},
	}
}
