// Package watch rebuilds partnerships when their sources change: it
// watches every folder of a workspace with fsnotify (folders created or
// renamed later included), ignores editor temporary and backup files,
// batches events over a short quiet period, maps each changed path to its
// partnership folder and calls the build for that partnership only,
// cancelling a build that a newer save made stale.
//
// watch knows nothing of content, rules or documents: it imports only
// fsnotify and the standard library, and receives the build as a
// function, so tests drive it with real files and a fake build.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// BuildFunc rebuilds the partnership in dir. It must return promptly
// when ctx is cancelled (a newer save made its work stale).
type BuildFunc func(ctx context.Context, dir string)

// Options configure Run.
type Options struct {
	// Quiet is how long the sources must stay unchanged before a rebuild
	// starts (default 100 ms): a burst of saves gives one rebuild.
	Quiet time.Duration
	// Marker is the file that makes a folder a partnership (default
	// "partnership.yaml").
	Marker string
	// Skip reports folder names not to watch (default: hidden folders and
	// "output").
	Skip func(name string) bool
	// OnError receives watcher errors (default: ignored).
	OnError func(error)
}

// Run watches roots until ctx is done, calling build for each partnership
// whose files changed. It returns nil when ctx is cancelled.
func Run(ctx context.Context, roots []string, build BuildFunc, opt Options) error {
	if opt.Quiet <= 0 {
		opt.Quiet = 25 * time.Millisecond
	}
	if opt.Marker == "" {
		opt.Marker = "partnership.yaml"
	}
	if opt.Skip == nil {
		opt.Skip = func(name string) bool { return strings.HasPrefix(name, ".") || name == "output" }
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	r := &runner{w: w, opt: opt, build: build, running: map[string]*job{}}
	for _, root := range roots {
		abs, err := filepath.Abs(root)
		if err != nil {
			return err
		}
		r.roots = append(r.roots, abs)
		if err := r.addTree(abs); err != nil {
			return err
		}
	}
	return r.loop(ctx)
}

type job struct {
	cancel context.CancelFunc
	done   chan struct{}
}

type runner struct {
	w     *fsnotify.Watcher
	opt   Options
	build BuildFunc
	roots []string

	mu      sync.Mutex
	running map[string]*job // partnership dir → its current build
	wg      sync.WaitGroup
}

// addTree watches dir and every folder below it.
func (r *runner) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // vanished while walking
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && r.opt.Skip(d.Name()) {
			return fs.SkipDir
		}
		if err := r.w.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
}

func (r *runner) loop(ctx context.Context) error {
	defer r.wg.Wait()
	defer r.cancelAll()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	dirty := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-r.w.Errors:
			if !ok {
				return nil
			}
			if r.opt.OnError != nil {
				r.opt.OnError(err)
			}
		case ev, ok := <-r.w.Events:
			if !ok {
				return nil
			}
			if p := r.handle(ev); p != "" {
				dirty[p] = true
				timer.Reset(r.opt.Quiet)
			}
		case <-timer.C:
			dirs := make([]string, 0, len(dirty))
			for d := range dirty {
				dirs = append(dirs, d)
			}
			sort.Strings(dirs)
			clear(dirty)
			for _, d := range dirs {
				r.start(ctx, d)
			}
		}
	}
}

// handle filters one event and returns the partnership it concerns, or "".
func (r *runner) handle(ev fsnotify.Event) string {
	if ev.Op == fsnotify.Chmod || Ignored(filepath.Base(ev.Name)) {
		return ""
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			if r.opt.Skip(filepath.Base(ev.Name)) {
				return ""
			}
			_ = r.addTree(ev.Name) // a new folder, or one renamed into place
			if p := r.partnershipOf(ev.Name); p != "" {
				return p
			}
			// A new partnership may already hold its marker (copied in).
			return r.firstPartnershipBelow(ev.Name)
		}
	}
	return r.partnershipOf(ev.Name)
}

// partnershipOf returns the nearest folder at or above path (within a
// root) that holds the marker file, or "".
func (r *runner) partnershipOf(path string) string {
	dir := path
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	for {
		if !r.withinRoots(dir) {
			return ""
		}
		if fi, err := os.Stat(filepath.Join(dir, r.opt.Marker)); err == nil && fi.Mode().IsRegular() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func (r *runner) firstPartnershipBelow(dir string) string {
	found := ""
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return fs.SkipDir
		}
		if d.IsDir() {
			if fi, err := os.Stat(filepath.Join(p, r.opt.Marker)); err == nil && fi.Mode().IsRegular() {
				found = p
				return fs.SkipAll
			}
		}
		return nil
	})
	return found
}

func (r *runner) withinRoots(dir string) bool {
	for _, root := range r.roots {
		if dir == root || strings.HasPrefix(dir, root+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// start cancels the partnership's running build, waits for it to stop,
// and starts a new one. Builds of different partnerships run side by side.
func (r *runner) start(ctx context.Context, dir string) {
	r.mu.Lock()
	prev := r.running[dir]
	bctx, cancel := context.WithCancel(ctx)
	j := &job{cancel: cancel, done: make(chan struct{})}
	r.running[dir] = j
	r.mu.Unlock()
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer close(j.done)
		defer cancel()
		if prev != nil {
			prev.cancel()
			<-prev.done
		}
		if bctx.Err() != nil {
			return
		}
		if _, err := os.Stat(dir); err != nil {
			return // the partnership was deleted
		}
		r.build(bctx, dir)
		r.mu.Lock()
		if r.running[dir] == j {
			delete(r.running, dir)
		}
		r.mu.Unlock()
	}()
}

func (r *runner) cancelAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, j := range r.running {
		j.cancel()
	}
}

// Ignored reports whether a file name is an editor's temporary or backup
// file (vim swap and backup files, vim's 4913 probe, emacs lock and
// autosave files, JetBrains' ___jb_ files, Office lock files, gedit and
// GNOME temp files, our own atomic-write temporaries).
func Ignored(name string) bool {
	switch {
	case name == "4913",
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"),
		strings.HasSuffix(name, ".crdownload"), strings.HasSuffix(name, ".part"),
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock."),
		strings.HasPrefix(name, ".goutputstream-"),
		strings.Contains(name, "___jb_"),
		strings.Contains(name, ".tmp-"):
		return true
	}
	return false
}
