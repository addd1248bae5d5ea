package compose

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/scaffold"
	"github.com/strategia-pl/strategia/render/doc"
)

// docText is every text of a document: metadata, blocks and footnotes,
// one line per paragraph or cell, no-break spaces as spaces.
func docText(d *doc.Document) string {
	var b strings.Builder
	b.WriteString(d.Meta.Title + "\n" + d.Meta.Subtitle + "\n" + d.Meta.Header + "\n")
	for _, l := range d.Meta.TitlePage {
		b.WriteString(l + "\n")
	}
	visit := func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		switch n := n.(type) {
		case *doc.Paragraph:
			b.WriteString(doc.PlainText(n) + "\n")
			return doc.WalkSkipChildren, nil
		case *doc.Heading:
			b.WriteString(doc.PlainText(n) + "\n")
			return doc.WalkSkipChildren, nil
		case *doc.Section:
			for _, in := range n.Title {
				b.WriteString(doc.PlainText(in))
			}
			b.WriteString("\n")
		case *doc.Table:
			for _, in := range n.Caption {
				b.WriteString(doc.PlainText(in))
			}
			b.WriteString("\n")
			for _, in := range n.Note {
				b.WriteString(doc.PlainText(in))
			}
			b.WriteString("\n")
		case *doc.Figure:
			for _, in := range n.Caption {
				b.WriteString(doc.PlainText(in))
			}
			b.WriteString("\n")
			for _, in := range n.Source {
				b.WriteString(doc.PlainText(in))
			}
			b.WriteString("\n")
		}
		return doc.WalkContinue, nil
	}
	_ = doc.Walk(d, visit)
	for _, f := range d.Footnotes {
		for _, bl := range f.Blocks {
			_ = doc.Walk(bl, visit)
		}
	}
	return strings.ReplaceAll(b.String(), "\u00a0", " ")
}

// polishErrors are the classes of error issue 16 found in the generated
// text; each pattern must never match a composed document.
var polishErrors = []struct {
	name string
	re   *regexp.Regexp
}{
	{"nominative after „województwa”", regexp.MustCompile(`województwa [a-ząćęłńóśźż-]+skie\b`)},
	{"a leader without its unit type", regexp.MustCompile(`Liderem partnerstwa jest \p{Lu}`)},
	{"„powiązanie” with a masculine adjective", regexp.MustCompile(`powiązanie (główny|uzupełniający)`)},
	{"„koncepcja” with a masculine adjective", regexp.MustCompile(`koncepcja – (gotowy|planowany)`)},
	{"„w latach” before one year", regexp.MustCompile(`w latach \d{4}(?:[^–\d]|$)`)},
	{"a doubled full stop", regexp.MustCompile(`[^.]\.\.(?:[^.]|$)`)},
	{"„cel Cel”", regexp.MustCompile(`(?i)cel cel`)},
	{"quotes nested as „…„…””", regexp.MustCompile(`„[^”]*„`)},
	{"PO for a policy objective", regexp.MustCompile(`\bPO[1-5]\b`)},
	{"a count with decimals", regexp.MustCompile(`\d,0 (?:szt\.|osób|osoby)`)},
	{"TERC named twice in one source", regexp.MustCompile(`TERC[^\n]*rejestru TERC`)},
	{"a hyphen inside an acronym", regexp.MustCompile(`\b\p{Lu}{2,}-\p{Lu}{2,}\b`)},
	{"„Powiat” capitalised inside a list or sentence", regexp.MustCompile(`(?:, | i | przez | jest )Powiat \p{L}`)},
	{"a powiat's adjective capitalised („Powiat Kolneński”)", regexp.MustCompile(`\b[Pp]owiat \p{Lu}\p{Ll}+ski\b`)},
	// TOWS (Weihrich; in Polish after Gierszewska and Romanowska): SO
	// agresywna (maxi-maxi), WO konkurencyjna (mini-maxi), ST
	// konserwatywna (maxi-mini), WT defensywna (mini-mini)
	{"TOWS strategies named the wrong way round", regexp.MustCompile(`ST – strategia konkurencyjna|WO – strategia konserwatywna|SO – strategia (?:konkurencyjna|konserwatywna|defensywna)|WT – strategia (?:agresywna|konkurencyjna|konserwatywna)`)},
	{"a voivodeship board in lower case („opinia zarządu województwa podlaskiego”)", regexp.MustCompile(`[Zz]arząd\p{Ll}* województwa \p{Ll}+skiego`)},
	{"„wynik” with a feminine adjective", regexp.MustCompile(`wynik: (?:pozytywna|negatywna|warunkowa)`)},
	{"a conclusion's evidence as a parenthesis (indicator names nest their own)", regexp.MustCompile(`\(podstawa: `)},
	{"a project's priority and kind split by a semicolon („projekt kluczowy; inwestycyjny”)", regexp.MustCompile(`projekt (?:kluczowy|uzupełniający); `)},
	{"a colon after a preposition", regexp.MustCompile(`(?i)\b(?:przy wsparciu|dla|przez|w ramach|na podstawie):`)},
	{"a bare code after a preposition („w CS1” for „w ramach celu strategicznego CS1”)", regexp.MustCompile(`(?:^|[\s(])[wW] (?:CS|KD)\d`)},
	{"„wersją” with an adjective in the nominative („a wersją robocza”)", regexp.MustCompile(`wersją robocza\b`)},
	{"a title after a dash that holds a dash of its own („P02 – Szkoła – kształcenie”; quote it)", regexp.MustCompile(`\bP\d{2,3} – [^„\n]* – `)},
	{"a capital after a colon inside a sentence („przeciwdziałanie: Rekrutacja”, „Dostępność: Wszystkie”)", regexp.MustCompile(`(?:przeciwdziałanie|Dostępność|niedyskryminacja|\(DNSH\)): \p{Lu}\p{Ll}`)},
	{"a date in figures after „z” („z 25.11.2026”; „z 25 listopada 2026 r.”)", regexp.MustCompile(`\bz \d{1,2}\.\d{2}\.\d{4}`)},
}

