package rules

import (
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// TestProcedureCitations: the procedure rules cite the provision of the
// document type and legal form at hand (art. 10f for a strategia rozwoju
// gminy, art. 10g ust. 4a/4b/5–7 for a strategia rozwoju ponadlokalnego).
func TestProcedureCitations(t *testing.T) {
	for _, tc := range []struct {
		name, rule, docType, form, want, notWant string
		mut                                      func(s *model.Strategy)
	}{
		{"porozumienie resolution", "PRO-05", "srp", "porozumienie_miedzygminne", "art. 10g ust. 4b usg", "4a",
			func(s *model.Strategy) { s.Participation.ProcedureResolution = nil }},
		{"stowarzyszenie resolution", "PRO-05", "srp", "stowarzyszenie", "art. 10g ust. 4a usg", "4b",
			func(s *model.Strategy) { s.Participation.ProcedureResolution = nil }},
		{"gmina resolution", "PRO-05", "srg", "", "art. 10f ust. 1 usg", "10g",
			func(s *model.Strategy) { s.Participation.ProcedureResolution = nil }},
		{"srp opinion", "PRO-04", "srp", "porozumienie_miedzygminne", "art. 10g ust. 5–6 usg", "10f",
			func(s *model.Strategy) { s.Participation.VoivodeshipOpinion = nil }},
		{"srg opinion", "PRO-04", "srg", "", "art. 10f ust. 2–3 usg", "10g",
			func(s *model.Strategy) { s.Participation.VoivodeshipOpinion = nil }},
		{"srp adoption", "PRO-07", "srp", "porozumienie_miedzygminne", "art. 10g ust. 7 usg", "4–4b",
			func(s *model.Strategy) { s.Partnership.Members[1].Adoption = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, d := base(t)
			s.Partnership.DocType, s.Partnership.LegalForm = tc.docType, tc.form
			tc.mut(s)
			ds := byRule(run(s, d), tc.rule)
			if len(ds) == 0 {
				t.Fatalf("%s reports nothing", tc.rule)
			}
			for _, dg := range ds {
				if !strings.Contains(dg.Msg, tc.want) || strings.Contains(dg.Msg, tc.notWant) {
					t.Errorf("%s: %q: want %q, not %q", tc.rule, dg.Msg, tc.want, tc.notWant)
				}
			}
		})
	}
	for id, bad := range map[string]string{"PRO-04": "w zw. z art. 10g", "CWD-07": "art. 10f", "PRO-07": "ust. 4–4b"} {
		if strings.Contains(Lookup(id).Legal, bad) {
			t.Errorf("%s cites %q: %s", id, bad, Lookup(id).Legal)
		}
	}
	// LEG-08 quotes art. 10g ust. 1 as law.yaml holds it
	l := refdata.TheLaw()
	for _, p := range l.Provisions {
		if p.Act == "usg" && p.Art == "10g" && p.Ust == "1" && !strings.Contains(Lookup("LEG-08").Explain, p.Text) {
			t.Errorf("LEG-08 does not quote art. 10g ust. 1 usg: %s", Lookup("LEG-08").Explain)
		}
	}
}
