package watch

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// recorder is a fake build that records which partnerships were built.
type recorder struct {
	mu    sync.Mutex
	calls []string
	ch    chan string
	slow  func(ctx context.Context, dir string)
}

func (r *recorder) build(ctx context.Context, dir string) {
	if r.slow != nil {
		r.slow(ctx, dir)
	}
	r.mu.Lock()
	r.calls = append(r.calls, filepath.Base(dir))
	r.mu.Unlock()
	r.ch <- filepath.Base(dir)
}

func (r *recorder) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, c := range r.calls {
		if c == name {
			n++
		}
	}
	return n
}

func setup(t *testing.T, names ...string) (string, *recorder, func()) {
	t.Helper()
	root := t.TempDir()
	for _, n := range names {
		mkPartnership(t, filepath.Join(root, n))
	}
	rec := &recorder{ch: make(chan string, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, []string{root}, rec.build, Options{Quiet: 80 * time.Millisecond}) }()
	time.Sleep(100 * time.Millisecond) // let the watches be added
	return root, rec, func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Run did not return after cancel")
		}
	}
}

func mkPartnership(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "diag"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "partnership.yaml"), "partnership: {}\n")
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func wait(t *testing.T, rec *recorder, want string) {
	t.Helper()
	select {
	case got := <-rec.ch:
		if got != want {
			t.Fatalf("built %s, want %s", got, want)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("no rebuild of %s", want)
	}
}

// settle waits until no rebuild has come for a while.
func settle(rec *recorder) {
	for {
		select {
		case <-rec.ch:
		case <-time.After(400 * time.Millisecond):
			return
		}
	}
}

func TestOneSaveOneRebuild(t *testing.T) {
	root, rec, stop := setup(t, "a", "b")
	defer stop()
	write(t, filepath.Join(root, "a", "diag", "x.md"), "tekst")
	wait(t, rec, "a")
	settle(rec)
	if n := rec.count("a"); n != 1 {
		t.Errorf("%d rebuilds of a, want 1", n)
	}
	if n := rec.count("b"); n != 0 {
		t.Errorf("b rebuilt %d times though nothing of it changed", n)
	}
}

func TestBurstOfSaves(t *testing.T) {
	root, rec, stop := setup(t, "a")
	defer stop()
	// On a loaded machine a save can come later than the quiet period
	// (80 ms here) after the one before; each such gap may start one more
	// rebuild, so it is counted rather than assumed away.
	gaps := 0
	last := time.Now()
	for i := range 50 {
		write(t, filepath.Join(root, "a", "goals.yaml"), "x: "+string(rune('a'+i%26))+"\n")
		if now := time.Now(); i > 0 && now.Sub(last) >= 60*time.Millisecond {
			gaps++
		}
		last = time.Now()
		time.Sleep(2 * time.Millisecond)
	}
	wait(t, rec, "a")
	settle(rec)
	if n := rec.count("a"); n < 1 || n > 2+gaps {
		t.Errorf("%d rebuilds after a burst of 50 saves (%d late saves), want 1 to %d", n, gaps, 2+gaps)
	}
}

func TestAtomicSaveAndEditorFiles(t *testing.T) {
	root, rec, stop := setup(t, "a")
	defer stop()
	// Editor noise alone triggers nothing.
	write(t, filepath.Join(root, "a", ".goals.yaml.swp"), "swap")
	write(t, filepath.Join(root, "a", "goals.yaml~"), "backup")
	time.Sleep(300 * time.Millisecond)
	if n := rec.count("a"); n != 0 {
		t.Fatalf("editor temp files caused %d rebuilds", n)
	}
	// VS Code / vim style: write a temp file, rename it over the target.
	tmp := filepath.Join(root, "a", "goals.yaml.tmp")
	write(t, tmp, "x: 1\n")
	if err := os.Rename(tmp, filepath.Join(root, "a", "goals.yaml")); err != nil {
		t.Fatal(err)
	}
	wait(t, rec, "a")
	settle(rec)
	if n := rec.count("a"); n != 1 {
		t.Errorf("%d rebuilds after an atomic save, want 1", n)
	}
}

func TestNewAndDeletedFolders(t *testing.T) {
	root, rec, stop := setup(t, "a", "gone")
	defer stop()
	// A partnership created while watching is picked up, and so are its
	// new subfolders.
	mkPartnership(t, filepath.Join(root, "nowa"))
	wait(t, rec, "nowa")
	settle(rec)
	write(t, filepath.Join(root, "nowa", "diag", "d.md"), "x")
	wait(t, rec, "nowa")
	// Deleting a partnership does not stop the watcher.
	if err := os.RemoveAll(filepath.Join(root, "gone")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	write(t, filepath.Join(root, "a", "goals.yaml"), "x: 2\n")
	wait(t, rec, "a")
	settle(rec)
	if n := rec.count("gone"); n != 0 {
		t.Errorf("a deleted partnership was built %d times", n)
	}
}

func TestStaleBuildCancelled(t *testing.T) {
	root, rec, stop := setup(t, "a")
	defer stop()
	cancelled := make(chan struct{}, 4)
	first := true
	var mu sync.Mutex
	rec.slow = func(ctx context.Context, dir string) {
		mu.Lock()
		isFirst := first
		first = false
		mu.Unlock()
		if isFirst {
			select {
			case <-ctx.Done():
				cancelled <- struct{}{}
			case <-time.After(3 * time.Second):
			}
		}
	}
	write(t, filepath.Join(root, "a", "goals.yaml"), "x: 1\n")
	time.Sleep(200 * time.Millisecond) // the first build is running
	write(t, filepath.Join(root, "a", "goals.yaml"), "x: 2\n")
	select {
	case <-cancelled:
	case <-time.After(2 * time.Second):
		t.Fatal("the stale build was not cancelled")
	}
	wait(t, rec, "a")
	wait(t, rec, "a")
}

// TestRenamedFolder renames a partnership folder, then a folder inside
// another partnership, while watching: saves under the new names rebuild
// the partnership under its new name (inotify keeps watching the old
// paths; the watcher must rescan).
func TestRenamedFolder(t *testing.T) {
	root, rec, stop := setup(t, "a", "b")
	defer stop()
	if err := os.Rename(filepath.Join(root, "a"), filepath.Join(root, "a2")); err != nil {
		t.Fatal(err)
	}
	wait(t, rec, "a2")
	settle(rec)
	write(t, filepath.Join(root, "a2", "diag", "x.md"), "tekst")
	wait(t, rec, "a2")
	settle(rec)
	// A subfolder renamed inside a partnership.
	if err := os.Rename(filepath.Join(root, "b", "diag"), filepath.Join(root, "b", "diagnoza")); err != nil {
		t.Fatal(err)
	}
	wait(t, rec, "b")
	settle(rec)
	write(t, filepath.Join(root, "b", "diagnoza", "y.md"), "tekst")
	wait(t, rec, "b")
	settle(rec)
	// And renamed back: the first name works again.
	if err := os.Rename(filepath.Join(root, "a2"), filepath.Join(root, "a")); err != nil {
		t.Fatal(err)
	}
	wait(t, rec, "a")
	settle(rec)
	write(t, filepath.Join(root, "a", "diag", "z.md"), "tekst")
	wait(t, rec, "a")
	if n := rec.count("a2"); n != 2 {
		t.Errorf("a2 built %d times, want 2 (the rename, the save)", n)
	}
}

// TestOutputsAreNotInputs puts the output folder inside the watched
// partnership, under a name the default skip list does not know, and
// writes into it as a build does: nothing is rebuilt.
func TestOutputsAreNotInputs(t *testing.T) {
	root := t.TempDir()
	mkPartnership(t, filepath.Join(root, "a"))
	out := filepath.Join(root, "a", "dokumenty")
	if err := os.MkdirAll(filepath.Join(out, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{ch: make(chan string, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	// The output folder is given through a symbolic link: real paths count.
	link := filepath.Join(t.TempDir(), "out")
	if err := os.Symlink(out, link); err != nil {
		t.Fatal(err)
	}
	go func() {
		done <- Run(ctx, []string{root}, rec.build, Options{Quiet: 80 * time.Millisecond, Outputs: []string{link}})
	}()
	defer func() { cancel(); <-done }()
	time.Sleep(150 * time.Millisecond)
	write(t, filepath.Join(out, "a", "a-strategia.pdf"), "%PDF")
	write(t, filepath.Join(out, "a", ".strategia-manifest.json"), "{}")
	if err := os.MkdirAll(filepath.Join(out, "a", "fiszki"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(out, "a", "fiszki", "f.pdf"), "%PDF")
	// strategia's own files anywhere are not sources either.
	write(t, filepath.Join(root, "a", ".strategia-lock"), "")
	write(t, filepath.Join(root, "a", ".goals.yaml.tmp-123-456"), "")
	time.Sleep(400 * time.Millisecond)
	if n := rec.count("a"); n != 0 {
		t.Fatalf("writing outputs caused %d rebuilds", n)
	}
	write(t, filepath.Join(root, "a", "goals.yaml"), "x: 1\n")
	wait(t, rec, "a")
}
