package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// tree is a YAML document converted to the plain values JSON Schema
// validates (map[string]any, []any, string, json.Number, bool, nil), with
// the node behind every JSON pointer so errors can be positioned.
type tree struct {
	value any
	nodes map[string]*yaml.Node // JSON pointer ("" is the root) → value node
	keys  map[string]*yaml.Node // JSON pointer of a mapping value → its key node
	// badNumbers are the scalars YAML reads as numbers that strategia
	// refuses (JSON pointer → what is wrong). They stay strings in value,
	// so a field that wants a number reports them (as NUM-01, saying what
	// is wrong with the number) and a field that wants text takes them
	// as written.
	badNumbers map[string]string
}

func newTree(root *yaml.Node) *tree {
	t := &tree{nodes: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, badNumbers: map[string]string{}}
	t.value = t.convert(root, "")
	return t
}

func (t *tree) convert(n *yaml.Node, ptr string) any {
	t.nodes[ptr] = n
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := ptr + "/" + escapePtr(k.Value)
			t.keys[p] = k
			if _, dup := m[k.Value]; dup {
				continue // reported by checkNodes; the first one wins
			}
			m[k.Value] = t.convert(v, p)
		}
		return m
	case yaml.SequenceNode:
		a := make([]any, len(n.Content))
		for i, c := range n.Content {
			a[i] = t.convert(c, ptr+"/"+strconv.Itoa(i))
		}
		return a
	case yaml.ScalarNode:
		v, bad := scalar(n)
		if bad != "" {
			t.badNumbers[ptr] = bad
		}
		return v
	}
	return nil
}

// maxNumber bounds the numbers content may hold: far above any budget
// (10^15 zł) or indicator, and small enough that sums of them stay finite
// and print exactly.
const maxNumber = 1e15

// scalar converts a scalar by its resolved tag. Dates (!!timestamp) stay
// strings: the schema checks their format, the model keeps them as text.
// A number strategia refuses — infinite, NaN, beyond ±10^15, or written
// in hexadecimal, octal or binary — stays a string, and bad says why.
func scalar(n *yaml.Node) (v any, bad string) {
	switch n.Tag {
	case "!!null":
		return nil, ""
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b, ""
		}
	case "!!int":
		digits := strings.TrimLeft(strings.ReplaceAll(n.Value, "_", ""), "+-")
		if len(digits) > 1 && digits[0] == '0' && strings.ContainsAny(digits[1:2], "xXoObB") {
			base := map[byte]string{'x': "a hexadecimal", 'o': "an octal", 'b': "a binary"}[digits[1]|0x20]
			msg := fmt.Sprintf("%s is %s number: write numbers in decimal, as the documents print them", n.Value, base)
			if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
				msg += fmt.Sprintf(" (%d)", i)
			}
			return n.Value, msg
		}
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			if math.Abs(float64(i)) > maxNumber {
				return n.Value, tooLarge(n.Value)
			}
			return json.Number(strconv.FormatInt(i, 10)), ""
		}
		return n.Value, tooLarge(n.Value)
	case "!!float":
		lower := strings.ToLower(strings.TrimLeft(n.Value, "+-"))
		if lower == ".inf" || lower == ".nan" {
			return n.Value, fmt.Sprintf("%s is not a number content can hold (YAML reads it as %s): write a finite decimal number",
				n.Value, map[bool]string{true: "infinity", false: "“not a number”"}[lower == ".inf"])
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			var g float64
			if n.Decode(&g) != nil {
				return n.Value, ""
			}
			f = g
		}
		if errors.Is(err, strconv.ErrRange) && math.Abs(f) < 1 {
			return json.Number("0"), "" // underflow: as good as zero
		}
		if math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > maxNumber {
			return n.Value, tooLarge(n.Value)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), ""
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		// YAML leaves a number beyond float64's range (1e400) a string.
		if _, err := strconv.ParseFloat(n.Value, 64); errors.Is(err, strconv.ErrRange) {
			return n.Value, tooLarge(n.Value)
		}
	}
	return n.Value, ""
}

func tooLarge(v string) string {
	return fmt.Sprintf("%s is too large a number: content numbers are at most 10^15 (1 000 000 000 000 000), so that totals stay exact", v)
}

func escapePtr(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func unescapePtr(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// pointer joins JSON-pointer tokens.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePtr(t))
	}
	return b.String()
}

// dotted renders pointer tokens as a readable path: "goals[1].title".
func dotted(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		if _, err := strconv.Atoi(t); err == nil {
			b.WriteString("[" + t + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}