// monthFigures matches a month written in figures („03.2025”): the
// fiches and the list of changes name months in words („od marca 2025 r.
// do grudnia 2027 r.”, „marzec 2025 r.”).
var monthFigures = regexp.MustCompile(`(?:^|[^\d.])(?:0[1-9]|1[0-2])\.\d{4}\b`)

// checkPolish reports every match of the error classes in d, and captions
// whose numbers skip.
// ownCodeRE matches a title that starts with an element's code: "CS1. ",
// "CS1.2. ", "KD1.1.1. ", "P03. ".
var ownCodeRE = regexp.MustCompile(`^\p{Lu}{1,3}\d+(?:\.\d+)*[a-z]?\.\s`)

func checkPolish(t *testing.T, name string, d *doc.Document) {
	t.Helper()
	checkEmptyColumns(t, name, d)
	checkTitleDate(t, name, d)
	text := docText(d)
	for _, e := range polishErrors {
		for _, m := range e.re.FindAllString(text, 3) {
			t.Errorf("%s: %s: %q", name, e.name, m)
		}
	}
	next := map[string]int{}
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		// a section titled with its own code ("CS1.2. …") is not numbered
		// again by the renderers ("6.1.2. CS1.2. …")
		if s, ok := n.(*doc.Section); ok && entering && !s.Unnumbered && ownCodeRE.MatchString(doc.PlainText(&doc.Paragraph{Inlines: s.Title})) {
			t.Errorf("%s: a numbered section titled with its own code: %q", name, doc.PlainText(&doc.Paragraph{Inlines: s.Title}))
		}
		var caption []doc.Inline
		switch n := n.(type) {
		case *doc.Table:
			caption = n.Caption
		case *doc.Figure:
			caption = n.Caption
		}
		if !entering || len(caption) == 0 {
			return doc.WalkContinue, nil
		}
		var full strings.Builder // the caption after its label "Tabela N. "
		for _, in := range caption[1:] {
			full.WriteString(doc.PlainText(in))
		}
		if ct := strings.ReplaceAll(full.String(), "\u00a0", " "); captionText(ct) != ct {
			t.Errorf("%s: a one-phrase caption ends in a full stop: %q", name, ct)
		} else if _, rest := splitCaption(ct); rest != "" {
			t.Errorf("%s: a caption holds a second sentence (a legend belongs in the note under the table): %q", name, ct)
		}
		kind, num, ok := strings.Cut(doc.PlainText(caption[0]), "\u00a0")
		if !ok {
			return doc.WalkContinue, nil
		}
		k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(num), "."))
		if err != nil {
			t.Errorf("%s: caption %q has no number", name, doc.PlainText(caption[0]))
		} else if k != next[kind]+1 {
			t.Errorf("%s: %s %d follows %s %d", name, kind, k, kind, next[kind])
		}
		next[kind] = k
		return doc.WalkContinue, nil
	})
}

