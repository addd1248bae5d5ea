package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/scaffold"
)

const initArgs = `-name "Partnerstwo …" -members TERC,TERC,… DIR`

// runInit scaffolds a new partnership folder (internal/scaffold).
func runInit(e *env, args []string) int {
	fs := newFlags(e, "init", initArgs,
		"Create a new partnership folder DIR with every standard file, members filled in from the TERC register,\n"+
			"Polish comments on each field and placeholders to replace (it validates with warnings, no errors).\n"+
			"Editor schema modelines point at the repository's schema/ when DIR lies in a strategia checkout,\n"+
			"otherwise the schema files are written to DIR/schema. DIR must not exist or be empty")
	name := fs.String("name", "", "the partnership's `name`, e.g. \"Partnerstwo Ziemi Kolneńskiej\"")
	members := fs.String("members", "", "comma-separated TERC `codes` of the members (7-digit gminy, 4-digit powiaty); the first leads")
	year := fs.Int("year", 0, "first `year` of the strategy period (default: this year)")
	// Accept flags after DIR too: strategia init DIR -name … -members ….
	var dir string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		dir, args = args[0], args[1:]
	}
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if dir == "" && fs.NArg() > 0 {
		dir = fs.Arg(0)
	} else if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "strategia init: unexpected arguments %q\n", fs.Args())
		return ExitUsage
	}
	if dir == "" {
		fs.Usage()
		return ExitUsage
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(e.cwd, dir)
	}
	var codes []string
	for _, c := range strings.Split(*members, ",") {
		if c = strings.TrimSpace(c); c != "" {
			codes = append(codes, c)
		}
	}
	notes, err := scaffold.Create(dir, scaffold.Options{Name: *name, Members: codes, Year: *year})
	var ue *scaffold.UsageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "strategia init: %s\n", ue.Msg)
		return ExitUsage
	case err != nil:
		fmt.Fprintf(e.stderr, "strategia init: %v\n", err)
		return ExitContent
	}
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "note: %s\n", n)
	}
	l := validateDir(dir, "")
	l.Sort()
	errs, warnings := l.Count()
	rel, _ := filepath.Rel(e.cwd, dir)
	fmt.Fprintf(e.stdout, "created %s: replace the UZUPEŁNIJ placeholders (a PLH-01 warning each), then run strategia validate %s (now: %s, %s)\n",
		rel, rel, diag.Plural(errs, "error"), diag.Plural(warnings, "warning"))
	if l.HasErrors() { // a defect of the scaffold, not of the user's input
		_ = diag.Print(e.stderr, l, diag.PrintOptions{Cwd: e.cwd, Summary: true})
		return ExitContent
	}
	return ExitOK
}
