package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/internal/refdata"
	"github.com/strategia-pl/strategia/render/doc"
)

// The data of the chapter diagnoza (templates/strategy/chapters/diagnoza.tmpl):
// the content's diagnosis, its indicator tables and surveys. The words
// (headings, sentences, table headers, captions and source lines) are
// the template's.

const diagnosisFile = "strategy/chapters/diagnoza.tmpl"

// DiagnosisSummary is the diagnosis' introductory prose ("" when none).
func (v *strategyView) DiagnosisSummary() string { return v.c.prose(&v.c.s.Diagnosis.Summary, 1) }

// ReferenceYear is the diagnosis' reference year (0 when not given);
// DataCutoff the date of its data (ISO, "" when not given);
// ComparisonGroup the group of units it compares with ("" when none).
func (v *strategyView) ReferenceYear() int      { return v.c.s.Diagnosis.ReferenceYear }
func (v *strategyView) DataCutoff() string      { return v.c.s.Diagnosis.DataCutoff }
func (v *strategyView) ComparisonGroup() string { return clean(v.c.s.Diagnosis.ComparisonGroup) }

// sourceView is a data source of the diagnosis.
type sourceView struct {
	Name string
	URL  string // the address as a link (inline token), "" when none
	Note string
}

// DataSources are the diagnosis' data sources.
func (v *strategyView) DataSources() []sourceView {
	var out []sourceView
	for _, s := range v.c.s.Diagnosis.Sources {
		sv := sourceView{Name: clean(s.Name), Note: clean(s.Note)}
		if s.URL != "" {
			sv.URL = v.c.inlineTok(&doc.Link{URL: s.URL, Inlines: ins(raw(s.URL))})
		}
		out = append(out, sv)
	}
	return out
}

// diagChapterView is a chapter of the diagnosis.
type diagChapterView struct {
	c          *composer
	ch         *model.Chapter
	Title      string
	Anchor     string
	Indicators []*indicatorView
}

// Body is the chapter's prose.
func (ch *diagChapterView) Body() string { return ch.c.prose(&ch.ch.Body, 2) }

// DiagnosisChapters are the chapters of the diagnosis with the
// indicators they show.
func (v *strategyView) DiagnosisChapters() []*diagChapterView {
	var out []*diagChapterView
	for _, ch := range v.c.s.Diagnosis.Chapters {
		cv := &diagChapterView{c: v.c, ch: ch, Title: clean(ch.Title), Anchor: "diag-" + ch.ID}
		for _, r := range ch.Indicators {
			if in := v.c.x.Indicators[r.ID]; in != nil {
				cv.Indicators = append(cv.Indicators, &indicatorView{c: v.c, in: in, Name: clean(in.Name), Unit: clean(in.Unit)})
			}
		}
		out = append(out, cv)
	}
	return out
}

// FunctionalLinks is the prose on the functional links ("" when none).
func (v *strategyView) FunctionalLinks() string {
	return v.c.prose(&v.c.s.Diagnosis.FunctionalLinks, 2)
}

// surveyView is a survey of the diagnosis.
type surveyView struct {
	c     *composer
	sv    *model.Survey
	ID    string
	Title string // "" when not given
	Group string // who was asked ("mieszkańcy")
}

// Report is the prose on the survey's results ("" when none).
func (s surveyView) Report() string { return s.c.prose(&s.sv.Report, 3) }

// Surveys are the diagnosis' surveys.
func (v *strategyView) Surveys() []surveyView {
	var out []surveyView
	for _, sv := range v.c.s.Diagnosis.Surveys {
		out = append(out, surveyView{c: v.c, sv: sv, ID: clean(sv.ID), Title: clean(sv.Title), Group: label(surveyTypes, sv.Type)})
	}
	return out
}

