package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/strategia-pl/strategia/internal/build"
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b := build.New(opt)
	for _, r := range b.All(ctx, dirs) {
		p.report(r)
	}
	// Later builds rebuild only what changed; -force applies to the first.
	opt.Force = false
	opt.Latency = true
	b = build.New(opt)
	fmt.Fprintf(e.stdout, "watching %s (Ctrl-C to stop)\n", strings.Join(roots, ", "))
	err := watch.Run(ctx, roots, func(ctx context.Context, dir string) {
		t0 := time.Now()
		r := b.Partnership(ctx, dir)
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
	}, watch.Options{Skip: func(name string) bool {
		return len(name) > 0 && name[0] == '.' || name == "output" || abs(name) == abs(*bf.out)
	}, OnError: func(err error) { fmt.Fprintf(e.stderr, "strategia: watch: %v\n", err) }})
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: watch: %v\n", err)
		return ExitContent
	}
	fmt.Fprintln(e.stdout, "stopped")
	return ExitOK
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
