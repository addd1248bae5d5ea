package cli

import (
	"fmt"

	"github.com/strategia-pl/strategia/internal/changes"
	"github.com/strategia-pl/strategia/internal/versions"
)

const diffArgs = "[-from REV] [-to REV] [-json] [DIR]"

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", diffArgs,
		"List what changed in a partnership's content between two git revisions, by ID:\n"+
			"members, goals, directions, results, indicators, projects, finance and prose.\n"+
			"-from defaults to the last tag, else the last commit that changed the folder;\n"+
			"-to defaults to the working tree")
	from := fs.String("from", "", "compare from git revision `REV` (tag, branch, commit)")
	to := fs.String("to", "", "compare to git revision `REV` (default: the working tree)")
	asJSON := fs.Bool("json", false, "print the changes as JSON on standard output")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	dir, code := onePartnership(e, fs.Args())
	if code != ExitOK {
		return code
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
	if *asJSON {
		err = changes.PrintJSON(e.stdout, r)
	} else {
		err = changes.Print(e.stdout, r)
	}
	if err != nil {
		return ExitContent
	}
	code = ExitOK
	if len(r.Incomplete) > 0 {
		code = ExitContent // a version did not load cleanly: said above
	}
	return code
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