// SurveysTable is the table of the surveys: the caption and five column
// headers (number, survey, group, responses, dates) are the template's.
func (v *strategyView) SurveysTable(caption string, headers ...string) (string, error) {
	if len(headers) != 5 {
		return "", fmt.Errorf("want a caption and 5 column headers (number, survey, group, responses, dates), got %d headers", len(headers))
	}
	c := v.c
	// the survey column only when a survey has a title or a method
	named := false
	for _, sv := range c.s.Diagnosis.Surveys {
		named = named || sv.Title != "" || sv.Method != ""
	}
	widths := []float64{0.8, 3, 1.6, 1.2, 2}
	if !named {
		widths, headers = []float64{0.8, 3, 1.2, 2}, append([]string{headers[0]}, headers[2:]...)
	}
	t := c.table(caption, widths, 1, headerRow(headers...))
	for _, sv := range c.s.Diagnosis.Surveys {
		title := sv.Title
		if sv.Method != "" {
			title = strings.TrimSpace(title + " (" + sv.Method + ")")
		}
		n := plfmt.NoData
		if sv.N > 0 {
			n = plfmt.Int(int64(sv.N))
		}
		cells := []*doc.Cell{ccell(sv.ID), tcell(title), tcell(label(surveyTypes, sv.Type)), ncell(n), ccell(plfmt.DateRange(sv.From, sv.To))}
		if !named {
			cells = append(cells[:1], cells[2:]...)
		}
		t.Rows = append(t.Rows, row(cells...))
	}
	return c.blockTok(t), nil
}

// ---- indicator tables ----

// indicatorView is an indicator a diagnosis chapter shows as a table.
// The table's caption, the names of its comparison units and its source
// line are written by the templates wskaznik-podpis, wskaznik-jednostka
// and wskaznik-zrodlo that diagnoza.tmpl defines.
type indicatorView struct {
	c    *composer
	in   *model.Indicator
	Name string
	Unit string // "" when the indicator has none
}

// indicatorCaptionView is what the template "wskaznik-podpis" sees.
type indicatorCaptionView struct {
	Name, Unit string
	From, To   int // the first and last year the table shows
}

// indicatorSourceView is what the template "wskaznik-zrodlo" sees.
type indicatorSourceView struct {
	Source  string   // the data source, "" when not given
	Method  string   // how the partnership's value was computed: sum, ratio, weighted_mean; "" when the content gives it
	Missing []string // member gminy whose missing value leaves the partnership's value out
	Symbols bool     // the table uses GUS symbols ("." no data …)
}

// benchmarkView is what the template "wskaznik-jednostka" sees: a
// comparison unit of an indicator table.
type benchmarkView struct {
	Kind        string   // kraj, grupa, województwo, powiat, miasto na prawach powiatu, gmina, miasto, obszar wiejski, or "" (unknown: print Code)
	Code        string   // the unit's code as the content gives it
	Voivodeship []string // the voivodeship's code (Kind województwo), for {{voivodeships}}
	Name        string   // the unit's name in the TERC register ("kolneński", "Łomża"); for miasto and obszar wiejski the member gmina's name; "" when unknown
	Type        string   // a gmina's type in the TERC register ("gmina wiejska")
}

// maxYears is how many years an indicator table shows (the latest ones).
const maxYears = 7

