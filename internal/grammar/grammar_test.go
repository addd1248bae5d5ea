package grammar

import (
	"strings"
	"testing"

	data "github.com/strategia-pl/strategia/templates/refdata"
)

func TestVoivodeships(t *testing.T) {
	g := Default()
	for _, c := range []struct {
		codes []string
		cs    Case
		want  string
	}{
		{[]string{"20"}, Gen, "województwa podlaskiego"},
		{[]string{"20"}, Loc, "województwie podlaskim"},
		{[]string{"16", "30"}, Loc, "województwach opolskim i wielkopolskim"},
		{[]string{"16", "30"}, Gen, "województw opolskiego i wielkopolskiego"},
		{[]string{"16", "30", "02"}, Nom, "województwa opolskie, wielkopolskie i dolnośląskie"},
		{[]string{"16", "16"}, Loc, "województwie opolskim"},
		{[]string{"99"}, Loc, ""},
	} {
		if got := g.Voivodeships(c.codes, c.cs); got != c.want {
			t.Errorf("Voivodeships(%v, %v) = %q, want %q", c.codes, c.cs, got, c.want)
		}
	}
	// every TERC voivodeship has its row
	b, _ := data.FS.ReadFile("voivodeships.csv")
	for _, ln := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		code, name, _ := strings.Cut(ln, ";")
		name, _, _ = strings.Cut(name, ";")
		f, ok := g.Voivodeship(code)
		if !ok || f[Nom] != name {
			t.Errorf("voivodeship %s %s: grammar has %v", code, name, f)
		}
	}
}

func TestUnits(t *testing.T) {
	g := Default()
	for _, c := range []struct {
		kind     string
		typ      int
		name     string
		withType bool
		cs       Case
		want     string
	}{
		{"gmina", 2, "Domaszowice", false, Nom, "gmina Domaszowice"},
		{"gmina", 2, "Domaszowice", false, Ins, "gminą Domaszowice"},
		{"gmina", 1, "Kolno", true, Nom, "gmina miejska Kolno"},
		{"gmina", 3, "Stawiski", true, Gen, "gminy miejsko-wiejskiej Stawiski"},
		{"powiat", 0, "kolneński", false, Nom, "powiat kolneński"},
		{"powiat", 0, "kolneński", false, Gen, "powiatu kolneńskiego"},
		{"powiat", 0, "Powiat kolneński", false, Loc, "powiecie kolneńskim"},
		{"miasto_na_prawach_powiatu", 0, "Łomża", false, Nom, "miasto Łomża"},
	} {
		if got := g.Unit(c.kind, c.typ, c.name, c.withType).In(c.cs); got != c.want {
			t.Errorf("Unit(%s %d %s %v).In(%v) = %q, want %q", c.kind, c.typ, c.name, c.withType, c.cs, got, c.want)
		}
	}
	if got := g.UnitType("gmina", 3).In(Ins); got != "gminą miejsko-wiejską" {
		t.Errorf("UnitType = %q", got)
	}
	if got := g.UnitType("miasto_na_prawach_powiatu", 0).In(Loc); got != "mieście na prawach powiatu" {
		t.Errorf("UnitType = %q", got)
	}
}

