package rules

import (
	"regexp"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/refdata"
)

// The identifier rules (research/domain.md §6.1): TERC codes of members
// and places, their agreement with the TERC register, REGON and NIP.
func init() {
	register(&Rule{ID: "ID-01", Severity: diag.Error,
		Title:   "TERC codes of gminy have the WW PP GG T format",
		Explain: "A gmina's TERC code has 7 digits WW PP GG T: WW an even voivodeship code 02–32, PP a powiat 01–99, GG a gmina 01–99 within it and T the unit type 1–5 (types 8 and 9, Warsaw dzielnice and delegatury, are not local governments). TERC has no check digit, so the format and the register (ID-05) are all there is to check. Fix the code in partnership.yaml, scope_teryt or locations; copy it from the TERC register, never type it from memory.",
		Check:   checkTercFormat})
	register(&Rule{ID: "ID-02", Severity: diag.Error,
		Title:   "a member gmina is of TERC type 1, 2 or 3",
		Legal:   "art. 10g ust. 1 usg (members are gminy and powiaty)",
		Explain: "Only gminy miejskie (T=1), wiejskie (T=2) and miejsko-wiejskie (T=3) are local governments. The town (T=4) and rural (T=5) parts of a gmina miejsko-wiejska are statistical units: use them for indicator values and project locations, but the member is the whole gmina (T=3).",
		Check:   checkMemberType})
	register(&Rule{ID: "ID-03", Severity: diag.Error,
		Title:   "powiat and city-with-powiat-rights members have the right code and kind",
		Explain: "A powiat member has a 4-digit code WWPP with PP 01–60 and kind: powiat. A miasto na prawach powiatu is both gmina and powiat: its code has 7 digits with PP 61–99, GG 01 and T 1, and its kind is miasto_na_prawach_powiatu. A gmina has 7 digits and kind: gmina.",
		Check:   checkPowiatCodes})
	register(&Rule{ID: "ID-04", Severity: diag.Error,
		Title:   "voivodeship, gmina type and powiat agree with the TERC code",
		Explain: "voivodeship, gmina_type and powiat of a member are derived from its TERC code (WW, T and WWPP). They may be omitted; when given they must equal what the code says, or the document would print a fact the code contradicts.",
		Check:   checkDerived})
	register(&Rule{ID: "ID-05", Severity: diag.Error,
		Title:   "member codes exist in the TERC register and the names match it",
		Explain: "Each member's code must exist in the TERC register strategia ships (GUS TERYT, stan na 2025-01-01; see templates/refdata/PROVENANCE.md) and its name must equal the register's NAZWA, ignoring case and diacritics. Names are not unique (Kolno is a gmina miejska, 2006011, and a gmina wiejska, 2006032), so the code is what identifies a member; a name that does not match usually means a wrong code. A teryt_edition other than the shipped edition gives a warning, because codes change when units change.",
		Check:   checkTercRegister})
	register(&Rule{ID: "ID-06", Severity: diag.Error,
		Title:   "member TERC codes are unique",
		Explain: "Each local government is a member once, keyed by its TERC code; there is no matching by name anywhere (\"Gmina Kolno\" and \"Miasto Kolno\" are different members with different codes). Remove the repeated entry.",
		Check:   checkMemberUnique})
	register(&Rule{ID: "ID-07", Severity: diag.Error,
		Title:   "REGON and NIP numbers pass their checksums",
		Explain: "REGON has 9 digits (weights 8 9 2 3 4 5 6 7, sum mod 11, 10 counts as 0) or 14 digits (weights 2 4 8 5 0 9 7 3 6 1 2 4 8); NIP has 10 digits (weights 6 5 7 2 3 4 5 6 7, sum mod 11; 10 is invalid). Hyphens and spaces are ignored. A failing checksum is a typing error: copy the number from the REGON register (wyszukiwarkaregon.stat.gov.pl).",
		Check:   checkRegonNIP})
	register(&Rule{ID: "ID-09", Severity: diag.Error,
		Title:   "no TERYT checksum is computed (design note)",
		Explain: "TERC codes have no check digit: the 7th digit is the unit type (1 gmina miejska, 2 wiejska, 3 miejsko-wiejska, 4 its town, 5 its rural area, 8 Warsaw dzielnica, 9 delegatura). strategia therefore never reports a \"checksum\" error for a TERC code; it checks the format (ID-01), the type (ID-02, ID-03) and the register (ID-05). This entry reports nothing; it documents the decision.",
		Check:   func(*Context) {}})
	register(&Rule{ID: "ID-10", Severity: diag.Warning,
		Title:   "a BDL unit ID agrees with the TERC code",
		Explain: "A GUS BDL unit ID has 12 characters: makroregion (2), voivodeship (2), region (1), subregion (2), powiat (2), gmina (2), type (1). Characters 3–4 equal the TERC voivodeship code and characters 8–12 the TERC powiat, gmina and type (Kraków: BDL 011212161011, TERC 1261011). The layout is inferred from examples; a mismatch most often means the BDL ID of another unit was pasted.",
		Check:   checkBDL})
}

