package cli

import (
	"fmt"

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
