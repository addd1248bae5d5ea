package refdata

import (
	"regexp"
	"strconv"
	"strings"
)

// Citation is one provision a text cites: "art. 10g ust. 4a usg" is
// {Act: "usg", Art: "10g", Ust: "4a"}; Pkt and Lit narrow it to a point
// of the ustęp (or of the article).
type Citation struct {
	Text          string // as written
	Act           string // key of Law.Acts, "" when the text names no act
	Art, Ust, Pkt string
	Lit           string
}

func (c Citation) String() string { return c.Text }

// v is one value of a citation part: "3", "4a", "b", "4–5", "4–4b".
const v = `(?:\d+[a-z]?|[a-z])(?:[–-](?:\d+[a-z]?|[a-z]))?\b`

var (
	citeRe = regexp.MustCompile(`art\. (\d+[a-z]?)(?:[–-](\d+[a-z]?))?\b((?:,? (?:ust\.|pkt|lit\.) ` + v + `(?: (?:i|oraz|and) (?:(?:ust\.|pkt|lit\.) )?` + v + `)*)*)`)
	partRe = regexp.MustCompile(`(ust\.|pkt|lit\.) (` + v + `(?: (?:i|oraz|and) ` + v + `)*)`)
	andRe  = regexp.MustCompile(` (?:i|oraz|and) `)
	// actMarkers name an act in running text, longest first.
	actMarkers = []struct{ marker, act string }{
		{"o samorządzie gminnym", "usg"}, {"8 marca 1990", "usg"}, {"usg", "usg"},
		{"o samorządzie powiatowym", "usp"}, {"usp", "usp"},
		{"o zasadach prowadzenia polityki rozwoju", "upzpr"}, {"6 grudnia 2006", "upzpr"}, {"upzpr", "upzpr"},
		{"28 kwietnia 2022", "uw"}, {"28 IV 2022", "uw"}, {"implementation act", "uw"}, {"ustawy wdrożeniowej", "uw"},
		{"ustawy ooś", "oos"}, {"o udostępnianiu informacji o środowisku", "oos"},
		{"2021/1060", "cpr"}, {"CPR", "cpr"},
	}
)

// Citations finds the provisions s cites. An act named after a list of
// articles ("art. 10f ust. 1 i art. 10g ust. 4a usg") applies to all of
// them; "tej ustawy" and a citation with no act before the next ';' take
// the act of the citation before.
func Citations(s string) []Citation {
	var out []Citation
	prev := ""
	locs := citeRe.FindAllStringSubmatchIndex(s, -1)
	for _, m := range locs {
		c := Citation{Text: s[m[0]:m[1]], Art: s[m[2]:m[3]]}
		end := len(s)
		if j := strings.IndexAny(s[m[1]:], ";\n"); j >= 0 {
			end = m[1] + j
		}
		rest := s[m[1]:end]
		// the act named first after the citation, up to the next ';'
		if c.Act = actIn(rest); c.Act == "" {
			c.Act = prev
		}
		var parts []string
		if m[6] >= 0 {
			parts = append(parts, s[m[6]:m[7]])
		}
		// articles in a range (art. 46–48): every article of it
		arts := []string{c.Art}
		if m[4] >= 0 {
			arts = expand(c.Art, s[m[4]:m[5]])
		}
		for _, a := range arts {
			cc := c
			cc.Art = a
			out = append(out, withParts(cc, strings.Join(parts, " "))...)
		}
		if c.Act != "" {
			prev = c.Act
		}
	}
	return out
}

// actIn returns the act named first in s, or "".
func actIn(s string) string {
	best, at := "", len(s)+1
	for _, m := range actMarkers {
		if i := strings.Index(s, m.marker); i >= 0 && i < at {
			best, at = m.act, i
		}
	}
	// "tej ustawy" before any marker refers back
	if i := strings.Index(s, "tej ustawy"); i >= 0 && i < at {
		return ""
	}
	return best
}

// withParts expands "ust. 3 pkt 4–5 i ust. 4" into one citation per ustęp
// (and point).
func withParts(c Citation, parts string) []Citation {
	if parts == "" {
		return []Citation{c}
	}
	var out []Citation
	var usts []string
	for _, p := range partRe.FindAllStringSubmatch(parts, -1) {
		var vals []string
		for _, v := range andRe.Split(p[2], -1) {
			lo, hi, ok := strings.Cut(strings.ReplaceAll(v, "-", "–"), "–")
			if ok {
				vals = append(vals, expand(lo, hi)...)
			} else {
				vals = append(vals, lo)
			}
		}
		switch p[1] {
		case "ust.":
			usts = vals
			for _, u := range vals {
				cc := c
				cc.Ust = u
				out = append(out, cc)
			}
		case "pkt", "lit.":
			base := out
			if len(base) == 0 {
				base = []Citation{c}
			} else {
				base = base[len(base)-len(usts):]
				out = out[:len(out)-len(usts)]
			}
			for _, b := range base {
				for _, v := range vals {
					cc := b
					if p[1] == "pkt" {
						cc.Pkt = v
					} else {
						cc.Lit = v
					}
					out = append(out, cc)
				}
			}
			usts = nil
		}
	}
	return out
}

// expand lists lo…hi: "2","4" → 2 3 4; "4","4b" → 4 4a 4b; "46","48" → 46 47 48.
func expand(lo, hi string) []string {
	nl, sl := splitNum(lo)
	nh, sh := splitNum(hi)
	if nl == nh && sl == "" && sh != "" {
		out := []string{lo}
		for ch := 'a'; ch <= rune(sh[0]); ch++ {
			out = append(out, strconv.Itoa(nl)+string(ch))
		}
		return out
	}
	if sl != "" || sh != "" || nh < nl || nh-nl > 20 {
		return []string{lo, hi}
	}
	var out []string
	for n := nl; n <= nh; n++ {
		out = append(out, strconv.Itoa(n))
	}
	return out
}

func splitNum(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

// Holds reports whether law.yaml holds the provision c cites: the article
// (and ustęp, when cited) with the cited point or letter in its text.
// A citation of a whole article is held by any of its ustępy.
func (l *Law) Holds(c Citation) bool {
	for _, p := range l.Provisions {
		if p.Act != c.Act || p.Art != c.Art || c.Ust != "" && p.Ust != c.Ust {
			continue
		}
		if c.Pkt != "" && !hasPoint(p.Text, c.Pkt+")") {
			continue
		}
		if c.Lit != "" && !hasPoint(p.Text, c.Lit+")") {
			continue
		}
		return true
	}
	return false
}

// hasPoint reports whether text has a line starting with the point label.
func hasPoint(text, label string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), label) {
			return true
		}
	}
	return false
}
