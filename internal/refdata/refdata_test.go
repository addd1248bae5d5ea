package refdata

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestTERC(t *testing.T) {
	r := TERC()
	if r.Edition() != "2025-01-01" || r.Len() != 4348 {
		t.Fatalf("edition %s, %d units", r.Edition(), r.Len())
	}
	for code, want := range map[string]string{"2006011": "Kolno", "2006032": "Kolno", "2006": "kolneński", "20": "PODLASKIE", "1465011": "Warszawa"} {
		u, ok := r.Lookup(code)
		if !ok || u.Name != want {
			t.Errorf("Lookup(%s) = %v, %v; want %s", code, u, ok, want)
		}
	}
	if u, _ := r.Lookup("2006011"); u.Type != 1 || !u.IsGmina() || u.Kind != "gmina miejska" {
		t.Errorf("2006011 = %+v", u)
	}
	if p, ok := r.Powiat("2006053"); !ok || p.Name != "kolneński" {
		t.Errorf("Powiat(2006053) = %v", p)
	}
	var codes []string
	for _, u := range r.GminyOf("2006") {
		codes = append(codes, u.Code)
	}
	if len(codes) != 6 || codes[0] != "2006011" {
		t.Errorf("GminyOf(2006) = %v, want the 6 gminy of powiat kolneński", codes)
	}
	if u, _ := r.Lookup("2006042"); !r.NameMatches(u, "maly plock") || r.NameMatches(u, "Mały Płock 2") {
		t.Error("NameMatches does not fold case and diacritics")
	}
	if got := r.Search("mały płock", 3); len(got) == 0 || got[0].Code != "2006042" {
		t.Errorf("Search = %v", got)
	}
	if got := r.Search("TUROSL", 3); len(got) == 0 || got[0].Code != "2006062" {
		t.Errorf("Search(TUROSL) = %v", got)
	}
	if got := r.Search("Kolno", 5); len(got) < 3 {
		t.Errorf("Search(Kolno) = %v, want both Kolno gminy of 2006 and 2814082", got)
	}
	if got := r.NearestCodes("2006012", 3); len(got) == 0 || got[0].Code != "2006011" {
		t.Errorf("NearestCodes = %v", got)
	}
}

func TestConcurrentOnce(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { _ = TERC().Len(); _ = Programmes().Lookup("kpo"); _ = TheLaw() })
	}
	wg.Wait()
}

func TestProgrammes(t *testing.T) {
	r := Programmes()
	for _, id := range []string{"fe_20_2021_2027", "fepw_2021_2027", "feniks_2021_2027", "fers_2021_2027", "kpo", "rfil", "rpoz",
		"prgfpl", "wfosigw", "nfosigw", "ps_wpr_2023_2027", "pfron", "budzet_jst", "prywatne", "fst_2021_2027", "interreg_2021_2027"} {
		if r.Lookup(id) == nil {
			t.Errorf("programme %s missing", id)
		}
	}
	n := 0
	for _, v := range Voivodeships() {
		p := r.Lookup("fe_" + v.Code + "_2021_2027")
		if p == nil {
			t.Errorf("no regional programme for %s", v.Code)
			continue
		}
		n++
		if p.Kind != "eu_regional" || !p.EligibleIn(v.Code+"01011") || p.EligibleIn("9901011") || p.MaxCofinancing == 0 {
			t.Errorf("%s: %+v", p.ID, p)
		}
	}
	if n != 16 || len(Voivodeships()) != 16 {
		t.Errorf("%d regional programmes", n)
	}
	fepw := r.Lookup("fepw_2021_2027")
	if !fepw.EligibleIn("2006011") || fepw.EligibleIn("1465011") || fepw.EligibleIn("1418011") || !fepw.EligibleIn("1401011") || fepw.EligibleIn("3001011") {
		t.Error("FEPW eligibility wrong")
	}
	if !r.Lookup("fe_20_2021_2027").Is2021_2027() || r.Lookup("rfil").Is2021_2027() || r.Lookup("budzet_jst").IsEU() {
		t.Error("kinds wrong")
	}
	if l := TheLaw(); l.ConsultationMinDays != 35 || l.ExAnte.To != "2025-12-31" || l.EligibilityEnd20212027 != "2029-12-31" {
		t.Errorf("law = %+v", l)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"Mały  Płock": "maly plock", "ŻÓŁĆ-Gęślą": "zolc gesla", " Kolno ": "kolno"} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoadLocal(t *testing.T) {
	ws := t.TempDir()
	dir := filepath.Join(ws, "p")
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	os.MkdirAll(filepath.Join(ws, "data"), 0o755)
	os.WriteFile(filepath.Join(dir, "data", AdjacencyFile), []byte("a;b\n2006011;2006032\n# comment\nbad line\n"), 0o644)
	os.WriteFile(filepath.Join(ws, "data", OZTMFile), []byte("kod;nazwa\n2006032;Kolno\n"), 0o644)
	l, probs := LoadLocal(dir)
	if !l.Adjacent("2006032", "2006011") || l.Adjacent("2006011", "2006022") {
		t.Error("adjacency not symmetric or wrong")
	}
	if !l.OZTM["2006032"] || l.MSTF != nil {
		t.Errorf("OZTM %v MSTF %v", l.OZTM, l.MSTF)
	}
	if probs.Len() != 1 || probs.Items()[0].Pos.Line != 4 {
		t.Errorf("problems: %v", probs.Items())
	}
}
