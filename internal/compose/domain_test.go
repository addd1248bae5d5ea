package compose

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
)

// TestLegalBasisSRP: §1.1 of a strategia rozwoju ponadlokalnego cites
// art. 10g usg, whose ust. 3 applies art. 10e ust. 2–4 only (not art. 10f,
// which is the procedure of a strategia rozwoju gminy).
func TestLegalBasisSRP(t *testing.T) {
	s, x, f, opt := loadExample(t)
	if s.Partnership.DocType != "srp" {
		t.Skip("the example is not an srp")
	}
	d, _ := Strategy(s, x, f, opt)
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
	if !strings.Contains(text, "art. 10e ust. 2–4") {
		t.Error("§1.1 does not cite art. 10e ust. 2–4")
	}
	if strings.Contains(text, "oraz art. 10f") || strings.Contains(text, "art. 10f (procedura)") {
		t.Error("§1.1 says art. 10g applies art. 10f")
	}
}

// TestDraftMark: documents built from content with placeholders carry the
// PROJEKT mark (strategy, fiche, package); clean content carries none.
func TestDraftMark(t *testing.T) {
	s, x, f, opt := loadExample(t)
	if len(s.Placeholders) != 0 {
		t.Fatalf("the example holds placeholders: %v", s.Placeholders)
	}
	d, _ := Strategy(s, x, f, opt)
	if d.Meta.DraftMark != "" {
		t.Errorf("clean example marked %q", d.Meta.DraftMark)
	}
	s.Placeholders = []model.Placeholder{{Text: "UZUPEŁNIJ: wizja"}}
	d, _ = Strategy(s, x, f, opt)
	fi, _ := Fiche(s, x, f, s.Projects[0].ID, opt)
	pk, _ := Package(s, x, f, opt)
	dr, _ := DiagnosisReport(s, x, f, opt)
	for name, m := range map[string]string{"strategy": d.Meta.DraftMark, "fiche": fi.Meta.DraftMark, "package": pk.Meta.DraftMark, "diagnosis report": dr.Meta.DraftMark} {
		if m != "PROJEKT – zawiera pola do uzupełnienia" {
			t.Errorf("%s: DraftMark %q", name, m)
		}
	}
}

// TestPartialTotals: with one member gmina's population missing, the
// introduction prints no partnership population (no partial sum), the
// members table's total says "." and the text names the member.
func TestPartialTotals(t *testing.T) {
	s, x, f, opt := loadExample(t)
	var dropped string
	for _, m := range s.Partnership.Members {
		if model.IsGminaCode(m.Teryt.ID) && m.Population != nil {
			m.Population, dropped = nil, m.Teryt.ID
			break
		}
	}
	x = model.NewIndex(s)
	f = model.Derive(s, x)
	d, _ := Strategy(s, x, f, opt)
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
	if strings.Contains(text, "zamieszkuje go") {
		t.Error("the introduction prints a partial population as the partnership's")
	}
	if !strings.Contains(text, "Łącznej liczby ludności nie podano – brak danych dla gminy: ") {
		t.Errorf("no \"brak danych dla\" for %s", dropped)
	}
}

// TestNamesakesQualified: two member gminy wiejskie named Kolno (powiat
// kolneński and powiat olsztyński) are told apart by powiat everywhere; the
// gmina miejska Kolno keeps its label by type.
func TestNamesakesQualified(t *testing.T) {
	s, x, f, opt := loadExample(t)
	s.Partnership.Members = append(s.Partnership.Members, &model.Member{Teryt: model.Ref{ID: "2814082"}, Kind: "gmina", Name: "Kolno", GminaType: 2})
	x = model.NewIndex(s)
	f = model.Derive(s, x)
	d, _ := Strategy(s, x, f, opt)
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
	for _, want := range []string{"Kolno (gmina wiejska, pow. kolneński)", "Kolno (gmina wiejska, pow. olsztyński)", "Kolno (gmina miejska)"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q", want)
		}
	}
	// generated text (members table, indicator tables) never leaves the
	// two gminy wiejskie unqualified (the advisor's own Markdown may)
	if strings.Contains(text, `Text "Kolno (gmina wiejska)"`) && !strings.Contains(text, "Kolno (gmina wiejska, pow. olsztyński)") {
		t.Error("an unqualified Kolno (gmina wiejska)")
	}
}

