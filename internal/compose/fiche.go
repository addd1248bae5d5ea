package compose

import (
	"github.com/strategia-pl/strategia/internal/grammar"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// Fiche composes the standalone fiche of project id (karta projektu): its
// own metadata and title page, then the fiche's tables. A project that
// does not exist gives an empty document and an error.
func Fiche(s *model.Strategy, x *model.Index, f *model.Facts, id string, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	p := c.x.Projects[id]
	if p == nil {
		c.l.Errorf(diag.Pos{File: s.Dir}, "REF-01", "project %s does not exist", id)
		return c.finish()
	}
	c.targets[anchorProject(p.ID)] = true
	c.d.Meta = c.ficheMeta("Karta projektu "+p.ID+": "+plfmt.Text(p.Title), p.Title)
	c.d.Blocks = append(c.d.Blocks, c.ficheSection(p, 1))
	return c.finish()
}

// Package composes all project fiches in one document with its own table
// of contents: a summary list, then one chapter per fiche, each on a new
// page.
func Package(s *model.Strategy, x *model.Index, f *model.Facts, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, x, f, opt)
	for id := range c.x.Projects {
		c.targets[anchorProject(id)] = true
	}
	c.d.Meta = c.ficheMeta("Pakiet projektów – karty projektów", "")
	c.d.Blocks = append(c.d.Blocks, &doc.TOC{Title: "Spis treści", Depth: 1})
	if len(s.Projects) > 0 {
		sum := &doc.Section{Level: 1, Anchor: c.anchor("zestawienie"), Unnumbered: true, PageBreakBefore: true,
			Title: ins(raw("Zestawienie projektów"))}
		sum.Blocks = append(sum.Blocks, c.projectList(), c.coherence())
		c.d.Blocks = append(c.d.Blocks, sum)
	}
	for _, p := range s.Projects {
		sec := c.ficheSection(p, 1)
		sec.PageBreakBefore = true
		c.d.Blocks = append(c.d.Blocks, sec)
	}
	return c.finish()
}

func (c *composer) ficheMeta(title, subject string) doc.Meta {
	p := c.s.Partnership
	m := doc.Meta{
		Title:    title,
		Subtitle: c.strategyTitle(),
		Author:   plfmt.Text(p.Name),
		Subject:  cmpOr(plfmt.Text(subject), "Karty projektów"),
		Keywords: []string{"karta projektu", "fiszka projektowa", plfmt.Text(p.Name)},
		Language: "pl-PL",
		Date:     c.opt.Date,
		Header:   plfmt.Text(cmpOr(p.ShortName, p.Name) + " – karty projektów"),
	}
	if p.Version != "" {
		m.TitlePage = append(m.TitlePage, "Wersja "+p.Version)
	}
	if r := c.revisionLine(); r != "" {
		m.TitlePage = append(m.TitlePage, r)
	}
	m.Footer = c.versionFooter()
	m.DraftMark = c.draftMark()
	return m
}

// kv is a two-column fiche table: a shaded label column and a value
// column, under a header row naming the part (repeated across pages).
type kv struct{ t *doc.Table }

func newKV(title string) *kv {
	return &kv{t: &doc.Table{Widths: []float64{1.15, 3}, HeaderRows: 1, Rows: []*doc.Row{
		row(&doc.Cell{ColSpan: 2, Shade: doc.ShadeAccent, Bold: true, Blocks: []doc.Block{paraIn(raw(title))}}),
	}}}
}

// partTable is a fiche table under an accent row naming the part; both
// rows repeat across pages.
func partTable(title string, widths []float64, header *doc.Row) *doc.Table {
	return &doc.Table{Widths: widths, HeaderRows: 2, Rows: []*doc.Row{
		row(&doc.Cell{ColSpan: len(widths), Shade: doc.ShadeAccent, Bold: true, Blocks: []doc.Block{paraIn(raw(title))}}),
		header,
	}}
}

func (k *kv) add(label string, blocks ...doc.Block) {
	if len(blocks) == 0 {
		return
	}
	for i, b := range blocks { // headings of Markdown prose shrink to bold lines in a cell
		if h, ok := b.(*doc.Heading); ok {
			blocks[i] = &doc.Paragraph{Inlines: boldInlines(h.Text)}
		}
	}
	k.t.Rows = append(k.t.Rows, row(lcell(label), bcell(blocks...)))
}

