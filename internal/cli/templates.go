package cli

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/compose"
	"github.com/strategia-pl/strategia/internal/diag"

	"github.com/strategia-pl/strategia/internal/tmpl"
)

const templatesArgs = "export DIR | diff [DIR]"

// runTemplates is `strategia templates export DIR` (write the built-in
// templates, each stamped with its version, to start overriding from)
// and `strategia templates diff [DIR]` (how the overrides in DIR, default
// content/templates, differ from the current built-in files).
func runTemplates(e *env, args []string) int {
	fs := newFlags(e, "templates", templatesArgs,
		"export: write the built-in document templates into DIR (a workspace's templates/\nfolder overrides them file by file);\ndiff: show how the overrides in DIR (default content/templates) differ from the\ncurrent built-in templates, and which were exported from an older version")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	a := fs.Args()
	if len(a) == 0 {
		fs.Usage()
		return ExitUsage
	}
	switch a[0] {
	case "export":
		if len(a) != 2 {
			fmt.Fprintln(e.stderr, "strategia templates export: want one folder, e.g. content/templates")
			return ExitUsage
		}
		files, err := tmpl.Export(a[1])
		if err != nil {
			fmt.Fprintf(e.stderr, "strategia: %v\n", err)
			return ExitContent
		}
		for _, f := range files {
			fmt.Fprintln(e.stdout, f)
		}
		return ExitOK
	case "diff":
		dir := "content/templates"
		if len(a) > 1 {
			dir = a[1]
		}
		out, err := tmpl.Diff(dir)
		if err != nil {
			fmt.Fprintf(e.stderr, "strategia: %v\n", err)
			return ExitContent
		}
		fmt.Fprint(e.stdout, out)
		return ExitOK
	}
	fmt.Fprintf(e.stderr, "strategia templates: unknown subcommand %q (want export or diff)\n", a[0])
	return ExitUsage
}

// checkTemplates reports the problems of the template overrides that
// apply to the partnership in dir: parse errors and stale or unknown
// files (once per overrides folder), and errors the templates meet while
// running, found by composing the documents.
func checkTemplates(dir, flag string, r *check.Result) *diag.List {
	l := &diag.List{}
	td := tmpl.OverrideDir(dir, flag)
	if td == "" {
		return l
	}
	set, tl := tmpl.Load(td)
	l.Append(*tl)
	if tl.HasErrors() || r.Diags.HasErrors() || len(set.Overrides()) == 0 {
		return l
	}
	opt := compose.Options{Date: "2000-01-01", Templates: set, ReadFile: func(string) ([]byte, error) { return nil, fs.ErrNotExist }}
	keep := func(cl *diag.List) {
		for _, d := range cl.Items() {
			if strings.HasPrefix(d.Rule, "TPL-") {
				l.Errorf(d.Pos, d.Rule, "%s", d.Msg)
			}
		}
	}
	_, cl := compose.Strategy(r.Strategy, r.Index, r.Facts, opt)
	keep(cl)
	if len(r.Strategy.Projects) > 0 {
		_, cl = compose.Package(r.Strategy, r.Index, r.Facts, opt)
		keep(cl)
	}
	return l
}
