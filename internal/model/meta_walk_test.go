package model

import (
	"reflect"
	"testing"
)

type (
	mdLeaf struct{ Text Markdown }
	mdNone struct {
		A, B string
		C    []int
	}
	mdTree struct {
		Kids []*mdTree
		Note *mdLeaf
	}
	mdCycle struct {
		Next *mdCycle
		Name string
	}
	mdHidden struct{ note Markdown }
	mdAny    struct{ V any }
)

func TestMayHoldMarkdown(t *testing.T) {
	for _, c := range []struct {
		v    any
		want bool
	}{
		{mdLeaf{}, true}, {&mdLeaf{}, true}, {[]mdLeaf{}, true},
		{mdNone{}, false}, {[]*mdNone{}, false},
		{mdTree{}, true}, {mdCycle{}, false}, {mdHidden{}, false}, {mdAny{}, true},
		{Strategy{}, true}, {Indicator{}, true}, {Value{}, false},
	} {
		if got := mayHoldMarkdown(reflect.TypeOf(c.v)); got != c.want {
			t.Errorf("mayHoldMarkdown(%T) = %v, want %v", c.v, got, c.want)
		}
	}
	// The walk still finds prose behind a recursive type.
	n := 0
	tree := &mdTree{Kids: []*mdTree{{Note: &mdLeaf{Text: Markdown{Text: "a"}}}, {}}}
	ForEachMarkdown(tree, func(*Markdown) { n++ })
	if n != 1 {
		t.Errorf("ForEachMarkdown found %d texts in the tree, want 1", n)
	}
}
