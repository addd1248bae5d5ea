package compose

import (
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
)

// The data templates see. Compose does the data work here (labels looked
// up, names chosen, facts taken from model.Facts) and hands templates
// plain values, grammatical phrases they decline by case, and tokens for
// the blocks and inlines it builds (tables, maps, links). Every string
// from the content goes through clean.

// strategyView is the root data of the strategy's templates.
type strategyView struct {
	c *composer
}

// Period is a span of years (From 0 when not given).
type periodView struct{ From, To int }

// phraseView is a declinable phrase: {{.Leader.In "narzędnik"}}; as a
// plain value it prints its nominative.
type phraseView struct{ p grammar.Phrase }

// In is the phrase in the named case (mianownik … miejscownik, or nom …
// loc).
func (v phraseView) In(cs string) (string, error) {
	c, err := grammar.ParseCase(cs)
	if err != nil {
		return "", err
	}
	return v.p.In(c), nil
}

func (v phraseView) String() string { return v.p.String() }

// resolutionView is a resolution: "uchwała nr … Rady … z dnia …".
type resolutionView struct {
	Number  string // "IV/32/2024"
	Body    string // the body in the nominative, as the content names it
	BodyGen string // the body in the genitive ("Rady Miasta Kolno")
	Date    string // ISO date
}

func (c *composer) view() *strategyView { return &strategyView{c: c} }

func (v *strategyView) p() *model.Partnership { return &v.c.s.Partnership }

// Kind is the kind of document ("Strategia rozwoju ponadlokalnego").
func (v *strategyView) Kind() string { return cmpOr(label(docKind, v.p().DocType), "Strategia") }

// KindInstr is the kind in the instrumental ("strategią rozwoju ponadlokalnego").
func (v *strategyView) KindInstr() string { return cmpOr(docKindInstr[v.p().DocType], "strategią") }

// Name is the partnership's name; ShortName its short name ("" if none).
func (v *strategyView) Name() string      { return clean(v.p().Name) }
func (v *strategyView) ShortName() string { return clean(v.p().ShortName) }

// NameGenitive is the name in the genitive, "" when it cannot be declined.
func (v *strategyView) NameGenitive() string {
	if g, ok := genitive(v.Name()); ok {
		return g
	}
	return ""
}

// Period is the strategy's period (nil when not given).
func (v *strategyView) Period() *periodView {
	if v.p().Period.From == 0 {
		return nil
	}
	return &periodView{v.p().Period.From, v.p().Period.To}
}

// Programme names the support programme ("" for none or "other" when
// other is false).
func (v *strategyView) Programme(other bool) string {
	pr, ok := programmes[v.p().Programme]
	if !ok || !other && v.p().Programme == "other" {
		return ""
	}
	return pr
}

// ProgrammeGen names the support programme in the genitive ("przy
// wsparciu Centrum Wsparcia Doradczego – CWD Plus"); "" for none or
// "other".
func (v *strategyView) ProgrammeGen() string { return programmesGen[v.p().Programme] }

// MemberNames are the members' names as a list in running text names
// them: as the tables do, but a powiat in lower case ("…, Turośl, powiat
// kolneński"), as the grammar's phrases write it.
func (v *strategyView) MemberNames() []string {
	var out []string
	for _, m := range v.p().Members {
		n := clean(v.c.memberName(m.Teryt.ID))
		if m.Kind == "powiat" {
			n = plfmt.LowerFirst(n)
		}
		out = append(out, n)
	}
	return out
}

// Version is the document's version ("1.0"); Status its status in words
// ("dokument przyjęty"), "" when not given.
func (v *strategyView) Version() string { return clean(v.p().Version) }
func (v *strategyView) Status() string  { return docStatus[v.p().Status] }

// RevisionLine is the git revision line ("" outside git).
func (v *strategyView) RevisionLine() string { return v.c.revisionLine() }

// Adoptions are the resolutions adopting the strategy that the title
// page names (the partnership's own, else each member's).
func (v *strategyView) Adoptions() []resolutionView {
	p := v.p()
	g := grammar.Default()
	mk := func(body, number, date string) resolutionView {
		return resolutionView{Number: clean(number), Body: clean(body), BodyGen: clean(g.CouncilGenitive(body)), Date: date}
	}
	// a member's resolution without the body's name: the council of the
	// member, named by the grammar ("Rada Miejska w Stawiskach")
	mkMember := func(teryt, body, number, date string) resolutionView {
		if body == "" {
			if cn, ok := v.c.council(teryt); ok {
				r := mk(cn.In(grammar.Nom), number, date)
				r.BodyGen = cn.In(grammar.Gen)
				return r
			}
		}
		return mk(body, number, date)
	}
	if r := p.AdoptedResolution; r != nil && cmpOr(r.Number, r.Resolution) != "" {
		return []resolutionView{mk(r.Body, cmpOr(r.Number, r.Resolution), r.Date)}
	}
	if p.Status != "adopted" {
		return nil
	}
	var out []resolutionView
	if len(v.c.s.Participation.Adoptions) > 0 {
		for _, a := range v.c.s.Participation.Adoptions {
			out = append(out, mkMember(a.Member.ID, a.Body, a.Resolution, a.Date))
		}
		return out
	}
	for _, m := range p.Members {
		if a := m.Adoption; a != nil {
			out = append(out, mkMember(m.Teryt.ID, a.Body, cmpOr(a.Resolution, a.Number), a.Date))
		}
	}
	return out
}

// DocumentDate is the document's own date (ISO): the latest adoption of
// an adopted strategy, else the build's date. The title page shows it;
// the build time stays in the metadata.
func (v *strategyView) DocumentDate() string {
	var dates []string
	for _, a := range v.Adoptions() {
		if a.Date != "" {
			dates = append(dates, a.Date)
		}
	}
	if len(dates) > 0 {
		return slices.Max(dates)
	}
	return v.c.opt.Date
}

// keywords are the document's metadata keywords.
func (v *strategyView) keywords() []string {
	p := v.p()
	kind := label(docKind, p.DocType)
	kw := []string{"strategia", strings.ToLower(kind), plfmt.Text(p.Name)}
	for _, t := range p.OSITypes {
		kw = append(kw, label(osiTypes, t))
	}
	for _, mb := range p.Members {
		kw = append(kw, mb.Name)
	}
	return slices.Compact(kw)
}

// council is the council of member teryt as the grammar names it (ok is
// false when the grammar lacks a form it needs).
func (c *composer) council(teryt string) (grammar.Phrase, bool) {
	m := c.x.Members[teryt]
	if m == nil {
		return grammar.Phrase{}, false
	}
	gt := m.GminaType
	if gt == 0 && len(m.Teryt.ID) == 7 {
		gt = int(m.Teryt.ID[6] - '0')
	}
	seat := ""
	if m.Kind == "powiat" {
		for _, o := range c.s.Partnership.Members {
			if o.IsPowiatSeat && strings.HasPrefix(o.Teryt.ID, m.Teryt.ID) {
				seat = o.Name
			}
		}
	}
	p, err := grammar.Default().Council(grammar.CouncilOf{Kind: cmpOr(m.Kind, "gmina"), GminaType: gt, Name: m.Name, Teryt: m.Teryt.ID, Seat: seat})
	return p, err == nil
}
