package rules

import (
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
)

// PLH-01: placeholders left by strategia init. A draft may hold them (a
// warning each, an error under -strict); a strategy in consultation or
// adopted may not, since its documents would print them as facts.
func init() {
	register(&Rule{ID: "PLH-01", Severity: diag.Warning, Title: "no placeholder is left in the content",
		Explain: "strategia init writes placeholders for the user to replace, each marked " + model.PlaceholderMark +
			": in a text (\"" + model.PlaceholderMark + ": cel strategiczny …\"), in the comment on the line of a value that is only a sample " +
			"(total: 3000000  # " + model.PlaceholderMark + "; indicator targets 0 → 0) or in a Markdown file. Replace the value and delete the mark. " +
			"Each placeholder is a warning while partnership.status is draft, and an error under -strict and when the status is consultation " +
			"or adopted. Documents built from content that still has placeholders carry the mark \"PROJEKT – zawiera pola do uzupełnienia\" on every page.",
		Check: checkPlaceholders})
}

func checkPlaceholders(c *Context) {
	final := c.S.Partnership.Status == "consultation" || c.S.Partnership.Status == "adopted"
	for _, p := range c.S.Placeholders {
		if final {
			c.l.Errorf(p.Pos, c.rule.ID, "placeholder left by strategia init, but the strategy's status is %s: %s", c.S.Partnership.Status, quoteShort(p.Text))
			continue
		}
		c.Report(p.Pos, "placeholder left by strategia init: %s (replace it with the real value or text and delete %s)", quoteShort(p.Text), model.PlaceholderMark)
	}
}

// quoteShort quotes s, cut to about 80 characters.
func quoteShort(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return "„" + s + "”"
}
