package load

import (
	"encoding/json"
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
}

func newTree(root *yaml.Node) *tree {
	t := &tree{nodes: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
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
		return scalar(n)
	}
	return nil
}

// scalar converts a scalar by its resolved tag. Dates (!!timestamp) stay
// strings: the schema checks their format, the model keeps them as text.
func scalar(n *yaml.Node) any {
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		var i int64
		if n.Decode(&i) == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return n.Value
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
