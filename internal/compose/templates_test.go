package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/tmpl"
	"github.com/strategia-pl/strategia/render/doc"
)

// overrideSet is the built-in set with one file overridden by the
// built-in text with old replaced by new (which must occur).
func overrideSet(t *testing.T, name, old, new string) (*tmpl.Set, string) {
	t.Helper()
	src, ok := tmpl.Builtin(name)
	if !ok {
		t.Fatalf("no built-in %s", name)
	}
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(src, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	set, l := tmpl.Load(dir)
	if l.HasErrors() {
		t.Fatalf("override of %s: %v", name, l.Items())
	}
	return set, p
}

// topBlocks are the dumps of a document's top-level blocks by their
// anchor (or kind).
func topBlocks(d *doc.Document) map[string]string {
	out := map[string]string{}
	for _, b := range d.Blocks {
		name := b.Kind().String()
		if sec, ok := b.(*doc.Section); ok {
			name = sec.Anchor
		}
		out[name] += dump(b)
	}
	return out
}

// TestChapterOverride overrides one chapter template of the example's
// strategy at a time (a sentence, a table header, a caption or source
// template) and checks that the change shows in that chapter and that
// nothing else in the document changed.
func TestChapterOverride(t *testing.T) {
	s, x, f, opt := loadExample(t)
	base, _ := Strategy(s, x, f, opt)
	want := topBlocks(base)
	for _, tc := range []struct {
		file, old, new string
		chapter        string // anchor of the chapter that changes
		show           string // text the change shows
	}{
		{"strategy/chapters/diagnoza.tmpl", `"Jednostka" "Partnerstwo"`, `"Gmina" "Razem"`, "diagnoza", "Razem"},
		{"strategy/chapters/diagnoza.tmpl", `"Liczba odpowiedzi"`, `"Odpowiedzi (n)"`, "diagnoza", "Odpowiedzi (n)"},
		{"strategy/chapters/diagnoza.tmpl", `{{inYears .From .To}}{{end}}`, `({{years .From .To}}){{end}}`, "diagnoza", "(2019–2022)"},
		{"strategy/chapters/diagnoza.tmpl", `Źródło: {{or`, `Dane: {{or`, "diagnoza", "Dane: GUS"},
		{"strategy/chapters/wnioski.tmpl", `badanie {{.ID}}`, `ankieta {{.ID}}`, "wnioski", "ankieta SV2"},
		{"strategy/chapters/wnioski.tmpl", `Wymiar gospodarczy{{else`, `Gospodarka{{else`, "wnioski", "Gospodarka"},
		{"strategy/chapters/swot.tmpl", `"Szanse (czynniki zewnętrzne)"`, `"Szanse"`, "swot", `"Szanse"`},
		{"strategy/chapters/swot.tmpl", `strategia agresywna`, `strategia ofensywna`, "swot", "strategia ofensywna"},
		{"strategy/chapters/cele.tmpl", `"Cel operacyjny" "Kierunki działań"`, `"Cel operacyjny" "Kierunki"`, "cele", `"Kierunki"`},
		{"strategy/chapters/cele.tmpl", `{{b "Projekty realizujące kierunek: "}}`, `{{b "Projekty: "}}`, "cele", `"Projekty: "`},
		{"strategy/chapters/rezultaty.tmpl", `"Jednostka" "Wartość bazowa (rok)"`, `"Jedn." "Wartość bazowa (rok)"`, "rezultaty", `"Jedn."`},
		{"strategy/chapters/rezultaty.tmpl", `Tabela zestawia wskaźniki`, `Zestawienie obejmuje wskaźniki`, "rezultaty", "Zestawienie obejmuje"},
		{"strategy/chapters/osi.tmpl", `{{b "Zasięg: "}}`, `{{b "Obejmuje: "}}`, "osi", `"Obejmuje: "`},
		{"strategy/chapters/diagnoza.tmpl", `{{upperFirst (voivodeships .Voivodeship "mianownik")}}`, `Średnia {{voivodeships .Voivodeship "dopełniacz"}}`, "diagnoza", "Średnia województwa podlaskiego"},
	} {
		set, _ := overrideSet(t, tc.file, tc.old, tc.new)
		o := opt
		o.Templates = set
		d, l := Strategy(s, x, f, o)
		if l.Len() > 0 {
			t.Errorf("%s %q: diagnostics: %v", tc.file, tc.new, l.Items())
			continue
		}
		got := topBlocks(d)
		if len(got) != len(want) {
			t.Errorf("%s %q: %d top-level blocks, want %d", tc.file, tc.new, len(got), len(want))
		}
		for name, w := range want {
			switch {
			case name == tc.chapter && got[name] == w:
				t.Errorf("%s %q: chapter %s did not change", tc.file, tc.new, name)
			case name == tc.chapter && !strings.Contains(got[name], tc.show):
				t.Errorf("%s %q: chapter %s does not show %q", tc.file, tc.new, name, tc.show)
			case name != tc.chapter && got[name] != w:
				t.Errorf("%s %q: %s changed:\n%s", tc.file, tc.new, name, lineDiff(w, got[name]))
			}
		}
	}
}

// TestChapterOverrideErrors: a chapter template that misuses a table or
// asks for a field that does not exist is a TPL-02 error at its line.
func TestChapterOverrideErrors(t *testing.T) {
	s, x, f, opt := loadExample(t)
	for _, tc := range []struct {
		file, old, new string
		msg            string
		at             string // the text the error points at (default: new)
	}{
		{"strategy/chapters/diagnoza.tmpl", `"Liczba odpowiedzi" "Termin"`, `"Liczba odpowiedzi"`, "5 column headers", ""},
		{"strategy/chapters/swot.tmpl", `"Czynniki pozytywne" "Czynniki negatywne"`, `"Czynniki pozytywne"`, "source line", "{{.SWOTTable"},
		{"strategy/chapters/wnioski.tmpl", `(include "podstawa" .Evidence)`, `(include "dowody" .Evidence)`, `no template "dowody"`, ""},
		{"strategy/chapters/cele.tmpl", `"Cel strategiczny" "Cel operacyjny" "Kierunki działań"`, `"Cel strategiczny" "Kierunki działań"`, "3 column headers", ""},
		{"strategy/chapters/rezultaty.tmpl", `"Źródło danych, częstotliwość"`, ``, "6 column headers", "{{- with .ResultsTable"},
		{"strategy/chapters/cele.tmpl", `{{.Title}} {#{{.Anchor}} .nosection}`, `{{.Tytul}} {#{{.Anchor}} .nosection}`, "Tytul", ""},
		{"strategy/chapters/diagnoza.tmpl", `{{.Name}}{{with .Unit}}`, `{{.Nazwa}}{{with .Unit}}`, "Nazwa", ""},
	} {
		set, path := overrideSet(t, tc.file, tc.old, tc.new)
		src, _ := os.ReadFile(path)
		at := cmpOr(tc.at, tc.new)
		line := strings.Count(string(src[:strings.Index(string(src), at)]), "\n") + 1
		o := opt
		o.Templates = set
		_, l := Strategy(s, x, f, o)
		found := false
		for _, d := range l.Items() {
			if d.Rule == tmpl.RuleExec && d.Pos.File == path && d.Pos.Line == line && strings.Contains(d.Msg, tc.msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %q: want TPL-02 at %s:%d mentioning %q, got %v", tc.file, tc.new, path, line, tc.msg, l.Items())
		}
	}
}

// TestProseOnce: a template that asks for the same prose twice ({{if
// .X}}…{{.X}}) gets it converted once, so its footnotes are not doubled.
func TestProseOnce(t *testing.T) {
	s, x, f, opt := loadDir(t, minimalDir)
	s.Participation.Description = model.Markdown{Raw: "p.md", File: "p.md", Line: 1, Text: "Opis procesu[^a].\n\n[^a]: Przypis do opisu.\n"}
	s.Implementation.UpdateRules = model.Markdown{Raw: "u.md", File: "u.md", Line: 1, Text: "Zasady[^b].\n\n[^b]: Przypis do zasad.\n"}
	d, _ := Strategy(s, x, f, opt)
	n := 0
	for _, fn := range d.Footnotes {
		for _, b := range fn.Blocks {
			if p, ok := b.(*doc.Paragraph); ok && strings.HasPrefix(doc.PlainText(p), "Przypis do") {
				n++
			}
		}
	}
	if n != 2 {
		t.Errorf("%d footnotes from the two prose texts, want 2", n)
	}
}

// TestIndicatorSourceMissing: when a member gmina's value is missing, the
// indicator table leaves the partnership's value out and its source line
// names the gmina ("brak danych dla gminy: Grabowo", no colon after "dla").
func TestIndicatorSourceMissing(t *testing.T) {
	s, x, f, opt := loadExample(t)
	var name string
	for _, in := range s.Indicators {
		if in.ID != "pop_total" {
			continue
		}
		var kept []*model.Value
		for _, v := range in.Values {
			if m := x.Members[v.Unit.ID]; m != nil && v.Year == 2022 && name == "" {
				name = m.Name
				continue
			}
			if v.Unit.ID == "partnership" { // the content's own value would stand in
				continue
			}
			kept = append(kept, v)
		}
		in.Values = kept
	}
	if name == "" {
		t.Skip("the example has no pop_total value of a member in 2022")
	}
	x = model.NewIndex(s)
	f = model.Derive(s, x)
	d, _ := Strategy(s, x, f, opt)
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
	want := "Wartości dla partnerstwa nie podano tam, gdzie brak danych dla gminy: " + name
	if !strings.Contains(text, want) {
		i := strings.Index(text, "Wartości dla partnerstwa")
		t.Errorf("no %q in the indicator tables; %q", want, text[max(0, i-200):min(len(text), i+300)])
	}
}

// TestBenchmarkNames: comparison units of an indicator table are named
// from the TERC register: a powiat, a city with powiat rights, a gmina
// outside the partnership.
func TestBenchmarkNames(t *testing.T) {
	s, x, f, opt := loadExample(t)
	for _, in := range s.Indicators {
		if in.ID == "pop_total" {
			v := 1000.0
			for _, u := range []string{"2006", "2062", "2007013"} {
				in.Values = append(in.Values, &model.Value{Unit: model.Ref{ID: u}, Year: 2022, Value: &v})
			}
		}
	}
	x = model.NewIndex(s)
	f = model.Derive(s, x)
	d, _ := Strategy(s, x, f, opt)
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
	for _, want := range []string{`"Powiat kolneński"`, `"Łomża (miasto na prawach powiatu)"`, `"Jedwabne (gmina miejsko-wiejska)"`} {
		if !strings.Contains(text, want) {
			t.Errorf("no row %s in the indicator table", want)
		}
	}
}
