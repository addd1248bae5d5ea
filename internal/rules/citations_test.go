package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/refdata"
)

// TestCitationsHeld fails when a rule (its Legal, its -explain text or a
// message) or a document text cites a provision that
// templates/refdata/law.yaml does not hold, or cites an article without
// naming its act.
func TestCitationsHeld(t *testing.T) {
	law := refdata.TheLaw()
	check := func(where, s string) {
		for _, c := range refdata.Citations(s) {
			switch {
			case c.Act == "":
				t.Errorf("%s: %q names no act (usg, upzpr, CPR …)", where, c.Text)
			case !law.Holds(c):
				t.Errorf("%s: %q (%s art. %s ust. %s pkt/lit %s%s) is not in law.yaml", where, c.Text, c.Act, c.Art, c.Ust, c.Pkt, c.Lit)
			}
		}
	}
	for _, r := range All() {
		check(r.ID+" Legal", r.Legal)
		check(r.ID+" Explain", r.Explain)
	}
	// messages and document wording: every string literal of the packages
	// that print them, and the text templates
	for _, dir := range []string{".", "../compose", "../scaffold", "../cli"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			af, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(af, func(n ast.Node) bool {
				if l, ok := n.(*ast.BasicLit); ok && l.Kind == token.STRING {
					if s, err := strconv.Unquote(l.Value); err == nil {
						check(fset.Position(l.Pos()).String(), s)
					}
				}
				return true
			})
		}
	}
	_ = filepath.WalkDir("../../templates", func(p string, d fs.DirEntry, err error) error {
		// refdata is the law's own text and registers, except the labels
		// documents print (labels.yaml names acts too)
		refdata := strings.Contains(p, "refdata") && filepath.Base(p) != "labels.yaml"
		if err != nil || d.IsDir() || refdata || strings.Contains(p, "fonts") || strings.Contains(p, "hyphenation") {
			return nil
		}
		if ext := filepath.Ext(p); ext == ".tmpl" || ext == ".yaml" || ext == ".txt" || ext == ".md" {
			b, err := os.ReadFile(p)
			if err == nil {
				for i, line := range strings.Split(string(b), "\n") {
					check(p+":"+strconv.Itoa(i+1), line)
				}
			}
		}
		return nil
	})
}
