package load

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/model"
)

// TestModelCoversSchema walks every schema beside the model type its file
// decodes into and checks that each property the schema allows has a
// field, so nothing an advisor writes is silently dropped.
func TestModelCoversSchema(t *testing.T) {
	s := loadSchemas()
	if s.err != nil {
		t.Fatal(s.err)
	}
	types := map[model.FileKind]reflect.Type{
		model.KindPartnership:    reflect.TypeFor[model.PartnershipFile](),
		model.KindDiagnosis:      reflect.TypeFor[model.DiagnosisFile](),
		model.KindIndicators:     reflect.TypeFor[model.IndicatorsFile](),
		model.KindSWOT:           reflect.TypeFor[model.SWOTFile](),
		model.KindGoals:          reflect.TypeFor[model.GoalsFile](),
		model.KindSpatial:        reflect.TypeFor[model.SpatialFile](),
		model.KindImplementation: reflect.TypeFor[model.ImplementationFile](),
		model.KindFinance:        reflect.TypeFor[model.FinanceFile](),
		model.KindProject:        reflect.TypeFor[model.ProjectFile](),
		model.KindComments:       reflect.TypeFor[model.CommentsFile](),
	}
	for k, typ := range types {
		url := schemaBase + string(k) + ".schema.json#"
		walkSchema(t, s, url, typ, string(k), 0)
	}
	// A field no schema allows anywhere its type is used is dead (or a gap
	// in the schema).
	for typ, props := range allowed {
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" && !props[name] {
				t.Errorf("%v.%s (yaml %q): no schema allows it", typ, typ.Field(i).Name, name)
			}
		}
	}
}

// allowed collects, per model type, the properties the schemas allow
// wherever the type is used.
var allowed = map[reflect.Type]map[string]bool{}

func walkSchema(t *testing.T, s *schemaSet, url string, typ reflect.Type, path string, depth int) {
	if depth > 12 {
		return
	}
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	m := s.resolve(url)
	if m == nil {
		t.Errorf("%s: cannot resolve %s", path, url)
		return
	}
	if ref, ok := m["$ref"].(string); ok {
		walkSchema(t, s, resolveRef(url, ref), typ, path, depth+1)
	}
	if items, ok := m["items"].(map[string]any); ok {
		_ = items
		walkSchema(t, s, url+"/items", typ, path+"[]", depth+1)
	}
	props, ok := m["properties"].(map[string]any)
	if !ok {
		return
	}
	if typ.Kind() != reflect.Struct || typ == reflect.TypeFor[model.Ref]() || typ == reflect.TypeFor[model.Markdown]() {
		t.Errorf("%s: schema has properties but the model type is %v", path, typ)
		return
	}
	fields := map[string]reflect.Type{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			fields[name] = f.Type
		}
	}
	if allowed[typ] == nil {
		allowed[typ] = map[string]bool{}
	}
	for k := range props {
		allowed[typ][k] = true
	}
	for _, p := range slices.Sorted(mapsKeys(props)) {
		ft, ok := fields[p]
		if !ok {
			t.Errorf("%s.%s: allowed by the schema, missing in model type %v", path, p, typ)
			continue
		}
		walkSchema(t, s, url+"/properties/"+escapePtr(p), ft, path+"."+p, depth+1)
	}
}

func mapsKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