var gminaCodeRE = regexp.MustCompile(`^(0[2468]|1[02468]|2[02468]|3[02])(0[1-9]|[1-9][0-9])(0[1-9]|[1-9][0-9])[1-5]$`)

func checkTercFormat(c *Context) {
	check := func(r model.Ref, what string) {
		id := r.ID
		if len(id) != 7 || strings.Trim(id, "0123456789") != "" || gminaCodeRE.MatchString(id) {
			return // 2- and 4-digit codes and names are other rules' business
		}
		c.Report(r.Pos, "%s %q is not a valid TERC gmina code: want WW PP GG T with WW an even voivodeship code 02–32, PP and GG 01–99 and T 1–5", what, id)
	}
	for _, m := range c.S.Partnership.Members {
		check(m.Teryt, "member code")
	}
	c.eachPlace(check)
}

// eachPlace calls fn for every TERC code of a place outside the member list.
func (c *Context) eachPlace(fn func(model.Ref, string)) {
	for _, r := range c.S.Partnership.CoreTowns {
		fn(r, "core town")
	}
	for _, p := range c.S.Projects {
		for _, r := range p.ScopeTeryt {
			fn(r, "scope_teryt code")
		}
		for _, l := range p.Locations {
			fn(l.Teryt, "location code")
		}
	}
}

func checkMemberType(c *Context) {
	for _, m := range c.S.Partnership.Members {
		id := m.Teryt.ID
		if len(id) != 7 || model.IsGminaCode(id) || strings.Trim(id, "0123456789") != "" {
			continue
		}
		t := int(id[6] - '0')
		msg := "member %s has TERC type %d (%s), which is not a local government: a member gmina has type 1, 2 or 3"
		if t == 4 || t == 5 {
			msg += "; the member is the whole gmina miejsko-wiejska " + id[:6] + "3"
		}
		c.Report(m.Teryt.Pos, msg, id, t, cmpOr(refdata.TypeNames[t], "unknown type"))
	}
}

func checkPowiatCodes(c *Context) {
	for _, m := range c.S.Partnership.Members {
		id, kpos := m.Teryt.ID, m.At("kind")
		switch {
		case len(id) == 4:
			if id[2:4] > "60" {
				c.Report(m.Teryt.Pos, "%s is a miasto na prawach powiatu: give its 7-digit gmina code %s011 with kind: miasto_na_prawach_powiatu", id, id)
			} else if m.Kind != "" && m.Kind != "powiat" {
				c.Report(kpos, "member %s has a 4-digit powiat code but kind: %s; use kind: powiat", id, m.Kind)
			}
		case len(id) == 7:
			city := id[2:4] >= "61" && id[4:6] == "01" && id[6] == '1'
			switch {
			case m.Kind == "powiat":
				c.Report(kpos, "member %s has kind: powiat but a 7-digit gmina code; a powiat is identified by 4 digits (%s)", id, id[:4])
			case m.Kind == "miasto_na_prawach_powiatu" && !city:
				c.Report(kpos, "member %s has kind: miasto_na_prawach_powiatu, but such a city's code has PP 61–99, GG 01 and T 1", id)
			case m.Kind == "gmina" && city:
				c.Report(kpos, "member %s is a miasto na prawach powiatu (PP %s ≥ 61): use kind: miasto_na_prawach_powiatu", id, id[2:4])
			}
		}
	}
}

func checkDerived(c *Context) {
	for _, m := range c.S.Partnership.Members {
		id := m.Teryt.ID
		if len(id) != 7 && len(id) != 4 || strings.Trim(id, "0123456789") != "" {
			continue
		}
		if m.Voivodeship != "" && m.Voivodeship != id[:2] {
			c.Report(m.At("voivodeship"), "voivodeship %q contradicts the TERC code %s, which lies in voivodeship %s (%s)", m.Voivodeship, id, id[:2], refdata.VoivodeshipName(id[:2])).
				With(m.Teryt.Pos, "the code is given here")
		}
		if m.GminaType != 0 && len(id) == 7 && m.GminaType != int(id[6]-'0') {
			c.Report(m.At("gmina_type"), "gmina_type %d contradicts the TERC code %s, whose type digit is %c (%s)", m.GminaType, id, id[6], refdata.TypeNames[int(id[6]-'0')]).
				With(m.Teryt.Pos, "the code is given here")
		}
		if m.Powiat != "" && m.Powiat != id[:4] {
			c.Report(m.At("powiat"), "powiat %q contradicts the TERC code %s, which lies in powiat %s", m.Powiat, id, id[:4]).
				With(m.Teryt.Pos, "the code is given here")
		}
	}
}

