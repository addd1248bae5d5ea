package docx

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/compose"
	"github.com/strategia-pl/strategia/render/doc"
)

// TestExampleDocuments renders every document of the example partnership
// (the strategy, each fiche, the package) and checks each DOCX as a
// package (well-formed parts, relationships, content types, styles) and
// for content: every paragraph, heading and cell of the IR — so every
// sentence of every Markdown file — is in the document's text.
//
// The test imports the pipeline above this package only to obtain real
// documents; the renderer itself still knows nothing but render/doc.
func TestExampleDocuments(t *testing.T) {
	dir := filepath.Join("..", "..", "content", "ziemia-kolnenska")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("example not found")
	}
	res := check.Dir(dir)
	if !res.OK() {
		t.Fatalf("the example has errors: %v", res.Diags.Items())
	}
	opt := compose.Options{Date: "2024-11-25", ReadFile: func(rel string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	}}
	docs := map[string]*doc.Document{}
	d, _ := compose.Strategy(res.Strategy, res.Index, res.Facts, opt)
	docs["strategia"] = d
	d, _ = compose.Package(res.Strategy, res.Index, res.Facts, opt)
	docs["pakiet"] = d
	for _, p := range res.Strategy.Projects {
		d, _ = compose.Fiche(res.Strategy, res.Index, res.Facts, p.ID, opt)
		docs[p.ID] = d
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			_ = doc.Walk(d, func(n doc.Node, entering bool) (doc.WalkStatus, error) {
				if tx, ok := n.(*doc.Text); ok && entering && !utf8.ValidString(tx.Text) {
					t.Errorf("invalid UTF-8 in the IR: %q", tx.Text)
				}
				return doc.WalkContinue, nil
			})
			data := render(t, d, Options{})
			parts := checkPackage(t, data)
			checkContent(t, d, parts)
			checkTables(t, parts["word/document.xml"])
		})
	}
}