func TestCouncils(t *testing.T) {
	g := Default()
	for _, c := range []struct {
		u    CouncilOf
		cs   Case
		want string
	}{
		{CouncilOf{Kind: "gmina", GminaType: 1, Name: "Kolno", Teryt: "2006011"}, Nom, "Rada Miasta Kolno"},
		{CouncilOf{Kind: "gmina", GminaType: 2, Name: "Kolno", Teryt: "2006032"}, Gen, "Rady Gminy Kolno"},
		{CouncilOf{Kind: "gmina", GminaType: 3, Name: "Stawiski", Teryt: "2006053"}, Nom, "Rada Miejska w Stawiskach"},
		{CouncilOf{Kind: "gmina", GminaType: 3, Name: "Stawiski", Teryt: "2006053"}, Gen, "Rady Miejskiej w Stawiskach"},
		{CouncilOf{Kind: "gmina", GminaType: 3, Name: "Stawiski", Teryt: "2006053"}, Acc, "Radę Miejską w Stawiskach"},
		{CouncilOf{Kind: "powiat", Name: "kolneński", Teryt: "2006"}, Nom, "Rada Powiatu w Kolnie"},
		{CouncilOf{Kind: "powiat", Name: "kolneński", Teryt: "2006"}, Loc, "Radzie Powiatu w Kolnie"},
		{CouncilOf{Kind: "powiat", Name: "sejneński", Teryt: "2009"}, Nom, "Rada Powiatu Sejneńskiego"},
		{CouncilOf{Kind: "miasto_na_prawach_powiatu", Name: "Łomża", Teryt: "2062"}, Nom, "Rada Miasta Łomży"},
	} {
		p, err := g.Council(c.u)
		if err != nil {
			t.Errorf("Council(%+v): %v", c.u, err)
			continue
		}
		if got := p.In(c.cs); got != c.want {
			t.Errorf("Council(%+v).In(%v) = %q, want %q", c.u, c.cs, got, c.want)
		}
	}
	if _, err := g.Council(CouncilOf{Kind: "gmina", GminaType: 3, Name: "Nieznanowo"}); err == nil || !strings.Contains(err.Error(), "Nieznanowo") {
		t.Errorf("a place without forms: err = %v", err)
	}
	for body, want := range map[string]string{
		"Rada Miejska w Stawiskach":       "Rady Miejskiej w Stawiskach",
		"Rada Gminy Kolno":                "Rady Gminy Kolno",
		"Rada Powiatu w Kolnie":           "Rady Powiatu w Kolnie",
		"Zgromadzenie Związku Gmin Wisły": "Zgromadzenia Związku Gmin Wisły",
		"Walne Zebranie Członków":         "Walnego Zebrania Członków",
		"Komisja":                         "Komisja",
	} {
		if got := g.CouncilGenitive(body); got != want {
			t.Errorf("CouncilGenitive(%q) = %q, want %q", body, got, want)
		}
	}
}

func TestParseCase(t *testing.T) {
	for _, s := range []string{"dopełniacz", "gen"} {
		if c, err := ParseCase(s); err != nil || c != Gen {
			t.Errorf("ParseCase(%q) = %v, %v", s, c, err)
		}
	}
	if _, err := ParseCase("genitive"); err == nil {
		t.Error("an unknown case is accepted")
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"nouns: {gmina: {gender: f, sg: [a, b], pl: [a, b, c, d, e, f]}}",
		"nouns: {}\nunit_types: {gmina: {noun: gmina}}",
		"voivodeships: {\"02\": [a]}",
	} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("Parse(%q) accepted", src)
		}
	}
}

func TestJoin(t *testing.T) {
	for want, in := range map[string][]string{"": nil, "a": {"a"}, "a i b": {"a", "b"}, "a, b i c": {"a", "b", "c"}} {
		if got := Join(in); got != want {
			t.Errorf("Join(%v) = %q", in, got)
		}
	}
}

func TestDocumentTypes(t *testing.T) {
	g := Default()
	done := [3]string{"gotowy", "gotowa", "gotowe"}
	for key, want := range map[string]string{
		"koncepcja":              "koncepcja – gotowa",
		"studium_wykonalnosci":   "studium wykonalności – gotowe",
		"PFU":                    "program funkcjonalno-użytkowy (PFU) – gotowy",
		"mapa_zasadnicza":        "mapa zasadnicza – gotowa",
		"projekt_wykonawczy":     "projekt wykonawczy – gotowy",
		"pozwolenie_wodnoprawne": "pozwolenie wodnoprawne – gotowe",
	} {
		name, gender := g.DocumentType(key)
		if got := name + " – " + Agree(gender, done); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
