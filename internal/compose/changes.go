package compose

import (
	"math"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/changes"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/plfmt"
	"github.com/strategia-pl/strategia/render/doc"
)

// Changes composes the "Zestawienie zmian": the list of changes between
// two versions of the strategy, by part of the document, as a council
// receives it with the version adopted after the consultation. s is the
// newer version (for members' and sources' names).
func Changes(r *changes.Report, s *model.Strategy, opt Options) (*doc.Document, *diag.List) {
	c := newComposer(s, nil, nil, opt)
	p := s.Partnership
	title := c.strategyTitle()
	c.d.Meta = doc.Meta{
		Title:    "Zestawienie zmian",
		Subtitle: title,
		Author:   plfmt.Text(p.Name),
		Subject:  "Zestawienie zmian w dokumencie",
		Keywords: []string{"zestawienie zmian", plfmt.Text(p.Name)},
		Language: "pl-PL",
		Date:     opt.Date,
		Header:   plfmt.Text(cmpOr(p.ShortName, p.Name) + " – zestawienie zmian"),
		TitlePage: []string{
			"Wersja wcześniejsza: " + versionLabel(r.From),
			"Wersja nowsza: " + versionLabel(r.To),
		},
	}
	c.d.Meta.Footer = c.versionFooter()
	intro := &doc.Section{Level: 1, Anchor: c.anchor("zmiany"), Unnumbered: true, PageBreakBefore: true, Title: ins(raw("Zestawienie zmian"))}
	n := len(r.Changes)
	intro.Blocks = append(intro.Blocks, para("Zestawienie obejmuje zmiany wprowadzone w dokumencie „"+title+"” między wersją "+
		versionLabel(r.From)+" a wersją "+versionLabel(r.To)+". Zmiany są ujęte według elementów strategii i ich identyfikatorów; "+
		"zmiany treści rozdziałów podano jako liczbę akapitów dodanych, usuniętych i zmienionych."))
	switch {
	case n == 0 && len(r.Files) > 0:
		intro.Blocks = append(intro.Blocks, para("Między tymi wersjami nie zmieniły się elementy strategii ujmowane w zestawieniu "+
			"(członkowie partnerstwa, cele, kierunki działań, rezultaty, wskaźniki, przedsięwzięcia, ramy finansowe, treść rozdziałów); "+
			"zmiany dotyczą innych danych."))
	case n == 0:
		intro.Blocks = append(intro.Blocks, para("Między tymi wersjami treść strategii nie uległa zmianie."))
	}
	if len(r.Incomplete) > 0 {
		intro.Blocks = append(intro.Blocks, &doc.Paragraph{Style: doc.ParaNote, Inlines: ins(tx(
			"Uwaga: co najmniej jedna z porównywanych wersji zawiera błędy treści; zmiany w częściach, których nie udało się odczytać, nie zostały ujęte w zestawieniu."))})
	}
	c.d.Blocks = append(c.d.Blocks, intro)
	for _, a := range changes.Areas {
		var rows []*doc.Row
		for _, ch := range r.Changes {
			if ch.Area == a {
				rows = append(rows, c.changeRow(ch))
			}
		}
		if len(rows) == 0 {
			continue
		}
		sec := &doc.Section{Level: 1, Anchor: c.anchor("zmiany-" + string(a)), Title: ins(raw(areaTitles[a]))}
		if a == changes.AreaProse {
			t := c.table(areaTitles[a]+" – liczba akapitów", []float64{4, 1, 1, 1}, 1,
				append([]*doc.Row{headerRow("Rozdział lub część", "Dodane", "Usunięte", "Zmienione")}, rows...)...)
			sec.Blocks = append(sec.Blocks, t)
		} else {
			t := c.table(areaTitles[a], []float64{2.6, 1.5, 1.8, 1.8, 1.2}, 1,
				append([]*doc.Row{headerRow("Element", "Zmiana", "Było", "Jest", "Różnica")}, rows...)...)
			sec.Blocks = append(sec.Blocks, t)
		}
		c.d.Blocks = append(c.d.Blocks, sec)
	}
	return c.finish()
}

var areaTitles = map[changes.Area]string{
	changes.AreaMembers:    "Członkowie partnerstwa",
	changes.AreaGoals:      "Cele strategiczne i operacyjne",
	changes.AreaDirections: "Kierunki działań",
	changes.AreaResults:    "Oczekiwane rezultaty",
	changes.AreaIndicators: "Wskaźniki – wartości bazowe i docelowe",
	changes.AreaProjects:   "Przedsięwzięcia",
	changes.AreaFinance:    "Ramy finansowe",
	changes.AreaProse:      "Treść rozdziałów",
}

var fieldLabels = map[string]string{
	"baseline.value": "wartość bazowa",
	"baseline.year":  "rok wartości bazowej",
	"target.value":   "wartość docelowa",
	"target.year":    "rok osiągnięcia wartości docelowej",
	"budget":         "budżet",
	"sources":        "źródła finansowania",
	"leader":         "lider",
	"partners":       "partnerzy",
	"status":         "status",
	"start":          "rozpoczęcie realizacji",
	"end":            "zakończenie realizacji",
	"amount":         "kwota",
	"total":          "łączna kwota",
}

