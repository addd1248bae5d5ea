package cli

import (
	"fmt"
	"io"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/diag"

	"github.com/strategia-pl/strategia/internal/changes"
	"github.com/strategia-pl/strategia/internal/versions"
)

const diffArgs = "[-from REV] [-to REV] [-json] [-out DIR] [DIR]"

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", diffArgs,
		"List what changed in a partnership's content between two git revisions, by ID:\n"+
			"members, goals, directions, results, indicators, projects, finance and prose.\n"+
			"-from defaults to the newest tag; without tags, to HEAD when the folder has\n"+
			"uncommitted changes, else to the version before the last commit that changed\n"+
			"it; -to defaults to the working tree")
	from := fs.String("from", "", "compare from git revision `REV` (tag, branch, commit)")
	to := fs.String("to", "", "compare to git revision `REV` (default: the working tree)")
	asJSON := fs.Bool("json", false, "print the changes as JSON on standard output")
	out := fs.String("out", "", "also write the list of changes (PDF, DOCX) and the strategy's redline DOCX under `DIR`/<slug>/")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	dir, code := onePartnership(e, fs.Args())
	if code != ExitOK {
		return code
	}
	print := changes.Print
	if *asJSON {
		print = changes.PrintJSON
	}
	if *out != "" {
		return writeChangeDocuments(e, dir, *from, *to, *out, e.stdout, print)
	}
	pair, err := versions.Load(dir, *from, *to)
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia diff: %v\n", err)
		if versions.IsUsage(err) {
			return ExitUsage
		}
		return ExitContent
	}
	defer pair.Close()
	r := pair.Compare()
	if err := print(e.stdout, r); err != nil {
		return ExitContent
	}
	if len(r.Incomplete) > 0 {
		return ExitContent // a version did not load cleanly: said above
	}
	return ExitOK
}

// writeChangeDocuments compares dir's versions from and to, prints the
// list with print (when given) and writes the list of changes and the
// redline under out.
func writeChangeDocuments(e *env, dir, from, to, out string, w io.Writer, print ...func(io.Writer, *changes.Report) error) int {
	pair, err := versions.Load(dir, from, to)
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: changes of %s: %v\n", diag.RelPath(e.cwd, abs(dir)), err)
		if versions.IsUsage(err) {
			return ExitUsage
		}
		return ExitContent
	}
	defer pair.Close()
	r := pair.Compare()
	for _, p := range print {
		if err := p(w, r); err != nil {
			return ExitContent
		}
	}
	written, err := build.ChangeDocuments(pair, r, out)
	for _, f := range written {
		fmt.Fprintf(e.stderr, "wrote %s\n", diag.RelPath(e.cwd, abs(f)))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: changes of %s: %v\n", diag.RelPath(e.cwd, abs(dir)), err)
		return ExitContent
	}
	if len(r.Incomplete) > 0 {
		for _, inc := range r.Incomplete {
			if len(print) == 0 {
				fmt.Fprintf(e.stderr, "warning: %s\n", inc)
			}
		}
		return ExitContent
	}
	return ExitOK
}

// onePartnership resolves the command line to exactly one partnership
// folder (default: the only one under content/).
func onePartnership(e *env, args []string) (string, int) {
	if len(args) > 1 {
		fmt.Fprintf(e.stderr, "strategia diff: name one partnership folder, not %d\n", len(args))
		return "", ExitUsage
	}
	dirs, code := partnerships(e, args)
	if code != ExitOK {
		return "", code
	}
	if len(dirs) != 1 {
		fmt.Fprintf(e.stderr, "strategia diff: %d partnerships found; name one folder\n", len(dirs))
		return "", ExitUsage
	}
	return dirs[0], ExitOK
}
