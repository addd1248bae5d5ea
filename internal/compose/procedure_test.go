package compose

import (
	"io"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/docx"
	"github.com/strategia-pl/strategia/render/pdf"
)

// procedureText composes the example's procedure documents and returns
// their plain texts by name.
func procedureText(t *testing.T, s *model.Strategy, x *model.Index, f *model.Facts, opt Options) (map[string]string, []ProcedureDocument) {
	t.Helper()
	docs, l := Procedure(s, x, f, "zk", opt)
	if l.HasErrors() {
		t.Fatalf("diagnostics:\n%s", diagText(l, s.Dir))
	}
	out := map[string]string{}
	for _, d := range docs {
		out[d.Name] = strings.ReplaceAll(doc.PlainText(d.Doc), "\u00a0", " ")
	}
	return out, docs
}

// TestProcedureExample composes every procedure document the example asks
// for and checks what each must say: the right bodies in the right cases,
// the executives, the legal bases, the facts of the procedure.
func TestProcedureExample(t *testing.T) {
	s, x, f, opt := loadExample(t)
	texts, docs := procedureText(t, s, x, f, opt)
	want := []string{
		"zk-raport-diagnostyczny", "zk-sprawozdanie-z-konsultacji",
		"uchwaly/zk-uchwala-rada-miasta-kolno", "uchwaly/zk-uchwala-rada-gminy-kolno", "uchwaly/zk-uchwala-rada-gminy-grabowo",
		"uchwaly/zk-uchwala-rada-gminy-maly-plock", "uchwaly/zk-uchwala-rada-miejska-w-stawiskach", "uchwaly/zk-uchwala-rada-gminy-turosl",
		"uchwaly/zk-uchwala-rada-powiatu-w-kolnie", "uchwaly/zk-uchwala-tryb-rada-miasta-kolno",
		"pisma/zk-wniosek-o-opinie-zarzad-wojewodztwa-podlaskiego",
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.Name)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checks := map[string][]string{
		"uchwaly/zk-uchwala-rada-gminy-grabowo": {
			"UCHWAŁA NR III/21/2024", "RADY GMINY GRABOWO", "z dnia 20 czerwca 2024 r.",
			"w sprawie przyjęcia Strategii rozwoju ponadlokalnego Partnerstwa Ziemi Kolneńskiej na lata 2024–2030",
			"Na podstawie art. 18 ust. 2 pkt 6a w związku z art. 10g ustawy z dnia 8 marca 1990 r. o samorządzie gminnym Rada Gminy Grabowo uchwala, co następuje:",
			"Przyjmuje się Strategię rozwoju ponadlokalnego", "Wykonanie uchwały powierza się Wójtowi Gminy Grabowo.",
			"Przewodniczący Rady Gminy Grabowo", "Gmina Grabowo opracowała ją wspólnie z gminą miejską Kolno, gminą wiejską Kolno,",
			"określiła uchwała nr LVIII/402/2023 Rady Miasta Kolno z dnia 30 marca 2023 r.",
			"Zgłoszono 30 uwag, z których 22 uwzględniono w całości lub w części.",
			"Zarząd Województwa Podlaskiego wydał pozytywną opinię",
		},
		"uchwaly/zk-uchwala-rada-miejska-w-stawiskach": {"RADY MIEJSKIEJ W STAWISKACH", "Burmistrzowi Stawisk.", "Przewodniczący Rady Miejskiej w Stawiskach"},
		"uchwaly/zk-uchwala-rada-miasta-kolno":         {"Burmistrzowi Miasta Kolno.", "Gmina miejska Kolno opracowała"},
		"uchwaly/zk-uchwala-rada-powiatu-w-kolnie": {
			"RADY POWIATU W KOLNIE", "Zarządowi Powiatu Kolneńskiego.", "Powiat kolneński opracował ją",
			"art. 12 pkt 11 ustawy z dnia 5 czerwca 1998 r. o samorządzie powiatowym",
		},
		"uchwaly/zk-uchwala-tryb-rada-miasta-kolno": {
			"w sprawie określenia szczegółowego trybu i harmonogramu opracowania projektu Strategii",
			"Projekt strategii opracowuje Burmistrz Miasta Kolno we współpracy z gminą wiejską Kolno",
			"nie krótszy niż 35 dni", "w terminie 30 dni od dnia zakończenia konsultacji", "kwiecień 2023",
		},
		"pisma/zk-wniosek-o-opinie-zarzad-wojewodztwa-podlaskiego": {
			"Kolno, 26 kwietnia 2024 r.", "Burmistrz Miasta Kolno", "Zarząd Województwa Podlaskiego",
			"w imieniu gminy miejskiej Kolno, gminy wiejskiej Kolno, gminy Grabowo", "tworzących Partnerstwo Ziemi Kolneńskiej",
			"określonych w Strategii Rozwoju Województwa Podlaskiego", "Sprawozdanie z przebiegu i wyników konsultacji.",
		},
		"zk-sprawozdanie-z-konsultacji": {
			"Podstawa prawna i przedmiot konsultacji", "W konsultacjach zgłoszono 30 uwag, z których 22 uwzględniono w całości lub w części.",
			"tj. przez 39 dni od dnia ogłoszenia" /* 26 II → 5 IV 2024; the day of the announcement is not counted (art. 111 § 2 kc), as rules.PRO counts */, "Razem", "Stowarzyszenie Przyjaciół Ziemi Kolneńskiej „Kurpianka”",
			"częściowo uwzględniona", "Dyrektor Regionalnego Zarządu Gospodarki Wodnej w Białymstoku",
			"5 marca 2024 r., Miejski Dom Kultury w Kolnie – spotkanie otwarte dla mieszkańców miasta Kolna i gminy Kolno (58 uczestników)",
			"12 marca 2024 r., Urząd Gminy Mały Płock (19 uczestników)", "Młodzież – uczniowie szkół ponadpodstawowych",
		},
		"zk-raport-diagnostyczny": {"Raport przedstawia diagnozę sytuacji społecznej, gospodarczej i przestrzennej", "Demografia i migracje", "Analiza SWOT"},
	}
	for name, phrases := range checks {
		text := texts[name]
		for _, p := range phrases {
			if !strings.Contains(text, p) {
				t.Errorf("%s: no %q", name, p)
			}
		}
	}
	for name, text := range texts {
		if name == "zk-raport-diagnostyczny" {
			continue // its chapters are the strategy's, whose wording the strategy's tests check
		}
		for _, bad := range []string{"r..", " ,", "  ", "Województwa Województwa", "%!"} {
			if strings.Contains(text, bad) {
				i := strings.Index(text, bad)
				t.Errorf("%s: %q in %q", name, bad, text[max(0, i-60):min(len(text), i+20)])
			}
		}
	}
	titles := map[string]string{
		"zk-raport-diagnostyczny":               "Raport diagnostyczny Partnerstwa Ziemi Kolneńskiej",
		"zk-sprawozdanie-z-konsultacji":         "Sprawozdanie z przebiegu i wyników konsultacji",
		"uchwaly/zk-uchwala-rada-gminy-grabowo": "Uchwała Rady Gminy Grabowo w sprawie przyjęcia Strategii rozwoju ponadlokalnego Partnerstwa Ziemi Kolneńskiej na lata 2024–2030",
	}
	for _, d := range docs {
		if want, ok := titles[d.Name]; ok && strings.ReplaceAll(d.Doc.Meta.Title, "\u00a0", " ") != want {
			t.Errorf("%s: title %q, want %q", d.Name, d.Doc.Meta.Title, want)
		}
	}
	// The same content gives the same documents; each renders.
	again, _ := procedureText(t, s, x, f, opt)
	for _, d := range docs {
		if again[d.Name] != texts[d.Name] {
			t.Errorf("%s differs between two composes", d.Name)
		}
		if err := pdf.Render(io.Discard, d.Doc, pdf.Options{NoTitlePage: d.NoTitlePage}); err != nil {
			t.Errorf("%s: PDF: %v", d.Name, err)
		}
		if err := docx.Render(io.Discard, d.Doc, docx.Options{NoTitlePage: d.NoTitlePage}); err != nil {
			t.Errorf("%s: DOCX: %v", d.Name, err)
		}
	}
}

