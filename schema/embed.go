// Package schema holds the JSON Schema (draft 2020-12) files for the content
// files of one partnership (content/<slug>/): one schema per file kind
// (partnership.yaml → "partnership", projects/P01.yaml → "project", …) and
// common.schema.json with the definitions they share (TERYT codes, dates,
// money, identifiers).
//
// The same files serve two readers. Advisors' editors use them for completion
// and hover help through a modeline such as
//
//	# yaml-language-server: $schema=../../schema/goals.schema.json
//
// which is why the schemas carry Polish descriptions and examples, have no
// $id and refer to each other by relative paths ("common.schema.json#/$defs/teryt").
// Although the files declare draft 2020-12, they use only keywords that
// draft-07 tools (the VS Code YAML extension) understand the same way: $ref
// with sibling description, $defs reached by JSON pointer, additionalProperties
// false on every object, no unevaluated*/prefixItems/$dynamicRef.
//
// strategia embeds them and validates the YAML tree with them before the
// model is built; legal completeness and cross-references are left to the Go
// rules, which give better messages.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// FS holds every *.schema.json file of this directory.
//
//go:embed *.json
var FS embed.FS

// BaseURL is the URL under which Compile registers the embedded files, so
// that their relative references resolve against one another.
const BaseURL = "file:///strategia/schema/"

const suffix = ".schema.json"

// Kinds returns the sorted names of the content file kinds that have a
// schema ("diagnosis", "finance", …, "swot"); common is not a kind.
func Kinds() []string {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		return nil
	}
	var kinds []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), suffix)
		if !ok || name == "common" {
			continue
		}
		kinds = append(kinds, name)
	}
	sort.Strings(kinds)
	return kinds
}

// File returns the file name of the schema of kind ("goals" → "goals.schema.json").
func File(kind string) string { return kind + suffix }

// URL returns the location under BaseURL of the schema of kind.
func URL(kind string) string { return BaseURL + File(kind) }

// Docs returns every embedded schema file decoded as JSON, keyed by file
// name ("goals.schema.json"). Tools that explain validation errors (the
// loader's "did you mean") read the allowed keys from these documents.
func Docs() (map[string]any, error) {
	entries, err := fs.ReadDir(FS, ".")
	if err != nil {
		return nil, err
	}
	docs := make(map[string]any, len(entries))
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), suffix) {
			continue
		}
		data, err := FS.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("schema/%s: %w", e.Name(), err)
		}
		docs[e.Name()] = doc
	}
	return docs, nil
}

// NewCompiler returns a compiler with every embedded schema file added as a
// resource under BaseURL, ready to compile URL(kind) or any location inside it.
func NewCompiler() (*jsonschema.Compiler, error) {
	docs, err := Docs()
	if err != nil {
		return nil, err
	}
	return compilerFor(docs)
}

func compilerFor(docs map[string]any) (*jsonschema.Compiler, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := c.AddResource(BaseURL+n, docs[n]); err != nil {
			return nil, fmt.Errorf("schema/%s: %w", n, err)
		}
	}
	return c, nil
}

// CompilerFor is NewCompiler over documents already decoded by Docs.
func CompilerFor(docs map[string]any) (*jsonschema.Compiler, error) { return compilerFor(docs) }

// Compile compiles the schema of every kind, keyed by kind.
func Compile() (map[string]*jsonschema.Schema, error) {
	c, err := NewCompiler()
	if err != nil {
		return nil, err
	}
	out := make(map[string]*jsonschema.Schema)
	for _, k := range Kinds() {
		s, err := c.Compile(URL(k))
		if err != nil {
			return nil, fmt.Errorf("schema/%s: %w", File(k), err)
		}
		out[k] = s
	}
	return out, nil
}
