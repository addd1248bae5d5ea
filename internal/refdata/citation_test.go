package refdata

import (
	"fmt"
	"strings"
	"testing"
)

func TestCitations(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"art. 10e ust. 3 pkt 4–5 i ust. 4 usg", "usg 10e/3/4 usg 10e/3/5 usg 10e/4"},
		{"art. 10f ust. 1 i art. 10g ust. 4a usg; art. 6 upzpr", "usg 10f/1 usg 10g/4a upzpr 6"},
		{"art. 10g ust. 4–4b usg", "usg 10g/4 usg 10g/4a usg 10g/4b"},
		{"art. 46–48 ustawy ooś", "oos 46 oos 47 oos 48"},
		{"art. 28 lit. a i art. 29 rozporządzenia (UE) 2021/1060 (CPR)", "cpr 28/-/a cpr 29"},
		{"art. 29 ust. 1 lit. b CPR", "cpr 29/1/b"},
		{"art. 10g ustawy o samorządzie gminnym, który stosuje art. 10e ust. 2–4 tej ustawy", "usg 10g usg 10e/2 usg 10e/3 usg 10e/4"},
		{"art. 36 ust. 4 ustawy z 28 IV 2022 (IIT); art. 34 (ZIT)", "uw 36/4 uw 34"},
		{"art. 9 pkt 6 i art. 10a ustawy z dnia 6 grudnia 2006 r.", "upzpr 9/-/6 upzpr 10a"},
		{"art. 10e ust. 3 pkt 6 i 7 usg", "usg 10e/3/6 usg 10e/3/7"},
	} {
		var got []string
		for _, c := range Citations(tc.in) {
			s := c.Act + " " + c.Art
			if c.Ust != "" || c.Pkt != "" || c.Lit != "" {
				u := c.Ust
				if u == "" {
					u = "-"
				}
				s += "/" + u
				if c.Pkt != "" || c.Lit != "" {
					s += "/" + c.Pkt + c.Lit
				}
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Citations(%q)\n got %s\nwant %s", tc.in, g, tc.want)
		}
	}
}

func TestLawProvisions(t *testing.T) {
	l := TheLaw()
	seen := map[string]bool{}
	for _, p := range l.Provisions {
		key := fmt.Sprint(p.Act, " ", p.Art, " ", p.Ust)
		if seen[key] {
			t.Errorf("law.yaml: %s twice", key)
		}
		seen[key] = true
		if _, ok := l.Acts[p.Act]; !ok {
			t.Errorf("law.yaml: %s: unknown act", key)
		}
		if strings.TrimSpace(p.Text) == "" || p.Source == "" || p.AsOf == "" {
			t.Errorf("law.yaml: %s lacks text, source or as_of", key)
		}
	}
	for _, c := range []string{"art. 10e ust. 4 usg", "art. 10g ust. 4b usg", "art. 29 ust. 1 lit. b CPR", "art. 10e ust. 3 pkt 7 usg"} {
		for _, ci := range Citations(c) {
			if !l.Holds(ci) {
				t.Errorf("law.yaml does not hold %s", c)
			}
		}
	}
	for _, c := range []string{"art. 10g ust. 9 usg", "art. 10e ust. 3 pkt 10 usg", "art. 29 ust. 1 lit. e CPR"} {
		for _, ci := range Citations(c) {
			if l.Holds(ci) {
				t.Errorf("law.yaml holds %s", c)
			}
		}
	}
}