// versionLabel is "v1.0 (rewizja 3f2a1c9 z 01.05.2024)".
func versionLabel(v changes.Version) string {
	name := v.Name
	if name == "working tree" {
		name = "robocza"
		if v.Commit != "" {
			name += " (na podstawie rewizji " + v.Commit
			if v.Dirty {
				name += ", ze zmianami niezatwierdzonymi"
			}
			return name + ")"
		}
		return name
	}
	var extra []string
	if v.Commit != "" && v.Commit != v.Name {
		extra = append(extra, "rewizja "+v.Commit)
	}
	if v.Date != "" {
		extra = append(extra, "z "+plfmt.Date(v.Date))
	}
	if len(extra) == 0 {
		return name
	}
	return name + " (" + strings.Join(extra, " ") + ")"
}

func (c *composer) changeRow(ch changes.Change) *doc.Row {
	if ch.Paragraphs != nil {
		p := ch.Paragraphs
		return row(tcell(c.chapterLabel(ch)), ncell(strconv.Itoa(p.Added)), ncell(strconv.Itoa(p.Removed)), ncell(strconv.Itoa(p.Changed)))
	}
	what := ""
	switch ch.Op {
	case changes.Added:
		what = "dodano"
		if ch.Area == changes.AreaMembers {
			what = "przystąpienie do partnerstwa"
		}
	case changes.Removed:
		what = "usunięto"
		if ch.Area == changes.AreaMembers {
			what = "wystąpienie z partnerstwa"
		}
	case changes.Renamed:
		what = "zmiana nazwy"
		if ch.Area == changes.AreaResults {
			what = "zmiana brzmienia"
		}
	case changes.Moved:
		what = "przeniesienie"
	case changes.Changed:
		what = "zmiana: " + cmpOr(fieldLabels[ch.Field], ch.Field)
	}
	old, new := c.value(ch, "old", ch.Old, ch.OldValue), c.value(ch, "new", ch.New, ch.NewValue)
	diff := ""
	if ch.Diff != nil {
		diff = c.number(ch, *ch.Diff)
		if *ch.Diff > 0 {
			diff = "+" + diff
		}
	}
	return row(tcell(c.element(ch)), tcell(what), tcell(old), tcell(new), ncell(diff))
}

// element names the changed element: "CS1 Tytuł celu", "P03 Tytuł".
func (c *composer) element(ch changes.Change) string {
	switch ch.Area {
	case changes.AreaMembers:
		return cmpOr(ch.Name, ch.ID) + " (TERYT " + ch.ID + ")"
	case changes.AreaIndicators:
		owner, _, _ := strings.Cut(ch.ID, " ")
		return owner + ": " + ch.Name
	case changes.AreaFinance:
		kind, key, _ := strings.Cut(ch.ID, " ")
		switch kind {
		case "total":
			return "Ramy finansowe ogółem"
		case "goal":
			return "Cel " + key
		case "source":
			return "Źródło: " + sourceName(key)
		case "year":
			return "Rok " + key
		}
	}
	return ch.ID
}

// value formats an old or new value in Polish.
func (c *composer) value(ch changes.Change, side, s string, v *float64) string {
	switch {
	case ch.Area == changes.AreaFinance && v != nil && (ch.Op == changes.Added || ch.Op == changes.Removed):
		if s == "" {
			return "–"
		}
		return c.number(ch, *v)
	case ch.Op == changes.Moved:
		if s == "" {
			return "–"
		}
		return "w " + s
	case ch.Op == changes.Added || ch.Op == changes.Removed:
		// the element's name on the side it exists, with its parent
		if s == "" && (ch.Op == changes.Added) == (side == "new") {
			return plfmt.Text(ch.Name)
		}
		if s != "" {
			return plfmt.Text(strings.TrimSpace(ch.Name + " (w " + s + ")"))
		}
		return "–"
	case v != nil:
		return c.number(ch, *v)
	case s == "":
		return "–"
	}
	switch ch.Field {
	case "status":
		return label(projectStatus, s)
	case "start", "end":
		return plfmt.MonthYear(s)
	case "leader":
		return c.memberName(s)
	case "partners":
		ids := strings.Split(s, ", ")
		return c.memberNames(ids)
	case "sources":
		var parts []string
		for _, p := range strings.Split(s, "; ") {
			id, amt, _ := strings.Cut(p, " ")
			f, _ := strconv.ParseFloat(amt, 64)
			parts = append(parts, sourceName(id)+": "+plfmt.Money(f))
		}
		return strings.Join(parts, "; ")
	}
	return plfmt.Text(s)
}

// number formats money as money and other figures with their decimals.
func (c *composer) number(ch changes.Change, v float64) string {
	if ch.Area == changes.AreaFinance || ch.Field == "budget" {
		return plfmt.Money(v)
	}
	d := 0
	for d < 3 && math.Abs(v*math.Pow10(d)-math.Round(v*math.Pow10(d))) > 1e-9 {
		d++
	}
	return plfmt.Number(v, d)
}

// chapterLabel names a chapter of prose in Polish.
func (c *composer) chapterLabel(ch changes.Change) string {
	key, id, _ := strings.Cut(ch.ID, " ")
	switch key {
	case "diagnosis":
		if id == "" {
			return "Diagnoza – podsumowanie, powiązania funkcjonalne i badania"
		}
		return "Diagnoza – " + cmpOr(ch.Name, id)
	case "vision":
		return "Wizja i misja"
	case "goals":
		return "Cele i kierunki działań – opisy"
	case "spatial":
		return "Model struktury funkcjonalno-przestrzennej i OSI"
	case "implementation":
		return "System realizacji, monitoringu i ewaluacji"
	case "participation":
		return "Partycypacja społeczna i konsultacje"
	case "finance":
		return "Ramy finansowe – założenia"
	case "project":
		if ch.Name != "" {
			return "Przedsięwzięcie " + id + " – " + ch.Name
		}
		return "Przedsięwzięcie " + id
	}
	return ch.ID
}
