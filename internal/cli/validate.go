package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/load"
	"github.com/strategia-pl/strategia/internal/rules"
)

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate", "[-json] [-strict] [-explain RULE] [DIR...]",
		"Check partnership content against the schema and the domain rules;\nevery problem is printed as path:line:col: error|warning: RULE-ID: message")
	asJSON := fs.Bool("json", false, "print diagnostics as JSON on standard output")
	strict := fs.Bool("strict", false, "treat warnings as errors")
	explain := fs.String("explain", "", "print what rule `RULE` checks, why, and its legal basis")
	quiet := fs.Bool("q", false, "print nothing when the content is clean")
	tplDir := fs.String("templates", "", "read template overrides from `DIR` (default: the templates/ folder beside the partnership folders)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *explain != "" {
		return explainRule(e, *explain)
	}
	dirs, code := partnerships(e, fs.Args())
	if code != ExitOK {
		return code
	}
	var all diag.List
	for _, d := range dirs {
		all.Append(*validateDir(d, *tplDir))
	}
	for _, l := range build.DuplicateIDs(dirs) {
		all.Append(*l)
	}
	if *strict {
		all.Strict()
	}
	all.Sort()
	// Template overrides shared by a workspace's partnerships are
	// checked with each of them: report their problems once.
	all.Dedupe()
	opt := diag.PrintOptions{Cwd: e.cwd, Source: e.tty, Color: e.tty, Summary: true}
	if *asJSON {
		if err := diag.PrintJSON(e.stdout, &all, opt); err != nil {
			return ExitContent
		}
	} else {
		_ = diag.Print(e.stderr, &all, opt)
		if !all.HasErrors() && !*quiet {
			fmt.Fprintf(e.stdout, "ok: %s\n", strings.Join(relAll(e.cwd, dirs), ", "))
		}
	}
	if all.HasErrors() {
		return ExitContent
	}
	return ExitOK
}

// validateDir is what validate reports for one partnership folder: its
// content checks, its template overrides and everything composing the
// documents finds (MD-01, FILE-04, TPL-*): all a build checks, only
// rendering left out (build.Check). init reports the same list, so its
// summary is validate's result.
func validateDir(dir, tplDir string) *diag.List {
	return build.Check(dir, tplDir).Diags
}

// partnerships resolves command-line folders (default content/) to
// partnership folders.
func partnerships(e *env, args []string) ([]string, int) {
	if len(args) == 0 {
		args = []string{"content"}
	}
	dirs, err := load.Discover(args)
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: %v\n", err)
		return nil, ExitUsage
	}
	return dirs, ExitOK
}

func relAll(cwd string, dirs []string) []string {
	out := make([]string, len(dirs))
	for i, d := range dirs {
		a, err := filepath.Abs(d)
		if err != nil {
			a = d
		}
		out[i] = diag.RelPath(cwd, a)
	}
	return out
}

func explainRule(e *env, id string) int {
	r := rules.Lookup(id)
	if r == nil {
		var ids []string
		for _, r := range rules.All() {
			ids = append(ids, r.ID)
		}
		fmt.Fprintf(e.stderr, "strategia: no rule %q%s\n", id, diag.DidYouMean(strings.ToUpper(id), ids))
		return ExitUsage
	}
	writeExplain(e.stdout, r)
	return ExitOK
}

func writeExplain(w io.Writer, r *rules.Rule) {
	fmt.Fprintf(w, "%s (%s): %s\n", r.ID, r.Severity, r.Title)
	if r.Legal != "" {
		fmt.Fprintf(w, "Legal basis: %s\n", r.Legal)
	}
	if r.Explain != "" {
		fmt.Fprintf(w, "\n%s\n", wrap(r.Explain, 78))
	}
}

func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len([]rune(w)) > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len([]rune(w))
	}
	return b.String()
}
