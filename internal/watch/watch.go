// Package watch rebuilds partnerships when their sources change: it
// watches every folder of a workspace with fsnotify (folders created or
// renamed later included: a renamed folder's watches are dropped and the
// folder rescanned under its new name), ignores the names sourcefs says
// are never sources (editor files, strategia's own temporary, lock and
// manifest files) and the output folders, compared by real path, batches
// events over a short quiet period, maps each changed path to its
// partnership folder and calls the build for that partnership only,
// cancelling a build that a newer save made stale.
//
// watch knows nothing of content, rules or documents: it imports only
// fsnotify, sourcefs and the standard library, and receives the build as
// a function, so tests drive it with real files and a fake build.
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
	"github.com/strategia-pl/strategia/internal/sourcefs"
)

// BuildFunc rebuilds the partnership in dir. It must return promptly
// when ctx is cancelled (a newer save made its work stale), and it must
// be safe to call again for the same dir while a cancelled call has not
// returned yet: a newer save does not wait for the stale build.
type BuildFunc func(ctx context.Context, dir string)

// Options configure Run.
type Options struct {
	// Quiet is how long the sources must stay unchanged before a rebuild
	// starts (default 10 ms): the few events of one save (an editor's
	// truncate and write, or write and rename, come within a millisecond)
	// give one rebuild. A longer burst (a git checkout) may start a build
	// early; the next event cancels it.
	Quiet time.Duration
	// Marker is the file that makes a folder a partnership (default
	// "partnership.yaml").
	Marker string
	// Skip reports folder names not to watch (default: hidden folders and
	// "output").
	Skip func(name string) bool
	// Outputs are folders strategia writes into: wherever they are (even
	// inside a watched partnership, or named through a symbolic link),
	// nothing in them is watched.
	Outputs []string
	// OnError receives watcher errors (default: ignored).
	OnError func(error)
}

// Run watches roots until ctx is done, calling build for each partnership
// whose files changed. It returns nil when ctx is cancelled.
func Run(ctx context.Context, roots []string, build BuildFunc, opt Options) error {
	if opt.Quiet <= 0 {
		opt.Quiet = 10 * time.Millisecond
	}
	if opt.Marker == "" {
		opt.Marker = "partnership.yaml"
	}
	if opt.Skip == nil {
		opt.Skip = sourcefs.SkipFolder
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	r := &runner{w: w, opt: opt, build: build, running: map[string]*job{}}
	for _, o := range opt.Outputs {
		r.outputs = append(r.outputs, sourcefs.RealPath(o))
	}
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
}

type runner struct {
	w     *fsnotify.Watcher
	opt   Options
	build BuildFunc
	roots []string
	// outputs are the real paths of the output folders.
	outputs []string

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
		if p != dir && r.opt.Skip(d.Name()) || r.isOutput(p) {
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

// isOutput reports whether path is an output folder or inside one.
func (r *runner) isOutput(path string) bool {
	if len(r.outputs) == 0 {
		return false
	}
	real := sourcefs.RealPath(path)
	for _, o := range r.outputs {
		if _, inside := sourcefs.Rel(o, real); inside {
			return true
		}
	}
	return false
}

// forget drops the watches of a folder that was renamed or removed, and
// of every folder below it: inotify would go on reporting their events
// under the old names. The folder under its new name is added when its
// Create event comes.
func (r *runner) forget(dir string) {
	for _, p := range r.w.WatchList() {
		if _, inside := sourcefs.Rel(dir, p); inside {
			_ = r.w.Remove(p)
		}
	}
}

// handle filters one event and returns the partnership it concerns, or "".
func (r *runner) handle(ev fsnotify.Event) string {
	if ev.Op == fsnotify.Chmod || sourcefs.Ignored(filepath.Base(ev.Name)) {
		return ""
	}
	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		r.forget(ev.Name)
	}
	if r.isOutput(ev.Name) {
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

// start cancels the partnership's running build and starts a new one at
// once: the stale build may still be finishing a render it cannot
// interrupt, and the advisor should not wait for it (the build function
// serialises what the two write; see BuildFunc). Builds of different
// partnerships run side by side.
func (r *runner) start(ctx context.Context, dir string) {
	r.mu.Lock()
	prev := r.running[dir]
	bctx, cancel := context.WithCancel(ctx)
	j := &job{cancel: cancel}
	r.running[dir] = j
	r.mu.Unlock()
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer cancel()
		if prev != nil {
			prev.cancel()
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