// TestConsultationReportNamesNoPrivatePerson: a resident's name in the
// content never reaches the report; an organisation's does.
func TestConsultationReportNamesNoPrivatePerson(t *testing.T) {
	s, x, f, opt := loadExample(t)
	s.Comments[0].Author = "Jan Kowalski" // comment 1 is a resident's
	d, _ := ConsultationReport(s, x, f, opt)
	text := strings.ReplaceAll(doc.PlainText(d), "\u00a0", " ")
	if strings.Contains(text, "Kowalski") {
		t.Error("the report names a private person")
	}
	if !strings.Contains(text, "Gmina Wąsosz") {
		t.Error("the report does not name an institution")
	}
}

// TestConsultationReportWaits: while a comment has no response, there is
// no report, and the list says why.
func TestConsultationReportWaits(t *testing.T) {
	s, x, f, opt := loadExample(t)
	s.Comments[4].Response = ""
	d, l := ConsultationReport(s, x, f, opt)
	if d != nil {
		t.Error("a report was composed with a comment not dealt with")
	}
	if l.HasErrors() {
		t.Errorf("a comment without a response during the consultation is a warning: %v", l.Items())
	}
	if l.Len() == 0 || !strings.Contains(l.Items()[0].Msg, "comment 5") {
		t.Errorf("diagnostics: %v", l.Items())
	}
}

