package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/serve"
)

const serveArgs = "[-addr 127.0.0.1:8080] [-editor URL] [-out DIR] [-format pdf,docx,html] [-strict] [-j N] [DIR...]"

func runServe(e *env, args []string) int {
	fs := newFlags(e, "serve", serveArgs,
		"Build, then serve the documents in a browser with live reload: an index of the\npartnerships, each document's HTML edition refreshed after every save, and an\noverlay listing the errors of broken content above the last good document.\nOnly the output folder is served, on the loopback address unless -addr says otherwise")
	addr := fs.String("addr", serve.DefaultAddr, "listen on `host:port`")
	editor := fs.String("editor", serve.DefaultEditor, "`URL` template of the error overlay's links: {path}, {line}, {col}")
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
	err := serve.Run(ctx, roots, dirs, serve.Options{
		Addr: *addr, Editor: *editor, Build: opt,
		Report: func(r *build.Report) {
			ok := p.report(r)
			status := "built"
			switch {
			case !ok:
				status = "failed"
			case r.Skipped:
				status = "up to date"
			}
			name := r.Slug
			if name == "" {
				name = r.Dir
			}
			p.mu.Lock()
			fmt.Fprintf(e.stdout, "%s %s %s in %s\n", time.Now().Format("15:04:05"), status, name, round(r.Took))
			p.mu.Unlock()
		},
		Ready: func(url string) {
			p.mu.Lock()
			fmt.Fprintf(e.stdout, "serving %s on %s (Ctrl-C to stop)\n", strings.Join(roots, ", "), url)
			p.mu.Unlock()
		},
		OnError: func(err error) { fmt.Fprintf(e.stderr, "strategia: serve: %v\n", err) },
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "strategia: serve: %v\n", err)
		return ExitContent
	}
	fmt.Fprintln(e.stdout, "stopped")
	return ExitOK
}
