package load

import (
	"reflect"
	"strings"
	"sync"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"go.yaml.in/yaml/v3"
)

var (
	metaType     = reflect.TypeFor[model.Meta]()
	refType      = reflect.TypeFor[model.Ref]()
	markdownType = reflect.TypeFor[model.Markdown]()
)

// fieldInfo is a struct field decoded from a YAML key.
type fieldInfo struct {
	index []int
	key   string
}

type structInfo struct {
	meta   []int // index of the embedded Meta, or nil
	fields []fieldInfo
}

var structCache sync.Map // reflect.Type → *structInfo

func infoOf(t reflect.Type) *structInfo {
	if v, ok := structCache.Load(t); ok {
		return v.(*structInfo)
	}
	si := &structInfo{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == metaType && f.Anonymous {
			si.meta = f.Index
			continue
		}
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		si.fields = append(si.fields, fieldInfo{index: f.Index, key: name})
	}
	structCache.Store(t, si)
	return si
}

// fillMeta walks a decoded value and its YAML node side by side, setting
// every Meta (entity and key positions), Ref and Markdown position.
func fillMeta(out any, n *yaml.Node, file string) {
	fill(reflect.ValueOf(out), n, file)
	dropNils(reflect.ValueOf(out))
}

func fill(v reflect.Value, n *yaml.Node, file string) {
	if n == nil {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fill(v.Elem(), n, file)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i := 0; i < v.Len() && i < len(n.Content); i++ {
			fill(v.Index(i), n.Content[i], file)
		}
	case reflect.Struct:
		switch v.Type() {
		case refType:
			v.FieldByName("Pos").Set(reflect.ValueOf(pos(file, n)))
			return
		case markdownType:
			p := pos(file, n)
			v.FieldByName("Pos").Set(reflect.ValueOf(p))
			line := n.Line
			if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				line++
			}
			v.FieldByName("Line").SetInt(int64(line))
			return
		}
		si := infoOf(v.Type())
		if si.meta != nil {
			m := model.Meta{Pos: pos(file, n)}
			if n.Kind == yaml.MappingNode {
				m.Keys = make(map[string]diag.Pos, len(n.Content)/2)
				for i := 0; i+1 < len(n.Content); i += 2 {
					if _, dup := m.Keys[n.Content[i].Value]; !dup {
						m.Keys[n.Content[i].Value] = pos(file, n.Content[i+1])
					}
				}
			}
			v.FieldByIndex(si.meta).Set(reflect.ValueOf(m))
		}
		if n.Kind != yaml.MappingNode {
			// null or a wrong type (the schema reports it): the entity's
			// parts still point at it
			for _, f := range si.fields {
				absent(v.FieldByIndex(f.index), pos(file, n))
			}
			return
		}
		for _, f := range si.fields {
			if vn := valueNode(n, f.key); vn != nil {
				fill(v.FieldByIndex(f.index), vn, file)
			} else {
				absent(v.FieldByIndex(f.index), pos(file, n))
			}
		}
	}
}

// absent gives an entity whose key is missing (a struct field, not a
// pointer) the position of the mapping that lacks it, so that a rule
// reporting on it ("project P01 links to no goal") still points somewhere.
func absent(v reflect.Value, p diag.Pos) {
	if v.Kind() != reflect.Struct {
		return
	}
	switch v.Type() {
	case refType, markdownType:
		v.FieldByName("Pos").Set(reflect.ValueOf(p))
		return
	}
	si := infoOf(v.Type())
	if si.meta != nil {
		v.FieldByIndex(si.meta).Set(reflect.ValueOf(model.Meta{Pos: p}))
	}
	for _, f := range si.fields {
		absent(v.FieldByIndex(f.index), p)
	}
}

func valueNode(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// dropNils removes nil elements from every slice of pointers reachable
// from v. A YAML list item left empty ("-") decodes to nil; the schema
// reports it, and later stages never have to check for it.
func dropNils(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			dropNils(v.Elem())
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Pointer {
			n := 0
			for i := range v.Len() {
				if e := v.Index(i); !e.IsNil() {
					v.Index(n).Set(e)
					n++
				}
			}
			v.SetLen(n)
		}
		for i := range v.Len() {
			dropNils(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == refType || v.Type() == markdownType || v.Type() == metaType {
			return
		}
		for _, f := range infoOf(v.Type()).fields {
			dropNils(v.FieldByIndex(f.index))
		}
	}
}
