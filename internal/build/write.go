package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/strategia-pl/strategia/internal/sourcefs"
)

// WriteAtomic writes data to path so that readers see either the old file
// or the complete new one, never a truncated mix: the bytes go to a
// temporary file in the same folder, which is synced and then renamed over
// path. A crash or Ctrl-C at any moment leaves at most a stray temporary
// file, named .<name>.tmp-<pid>-<random> so that no other process takes
// it for its own; a later build removes it once that process is gone.
func WriteAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+sourcefs.TempMark+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	// Make the rename itself durable.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// sameContent reports whether path is a regular file holding exactly
// data (read only when the sizes agree).
func sameContent(path string, data []byte) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

// removeStaleTemps deletes the temporary files that dead processes left
// in dir (a build killed mid-write). Those of living processes — another
// build writing here right now — are theirs to rename or remove.
func removeStaleTemps(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, ".*"+sourcefs.TempMark+"*"))
	for _, m := range matches {
		if pid, ok := tempOwner(filepath.Base(m)); !ok || !alive(pid) {
			os.Remove(m)
		}
	}
}

// tempOwner returns the process id in a temporary file's name; ok is
// false for names without one (left by versions before the id was added).
func tempOwner(name string) (pid int, ok bool) {
	i := strings.LastIndex(name, sourcefs.TempMark)
	if i < 0 {
		return 0, false
	}
	rest := name[i+len(sourcefs.TempMark):]
	j := strings.IndexByte(rest, '-')
	if j < 0 {
		return 0, false
	}
	pid, err := strconv.Atoi(rest[:j])
	return pid, err == nil && pid > 0
}

// outputLock is held while a build writes into an output folder, so two
// builds of one partnership (two processes, or a watch and a build) never
// interleave their writes, renames and pruning.
type outputLock struct{ f *os.File }

// lockOutput takes the lock of outDir, waiting (while ctx allows) for
// another build that holds it; wait is called once if it has to wait.
func lockOutput(ctx context.Context, outDir string, wait func()) (*outputLock, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(outDir, sourcefs.LockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	waited := false
	for {
		busy, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", outDir, err)
		}
		if !busy {
			return &outputLock{f}, nil
		}
		if !waited && wait != nil {
			wait()
		}
		waited = true
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ErrCanceled
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// dirLocks are the in-process locks of output folders, taken before
// the file lock: a build waiting for another build of the same process
// waits quietly (the file lock's note is about other processes).
type dirLocks struct {
	mu sync.Mutex
	m  map[string]chan struct{}
}

// lock takes outDir's lock, waiting while ctx allows, and returns the
// function that releases it.
func (d *dirLocks) lock(ctx context.Context, outDir string) (func(), error) {
	key := outDir
	if abs, err := filepath.Abs(outDir); err == nil {
		key = abs
	}
	d.mu.Lock()
	if d.m == nil {
		d.m = map[string]chan struct{}{}
	}
	ch := d.m[key]
	if ch == nil {
		ch = make(chan struct{}, 1)
		d.m[key] = ch
	}
	d.mu.Unlock()
	select {
	case ch <- struct{}{}:
		return func() { <-ch }, nil
	case <-ctx.Done():
		return nil, ErrCanceled
	}
}

// unlock releases the lock (closing the file releases a flock).
func (l *outputLock) unlock() { l.f.Close() }