func (k *kv) text(label, s string) {
	if strings.TrimSpace(s) != "" {
		k.add(label, para(s))
	}
}

func (k *kv) inl(label string, in ...doc.Inline) {
	if len(in) > 0 {
		k.add(label, paraIn(in...))
	}
}

func (k *kv) block() []doc.Block {
	if len(k.t.Rows) <= 1 {
		return nil
	}
	return []doc.Block{k.t}
}

// ficheSection is a project's fiche as a section of the given level.
func (c *composer) ficheSection(p *model.Project, level int) *doc.Section {
	sec := &doc.Section{Level: level, Anchor: c.anchor(anchorProject(p.ID)), Unnumbered: true, PageBreakBefore: level <= 2,
		Title: ins(raw("Karta projektu "+p.ID+". "), tx(p.Title))}
	add := func(bs []doc.Block) { sec.Blocks = append(sec.Blocks, bs...) }

	// Basic information
	b := newKV("Informacje podstawowe")
	b.text("Tytuł projektu", p.Title)
	if p.ShortTitle != "" {
		b.text("Tytuł skrócony", p.ShortTitle)
	}
	var kind []string
	if v := label(projectPriority, p.Priority); v != "" {
		kind = append(kind, "projekt "+v)
	}
	if v := label(projectKinds, p.Kind); v != "" {
		kind = append(kind, v)
	}
	if v := label(projectStatus, p.Status); v != "" {
		kind = append(kind, "status: "+v)
	}
	b.text("Charakter projektu", strings.Join(kind, "; "))
	b.text("Lider", c.leaderText(p))
	if len(p.Partners) > 0 {
		l := &doc.List{}
		for _, pt := range p.Partners {
			s := ""
			if pt.External != nil {
				s = pt.External.Name
				if t := label(externalTypes, pt.External.Type); t != "" {
					s += " (" + t + ")"
				}
			} else {
				s = c.memberName(pt.Member.ID)
			}
			if pt.Role != "" {
				s += " – " + pt.Role
			}
			if pt.ContributionPLN > 0 {
				s += "; wkład: " + c.money(pt.ContributionPLN)
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{para(s)}})
		}
		b.add("Partnerzy", l)
	}
	if len(p.ScopeTeryt) > 0 {
		b.text("Zasięg terytorialny", c.memberNames(p.ScopeTeryt.IDs()))
	}
	if len(p.Locations) > 0 {
		var ls []string
		for _, lo := range p.Locations {
			s := lo.Place
			if lo.Address != "" {
				s = strings.TrimPrefix(s+", "+lo.Address, ", ")
			}
			if lo.Teryt.ID != "" && c.x.Members[lo.Teryt.ID] != nil {
				s += " (" + c.memberName(lo.Teryt.ID) + ")"
			}
			ls = append(ls, s)
		}
		b.add("Lokalizacja", bullets(ls))
	}
	if len(p.TargetGroups) > 0 {
		b.text("Grupy docelowe", strings.Join(p.TargetGroups, ", "))
	}
	if sel := p.Selection; sel != nil {
		v := label(selectionModes, sel.Mode)
		if in := label(selectionInstruments, sel.Instrument); in != "" {
			v += " (" + in + ")"
		}
		if sel.ProgrammeMeasure != "" {
			v += "; " + sel.ProgrammeMeasure
		}
		b.text("Przewidywany tryb wyboru", v)
	}
	if ct := p.Contact; ct != nil {
		var parts []string
		for _, x := range []string{ct.Name, ct.Position, ct.Email, ct.Phone} {
			if x != "" {
				parts = append(parts, x)
			}
		}
		b.text("Osoba do kontaktu", strings.Join(parts, ", "))
	}
	if fi := p.Fiche; fi != nil {
		b.text("Data i wersja karty", plfmt.Date(fi.Date)+", wersja "+fi.Version)
	}
	add(b.block())

	// Justification and scope
	j := newKV("Uzasadnienie, cel i zakres")
	j.add("Uzasadnienie (diagnozowany problem)", c.markdown(&p.Problem, 4)...)
	j.text("Cel projektu", p.Objective)
	j.add("Zakres rzeczowy", c.markdown(&p.Description, 4)...)
	add(j.block())

	// Links to the strategy
	s := newKV("Powiązanie ze strategią")
	if len(p.Links.Goals) > 0 {
		l := &doc.List{}
		for _, g := range p.Links.Goals {
			title := ""
			a := anchorGoal(g.Ref.ID)
			switch {
			case c.x.Goals[g.Ref.ID] != nil:
				title = c.x.Goals[g.Ref.ID].Title
			case c.x.OpGoals[g.Ref.ID] != nil:
				title = c.x.OpGoals[g.Ref.ID].Title
			case c.x.Directions[g.Ref.ID] != nil:
				title, a = c.x.Directions[g.Ref.ID].Title, anchorDir(g.Ref.ID)
			}
			in := c.entityLink(a, g.Ref.ID, title)
			if ct := label(contributions, g.Contribution); ct != "" {
				in = append(in, italic(" – powiązanie "+ct))
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(in...)}})
		}
		s.add("Cele i kierunki działań", l)
	}
	if len(p.Links.Diagnosis) > 0 {
		s.text("Wnioski z diagnozy i czynniki SWOT", strings.Join(p.Links.Diagnosis.IDs(), ", "))
	}
	if len(p.Links.OSI) > 0 {
		s.inl("Obszary strategicznej interwencji", c.refLinks(p.Links.OSI.IDs())...)
	}
	if len(p.Links.SRW) > 0 {
		s.text("Strategia rozwoju województwa", strings.Join(p.Links.SRW, ", "))
	}
	if in := p.Integration; in != nil {
		s.add("Charakter partnerski", c.markdown(&in.PartnerCharacter, 4)...)
		s.add("Charakter zintegrowany", c.markdown(&in.IntegratedCharacter, 4)...)
		if len(in.RelatedProjects) > 0 {
			s.inl("Projekty powiązane", c.refLinks(in.RelatedProjects.IDs())...)
		}
	}
	s.add("Komplementarność z innymi interwencjami", c.markdown(&p.Complementarity, 4)...)
	s.add("Demarkacja z innymi programami i funduszami", c.markdown(&p.Demarcation, 4)...)
	add(s.block())

	// Timeline
	if tl := p.Timeline; tl != nil {
		h := newKV("Harmonogram")
		if tl.Start != "" || tl.End != "" {
			h.text("Okres realizacji", plfmt.MonthYear(tl.Start)+"–"+plfmt.MonthYear(tl.End))
		}
		add(h.block())
		if len(tl.Stages) > 0 {
			t := &doc.Table{Widths: []float64{4, 1.3, 1.3}, HeaderRows: 1, Rows: []*doc.Row{headerRow("Etap", "Początek", "Koniec")}}
			for _, st := range tl.Stages {
				t.Rows = append(t.Rows, row(tcell(st.Name), ccell(plfmt.MonthYear(st.Start)), ccell(plfmt.MonthYear(st.End))))
			}
			add([]doc.Block{t})
		}
	}

	// Budget
	if bg := p.Budget; bg != nil {
		k := newKV("Budżet")
		money := func(v float64) string {
			if bg.Currency != "" && bg.Currency != "PLN" {
				return plfmt.Number(v, 0) + plfmt.NBSP + bg.Currency
			}
			return plfmt.Money(v)
		}
		k.inl("Wartość całkowita", &doc.Text{Text: money(bg.Total), Style: doc.Bold})
		if bg.Eligible != nil {
			k.inl("Wydatki kwalifikowalne", raw(money(*bg.Eligible)))
		}
		vat := "nie"
		if bg.VATRecoverable {
			vat = "tak"
		}
		k.text("VAT do odzyskania", vat)
		if bg.FXRate != nil {
			k.inl("Kurs przeliczeniowy", raw(plfmt.Number(*bg.FXRate, 4)+" PLN/"+bg.Currency+" ("+plfmt.Date(bg.FXDate)+")"))
		}
		add(k.block())
		if len(bg.Sources) > 0 {
			t := &doc.Table{Widths: []float64{3, 2.4, 1.6, 0.9}, HeaderRows: 1, Rows: []*doc.Row{headerRow("Źródło finansowania", "Instrument, działanie", "Kwota", "Udział")}}
			for _, src := range bg.Sources {
				meas := strings.TrimPrefix(strings.TrimPrefix(label(instruments, src.Instrument)+"; ", "; ")+src.Measure, "; ")
				t.Rows = append(t.Rows, row(tcell(sourceName(src.Source.ID)), tcell(cmpOr(meas, "–")), ncell(money(src.Amount)), ncell(plfmt.Share(src.Amount, bg.Total))))
			}
			add([]doc.Block{t})
		}
		if len(bg.ByYear) > 0 {
			t := &doc.Table{Widths: []float64{1, 2, 1}, HeaderRows: 1, Rows: []*doc.Row{headerRow("Rok", "Kwota", "Udział")}}
			for _, y := range bg.ByYear {
				t.Rows = append(t.Rows, row(ccell(itoa(y.Year)), ncell(money(y.Amount)), ncell(plfmt.Share(y.Amount, bg.Total))))
			}
			add([]doc.Block{t})
		}
		if len(bg.ByPartner) > 0 {
			t := &doc.Table{Widths: []float64{3, 2, 1}, HeaderRows: 1, Rows: []*doc.Row{headerRow("Partner", "Kwota", "Udział")}}
			for _, bp := range bg.ByPartner {
				t.Rows = append(t.Rows, row(tcell(c.memberName(bp.Member.ID)), ncell(money(bp.Amount)), ncell(plfmt.Share(bp.Amount, bg.Total))))
			}
			add([]doc.Block{t})
		}
	}

	// State aid
	if sa := p.StateAid; sa != nil {
		k := newKV("Pomoc publiczna")
		v := "nie występuje"
		if sa.Occurs {
			v = "występuje"
			if sa.DeMinimis {
				v += " (pomoc de minimis)"
			}
		}
		k.text("Pomoc publiczna w projekcie", v)
		k.text("Podstawa udzielenia pomocy", sa.Basis)
		k.add("Uzasadnienie", c.markdown(&sa.Justification, 4)...)
		add(k.block())
	}

	// Indicators
	if ind := p.Indicators; ind != nil && (len(ind.Output) > 0 || len(ind.Result) > 0) {
		if len(ind.Output) > 0 {
			t := partTable("Wskaźniki produktu", []float64{1.1, 4, 1.2, 1.4, 0.8},
				headerRow("Kod", "Wskaźnik", "Jednostka", "Wartość docelowa", "Rok"))
			for _, o := range ind.Output {
				name, in := c.indicatorName(o.Name, o.Indicator.ID)
				t.Rows = append(t.Rows, row(ccell(cmpOr(o.Code, "–")), tcell(name), ccell(cmpOr(o.Unit, unitOf(in))), ncell(valueIn(in, o.Unit, o.Target)), ccell(yearOr(o.Year))))
			}
			add([]doc.Block{t})
		}
		if len(ind.Result) > 0 {
			t := partTable("Wskaźniki rezultatu", []float64{1.1, 3.6, 1.2, 1.5, 1.5},
				headerRow("Kod", "Wskaźnik", "Jednostka", "Wartość bazowa (rok)", "Wartość docelowa (rok)"))
			for _, r := range ind.Result {
				name, in := c.indicatorName(r.Name, r.Indicator.ID)
				yv := func(v *model.YearValue) string {
					if v == nil {
						return plfmt.NoData
					}
					return valueIn(in, r.Unit, v.Value) + " (" + itoa(v.Year) + ")"
				}
				t.Rows = append(t.Rows, row(ccell(cmpOr(r.Code, "–")), tcell(name), ccell(cmpOr(r.Unit, unitOf(in))), ncell(yv(r.Baseline)), ncell(yv(r.Target))))
			}
			add([]doc.Block{t})
		}
	}

	// Readiness, risks, sustainability, horizontal principles
	r := newKV("Przygotowanie, ryzyka i trwałość")
	if rd := p.Readiness; rd != nil {
		r.text("Stopień przygotowania", label(readinessStages, rd.Stage))
		r.text("Prawo do dysponowania nieruchomością", label(landRights, rd.LandRights))
		if len(rd.Documents) > 0 {
			var ds []string
			for _, d := range rd.Documents {
				s, gender := grammar.Default().DocumentType(d.Type)
				if st, ok := docStatuses[d.Status]; ok {
					s += " – " + grammar.Agree(gender, st)
				} else if d.Status != "" {
					s += " – " + d.Status
				}
				if d.Date != "" {
					s += " (" + plfmt.Date(d.Date) + ")"
				}
				ds = append(ds, s)
			}
			r.add("Dokumentacja", bullets(ds))
		}
		r.text("Decyzja środowiskowa", label(envDecisions, rd.EnvDecision))
	}
	if cw := p.CWDSupport; cw != nil {
		var ss []string
		if cw.PreFeasibility {
			ss = append(ss, "wstępna analiza wykonalności")
		}
		if cw.ApplicationOutline {
			ss = append(ss, "zarys wniosku o dofinansowanie")
		}
		if len(ss) > 0 {
			r.text("Wsparcie CWD", strings.Join(ss, ", "))
		}
	}
	if len(p.Risks) > 0 {
		l := &doc.List{}
		for _, rk := range p.Risks {
			in := ins(tx(rk.Text))
			if rk.Mitigation != "" {
				in = append(in, italic(" – przeciwdziałanie: "+rk.Mitigation))
			}
			l.Items = append(l.Items, &doc.ListItem{Blocks: []doc.Block{paraIn(in...)}})
		}
		r.add("Ryzyka i sposoby ich ograniczania", l)
	}
	r.add("Trwałość", c.markdown(&p.Sustainability, 4)...)
	if h := p.Horizontal; h != nil {
		var bs []doc.Block
		for _, x := range [][2]string{{"Dostępność", h.Accessibility}, {"Równość szans i niedyskryminacja", h.EqualOpportunities}, {"Zasada „nie czyń poważnych szkód” (DNSH)", h.DNSH}} {
			if x[1] != "" {
				bs = append(bs, labelled(x[0], tx(x[1])))
			}
		}
		r.add("Zasady horyzontalne", bs...)
	}
	add(r.block())
	numberParts(sec.Blocks)
	return sec
}

