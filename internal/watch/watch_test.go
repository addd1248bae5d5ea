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
	for i := range 50 {
		write(t, filepath.Join(root, "a", "goals.yaml"), "x: "+string(rune('a'+i%26))+"\n")
		time.Sleep(2 * time.Millisecond)
	}
	wait(t, rec, "a")
	settle(rec)
	if n := rec.count("a"); n < 1 || n > 2 {
		t.Errorf("%d rebuilds after a burst of 50 saves, want 1 or 2", n)
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

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"goals.yaml": false, "demografia.md": false, "P01.yaml": false,
		".goals.yaml.swp": true, "goals.yaml~": true, "4913": true, "#goals.yaml#": true,
		".#goals.yaml": true, "~$strategia.docx": true, ".strategia.pdf.tmp-123": true,
		"goals.yaml___jb_tmp___": true, ".~lock.x.docx#": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