// TestPolishErrorClasses composes the example's and the minimal
// partnership's documents (strategy, package, procedure documents) and
// looks for every class of error of issue 16.
func TestPolishErrorClasses(t *testing.T) {
	for _, dir := range []string{exampleDir, minimalDir, scaffoldDir(t)} {
		s, x, f, opt := loadDir(t, dir)
		s.Partnership.DocumentOptions.ExecutiveSummary = true // its text too
		d, _ := Strategy(s, x, f, opt)
		checkPolish(t, dir+" strategy", d)
		p, _ := Package(s, x, f, opt)
		checkPolish(t, dir+" package", p)
		docs, _ := Procedure(s, x, f, "zk", opt)
		for _, pd := range docs {
			checkPolish(t, dir+" "+pd.Name, pd.Doc)
		}
		words := func(name string, d *doc.Document) {
			checkPolish(t, name, d)
			for _, m := range monthFigures.FindAllString(docText(d), 3) {
				t.Errorf("%s: a month in figures: %q", name, m)
			}
		}
		for _, pr := range s.Projects {
			fd, _ := Fiche(s, x, f, pr.ID, opt)
			words(dir+" fiche "+pr.ID, fd)
		}
		cd, _ := Changes(changesReport(), s, opt)
		words(dir+" list of changes", cd)
		// an evaluation neither done nor planned yet
		s.Implementation.Evaluation = append(s.Implementation.Evaluation, &model.Evaluation{Type: "mid_term"})
		d, _ = Strategy(s, x, f, opt)
		checkPolish(t, dir+" strategy with an undated evaluation", d)
		if got := evaluationTerms(d); len(got) == 0 || got[len(got)-1] != "do ustalenia" {
			t.Errorf("%s: the undated evaluation's term %q, want „do ustalenia” (GUS's „.” means missing data, not a term to be set)", dir, got)
		}
	}
}

// titleDay matches a title page line that is a (place and) date: "Kolno,
// 25 kwietnia 2024 r.".
var titleDay = regexp.MustCompile(`^(?:[^,]+, )?\d{1,2}[ \x{a0}](stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)[ \x{a0}](\d{4})[ \x{a0}]r\.$`)

// checkTitleDate reports a title page that gives its date twice: a line
// with the day and, at its foot, the month of the same date ("Kolno, 25
// kwietnia 2024 r." above "kwiecień 2024").
func checkTitleDate(t *testing.T, name string, d *doc.Document) {
	t.Helper()
	gen := []string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"}
	nom := []string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"}
	for _, l := range d.Meta.TitlePage {
		m := titleDay.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for i, g := range gen {
			if g == m[1] && nom[i]+" "+m[2] == d.Meta.TitleMonth() {
				t.Errorf("%s: the title page gives its date twice: %q and %q at its foot", name, l, d.Meta.TitleMonth())
			}
		}
	}
}

// checkEmptyColumns reports a table column that is empty in every body
// row (a header over nothing: the surveys' "Badanie" when no survey has a
// title).
func checkEmptyColumns(t *testing.T, name string, d *doc.Document) {
	t.Helper()
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		tb, ok := n.(*doc.Table)
		if !ok || !entering || len(tb.Rows) <= tb.HeaderRows ||
			strings.Contains(doc.PlainText(&doc.Paragraph{Inlines: tb.Caption}), "Macierz") {
			// (a matrix's empty column says a project serves no goal)
			return doc.WalkContinue, nil
		}
		filled := map[int]bool{}
		cols := 0
		for _, r := range tb.Rows[tb.HeaderRows:] {
			c := 0
			for _, cell := range r.Cells {
				if cell == nil {
					continue
				}
				if strings.TrimSpace(doc.PlainText(cell)) != "" {
					for k := c; k < c+max(cell.ColSpan, 1); k++ {
						filled[k] = true
					}
				}
				c += max(cell.ColSpan, 1)
			}
			cols = max(cols, c)
		}
		for k := range cols {
			if !filled[k] {
				t.Errorf("%s: table %q: column %d is empty in every row", name, doc.PlainText(&doc.Paragraph{Inlines: tb.Caption}), k+1)
			}
		}
		return doc.WalkContinue, nil
	})
}

// evaluationTerms are the "Termin" cells of the schedule of evaluations.
func evaluationTerms(d *doc.Document) []string {
	var out []string
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		t, ok := n.(*doc.Table)
		if !ok || !entering || !strings.Contains(doc.PlainText(&doc.Paragraph{Inlines: t.Caption}), "ewaluacji") {
			return doc.WalkContinue, nil
		}
		for _, r := range t.Rows[t.HeaderRows:] {
			if len(r.Cells) > 1 {
				out = append(out, strings.TrimSpace(doc.PlainText(r.Cells[1])))
			}
		}
		return doc.WalkSkipChildren, nil
	})
	return out
}

