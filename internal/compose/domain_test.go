package compose

import (
	"strings"
	"testing"
)

// TestLegalBasisSRP: §1.1 of a strategia rozwoju ponadlokalnego cites
// art. 10g usg, whose ust. 3 applies art. 10e ust. 2–4 only (not art. 10f,
// which is the procedure of a strategia rozwoju gminy).
func TestLegalBasisSRP(t *testing.T) {
	s, x, f, opt := loadExample(t)
	if s.Partnership.DocType != "srp" {
		t.Skip("the example is not an srp")
	}
	d, _ := Strategy(s, x, f, opt)
	text := strings.ReplaceAll(dump(d), `\u00a0`, " ")
	if !strings.Contains(text, "art. 10e ust. 2–4") {
		t.Error("§1.1 does not cite art. 10e ust. 2–4")
	}
	if strings.Contains(text, "oraz art. 10f") || strings.Contains(text, "art. 10f (procedura)") {
		t.Error("§1.1 says art. 10g applies art. 10f")
	}
}