// numberParts numbers the fiche's parts in order, from one place: every
// table headed by a part row (newKV, partTable) gets "1. ", "2. " … before
// its title, counting only the parts the fiche has.
func numberParts(blocks []doc.Block) {
	n := 0
	for _, b := range blocks {
		t, ok := b.(*doc.Table)
		if !ok || len(t.Rows) == 0 || len(t.Rows[0].Cells) != 1 {
			continue
		}
		cell := t.Rows[0].Cells[0]
		if cell.Shade != doc.ShadeAccent || len(cell.Blocks) != 1 {
			continue
		}
		if p, ok := cell.Blocks[0].(*doc.Paragraph); ok && len(p.Inlines) > 0 {
			n++
			if t, ok := p.Inlines[0].(*doc.Text); ok {
				t.Text = itoa(n) + ". " + t.Text
			} else {
				p.Inlines = append([]doc.Inline{raw(itoa(n) + ". ")}, p.Inlines...)
			}
		}
	}
}

// boldInlines returns in with every text run bold.
func boldInlines(in []doc.Inline) []doc.Inline {
	for _, n := range in {
		switch n := n.(type) {
		case *doc.Text:
			n.Style |= doc.Bold
		case *doc.Link:
			boldInlines(n.Inlines)
		}
	}
	return in
}

func (c *composer) leaderText(p *model.Project) string {
	if e := p.Leader.External; e != nil {
		s := e.Name
		if t := label(externalTypes, e.Type); t != "" {
			s += " (" + t + ")"
		}
		return s
	}
	return c.memberName(p.Leader.Member.ID)
}

func (c *composer) indicatorName(name, ref string) (string, *model.Indicator) {
	in := c.x.Indicators[ref]
	if name == "" && in != nil {
		name = in.Name
	}
	return cmpOr(name, ref), in
}

func unitOf(in *model.Indicator) string {
	if in == nil {
		return "–"
	}
	return cmpOr(in.Unit, "–")
}

func yearOr(y int) string {
	if y == 0 {
		return "–"
	}
	return itoa(y)
}
