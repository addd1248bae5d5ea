package compose

import (
	"github.com/strategia-pl/strategia/internal/gencache"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Parsed Markdown is kept across documents and builds: the strategy and
// the diagnosis report convert the same chapters, and a rebuild in watch
// mode (one file saved) parses again only the file that changed. The
// tree goldmark parses is a function of the source bytes alone (every
// composer's goldmark has the same extensions, newMarkdown), and the
// conversion only reads it, so one tree serves any number of composers,
// also at the same time. Trees no build has used for a while are
// forgotten (internal/gencache).
var parsedMarkdown = gencache.New[string, ast.Node](parsedMarkdownTexts)

// parsedMarkdownTexts bounds a generation of parsedMarkdown: the
// Markdown texts of a few partnerships (the example has about 70).
const parsedMarkdownTexts = 2000

// parse returns goldmark's tree of src, from the cache when it has it.
// The caller must not change the tree, nor src.
func (c *composer) parse(src []byte) ast.Node {
	if n, ok := parsedMarkdown.Get(string(src)); ok {
		return n
	}
	n := c.md.Parser().Parse(text.NewReader(src))
	parsedMarkdown.Put(string(src), n)
	return n
}