func TestPolishPatternsCatch(t *testing.T) {
	for _, bad := range []string{
		"położonych w województwa podlaskie", "Liderem partnerstwa jest Domaszowice.", "– powiązanie główny",
		"koncepcja – gotowy", "Lesistość w latach 2022", "z 20 września 2022 r..", "cel Cel 2.",
		"„Produkt „Kurpie nad Pisą””", "CPR: PO4, PO5", "12,0 szt.", "37 980,0 osób", "według TERC (GUS), stan na 2025-01-01; granice według rejestru TERC",
		"Kod TE-RYT", "Dokument opracowany przy wsparciu: Centrum", "brak danych dla: Grabowo", "(na podstawie: W1, W6)", "Grabowo, Turośl, Powiat kolneński", "Liderem jest Powiat Kolneński jako", "ST – strategia konkurencyjna (mocne strony wobec zagrożeń)", "Opinia zarządu województwa podlaskiego", "wynik: pozytywna;", "(podstawa: ludność ogółem (stan 31 XII))", "projekt kluczowy; inwestycyjny; status: zgłoszony",
		"KD1.1.2 przeniesienie w CS1.1", "Nazwa (w CS1)", "v1.0 (z 25.11.2026)", "kadr – przeciwdziałanie: Rekrutacja wśród", "Dostępność: Wszystkie budynki", "między wersją v1.0 a wersją robocza (na podstawie", "Przedsięwzięcie P02 – Szkoła blisko pracy – kształcenie",
	} {
		hit := false
		for _, e := range polishErrors {
			hit = hit || e.re.MatchString(bad)
		}
		if !hit {
			t.Errorf("no pattern catches %q", bad)
		}
	}
}

// scaffoldDir is a new partnership as `strategia init` makes it (two
// voivodeships' worth of members is not needed: the scaffold's own tests
// cover it), for the tests that run every template over minimal content.
func scaffoldDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "nowe")
	if _, err := scaffold.Create(dir, scaffold.Options{Name: "Partnerstwo Doliny Pisy", Year: 2025,
		Members: []string{"2006011", "2006032", "2006022", "2006053"}}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// partnershipSentence is the first paragraph of "Partnerstwo i jego
// obszar".
func partnershipSentence(t *testing.T, d *doc.Document) string {
	t.Helper()
	var out string
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if s, ok := n.(*doc.Section); ok && entering && s.Anchor == "partnerstwo" {
			for _, b := range s.Blocks {
				if p, ok := b.(*doc.Paragraph); ok {
					out = strings.TrimSpace(strings.ReplaceAll(doc.PlainText(p), "\u00a0", " "))
					return doc.WalkStop, nil
				}
			}
		}
		return doc.WalkContinue, nil
	})
	return out
}

