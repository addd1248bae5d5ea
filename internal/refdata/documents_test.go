package refdata

import (
	"reflect"
	"testing"
)

// TestDocumentBasesHeld: every legal basis the procedure documents print
// cites only provisions whose text law.yaml holds, and names an act.
func TestDocumentBasesHeld(t *testing.T) {
	l := TheLaw()
	v := reflect.ValueOf(l.Documents)
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		basis := v.Field(i).String()
		if basis == "" {
			t.Errorf("documents.%s is empty", name)
			continue
		}
		cs := Citations(basis)
		if len(cs) == 0 {
			t.Errorf("documents.%s cites nothing: %q", name, basis)
		}
		for _, c := range cs {
			if c.Act == "" {
				t.Errorf("documents.%s: %q names no act", name, c.Text)
			} else if !l.Holds(c) {
				t.Errorf("documents.%s: law.yaml does not hold %s (%s)", name, c.Text, c.Act)
			}
		}
	}
}
