package rules

// The provisions of usg that govern each procedure step depend on the
// document: a strategia rozwoju gminy follows art. 10f, a strategia
// rozwoju ponadlokalnego (and a territorial strategy adopted as one)
// art. 10g ust. 4a–7, where ust. 4a is the procedure resolution of a
// związek międzygminny or stowarzyszenie and ust. 4b that of a
// porozumienie międzygminne. Every citation here is held in
// templates/refdata/law.yaml (TestCitationsHeld).

// citeOpinion is the provision on the voivodeship board's opinion.
func (c *Context) citeOpinion() string {
	if c.docIs(docSRG) {
		return "art. 10f ust. 2–3 usg"
	}
	return "art. 10g ust. 5–6 usg"
}

// citeOpinionDays is the provision on the board's 30 days.
func (c *Context) citeOpinionDays() string {
	if c.docIs(docSRG) {
		return "art. 10f ust. 3 usg"
	}
	return "art. 10g ust. 6 usg"
}

// citeProcedureResolution is the provision on the resolution on the mode
// and schedule of preparing the strategy.
func (c *Context) citeProcedureResolution() string {
	if c.docIs(docSRG) {
		return "art. 10f ust. 1 usg"
	}
	switch c.S.Partnership.LegalForm {
	case "porozumienie_miedzygminne":
		return "art. 10g ust. 4b usg"
	case "zwiazek_miedzygminny", "stowarzyszenie":
		return "art. 10g ust. 4a usg"
	}
	return "art. 10g ust. 4a–4b usg"
}

// citeAdoption is the provision on adopting the strategy.
func (c *Context) citeAdoption() string {
	if c.docIs(docSRG) {
		return "art. 10f ust. 4 usg"
	}
	return "art. 10g ust. 7 usg"
}
