package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/load"
	"github.com/strategia-pl/strategia/internal/watch"
)

func runWatch(e *env, args []string) int {
	fs := newFlags(e, "watch", "[-out DIR] [-format pdf,docx,html] [-strict] [-j N] [DIR...]",
		"Build, then rebuild a partnership's documents on every save until Ctrl-C.\nBad content never stops it: the diagnostics are printed and the last good\ndocuments stay")
	bf := addBuildFlags(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"content"}
	}
	dirs, p, opt, code := prepare(e, bf, roots)
	if code != ExitOK {
		return code
	}
	var err error
	interruptible(func(ctx context.Context) { err = watchLoop(ctx, e, bf, roots, dirs, p, opt) })
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: watch: %v\n", err)
		return ExitContent
	}
	fmt.Fprintln(e.stdout, "stopped")
	return ExitOK
}

// watchLoop builds dirs, then rebuilds on every change under roots until
// ctx is done.
func watchLoop(ctx context.Context, e *env, bf *buildFlags, roots, dirs []string, p *printer, opt build.Options) error {
	b := build.New(opt)
	for _, r := range b.All(ctx, dirs) {
		if ctx.Err() != nil {
			return nil
		}
		p.report(r)
	}
	// Later builds rebuild only what changed; -force applies to the first.
	opt.Force = false
	opt.Latency = true
	b = b.With(opt)
	fmt.Fprintf(e.stdout, "watching %s (Ctrl-C to stop)\n", strings.Join(roots, ", "))
	return watch.Run(ctx, roots, func(ctx context.Context, dir string) {
		t0 := time.Now()
		// A folder copied (or an id edited) while watching may give two
		// partnerships one id: neither is built (WS-01).
		var r *build.Report
		if all, err := load.Discover(roots); err == nil {
			if l := build.DuplicateIDs(append(all, dir))[dir]; l != nil {
				r = &build.Report{Dir: dir, Diags: l}
			}
		}
		if r == nil {
			r = b.Partnership(ctx, dir)
		}
		if ctx.Err() != nil {
			return // superseded by a newer save
		}
		ok := p.report(r)
		status := "rebuilt"
		switch {
		case !ok:
			status = "failed"
		case r.Skipped:
			status = "unchanged"
		}
		p.mu.Lock()
		fmt.Fprintf(e.stdout, "%s %s %s in %s\n", time.Now().Format("15:04:05"), status, filepath.Base(dir), round(time.Since(t0)))
		p.mu.Unlock()
	}, watch.Options{Outputs: []string{*bf.out}, OnError: func(err error) { fmt.Fprintf(e.stderr, "strategia: watch: %v\n", err) }})
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
