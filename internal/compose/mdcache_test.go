package compose

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestASTCacheGenerations(t *testing.T) {
	a := &astCache{cur: map[string]ast.Node{}}
	parses := 0
	get := func(src string) ast.Node {
		return a.get([]byte(src), func() ast.Node { parses++; return ast.NewDocument() })
	}
	first := get("Akapit.")
	if get("Akapit.") != first || parses != 1 {
		t.Fatalf("a second lookup parsed again (%d parses)", parses)
	}
	// Fill the newer generation: "Akapit." moves to the older one, and a
	// lookup there brings it back without parsing.
	big := strings.Repeat("x", astCacheBytes/2)
	get(big + "1")
	get(big + "2")
	if _, ok := a.prev["Akapit."]; !ok {
		t.Fatal("the first tree is not in the older generation after the newer filled")
	}
	if get("Akapit.") != first || parses != 3 {
		t.Fatalf("a lookup in the older generation parsed again (%d parses)", parses)
	}
	// Two generations without a lookup drop it.
	for i := range 4 {
		get(big + string(rune('a'+i)))
	}
	if get("Akapit.") == first {
		t.Fatal("a tree unused for two generations is still kept")
	}
}

// TestParsedMarkdownShared composes the example's strategy with an empty
// cache and again from the cache: the documents are the same.
func TestParsedMarkdownShared(t *testing.T) {
	s, x, f, opt := loadExample(t)
	parsedMarkdown.mu.Lock()
	parsedMarkdown.cur, parsedMarkdown.prev, parsedMarkdown.curBytes = map[string]ast.Node{}, nil, 0
	parsedMarkdown.mu.Unlock()
	fresh, _ := Strategy(s, x, f, opt)
	if len(parsedMarkdown.cur) == 0 {
		t.Fatal("composing kept no parsed Markdown")
	}
	cached, _ := Strategy(s, x, f, opt)
	if !reflect.DeepEqual(fresh, cached) {
		t.Fatal("the strategy composed from cached trees differs")
	}
}
