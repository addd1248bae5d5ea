package changes

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/plfmt"
)

// areaTitles are the terminal's group headings.
var areaTitles = map[Area]string{
	AreaMembers:    "Members",
	AreaGoals:      "Goals",
	AreaDirections: "Directions of action",
	AreaResults:    "Expected results",
	AreaIndicators: "Indicators (baseline and target)",
	AreaProjects:   "Projects",
	AreaFinance:    "Financial framework",
	AreaProse:      "Prose (paragraphs added/removed/changed)",
}

// Describe names a version for the terminal: "v1.0 (3f2a1c9, 2024-05-01)".
func (v Version) Describe() string {
	var extra []string
	if v.Commit != "" && v.Commit != v.Name {
		extra = append(extra, v.Commit)
	}
	if v.Dirty {
		extra = append(extra, "with uncommitted changes")
	}
	if v.Date != "" {
		extra = append(extra, v.Date)
	}
	if len(extra) == 0 {
		return v.Name
	}
	return v.Name + " (" + strings.Join(extra, ", ") + ")"
}

// Print writes the report for the terminal, grouped by area.
func Print(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: changes from %s to %s\n", r.Partnership, r.From.Describe(), r.To.Describe())
	for _, inc := range r.Incomplete {
		fmt.Fprintf(&b, "warning: %s\n", inc)
	}
	for _, a := range Areas {
		first := true
		for _, c := range r.Changes {
			if c.Area != a {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s\n", areaTitles[a])
				first = false
			}
			b.WriteString("  " + Line(c) + "\n")
		}
	}
	if len(r.Files) > 0 {
		var fs []string
		for _, f := range r.Files {
			fs = append(fs, map[Op]string{Added: "+", Removed: "-", Changed: "~"}[f.Op]+f.Path)
		}
		fmt.Fprintf(&b, "\nFiles: %s\n", strings.Join(fs, " "))
	}
	switch n := len(r.Changes); n {
	case 0:
		if len(r.Files) > 0 {
			b.WriteString("\nno changes of what diff compares (the files above differ elsewhere)\n")
			break
		}
		b.WriteString("\nno changes\n")
	case 1:
		b.WriteString("\n1 change\n")
	default:
		fmt.Fprintf(&b, "\n%d changes\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// PrintJSON writes the report as indented JSON.
func PrintJSON(w io.Writer, r *Report) error {
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Line is one change as a terminal line (English), marked + added,
// - removed, ~ changed, > moved.
func Line(c Change) string {
	name := ""
	if c.Name != "" {
		name = " " + strconv.Quote(c.Name)
		if c.Area == AreaMembers || c.Area == AreaProse {
			name = " " + c.Name
		}
	}
	switch c.Op {
	case Added:
		s := "+ " + c.ID + name
		if c.Area == AreaFinance {
			s += ": " + money(c.NewValue)
		} else if c.New != "" {
			s += " (under " + c.New + ")"
		}
		return s
	case Removed:
		s := "- " + c.ID + name
		if c.Area == AreaFinance {
			s += ": was " + money(c.OldValue)
		} else if c.Old != "" {
			s += " (was under " + c.Old + ")"
		}
		return s
	case Renamed:
		return "~ " + c.ID + " renamed: " + strconv.Quote(c.Old) + " → " + strconv.Quote(c.New)
	case Moved:
		return "> " + c.ID + name + " moved: " + orNone(c.Old) + " → " + orNone(c.New)
	}
	if c.Paragraphs != nil {
		p := c.Paragraphs
		return fmt.Sprintf("~ %s%s: +%d −%d ~%d", c.ID, name, p.Added, p.Removed, p.Changed)
	}
	field := strings.ReplaceAll(c.Field, ".", " ")
	if c.Diff != nil {
		if c.Area == AreaFinance {
			id := c.ID
			if c.Field == "amount" {
				id = "by " + id
			}
			return fmt.Sprintf("~ %s: %s → %s (%s)", id, money(c.OldValue), money(c.NewValue), signed(*c.Diff))
		}
		return fmt.Sprintf("~ %s %s: %s → %s (%s)", c.ID, field, number(c.OldValue), number(c.NewValue), signed(*c.Diff))
	}
	return fmt.Sprintf("~ %s %s: %s → %s", c.ID, field, orNone(c.Old), orNone(c.New))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func number(v *float64) string {
	if v == nil {
		return "(none)"
	}
	return group(*v)
}

func money(v *float64) string { return number(v) + " PLN" }

func signed(v float64) string {
	if v > 0 {
		return "+" + group(v)
	}
	return "−" + group(-v)
}

// group formats a number with comma thousands separators and at most two
// decimals: 1,234,567.5.
func group(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	out := plfmt.GroupDigits(intPart, ",")
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
