package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/diag"
)

// buildFlags are the flags build and watch share.
type buildFlags struct {
	out     *string
	formats *string
	strict  *bool
	force   *bool
	jobs    *int
	tpl     *string
}

func addBuildFlags(fs interface {
	String(string, string, string) *string
	Bool(string, bool, string) *bool
	Int(string, int, string) *int
}) *buildFlags {
	return &buildFlags{
		out:     fs.String("out", "output", "write documents under `DIR`/<slug>/"),
		formats: fs.String("format", "pdf,docx", "comma-separated output `formats`: pdf, docx, html"),
		strict:  fs.Bool("strict", false, "treat warnings as errors"),
		force:   fs.Bool("force", false, "rebuild even documents whose inputs have not changed"),
		jobs:    fs.Int("j", 0, "build at most `N` partnerships at once (default: number of CPUs)"),
		tpl:     fs.String("templates", "", "read template overrides from `DIR` (default: the templates/ folder beside the partnership folders)"),
	}
}

// prepare resolves the folders and options build and watch share.
func prepare(e *env, bf *buildFlags, args []string) ([]string, *printer, build.Options, int) {
	dirs, code := partnerships(e, args)
	if code != ExitOK {
		return nil, nil, build.Options{}, code
	}
	p := &printer{e: e}
	opt, err := bf.options(e, p.event)
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: %v\n", err)
		return nil, nil, build.Options{}, ExitUsage
	}
	tuneGC()
	return dirs, p, opt, ExitOK
}

func (bf *buildFlags) options(e *env, progress func(build.Event)) (build.Options, error) {
	formats := strings.Split(*bf.formats, ",")
	for i := range formats {
		formats[i] = strings.TrimSpace(strings.ToLower(formats[i]))
	}
	if err := build.CheckFormats(formats); err != nil {
		return build.Options{}, err
	}
	return build.Options{Out: *bf.out, Formats: formats, Strict: *bf.strict, Force: *bf.force,
		Jobs: *bf.jobs, Templates: *bf.tpl, Version: Version() + "/" + executableDigest(), Progress: progress}, nil
}

func runBuild(e *env, args []string) int {
	fs := newFlags(e, "build", "[-out DIR] [-format pdf,docx,html] [-strict] [-force] [-j N] [-since REV] [DIR...]",
		"Validate, then render each partnership's strategy, project fiches and project\npackage as PDF and DOCX into the output folder")
	bf := addBuildFlags(fs)
	since := fs.String("since", "", "also write the list of changes since git revision `REV` and the redline DOCX")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	dirs, p, opt, code := prepare(e, bf, fs.Args())
	if code != ExitOK {
		return code
	}
	start := time.Now()
	var reports []*build.Report
	canceled := false
	finished := interruptible(func(ctx context.Context) {
		reports = build.New(opt).All(ctx, dirs)
		canceled = ctx.Err() != nil
	})
	if !finished || canceled {
		fmt.Fprintln(e.stderr, "strategia: interrupted (the documents written so far are complete; the rest keep their previous version)")
		return ExitInterrupted
	}
	failed, docs, skipped := 0, 0, 0
	for _, r := range reports {
		if !p.report(r) {
			failed++
		}
		docs += len(r.Written)
		if r.Skipped {
			skipped++
		}
	}
	summary := fmt.Sprintf("%s, %s written", diag.Plural(len(reports), "partnership"), diag.Plural(docs, "document"))
	if skipped > 0 {
		summary += fmt.Sprintf(", %d up to date", skipped)
	}
	if failed > 0 {
		summary += fmt.Sprintf(", %d failed", failed)
	}
	fmt.Fprintf(e.stdout, "%s in %s\n", summary, round(time.Since(start)))
	if failed > 0 {
		return ExitContent
	}
	if *since != "" {
		for _, r := range reports {
			if code := writeChangeDocuments(e, r.Dir, *since, "", *bf.out, io.Discard); code != ExitOK {
				return code
			}
		}
	}
	return ExitOK
}

// printer serialises progress lines and diagnostics of concurrent builds.
type printer struct {
	e  *env
	mu sync.Mutex
}

func (p *printer) event(ev build.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if ev.Note != "" {
		fmt.Fprintf(p.e.stderr, "%s: %s\n", ev.Partnership, ev.Note)
		return
	}
	if ev.Skipped {
		fmt.Fprintf(p.e.stdout, "%s: up to date\n", ev.Partnership)
		return
	}
	fmt.Fprintf(p.e.stdout, "%-60s %s\n", diag.RelPath(p.e.cwd, abs(ev.File)), round(ev.Took))
}

// report prints a partnership's diagnostics and failure; it reports
// whether the partnership built.
func (p *printer) report(r *build.Report) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	opt := diag.PrintOptions{Cwd: p.e.cwd, Source: p.e.tty, Color: p.e.tty}
	_ = diag.Print(p.e.stderr, r.Diags, opt)
	name := r.Slug
	if name == "" {
		name = diag.RelPath(p.e.cwd, abs(r.Dir))
	}
	switch {
	case r.Err != nil:
		fmt.Fprintf(p.e.stderr, "%s: build failed: %v\n", name, r.Err)
		return false
	case r.Diags.HasErrors():
		e, w := r.Diags.Count()
		fmt.Fprintf(p.e.stderr, "%s: not built: %s, %s (the previous documents are kept)\n", name, diag.Plural(e, "error"), diag.Plural(w, "warning"))
		return false
	}
	return true
}

func round(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(10 * time.Millisecond)
}
