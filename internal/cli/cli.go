// Package cli is strategia's command line: it parses arguments, runs the
// pipeline stages and prints diagnostics in exactly one place. main is a
// one-line call of Main, so tests drive the CLI in-process (testscript).
// build and watch stop within a second of Ctrl-C or SIGTERM whatever they
// are doing (interruptible): work still running after a short grace is
// abandoned, which atomic writes make safe.
//
// cli may import every stage (load, rules, compose, build, watch …); no
// stage imports cli.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/strategia-pl/strategia/internal/diag"
)

// Exit codes.
const (
	ExitOK      = 0 // success
	ExitContent = 1 // the content has errors (or a build failed)
	ExitUsage   = 2 // bad usage
	// ExitInterrupted: build stopped by Ctrl-C or SIGTERM (128 + SIGINT,
	// as shells report it).
	ExitInterrupted = 130
)

// env is what a command sees of the process.
type env struct {
	stdout, stderr io.Writer
	cwd            string
	tty            bool // stderr is a terminal
}

type command struct {
	name, args, summary string
	run                 func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"validate", "[-json] [-strict] [-explain RULE] [DIR...]", "check content against the schema and the rules", runValidate},
		{"build", "[-out DIR] [-format pdf,docx,html] [-strict] [-force] [-j N] [DIR...]", "validate, then write the documents (PDF, DOCX, HTML) into output/", runBuild},
		{"watch", "[-out DIR] [-format pdf,docx,html] [-j N] [DIR...]", "build, then rebuild on every save until Ctrl-C", runWatch},
		{"serve", serveArgs, "build, watch and serve the documents in a browser with live reload", runServe},
		{"diff", diffArgs, "list what changed between two git revisions (members, goals, projects, finance, prose)", runDiff},
		{"init", initArgs, "scaffold a new partnership folder with commented files, members from TERC", runInit},
		{"templates", templatesArgs, "export the built-in document templates, or diff overrides against them", runTemplates},
		{"schema", "[-o DIR] [KIND]", "print the JSON Schema of a content file kind (or write them all)", runSchema},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "show help", nil},
	}
}

// Main runs strategia with args (without the program name) and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	e.cwd, _ = os.Getwd()
	if f, ok := stderr.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb" {
			e.tty = true
		}
	}
	if len(args) == 0 {
		usage(stdout)
		return ExitOK
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] && c.run != nil {
					return c.run(e, []string{"-h"})
				}
			}
		}
		usage(stdout)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(e, rest)
		}
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(stderr, "strategia: unknown command %q%s\nRun 'strategia help' for usage.\n", name, diag.DidYouMean(name, names))
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `strategia turns a partnership's YAML and Markdown into its territorial strategy
and project fiches, and checks them against the law and the CWD rules.

Usage:
  strategia COMMAND [flags] [args]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
DIR is a partnership folder (it holds partnership.yaml) or a workspace of
several; the default is content/. Exit status: 0 clean, 1 content errors,
2 bad usage. Run 'strategia help COMMAND' for a command's flags.
`)
}

// newFlags returns a flag set that prints its usage to e.stderr.
func newFlags(e *env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: strategia %s %s\n\n%s.\n", name, args, summary)
		if hasFlags(fs) {
			fmt.Fprintf(e.stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parse parses flags, mapping -h to exit 0 and errors to exit 2.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	return 0, true
}

func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version", "", "Print the version")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(e.stdout, "strategia %s\n", Version())
	return ExitOK
}

// Version returns the module version, or "devel" with the VCS revision.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev == "":
		return "devel"
	case dirty:
		return "devel+" + rev + "-dirty"
	}
	return "devel+" + rev
}
