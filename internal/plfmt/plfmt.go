// Package plfmt formats numbers, money, percentages and dates the Polish
// way and applies Polish typography to plain text, for compose.
//
// Numbers group thousands with a no-break space (U+00A0, present in every
// font we embed or name) and use a decimal comma: 12 345,6. Negative
// numbers take the minus sign U+2212. Dates are 31.12.2024 or, in running
// text, 25 listopada 2024 r.; months 01.2025 or styczeń 2025.
//
// plfmt is a leaf: it imports only the standard library.
package plfmt

import (
	"math"
	"strconv"
	"strings"
)

// NBSP is the no-break space used between thousands groups, after
// one-letter words and between a number and its unit.
const NBSP = "\u00a0"

const minus = "\u2212"

// Number formats v with the given number of decimals (negative means 0):
// 12 345,6. Halves round away from zero.
func Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "."
	}
	decimals = max(decimals, 0)
	// Round half away from zero, as statistical tables do (FormatFloat
	// alone would round exact halves to even).
	p := math.Pow10(decimals)
	if r := math.Round(v*p) / p; !math.IsInf(r, 0) {
		v = r
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	neg := v < 0 && strings.Trim(s, "0.") != ""
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	b.WriteString(group(intPart))
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats an integer: 12 345.
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return minus + group(s[1:])
	}
	return group(s)
}

// group inserts NBSP every three digits from the right of a run of digits.
func group(digits string) string { return GroupDigits(digits, NBSP) }

// GroupDigits inserts sep every three digits from the right of a run of
// digits: "1234567" → "1 234 567" (sep " "), "1,234,567" (sep ",").
func GroupDigits(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3*len(sep))
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Money formats an amount in złoty: whole amounts as 12 345 678 zł, others
// with grosze as 12 345,50 zł.
func Money(v float64) string {
	if v == math.Trunc(v) {
		return Number(v, 0) + NBSP + "zł"
	}
	return Number(v, 2) + NBSP + "zł"
}

// MoneyMln formats an amount in millions of złoty with one decimal, for
// summaries: 12,3 mln zł. Amounts under 100 000 zł are given in full.
func MoneyMln(v float64) string {
	if math.Abs(v) < 100000 {
		return Money(v)
	}
	return Number(v/1e6, 1) + NBSP + "mln" + NBSP + "zł"
}

// Percent formats a percentage given in percent (85 → 85,0%).
func Percent(v float64, decimals int) string { return Number(v, decimals) + "%" }

// Share formats part/whole as a percentage with one decimal; "–" when
// whole is zero.
func Share(part, whole float64) string {
	if whole == 0 {
		return Dash
	}
	return Percent(100*part/whole, 1)
}

// GUS table symbols (Polish public statistics conventions).
const (
	Dash          = "–" // the phenomenon did not occur
	NoData        = "." // no data, or data not reliable
	NotApplicable = "x" // not applicable (filling the cell is impossible or pointless)
	// "0" or "0,0" (with the indicator's decimals) is a value less than half a unit.
)

// Symbol returns the table symbol for a GUS flag as written in the content
// ("-", "–", ".", "x", "0"), given the indicator's decimals for "0".
// Unknown flags are returned unchanged.
func Symbol(flag string, decimals int) string {
	switch strings.TrimSpace(flag) {
	case "-", "–", "—":
		return Dash
	case ".", "":
		return NoData
	case "x", "X":
		return NotApplicable
	case "0":
		return Number(0, decimals)
	}
	return flag
}

var months = [...]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
	"sierpnia", "września", "października", "listopada", "grudnia"}

var monthsNom = [...]string{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
	"sierpień", "wrzesień", "październik", "listopad", "grudzień"}

// parseDate splits "YYYY-MM-DD" (or "YYYY-MM", or "YYYY") into numbers;
// ok is false when s has another shape.
func parseDate(s string) (y, m, d int, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "T "); i >= 0 { // a timestamp: keep the date
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	if len(parts) < 1 || len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, 0, false
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i > 0 && len(p) != 2 {
			return 0, 0, 0, false
		}
		nums[i] = n
	}
	if len(parts) >= 2 && (nums[1] < 1 || nums[1] > 12) || len(parts) == 3 && (nums[2] < 1 || nums[2] > 31) {
		return 0, 0, 0, false
	}
	return nums[0], nums[1], nums[2], true
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Date formats an ISO date as 31.12.2024 (a month as 01.2025, a year as
// is). Text that is not an ISO date is returned unchanged.
func Date(iso string) string {
	y, m, d, ok := parseDate(iso)
	switch {
	case !ok:
		return iso
	case d > 0:
		return two(d) + "." + two(m) + "." + strconv.Itoa(y)
	case m > 0:
		return two(m) + "." + strconv.Itoa(y)
	}
	return strconv.Itoa(y)
}

// DateLong formats an ISO date for running text: 25 listopada 2024 r.
// (a month as "styczeń 2025 r.", a year as "2025 r.").
func DateLong(iso string) string {
	y, m, d, ok := parseDate(iso)
	switch {
	case !ok:
		return iso
	case d > 0:
		return strconv.Itoa(d) + NBSP + months[m-1] + NBSP + strconv.Itoa(y) + NBSP + "r."
	case m > 0:
		return monthsNom[m-1] + NBSP + strconv.Itoa(y) + NBSP + "r."
	}
	return strconv.Itoa(y) + NBSP + "r."
}

// MonthYear formats "YYYY-MM" (or a full date) as 01.2025.
func MonthYear(iso string) string {
	y, m, _, ok := parseDate(iso)
	if !ok || m == 0 {
		return Date(iso)
	}
	return two(m) + "." + strconv.Itoa(y)
}

// MonthYearLong formats "YYYY-MM" (or a full date) as "styczeń 2025".
func MonthYearLong(iso string) string {
	y, m, _, ok := parseDate(iso)
	if !ok || m == 0 {
		return Date(iso)
	}
	return monthsNom[m-1] + NBSP + strconv.Itoa(y)
}

// MonthYearGen formats "YYYY-MM" (or a full date) with the month in the
// genitive, for "od marca 2025 r." and "do grudnia 2027 r.": "marca 2025"
// (a year alone as is).
func MonthYearGen(iso string) string {
	y, m, _, ok := parseDate(iso)
	if !ok || m == 0 {
		return Date(iso)
	}
	return months[m-1] + NBSP + strconv.Itoa(y)
}

// Year returns the year of an ISO date, or 0.
func Year(iso string) int {
	y, _, _, ok := parseDate(iso)
	if !ok {
		return 0
	}
	return y
}

// Range formats a span of years with an en dash: 2024–2030 (one year when
// they are equal).
func Range(from, to int) string {
	if from == to || to == 0 {
		return strconv.Itoa(from)
	}
	return strconv.Itoa(from) + "–" + strconv.Itoa(to)
}

// DateRange formats two ISO dates as 23.08.2024–26.09.2024.
func DateRange(from, to string) string {
	switch {
	case from == "":
		return Date(to)
	case to == "":
		return Date(from)
	}
	return Date(from) + "–" + Date(to)
}

// Quote wraps s in Polish quotation marks: „s”. Quotation marks inside
// s become the inner pair, as Polish nests quotes: „Produkt «Kurpie nad
// Pisą»” (straight quotes inside are turned into „…” first).
func Quote(s string) string {
	if strings.ContainsAny(s, "\"„”") {
		s = quotes(s)
		s = strings.NewReplacer("„", "«", "”", "»").Replace(s)
	}
	return "„" + s + "”"
}
