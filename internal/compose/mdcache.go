package compose

import (
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Parsed Markdown is kept across documents and builds: the strategy and
// the diagnosis report convert the same chapters, and a rebuild in watch
// mode (one file saved) parses again only the file that changed. The
// tree goldmark parses is a function of the source bytes alone (every
// composer's goldmark has the same extensions, newMarkdown), and the
// conversion only reads it, so one tree serves any number of composers,
// also at the same time.
//
// The cache has two generations: a lookup in the older one moves the
// tree to the newer; when the newer holds astCacheBytes of source, it
// becomes the older and the previous older is dropped. A long watch
// session so keeps what its builds still use, and no more.
type astCache struct {
	mu        sync.Mutex
	cur, prev map[string]ast.Node
	curBytes  int
}

// astCacheBytes bounds the source bytes a generation holds (the example
// partnership has about 0.3 MB of Markdown; a tree is some 20 times its
// source).
const astCacheBytes = 4 << 20

var parsedMarkdown = &astCache{cur: map[string]ast.Node{}}

// parse returns goldmark's tree of src, from the cache when it has it.
// The caller must not change the tree, nor src.
func (c *composer) parse(src []byte) ast.Node {
	return parsedMarkdown.get(src, func() ast.Node { return c.md.Parser().Parse(text.NewReader(src)) })
}

func (a *astCache) get(src []byte, parse func() ast.Node) ast.Node {
	a.mu.Lock()
	if n, ok := a.cur[string(src)]; ok {
		a.mu.Unlock()
		return n
	}
	if n, ok := a.prev[string(src)]; ok {
		a.put(string(src), n)
		a.mu.Unlock()
		return n
	}
	a.mu.Unlock()
	n := parse()
	a.mu.Lock()
	a.put(string(src), n)
	a.mu.Unlock()
	return n
}

// put adds a tree to the newer generation; a.mu is held.
func (a *astCache) put(key string, n ast.Node) {
	if a.curBytes+len(key) > astCacheBytes {
		a.prev, a.cur, a.curBytes = a.cur, map[string]ast.Node{}, 0
	}
	if _, ok := a.cur[key]; !ok {
		a.curBytes += len(key)
	}
	a.cur[key] = n
}
