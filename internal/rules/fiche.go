package rules

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
)

// Rules on the fields of the CWD project fiche: state aid, complementarity
// and demarcation, contact person, fiche date and version, mode of
// selection.
func init() {
	register(&Rule{ID: "FIN-09", Severity: diag.Error, Title: "state aid is stated consistently",
		Explain: "A project's state_aid says whether pomoc publiczna occurs (occurs: true|false). When it occurs, basis names the legal basis (e.g. \"rozporządzenie Komisji (UE) 2023/2831 – pomoc de minimis\" or an article of the GBER); de_minimis: true is a kind of state aid, so it needs occurs: true.",
		Check:   checkStateAid})
	register(&Rule{ID: "CWD-10", Severity: diag.Warning, Title: "a key project's fiche is complete",
		Explain: "The CWD fiche of a key project (priority: key) states whether state aid occurs (state_aid), its complementarity with other interventions and its demarcation from other programmes and funds (complementarity_md, demarcation_md), a contact person (contact: {name, position, email, phone}), the fiche's date and version (fiche: {date, version}) and the expected mode of selection (selection: {mode: competitive | non_competitive, instrument: zit | iit | rlks | other}). A non-competitive selection names its territorial instrument.",
		Check:   checkFicheComplete})
}

func checkStateAid(c *Context) {
	for _, p := range c.S.Projects {
		sa := p.StateAid
		if sa == nil {
			continue
		}
		if sa.DeMinimis && !sa.Occurs {
			c.Report(c.or(sa.At("de_minimis"), p.File), "project %s: de minimis aid is state aid, but state_aid.occurs is false", p.ID)
		}
		if sa.Occurs && strings.TrimSpace(sa.Basis) == "" {
			c.Report(c.or(sa.At("occurs"), p.File), "project %s involves state aid but names no legal basis: add state_aid.basis", p.ID)
		}
	}
}

func checkFicheComplete(c *Context) {
	for _, p := range c.S.Projects {
		if p.Priority != "key" || !p.Counted() {
			continue
		}
		pos := c.or(p.At("priority"), p.File)
		var missing []string
		if p.StateAid == nil {
			missing = append(missing, "state_aid")
		}
		if p.Complementarity.Empty() {
			missing = append(missing, "complementarity_md")
		}
		if p.Demarcation.Empty() {
			missing = append(missing, "demarcation_md")
		}
		if p.Contact == nil {
			missing = append(missing, "contact")
		}
		if p.Fiche == nil {
			missing = append(missing, "fiche (date, version)")
		}
		if p.Selection == nil {
			missing = append(missing, "selection")
		}
		if len(missing) > 0 {
			c.Report(pos, "the fiche of key project %s lacks %s", p.ID, strings.Join(missing, ", "))
		}
		if s := p.Selection; s != nil && s.Mode == "non_competitive" && s.Instrument == "" {
			c.Report(c.or(s.At("mode"), p.File), "project %s is to be selected in the non-competitive mode: name the territorial instrument (selection.instrument: zit, iit, rlks or other)", p.ID)
		}
	}
}