func checkTercRegister(c *Context) {
	reg := refdata.TERC()
	if e := c.S.Partnership.TerytEdition; e != "" && e != reg.Edition() {
		c.Warn(c.ppos("teryt_edition"), "teryt_edition %s differs from the TERC edition strategia ships (stan na %s): codes were checked against %s", e, reg.Edition(), reg.Edition())
	}
	for _, m := range c.S.Partnership.Members {
		id := m.Teryt.ID
		if id == "" || strings.Trim(id, "0123456789") != "" {
			if id != "" {
				d := c.Report(m.Teryt.Pos, "member %q is not a TERC code: members are keyed by TERC code, never by name", id)
				for _, u := range reg.Search(id, 3) {
					d.With(m.Teryt.Pos, "TERC: %s", u)
				}
			}
			continue
		}
		u, ok := reg.Lookup(id)
		if !ok {
			d := c.Report(m.Teryt.Pos, "code %s is not in the TERC register (stan na %s)%s", id, reg.Edition(), nearHint(reg.NearestCodes(id, 3)))
			if m.Name != "" {
				if hits := reg.Search(m.Name, 3); len(hits) > 0 {
					d.Msg += "; units named " + quoteNames(hits)
				}
			}
			continue
		}
		if m.Name == "" || reg.NameMatches(u, m.Name) {
			continue
		}
		msg := "name %q does not match the TERC register: %s is %s"
		args := []any{m.Name, id, u}
		var alts []refdata.Unit
		for _, h := range reg.Search(m.Name, 6) {
			if h.Level() == u.Level() && refdata.Normalize(h.Name) == refdata.Normalize(m.Name) && h.Code != id {
				alts = append(alts, h)
			}
		}
		if len(alts) > 0 {
			msg += "; %q is the name of " + quoteNames(alts)
			args = append(args, m.Name)
		}
		c.Report(m.At("name"), msg, args...)
	}
}

func nearHint(us []refdata.Unit) string {
	if len(us) == 0 {
		return ""
	}
	return " (nearest codes: " + quoteNames(us) + ")"
}

func quoteNames(us []refdata.Unit) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = u.String()
	}
	return strings.Join(parts, ", ")
}

func checkMemberUnique(c *Context) {
	first := map[string]diag.Pos{}
	for _, m := range c.S.Partnership.Members {
		id := m.Teryt.ID
		if id == "" {
			continue
		}
		if p, dup := first[id]; dup {
			c.Report(m.Teryt.Pos, "member %s is listed twice: each local government is a member once", id).
				With(p, "first listed here")
			continue
		}
		first[id] = m.Teryt.Pos
	}
}

// ValidREGON reports whether s (9 or 14 digits, hyphens and spaces ignored) passes the REGON checksum.
func ValidREGON(s string) bool {
	d := digits(s)
	var w []int
	switch len(d) {
	case 9:
		w = []int{8, 9, 2, 3, 4, 5, 6, 7}
	case 14:
		w = []int{2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8}
		if !ValidREGON(string(d[:9])) {
			return false
		}
	default:
		return false
	}
	sum := 0
	for i, wi := range w {
		sum += wi * int(d[i]-'0')
	}
	return sum%11%10 == int(d[len(d)-1]-'0')
}

// ValidNIP reports whether s (10 digits, hyphens and spaces ignored) passes the NIP checksum.
func ValidNIP(s string) bool {
	d := digits(s)
	if len(d) != 10 {
		return false
	}
	sum := 0
	for i, wi := range []int{6, 5, 7, 2, 3, 4, 5, 6, 7} {
		sum += wi * int(d[i]-'0')
	}
	return sum%11 != 10 && sum%11 == int(d[9]-'0')
}

func digits(s string) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			out = append(out, s[i])
		case s[i] == '-' || s[i] == ' ':
		default:
			return nil
		}
	}
	return out
}

func checkRegonNIP(c *Context) {
	check := func(m model.Meta, regon, nip, who string) {
		if regon != "" && !ValidREGON(regon) {
			c.Report(m.At("regon"), "REGON %q of %s is invalid: it must have 9 or 14 digits and pass the mod-11 checksum", regon, who)
		}
		if nip != "" && !ValidNIP(nip) {
			c.Report(m.At("nip"), "NIP %q of %s is invalid: it must have 10 digits and pass the mod-11 checksum", nip, who)
		}
	}
	for _, m := range c.S.Partnership.Members {
		check(m.Meta, m.Regon, m.NIP, "member "+m.Teryt.ID)
	}
	for _, p := range c.S.Projects {
		if e := p.Leader.External; e != nil {
			check(e.Meta, e.Regon, e.NIP, "the leader of "+p.ID)
		}
		for _, pt := range p.Partners {
			if e := pt.External; e != nil {
				check(e.Meta, e.Regon, e.NIP, "a partner of "+p.ID)
			}
		}
	}
}

func checkBDL(c *Context) {
	for _, m := range c.S.Partnership.Members {
		b, id := m.BDLID, m.Teryt.ID
		if b == "" || len(id) != 7 && len(id) != 4 {
			continue
		}
		if len(b) != 12 || strings.Trim(b, "0123456789") != "" {
			c.Report(m.At("bdl_id"), "BDL unit ID %q should have 12 digits", b)
			continue
		}
		want := id[2:] // PPGGT or PP
		got := b[7 : 7+len(want)]
		if b[2:4] != id[:2] || got != want {
			c.Report(m.At("bdl_id"), "BDL unit ID %s does not agree with TERC %s: characters 3–4 should be %s and characters 8–%d should be %s", b, id, id[:2], 7+len(want), want)
		}
	}
}