// Table is the indicator's values: member units and the partnership
// (from Facts) and comparison units in rows, years in columns; header
// names the first column and partnership the partnership's row.
func (iv *indicatorView) Table(header, partnership string) string {
	c, in := iv.c, iv.in
	type cellv struct {
		v    *float64
		flag string
	}
	vals := map[string]map[int]cellv{}
	yearSet := map[int]bool{}
	var order []string
	for _, v := range in.Values {
		if v.Unit.ID == "partnership" {
			yearSet[v.Year] = true
			continue
		}
		if vals[v.Unit.ID] == nil {
			vals[v.Unit.ID] = map[int]cellv{}
			order = append(order, v.Unit.ID)
		}
		if _, dup := vals[v.Unit.ID][v.Year]; !dup {
			vals[v.Unit.ID][v.Year] = cellv{v.Value, v.Flag}
		}
		yearSet[v.Year] = true
	}
	fi := c.f.Indicator(in.ID)
	if fi != nil {
		for _, y := range fi.Years {
			if y.Value() != nil {
				yearSet[y.Year] = true
			}
		}
	}
	if len(yearSet) == 0 {
		return ""
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	slices.Sort(years)
	if len(years) > maxYears {
		years = years[len(years)-maxYears:]
	}
	widths := []float64{3.2}
	hdr := row(hcell(header))
	for _, y := range years {
		widths = append(widths, 1)
		hdr.Cells = append(hdr.Cells, hcell(itoa(y)))
	}
	t := &doc.Table{Widths: widths, HeaderRows: 1, Rows: []*doc.Row{hdr}}
	t.Caption = append(ins(c.label("Tabela")), c.readInline(c.run(diagnosisFile, "wskaznik-podpis",
		indicatorCaptionView{Name: iv.Name, Unit: iv.Unit, From: years[0], To: years[len(years)-1]}))...)
	t.Compact = len(years) > 6
	symbols := false
	cellFor := func(cv cellv, ok bool) string {
		switch {
		case ok && cv.v != nil:
			return indValue(in, *cv.v)
		case ok && cv.flag != "":
			symbols = true
			return plfmt.Symbol(cv.flag, decimals(in))
		}
		symbols = true
		return plfmt.NoData
	}
	memberRow := func(u string) {
		r := row(&doc.Cell{Blocks: []doc.Block{paraIn(c.readInline(iv.unitName(u))...)}})
		for _, y := range years {
			cv, ok := vals[u][y]
			r.Cells = append(r.Cells, ncell(cellFor(cv, ok)))
		}
		t.Rows = append(t.Rows, r)
	}
	// members in member order, then parts, then benchmarks
	for _, m := range c.s.Partnership.Members {
		if _, ok := vals[m.Teryt.ID]; ok {
			memberRow(m.Teryt.ID)
		}
	}
	for _, u := range order {
		if c.x.Members[u] == nil && len(u) == 7 {
			memberRow(u)
		}
	}
	// partnership
	pr := row(&doc.Cell{Bold: true, Shade: doc.ShadeLight, Blocks: []doc.Block{paraIn(c.readInline(partnership)...)}})
	var partial []string // gminy without a value, where that leaves the partnership's value out
	for _, y := range years {
		s := plfmt.NoData
		if fi != nil {
			if iy := fi.Year(y); iy != nil && iy.Value() != nil {
				s = indValue(in, *iy.Value())
			} else if iy != nil {
				for _, g := range iy.Missing {
					if n := c.memberName(g); !slices.Contains(partial, n) {
						partial = append(partial, n)
					}
				}
			}
		}
		if s == plfmt.NoData {
			symbols = true
		}
		cell := ncell(s)
		cell.Bold, cell.Shade = true, doc.ShadeLight
		pr.Cells = append(pr.Cells, cell)
	}
	t.Rows = append(t.Rows, pr)
	for _, u := range order {
		if c.x.Members[u] == nil && len(u) != 7 {
			memberRow(u)
		}
	}
	src := indicatorSourceView{Source: strings.TrimRight(clean(c.indicatorSource(in)), "."), Missing: partial, Symbols: symbols}
	if fi != nil && fi.Method != "none" {
		src.Method = fi.Method
	}
	for i, ln := range strings.Split(strings.TrimSpace(c.run(diagnosisFile, "wskaznik-zrodlo", src)), "\n") {
		if ln = strings.TrimSpace(ln); ln == "" {
			continue
		}
		if i > 0 && len(t.Note) > 0 {
			t.Note = append(t.Note, &doc.LineBreak{})
		}
		t.Note = append(t.Note, c.readInline(ln)...)
	}
	return c.blockTok(t)
}

// unitName names a row of an indicator table: a member by its name, a
// comparison unit by the template "wskaznik-jednostka".
func (iv *indicatorView) unitName(u string) string {
	c := iv.c
	if c.x.Members[u] != nil {
		return clean(c.memberName(u))
	}
	b := benchmarkView{Code: clean(u)}
	switch {
	case u == "PL":
		b.Kind = "kraj"
	case u == "MRL_group":
		b.Kind = "grupa"
	case len(u) == 2:
		if _, ok := grammar.Default().Voivodeship(u); ok {
			b.Kind, b.Voivodeship = "województwo", []string{u}
		}
	case len(u) == 4:
		b.Kind = "powiat"
		if t, ok := refdata.TERC().Lookup(u); ok {
			b.Name = t.Name
			if t.IsCityWithPowiatRights() {
				b.Kind = "miasto na prawach powiatu"
			}
		}
	case len(u) == 7 && (u[6] == '4' || u[6] == '5'):
		if base := c.x.Members[u[:6]+"3"]; base != nil {
			b.Kind, b.Name = "miasto", clean(base.Name)
			if u[6] == '5' {
				b.Kind = "obszar wiejski"
			}
		}
	case len(u) == 7:
		if t, ok := refdata.TERC().Lookup(u); ok && t.IsGmina() {
			b.Kind, b.Name, b.Type = "gmina", t.Name, t.Kind
		}
	}
	return strings.TrimSpace(c.run(diagnosisFile, "wskaznik-jednostka", b))
}

// indicatorSource names an indicator's data source.
func (c *composer) indicatorSource(in *model.Indicator) string {
	if in.Source == nil {
		return ""
	}
	s := in.Source.ID.ID
	if src := c.x.Sources[s]; src != nil {
		s = src.Name
	}
	if in.Source.Variable != "" {
		s += ", " + in.Source.Variable
	}
	if in.Source.Note != "" {
		s += " (" + in.Source.Note + ")"
	}
	return s
}

// ---- data of the chapter wnioski (strategy/chapters/wnioski.tmpl) ----

// evidenceView is one piece of evidence of a conclusion: an indicator,
// a survey, a diagnosis chapter, or another entity by its ID.
type evidenceView struct {
	Kind string // wskaźnik, badanie, rozdział, or "" (another entity)
	ID   string
	Name string // the indicator's name or the chapter's title
}

// conclusionView is a conclusion of the diagnosis (a wniosek).
type conclusionView struct {
	ID, Text string
	Evidence []evidenceView
}

// dimensionView is the conclusions of one dimension of development.
type dimensionView struct {
	Dimension string // spoleczny, gospodarczy, przestrzenny, or another key ("" none)
	Items     []conclusionView
}

// Conclusions are the diagnosis' conclusions by dimension: społeczny,
// gospodarczy, przestrzenny, then any other (including none).
func (v *strategyView) Conclusions() []dimensionView {
	c := v.c
	var out []dimensionView
	for _, dim := range dimensionOrder(c.s.Diagnosis.Conclusions, func(w *model.Conclusion) string { return w.Dimension }) {
		dv := dimensionView{Dimension: dim}
		for _, w := range c.s.Diagnosis.Conclusions {
			if w.Dimension == dim {
				dv.Items = append(dv.Items, conclusionView{ID: clean(w.ID), Text: clean(w.Text), Evidence: c.evidence(w.Evidence)})
			}
		}
		out = append(out, dv)
	}
	return out
}

// challengeView is a development challenge and the conclusions it
// comes from.
type challengeView struct {
	ID, Text string
	From     []string
}

// Challenges are the development challenges.
func (v *strategyView) Challenges() []challengeView {
	var out []challengeView
	for _, ch := range v.c.s.Diagnosis.Challenges {
		out = append(out, challengeView{ID: clean(ch.ID), Text: clean(ch.Text), From: ch.From.IDs()})
	}
	return out
}

// dimensionOrder returns the dimensions used by items: społeczny,
// gospodarczy, przestrzenny, then any other (including none).
func dimensionOrder[T any](items []T, dim func(T) string) []string {
	seen := map[string]bool{}
	for _, it := range items {
		seen[dim(it)] = true
	}
	var out []string
	for _, d := range []string{"spoleczny", "gospodarczy", "przestrzenny"} {
		if seen[d] {
			out = append(out, d)
			delete(seen, d)
		}
	}
	var rest []string
	for d := range seen {
		rest = append(rest, d)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// evidence is the evidence of a conclusion: what each reference names.
func (c *composer) evidence(rs model.Refs) []evidenceView {
	var out []evidenceView
	for _, r := range rs {
		e := evidenceView{ID: clean(r.ID)}
		switch {
		case c.x.Indicators[r.ID] != nil:
			e.Kind, e.Name = "wskaźnik", clean(c.x.Indicators[r.ID].Name)
		case c.x.Surveys[r.ID] != nil:
			e.Kind = "badanie"
		case c.x.Chapters[r.ID] != nil:
			e.Kind, e.Name = "rozdział", clean(c.x.Chapters[r.ID].Title)
		}
		out = append(out, e)
	}
	return out
}
