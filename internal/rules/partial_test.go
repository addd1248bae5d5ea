package rules

import (
	"strings"
	"testing"
)

// TestPartialPopulationNamed: CWD-06 does not return silently when a
// member gmina lacks its population: it warns, naming the member.
func TestPartialPopulationNamed(t *testing.T) {
	s, d := base(t)
	s.Partnership.Members[1].Population = nil
	ds := byRule(run(s, d), "CWD-06")
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, "Kolno (2006032)") || !strings.Contains(ds[0].Msg, "brak danych dla") {
		t.Fatalf("CWD-06: %v", ds)
	}
}
