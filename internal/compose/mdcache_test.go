package compose

import (
	"reflect"
	"testing"

	"github.com/strategia-pl/strategia/internal/gencache"
	"github.com/yuin/goldmark/ast"
)

// TestParsedMarkdownShared composes the example's strategy with an empty
// cache and again from the cache: the documents are the same, and the
// second composition parsed nothing.
func TestParsedMarkdownShared(t *testing.T) {
	s, x, f, opt := loadExample(t)
	parsedMarkdown = gencache.New[string, ast.Node](parsedMarkdownTexts)
	fresh, _ := Strategy(s, x, f, opt)
	n := parsedMarkdown.Len()
	if n == 0 {
		t.Fatal("composing kept no parsed Markdown")
	}
	cached, _ := Strategy(s, x, f, opt)
	if parsedMarkdown.Len() != n {
		t.Errorf("the second composition parsed %d texts again", parsedMarkdown.Len()-n)
	}
	if !reflect.DeepEqual(fresh, cached) {
		t.Fatal("the strategy composed from cached trees differs")
	}
}
