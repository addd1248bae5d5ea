package load

import (
	"strings"

	"github.com/strategia-pl/strategia/internal/model"
	"go.yaml.in/yaml/v3"
)

// findPlaceholders records every value of a YAML file that still carries
// the placeholder mark: a string holding it, or a value whose line comment
// holds it. Head and foot comments (explanations, commented-out examples)
// are not values. One placeholder a line.
func (ld *loader) findPlaceholders(file string, root *yaml.Node) {
	seen := map[int]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		text := ""
		switch {
		case n.Kind == yaml.ScalarNode && n.Tag == "!!str" && model.HasPlaceholder(n.Value):
			text = n.Value
		case model.HasPlaceholder(n.LineComment):
			text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(n.LineComment), "#"))
		}
		if text != "" && !seen[n.Line] {
			seen[n.Line] = true
			if i := strings.IndexByte(text, '\n'); i >= 0 {
				text = text[:i] + " …"
			}
			ld.s.Placeholders = append(ld.s.Placeholders, model.Placeholder{Pos: pos(file, n), Text: text})
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
}