// TestDeclension pins the sentences that depend on declension: one
// voivodeship and two, a leader that is a gmina miejska, wiejska,
// miejsko-wiejska or a powiat.
func TestDeclension(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members [][3]string // TERC code, kind, name; the first leads
		want    string
	}{
		{"gmina miejska leads, one voivodeship",
			[][3]string{{"2006011", "gmina", "Kolno"}, {"2006022", "gmina", "Grabowo"}},
			"Partnerstwo Testowe tworzy 2 jednostki samorządu terytorialnego położonych w województwie podlaskim. Podstawą współpracy jest porozumienie międzygminne z 1 marca 2023 r. Liderem partnerstwa jest gmina Kolno."},
		{"gmina wiejska leads",
			[][3]string{{"2006022", "gmina", "Grabowo"}, {"2006011", "gmina", "Kolno"}},
			"Partnerstwo Testowe tworzy 2 jednostki samorządu terytorialnego położonych w województwie podlaskim. Podstawą współpracy jest porozumienie międzygminne z 1 marca 2023 r. Liderem partnerstwa jest gmina Grabowo."},
		{"gmina miejsko-wiejska leads, two gminy of one name",
			[][3]string{{"2006053", "gmina", "Stawiski"}, {"2006011", "gmina", "Kolno"}, {"2006032", "gmina", "Kolno"}},
			"Partnerstwo Testowe tworzy 3 jednostki samorządu terytorialnego położonych w województwie podlaskim. Podstawą współpracy jest porozumienie międzygminne z 1 marca 2023 r. Liderem partnerstwa jest gmina Stawiski."},
		{"a repeated name takes the type",
			[][3]string{{"2006032", "gmina", "Kolno"}, {"2006011", "gmina", "Kolno"}},
			"Partnerstwo Testowe tworzy 2 jednostki samorządu terytorialnego położonych w województwie podlaskim. Podstawą współpracy jest porozumienie międzygminne z 1 marca 2023 r. Liderem partnerstwa jest gmina wiejska Kolno."},
		{"powiat leads",
			[][3]string{{"2006", "powiat", "kolneński"}, {"2006011", "gmina", "Kolno"}},
			"Partnerstwo Testowe tworzy 2 jednostki samorządu terytorialnego położonych w województwie podlaskim. Podstawą współpracy jest porozumienie międzygminne z 1 marca 2023 r. Liderem partnerstwa jest powiat kolneński."},
		{"two voivodeships",
			[][3]string{{"1606032", "gmina", "Namysłów"}, {"3008011", "gmina", "Kępno"}, {"1606011", "gmina", "Domaszowice"}},
			"Partnerstwo Testowe tworzy 3 jednostki samorządu terytorialnego położonych w województwach opolskim i wielkopolskim. Podstawą współpracy jest porozumienie międzygminne z 1 marca 2023 r. Liderem partnerstwa jest gmina Namysłów."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _, opt := loadDir(t, minimalDir)
			p := &s.Partnership
			p.SupportedInVoivodeship = ""
			var ms []*model.Member
			for _, m := range tc.members {
				mb := &model.Member{Teryt: model.Ref{ID: m[0]}, Kind: m[1], Name: m[2]}
				if len(m[0]) == 7 {
					mb.GminaType = int(m[0][6] - '0')
				}
				ms = append(ms, mb)
			}
			p.Members, p.Leader = ms, model.Ref{ID: tc.members[0][0]}
			d, _ := Strategy(s, nil, nil, opt)
			got := partnershipSentence(t, d)
			// up to the leader's sentence (totals and missing data follow)
			if i := strings.Index(got, "Liderem partnerstwa jest "); i >= 0 {
				if j := strings.Index(got[i:], ". "); j >= 0 {
					got = got[:i+j+1]
				}
			}
			if got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
			checkPolish(t, tc.name, d)
		})
	}
}

var _ = fmt.Sprint

func TestCaptionText(t *testing.T) {
	for in, want := range map[string]string{
		"Ludność i gęstość zaludnienia gmin partnerstwa.": "Ludność i gęstość zaludnienia gmin partnerstwa",
		"Struktura ludności w 2022 r.":                    "Struktura ludności w 2022 r.",
		"Lesistość. Znak „.” oznacza dane niedostępne.":   "Lesistość. Znak „.” oznacza dane niedostępne.",
		"  Ocena obszarów życia (SV1, n = 612)  ":         "Ocena obszarów życia (SV1, n = 612)",
		"Gospodarstwa rolne, obsada bydła itp.":           "Gospodarstwa rolne, obsada bydła itp.",
	} {
		if got := captionText(in); got != want {
			t.Errorf("captionText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEnumerationAfterColon: the guidelines for executive documents are
// an enumeration after a colon, set as Polish enumerations are: each item
// from a small letter (an acronym stays), a semicolon after every item but
// the last, a full stop after the last.
func TestEnumerationAfterColon(t *testing.T) {
	s, x, f, opt := loadExample(t)
	d, _ := Strategy(s, x, f, opt)
	var items []string
	_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
		if sec, ok := n.(*doc.Section); ok && entering && sec.Anchor == "wytyczne" {
			for _, b := range sec.Blocks {
				if l, ok := b.(*doc.List); ok {
					for _, it := range l.Items {
						for _, ib := range it.Blocks {
							if p, ok := ib.(*doc.Paragraph); ok {
								items = append(items, strings.TrimSpace(doc.PlainText(p)))
							}
						}
					}
				}
			}
			return doc.WalkStop, nil
		}
		return doc.WalkContinue, nil
	})
	if len(items) < 2 {
		t.Fatalf("the example's guidelines list has %d items", len(items))
	}
	for i, it := range items {
		r := []rune(it)
		want := ";"
		if i == len(items)-1 {
			want = "."
		}
		if !strings.HasSuffix(it, want) || strings.HasSuffix(it, ".;") {
			t.Errorf("item %d does not end in %q: %q", i+1, want, it)
		}
		if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
			t.Errorf("item %d starts with a capital: %q", i+1, it)
		}
	}
}
