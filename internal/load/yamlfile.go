package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Rule IDs of the loading stage.
const (
	RuleFile      = "FILE-01" // a required file is missing or unreadable
	RuleMarkdown  = "FILE-02" // a *_md path does not exist
	RuleEscape    = "FILE-03" // a path escapes the partnership folder
	RuleUTF8      = "TXT-01"  // invalid UTF-8
	RuleBMP       = "TXT-02"  // a character outside the BMP
	RuleControl   = "TXT-03"  // a control character
	RuleSyntax    = "YAML-01" // YAML syntax error
	RuleTab       = "YAML-02" // tab in indentation
	RuleDupKey    = "YAML-03" // duplicate mapping key
	RuleAlias     = "YAML-04" // anchors and aliases
	RuleEmpty     = "YAML-05" // empty document or wrong root
	RuleUnknown   = "SCH-01"  // unknown key
	RuleType      = "SCH-02"  // wrong type
	RuleRequired  = "SCH-03"  // missing required key
	RuleValue     = "SCH-04"  // value out of its allowed set or format
	RuleDuplicate = "ID-08"   // duplicate ID
	RuleNumber    = "NUM-01"  // a number that is infinite, NaN, too large or not decimal
)

// checkText reports invalid UTF-8 (and returns false: the file cannot be
// parsed), characters outside the BMP and control characters. data has
// its BOM removed already.
func checkText(file string, data []byte, l *diag.List) bool {
	line, col := 1, 1
	ok := true
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			l.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleUTF8,
				"invalid UTF-8 (byte 0x%02X%s): save the file as UTF-8", data[i], cp1250Hint(data[i]))
			return false
		case r > 0xFFFF:
			l.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleBMP,
				"character %U %q is outside the Basic Multilingual Plane; the document fonts cannot draw it (emoji and rare symbols are not allowed)", r, string(r))
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t', r == 0x7F:
			l.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleControl,
				"control character %U is not allowed", r)
		}
		if r == '\n' {
			line, col = line+1, 1
		} else if r != '\r' {
			col++
		}
		i += size
	}
	return ok
}

// cp1250Polish maps the bytes of the Polish letters in Windows-1250, the
// encoding of files saved by older Polish Windows programs, to the letters.
var cp1250Polish = map[byte]rune{
	0xA5: 'Ą', 0xB9: 'ą', 0xC6: 'Ć', 0xE6: 'ć', 0xCA: 'Ę', 0xEA: 'ę', 0xA3: 'Ł', 0xB3: 'ł',
	0xD1: 'Ń', 0xF1: 'ń', 0xD3: 'Ó', 0xF3: 'ó', 0x8C: 'Ś', 0x9C: 'ś', 0x8F: 'Ź', 0x9F: 'ź',
	0xAF: 'Ż', 0xBF: 'ż',
}

// cp1250Hint names the Polish letter an invalid byte is in Windows-1250.
func cp1250Hint(b byte) string {
	if r, ok := cp1250Polish[b]; ok {
		return fmt.Sprintf(", which is %q in Windows-1250: the file was saved in that encoding", r)
	}
	return ""
}

// checkTabs reports tab characters in the indentation of YAML lines.
// YAML forbids them and editors hide them. Lines inside block scalars are
// not special-cased: a tab that starts a line is an error there too.
func checkTabs(file string, data []byte, l *diag.List) bool {
	clean := true
	for i, ln := range bytes.Split(data, []byte("\n")) {
		for j, c := range ln {
			if c == ' ' {
				continue
			}
			if c == '\t' {
				// only when something follows: a trailing tab on an empty line is harmless
				if len(bytes.TrimSpace(ln)) > 0 {
					l.Errorf(diag.Pos{File: file, Line: i + 1, Col: j + 1}, RuleTab,
						"tab character in indentation: YAML indents with spaces only")
					clean = false
				}
			}
			break
		}
	}
	return clean
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxError turns a yaml.v3 parse error into a diagnostic. yaml.v3 gives
// a line but no column; the column is that of the line's first non-blank
// character.
func syntaxError(file string, data []byte, err error, l *diag.List) {
	msg := err.Error()
	line := 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// libyaml's parser (unlike its scanner) reports 0-based lines.
		if line > 0 && strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	}
	col := 0
	if line > 0 {
		lines := strings.Split(string(data), "\n")
		col = 1
		if line <= len(lines) {
			t := strings.TrimRight(lines[line-1], "\r")
			col = utf8.RuneCountInString(t) - utf8.RuneCountInString(strings.TrimLeft(t, " ")) + 1
		}
	}
	l.Errorf(diag.Pos{File: file, Line: line, Col: col}, RuleSyntax, "YAML syntax error: %s", msg)
}

// parseYAML decodes data into a document's root node, reporting problems.
// It returns nil when nothing can be checked further.
func parseYAML(file string, data []byte, l *diag.List) *yaml.Node {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !checkText(file, data, l) {
		return nil
	}
	if !checkTabs(file, data, l) {
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, RuleEmpty, "the file is empty")
			return nil
		}
		syntaxError(file, data, err, l)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.Errorf(pos(file, &extra), RuleSyntax, "a content file holds one YAML document; remove the second one (---)")
	}
	if len(doc.Content) == 0 {
		l.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, RuleEmpty, "the file is empty")
		return nil
	}
	root := doc.Content[0]
	if !checkNodes(file, root, l) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		l.Errorf(pos(file, root), RuleEmpty, "the file must hold a mapping (keys and values), found %s", kindName(root))
		return nil
	}
	return root
}

// checkNodes reports aliases, anchors and duplicate keys; it returns false
// when aliases make the tree unsafe to walk.
func checkNodes(file string, n *yaml.Node, l *diag.List) bool {
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode {
			l.Errorf(pos(file, n), RuleAlias, "aliases (*%s) are not supported: write the value out", n.Value)
			ok = false
			return
		}
		if n.Anchor != "" {
			l.Errorf(pos(file, n), RuleAlias, "anchors (&%s) are not supported: write values out where they are used", n.Anchor)
		}
		if n.Kind == yaml.MappingNode {
			seen := make(map[string]*yaml.Node, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
					l.Errorf(pos(file, k), RuleAlias, "merge keys (<<) are not supported")
					ok = false
					continue
				}
				if prev, dup := seen[k.Value]; dup && k.Kind == yaml.ScalarNode {
					l.Errorf(pos(file, k), RuleDupKey, "duplicate key %q", k.Value).
						With(pos(file, prev), "first defined here")
				} else {
					seen[k.Value] = k
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return ok
}

func pos(file string, n *yaml.Node) diag.Pos {
	return diag.Pos{File: file, Line: n.Line, Col: n.Column}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "a " + typeName(n) + " value"
	}
	return "an alias"
}

func typeName(n *yaml.Node) string {
	switch n.Tag {
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	case "!!bool":
		return "boolean"
	case "!!null":
		return "null"
	case "!!timestamp":
		return "date"
	}
	return "string"
}
