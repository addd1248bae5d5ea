package load

import (
	"bytes"
	"sync"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"go.yaml.in/yaml/v3"
)

// Cache keeps the YAML files earlier loads parsed and checked against
// the schema: the tree and the diagnostics of both passes, keyed by the
// file's path and kind and checked against its bytes. A rebuild after an
// edit of one file (a Markdown chapter, say) parses and validates none of
// the unchanged YAML again; everything after those two passes (decoding
// into the model, placeholders, Markdown) runs on every load as before,
// so a load through a Cache returns exactly what one without returns.
// It holds one version per path (the last one seen). The trees are only
// read after they are stored, so loads may share them; a Cache is safe
// for concurrent use. watch and serve keep one per process; a one-shot
// build does not use one.
type Cache struct {
	mu sync.Mutex
	m  map[cacheKey]*parsedFile
}

type cacheKey struct {
	file string
	kind model.FileKind
}

type parsedFile struct {
	data  []byte
	root  *yaml.Node // nil: the file could not be parsed
	diags diag.List  // what parsing and the schema pass reported
	// schemaQuiet: the schema pass reported nothing (the decoder's own
	// errors are reported only then).
	schemaQuiet bool
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{m: map[cacheKey]*parsedFile{}} }

// parseAndValidate parses data (the YAML file file of kind k) and checks
// it against the schema, through c when c is not nil.
func (c *Cache) parseAndValidate(file string, k model.FileKind, data []byte) *parsedFile {
	key := cacheKey{file, k}
	if c != nil {
		c.mu.Lock()
		p := c.m[key]
		c.mu.Unlock()
		if p != nil && bytes.Equal(p.data, data) {
			return p
		}
	}
	p := &parsedFile{data: bytes.Clone(data)}
	p.root = parseYAML(file, data, &p.diags)
	if p.root != nil {
		before := p.diags.Len()
		validate(file, k, newTree(p.root), &p.diags)
		p.schemaQuiet = p.diags.Len() == before
	}
	if c != nil {
		c.mu.Lock()
		c.m[key] = p
		c.mu.Unlock()
	}
	return p
}
