package tmpl

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"text/template"

	"github.com/strategia-pl/strategia/internal/grammar"
	"github.com/strategia-pl/strategia/internal/plfmt"
)

// Inline markers of template output: compose turns the text between them
// into bold or italic runs. They are control characters, which content
// text never holds (compose strips them from the data it gives).
const (
	BoldOn    = "\x0e"
	BoldOff   = "\x0f"
	ItalicOn  = "\x11"
	ItalicOff = "\x12"
)

// funcs are the functions every template may call (README, "Templates").
var funcs = template.FuncMap{
	// numbers and dates
	"number":    func(v float64, decimals int) string { return plfmt.Number(v, decimals) },
	"int":       countString,
	"money":     plfmt.Money,
	"mln":       plfmt.MoneyMln,
	"share":     plfmt.Share,
	"date":      plfmt.Date,
	"dateRange": plfmt.DateRange,
	"dateLong":  plfmt.DateLong,
	"monthYear": plfmt.MonthYearLong,
	// monthYearGen: the month in the genitive ("od marca 2025 r.")
	"monthYearGen": plfmt.MonthYearGen,
	"years":        plfmt.Range,
	"inYears":      InYears,
	// words
	"plural":     Plural,
	"count":      Count,
	"quote":      plfmt.Quote,
	"join":       grammar.Join,
	"commas":     func(items []string) string { return strings.Join(items, ", ") },
	"joinBy":     JoinBy,
	"when":       When,
	"titleWords": TitleWords,
	"add":        func(a, b int) int { return a + b },
	"repeat":     func(n int, s string) string { return strings.Repeat(s, max(n, 0)) },
	"sentence":   Sentence,
	"upperFirst": plfmt.UpperFirst,
	"lowerFirst": plfmt.LowerFirst,
	// trimEnd drops a final full stop or semicolon (and spaces), for an
	// item the template punctuates itself
	"trimEnd": trimEnd,
	"voivodeships": func(codes []string, cs string) (string, error) {
		c, err := grammar.ParseCase(cs)
		if err != nil {
			return "", err
		}
		return grammar.Default().Voivodeships(codes, c), nil
	},
	// inline styles
	"b": func(s string) string { return BoldOn + s + BoldOff },
	"i": func(s string) string { return ItalicOn + s + ItalicOff },
}

// trimEnd drops a final semicolon, comma or full stop and the spaces
// around, keeping the full stop of an abbreviation ("itp.", "r.").
func trimEnd(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ";, ")
	if strings.HasSuffix(s, ".") {
		w := s[strings.LastIndexAny(s, " \u00a0(")+1:]
		switch w {
		case "r.", "ok.", "itp.", "itd.", "tys.", "m.in.", "pkt.", "ust.", "art.", "tzw.", "jw.", "in.":
		default:
			s = strings.TrimSuffix(s, ".")
		}
	}
	return s
}

// countString formats a count as an integer with grouped thousands
// ("37 980"), never with decimals; a fractional value is an error.
func countString(v any) (string, error) {
	switch n := v.(type) {
	case int:
		return plfmt.Int(int64(n)), nil
	case int64:
		return plfmt.Int(n), nil
	case float64:
		if n != math.Trunc(n) {
			return "", fmt.Errorf("int: %v is not a whole number", n)
		}
		return plfmt.Int(int64(n)), nil
	}
	return "", fmt.Errorf("int: %T is not a number", v)
}

// InYears is "w latach 2020–2022", or "w 2022 r." for a single year.
func InYears(from, to int) string {
	if to == 0 || to == from {
		return "w" + plfmt.NBSP + fmt.Sprint(from) + plfmt.NBSP + "r."
	}
	return "w latach " + plfmt.Range(from, to)
}

// Plural picks the form of a noun that agrees with n: 1 jednostka, 2–4
// (but not 12–14) jednostki, else jednostek.
func Plural(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	switch {
	case n == 1:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return few
	}
	return many
}

// Count is n and the agreeing form, joined by a no-break space: "7 jednostek"
// (a number and its noun stay on one line: "(36 uczestników)").
func Count(n int, one, few, many string) string {
	return plfmt.Int(int64(n)) + plfmt.NBSP + Plural(n, one, few, many) // a number and its noun on one line
}

// Sentence joins the non-empty parts with spaces and ends the result with
// exactly one full stop, whatever the parts end with ("… 2022 r." gives
// "… 2022 r.", never "r.."); a sentence ending in "?", "!" or "…" keeps it.
func Sentence(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	s := strings.Join(kept, " ")
	if s == "" {
		return ""
	}
	return EndSentence(s)
}

// EndSentence ends s with one full stop (see Sentence).
func EndSentence(s string) string {
	s = strings.TrimRight(s, " \u00a0")
	for _, end := range []string{".", "?", "!", "…", "." + BoldOff, "." + ItalicOff} {
		if strings.HasSuffix(s, end) {
			return s
		}
	}
	return s + "."
}

// JoinBy joins the parts that are non-empty strings with sep; other
// values (false from {{and}}, nil) are left out: {{joinBy "; " (and .A
// "a") .B}}.
func JoinBy(sep string, parts ...any) string {
	var kept []string
	for _, p := range parts {
		if s, ok := p.(string); ok && s != "" {
			kept = append(kept, s)
		} else if st, ok := p.(fmt.Stringer); ok && p != nil {
			if s := st.String(); s != "" {
				kept = append(kept, s)
			}
		}
	}
	return strings.Join(kept, sep)
}

// When is v when cond is true in the template sense (not false, 0, "",
// nil or empty), else "": {{print " (" .Days " dni)" | when .Days}}.
func When(cond, v any) any {
	if cond == nil {
		return ""
	}
	if t, _ := template.IsTrue(reflect.ValueOf(cond).Interface()); !t {
		return ""
	}
	return v
}

// TitleWords capitalises every word ("województwa podlaskiego" →
// "Województwa Podlaskiego", "warmińsko-mazurskiego" →
// "Warmińsko-Mazurskiego"), as the names of offices and bodies are
// written.
func TitleWords(s string) string {
	w := strings.Fields(s)
	for i := range w {
		parts := strings.Split(w[i], "-")
		for j := range parts {
			parts[j] = plfmt.UpperFirst(parts[j])
		}
		w[i] = strings.Join(parts, "-")
	}
	return strings.Join(w, " ")
}
