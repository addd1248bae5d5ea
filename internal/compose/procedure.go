package compose

import (
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// A ProcedureDocument is one document of the strategy's procedure, besides
// the strategy and the fiches: the diagnosis report, the consultation
// report, a draft resolution of an adopting body, a request for the
// voivodeship board's opinion.
type ProcedureDocument struct {
	// Name is the output file's path relative to the partnership's output
	// folder, without extension ("uchwaly/ziemia-kolnenska-uchwala-rada-gminy-grabowo").
	Name string
	Doc  *doc.Document
	// NoTitlePage: the document starts with its own heading (a resolution,
	// a letter), not with a title page.
	NoTitlePage bool
}

// Procedure composes the procedure documents the partnership asks for
// (partnership.documents), in a fixed order. slug names the files. A
// document that cannot be made (no comments file for the consultation
// report, say) is reported in the list and left out.
func Procedure(s *model.Strategy, x *model.Index, f *model.Facts, slug string, opt Options) ([]ProcedureDocument, *diag.List) {
	var out []ProcedureDocument
	all := &diag.List{}
	add := func(name string, d *doc.Document, l *diag.List, noTitle bool) {
		all.Append(*l)
		if d != nil && !l.HasErrors() {
			out = append(out, ProcedureDocument{Name: name, Doc: d, NoTitlePage: noTitle})
		}
	}
	p := &s.Partnership
	if p.Wants(model.DocDiagnosisReport) {
		d, l := DiagnosisReport(s, x, f, opt)
		add(slug+"-raport-diagnostyczny", d, l, false)
	}
	if p.Wants(model.DocConsultationReport) {
		d, l := ConsultationReport(s, x, f, opt)
		add(slug+"-sprawozdanie-z-konsultacji", d, l, false)
	}
	// resolutions composes one resolution per body the composer finds.
	resolutions := func(bodies func(*composer) []AdoptingBody, prefix string,
		compose func(*model.Strategy, *model.Index, *model.Facts, AdoptingBody, Options) (*doc.Document, *diag.List)) {
		c := newComposer(s, x, f, opt)
		for _, b := range bodies(c) {
			d, l := compose(s, x, f, b, opt)
			add("uchwaly/"+slug+prefix+fileSlug(b.Body), d, l, true)
		}
		all.Append(*c.l)
	}
	if p.Wants(model.DocResolutions) {
		resolutions((*composer).adoptingBodies, "-uchwala-", Resolution)
	}
	if p.Wants(model.DocProcedureResolutions) {
		resolutions((*composer).procedureBodies, "-uchwala-tryb-", ProcedureResolution)
	}
	if p.Wants(model.DocOpinionRequests) {
		c := newComposer(s, x, f, opt)
		for _, v := range c.voivodeships() {
			d, l := OpinionRequest(s, x, f, v, opt)
			add("pisma/"+slug+"-wniosek-o-opinie-"+fileSlug("zarzad "+grammar.Default().Voivodeships([]string{v}, grammar.Gen)), d, l, true)
		}
	}
	all.Sort()
	return out, all
}

// fileSlug makes a file name part of Polish text: lower-case ASCII
// letters and digits joined by hyphens ("Rada Gminy Mały Płock" →
// "rada-gminy-maly-plock").
func fileSlug(s string) string {
	s = strings.NewReplacer("ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ó", "o", "ś", "s", "ź", "z", "ż", "z",
		"Ą", "a", "Ć", "c", "Ę", "e", "Ł", "l", "Ń", "n", "Ó", "o", "Ś", "s", "Ź", "z", "Ż", "z").Replace(s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// voivodeships returns the voivodeship codes the members lie in, in
// order of first appearance.
func (c *composer) voivodeships() []string {
	var out []string
	for _, m := range c.s.Partnership.Members {
		v := m.Voivodeship
		if v == "" && len(m.Teryt.ID) >= 2 {
			v = m.Teryt.ID[:2]
		}
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// sentence ends s with a full stop unless it ends with one already (a
// date's "r.", an abbreviation): "… 2024 r." never becomes "… 2024 r..".
func sentence(s string) string {
	s = strings.TrimRight(s, " ")
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// ---- the strategy named in official documents ----

// strategyNameAcc is the strategy's title in the accusative, as a
// resolution adopts it ("Przyjmuje się Strategię Rozwoju …"): the first
// word declines, the rest stays.
func (c *composer) strategyNameAcc() string {
	t := c.strategyTitle()
	if rest, ok := strings.CutPrefix(t, "Strategia "); ok {
		return "Strategię " + rest
	}
	return t
}

// strategyNameGen is the strategy's title in the genitive ("projektu
// Strategii Rozwoju …").
func (c *composer) strategyNameGen() string {
	t := c.strategyTitle()
	if rest, ok := strings.CutPrefix(t, "Strategia "); ok {
		return "Strategii " + rest
	}
	return t
}

// procedureMeta is the metadata of a procedure document.
func (c *composer) procedureMeta(title, subject, header string) doc.Meta {
	p := c.s.Partnership
	m := doc.Meta{
		Title:    plfmt.Text(title),
		Subtitle: c.strategyTitle(),
		Author:   plfmt.Text(p.Name),
		Subject:  subject,
		Keywords: []string{subject, plfmt.Text(p.Name)},
		Language: "pl-PL",
		Date:     c.opt.Date,
		Header:   plfmt.Text(cmpOr(p.ShortName, p.Name) + " – " + header),
	}
	if r := c.revisionLine(); r != "" {
		m.TitlePage = append(m.TitlePage, r)
	}
	m.Footer = c.versionFooter()
	m.DraftMark = c.draftMark()
	return m
}