// TestOpinionRequestPerVoivodeship: members in two voivodeships give one
// request to each board.
func TestOpinionRequestPerVoivodeship(t *testing.T) {
	s, x, f, opt := loadExample(t)
	s.Partnership.Documents = []string{model.DocOpinionRequests}
	s.Partnership.Members[3].Voivodeship = "28" // as if Mały Płock lay in warmińsko-mazurskie
	_, docs := procedureText(t, s, x, f, opt)
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	want := "pisma/zk-wniosek-o-opinie-zarzad-wojewodztwa-podlaskiego pisma/zk-wniosek-o-opinie-zarzad-wojewodztwa-warminsko-mazurskiego"
	if strings.Join(names, " ") != want {
		t.Errorf("documents %v, want %s", names, want)
	}
	text := strings.ReplaceAll(doc.PlainText(docs[1].Doc), "\u00a0", " ")
	if !strings.Contains(text, "Zarząd Województwa Warmińsko-Mazurskiego") || !strings.Contains(text, "Strategii Rozwoju Województwa Warmińsko-Mazurskiego") {
		t.Errorf("second request: %.400s", text)
	}
}

// TestAdoptingBodies names the adopting body and its executive for each
// kind of unit and legal form, from the grammar data when the content
// records no adoption.
func TestAdoptingBodies(t *testing.T) {
	s, x, f, opt := loadExample(t)
	s.Participation.Adoptions = nil
	c := newComposer(s, x, f, opt)
	var got []string
	for _, b := range c.adoptingBodies() {
		_, dat := c.executive(b)
		got = append(got, b.Body+" → "+dat)
	}
	want := []string{
		"Rada Miasta Kolno → Burmistrzowi Miasta Kolno",
		"Rada Gminy Kolno → Wójtowi Gminy Kolno",
		"Rada Gminy Grabowo → Wójtowi Gminy Grabowo",
		"Rada Gminy Mały Płock → Wójtowi Gminy Mały Płock",
		"Rada Miejska w Stawiskach → Burmistrzowi Stawisk",
		"Rada Gminy Turośl → Wójtowi Gminy Turośl",
		"Rada Powiatu w Kolnie → Zarządowi Powiatu Kolneńskiego",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bodies:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, tc := range []struct{ form, name, body, exec string }{
		{"zwiazek_miedzygminny", "Związek Gmin Ziemi Kolneńskiej", "Zgromadzenie Związku Gmin Ziemi Kolneńskiej", "Zarządowi Związku Gmin Ziemi Kolneńskiej"},
		{"stowarzyszenie", "Stowarzyszenie Gmin Doliny Pisy", "Walne Zebranie Członków Stowarzyszenia Gmin Doliny Pisy", "Zarządowi Stowarzyszenia Gmin Doliny Pisy"},
	} {
		s.Partnership.LegalForm, s.Partnership.Name, s.Partnership.AdoptedResolution = tc.form, tc.name, nil
		c := newComposer(s, x, f, opt)
		bs := c.adoptingBodies()
		if len(bs) != 1 || bs[0].Body != tc.body {
			t.Errorf("%s: bodies %+v, want %s", tc.form, bs, tc.body)
			continue
		}
		if _, dat := c.executive(bs[0]); dat != tc.exec {
			t.Errorf("%s: executive %q, want %q", tc.form, dat, tc.exec)
		}
	}
}

// TestDiagnosisReportChapters: the report's chapters follow its
// introduction; they are not sections inside it (a chapter compose
// builds closes the template's open sections of its level).
func TestDiagnosisReportChapters(t *testing.T) {
	s, x, f, opt := loadExample(t)
	d, _ := DiagnosisReport(s, x, f, opt)
	got := strings.Join(topSections(d), " | ")
	for _, want := range []string{"Wprowadzenie | Diagnoza sytuacji społecznej, gospodarczej i przestrzennej", "Wnioski z diagnozy", "Analiza SWOT"} {
		if !strings.Contains(strings.ReplaceAll(got, "\u00a0", " "), want) {
			t.Errorf("the report's chapters %q lack %q", got, want)
		}
	}
}

// TestDiagnosisReportDate: the report's title page shows its data cutoff
// (październik 2023), not the build's month.
func TestDiagnosisReportDate(t *testing.T) {
	s, x, f, opt := loadExample(t)
	d, _ := DiagnosisReport(s, x, f, opt)
	if got, want := d.Meta.TitleMonth(), "październik 2023"; got != want || s.Diagnosis.DataCutoff != "2023-10-31" {
		t.Errorf("title page date %q, want %q (data_cutoff %s)", got, want, s.Diagnosis.DataCutoff)
	}
}