// TestFicheParts: the parts of every fiche are numbered 1, 2, 3 … without
// a repeated or skipped number, and the fiche shows the CWD fields (state
// aid, complementarity, demarcation, contact, date and version, selection).
func TestFicheParts(t *testing.T) {
	s, x, f, opt := loadExample(t)
	for _, p := range s.Projects {
		d, _ := Fiche(s, x, f, p.ID, opt)
		text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
		n := 0
		for _, ln := range strings.Split(text, "\n") {
			ln = strings.TrimSpace(ln)
			var k int
			var rest string
			if _, err := fmt.Sscanf(ln, "Text %q", &rest); err != nil {
				continue
			}
			if _, err := fmt.Sscanf(rest, "%d. ", &k); err != nil || !strings.HasPrefix(rest, strconv.Itoa(k)+". ") || !isPartTitle(rest) {
				continue
			}
			n++
			if k != n {
				t.Errorf("fiche %s: part %q numbered %d, want %d", p.ID, rest, k, n)
			}
		}
		if n < 5 {
			t.Errorf("fiche %s: %d numbered parts", p.ID, n)
		}
		if p.Priority == "key" {
			for _, want := range []string{"Pomoc publiczna", "Komplementarność z innymi interwencjami", "Demarkacja z innymi programami i funduszami", "Osoba do kontaktu", "Data i wersja karty", "Przewidywany tryb wyboru"} {
				if !strings.Contains(text, want) {
					t.Errorf("fiche %s lacks %q", p.ID, want)
				}
			}
		}
	}
}

func isPartTitle(s string) bool {
	for _, t := range []string{"Informacje podstawowe", "Uzasadnienie", "Powiązanie ze strategią", "Harmonogram", "Budżet", "Pomoc publiczna", "Wskaźniki", "Przygotowanie"} {
		if strings.Contains(s, ". "+t) {
			return true
		}
	}
	return false
}

// A fiche names a location's unit once, without nested parentheses
// ("Grabowo, odcinek Grabowo – Stawiski (Grabowo)" and "Kolno, … (Kolno
// (gmina miejska))" before).
func TestFicheLocation(t *testing.T) {
	s, x, f, opt := loadExample(t)
	c := newComposer(s, x, f, opt)
	for _, tc := range []struct{ teryt, place, address, want string }{
		{"2006022", "Grabowo", "odcinek Grabowo – Stawiski", "gmina Grabowo, odcinek Grabowo – Stawiski"},
		{"2006011", "Kolno", "węzeł przesiadkowy", "gmina miejska Kolno, węzeł przesiadkowy"},
		{"2006062", "Ptaki", "przystań", "Ptaki (gmina Turośl), przystań"},
		{"2006062", "dolina Pisy (gmina Turośl)", "przystanie", "dolina Pisy (gmina Turośl), przystanie"},
		{"2006054", "Stawiski", "węzeł", "Stawiski, węzeł"}, // the town of a member gmina: not a member itself
		{"2006042", "", "", "gmina Mały Płock"},
	} {
		if got := strings.ReplaceAll(c.location(tc.teryt, tc.place, tc.address), "\u00a0", " "); got != tc.want {
			t.Errorf("location(%s, %q, %q) = %q, want %q", tc.teryt, tc.place, tc.address, got, tc.want)
		}
	}
	for _, p := range s.Projects {
		d, _ := Fiche(s, x, f, p.ID, opt)
		if text := docText(d); strings.Contains(text, "((") || strings.Contains(text, "))") {
			t.Errorf("%s: nested parentheses in the fiche", p.ID)
		}
	}
}
