package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/watch"
)

// DefaultAddr is where serve listens unless told otherwise: the loopback
// address, so nothing on the network can read the drafts.
const DefaultAddr = "127.0.0.1:8080"

// DefaultEditor is the editor URL template of the error overlay's links.
const DefaultEditor = "vscode://file/{path}:{line}:{col}"

// Options configure Run.
type Options struct {
	// Addr is the address to listen on (default DefaultAddr); ignored
	// when Listener is set.
	Addr     string
	Listener net.Listener
	// Editor is the URL template of diagnostics' links: {path} (absolute,
	// forward slashes), {line}, {col}. Default DefaultEditor.
	Editor string
	// Build configures the builds; HTML is added to its formats. Its
	// Progress, if set, is called for every written document too.
	Build build.Options
	// Report, if set, is called with every finished build (the CLI prints
	// the diagnostics, as build and watch do).
	Report func(*build.Report)
	// Ready, if set, is called with the server's base URL once it listens.
	Ready func(url string)
	// OnError receives errors of the watcher and of the server.
	OnError func(error)
}

// Run builds dirs (partnership folders found in roots), serves the output
// folder and rebuilds on every change under roots, until ctx is done.
func Run(ctx context.Context, roots, dirs []string, opt Options) error {
	if opt.Addr == "" {
		opt.Addr = DefaultAddr
	}
	if opt.Editor == "" {
		opt.Editor = DefaultEditor
	}
	if opt.OnError == nil {
		opt.OnError = func(error) {}
	}
	bopt := opt.Build
	if bopt.Out == "" {
		bopt.Out = "output"
	}
	if !slices.Contains(bopt.Formats, build.FormatHTML) {
		if len(bopt.Formats) == 0 {
			bopt.Formats = []string{build.FormatPDF, build.FormatDOCX}
		}
		bopt.Formats = append(slices.Clone(bopt.Formats), build.FormatHTML)
	}
	out, err := filepath.Abs(bopt.Out)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		return err
	}
	defer root.Close()
	cwd, _ := os.Getwd()
	st := newState(cwd, out, opt.Editor)
	progress := bopt.Progress
	bopt.Progress = func(ev build.Event) {
		st.written(ev)
		if progress != nil {
			progress(ev)
		}
	}

	ln := opt.Listener
	if ln == nil {
		if ln, err = net.Listen("tcp", opt.Addr); err != nil {
			return err
		}
	}
	srv := &server{st: st, root: root, hosts: map[string]bool{}}
	if h, _, err := net.SplitHostPort(ln.Addr().String()); err == nil {
		srv.hosts[strings.ToLower(h)] = true
	}
	if h, _, err := net.SplitHostPort(opt.Addr); err == nil && h != "" {
		srv.hosts[strings.ToLower(h)] = true
	}
	hs := &http.Server{Handler: srv.handler(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if opt.Ready != nil {
		opt.Ready(baseURL(ln.Addr()))
	}

	report := func(r *build.Report) {
		if opt.Report != nil {
			opt.Report(r)
		}
		st.done(r)
	}
	for _, d := range dirs {
		if abs, err := filepath.Abs(d); err == nil {
			st.building(abs)
		}
	}
	b := build.New(bopt)
	var wg sync.WaitGroup
	for _, d := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			abs, err := filepath.Abs(d)
			if err != nil {
				return
			}
			report(b.Partnership(ctx, abs))
		}()
	}
	wg.Wait()

	// Later builds rebuild only what changed, the page being read first.
	bopt.Force = false
	bopt.Latency = true
	b = b.With(bopt)
	werr := watch.Run(ctx, roots, func(ctx context.Context, dir string) {
		st.building(dir)
		r := b.Partnership(ctx, dir)
		if ctx.Err() != nil {
			return // superseded by a newer save, which reports
		}
		report(r)
	}, watch.Options{Skip: func(name string) bool {
		return strings.HasPrefix(name, ".") || name == "output" || name == filepath.Base(out)
	}, Outputs: []string{out}, OnError: opt.OnError})

	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	serr := hs.Shutdown(shut)
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) && serr == nil {
		serr = err
	}
	if werr != nil {
		return fmt.Errorf("watch: %w", werr)
	}
	return serr
}

func baseURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
