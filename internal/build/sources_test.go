package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/diag"
)

// buildWithin builds dir and fails the test if that takes longer than
// the timeout (a FIFO or /dev/zero opened would hang or spin forever).
func buildWithin(t *testing.T, b *Builder, dir string, timeout time.Duration) *Report {
	t.Helper()
	ch := make(chan *Report, 1)
	go func() { ch <- b.Partnership(context.Background(), dir) }()
	select {
	case r := <-ch:
		return r
	case <-time.After(timeout):
		t.Fatalf("build of %s still running after %v: a special file was opened?", dir, timeout)
	}
	return nil
}

// TestSpecialFilesNeverOpened puts a FIFO, a symbolic link to /dev/zero
// and an Emacs lock file (a dangling symbolic link) in a partnership
// folder. Unreferenced, they are passed over and the build succeeds;
// referenced by content, each is a positioned error. Nothing hangs.
func TestSpecialFilesNeverOpened(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	mkfifo := func(t *testing.T, p string) {
		t.Helper()
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	symlink := func(t *testing.T, target, p string) {
		t.Helper()
		os.Remove(p)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		make func(t *testing.T, dir string)
		// want is empty when the build must succeed, else a text its
		// positioned error must hold, in the file named by wantFile.
		want, wantFile string
	}{
		{"unreferenced FIFO", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "notatki")) }, "", ""},
		{"unreferenced FIFO in projects", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "projects", "szkic.txt")) }, "", ""},
		{"unreferenced link to /dev/zero", func(t *testing.T, dir string) { symlink(t, "/dev/zero", filepath.Join(dir, "diag", "zero.md")) }, "", ""},
		{"Emacs lock file", func(t *testing.T, dir string) {
			symlink(t, "root@host.1234:1732492800", filepath.Join(dir, "diag", ".#demografia.md"))
		}, "", ""},
		{"referenced FIFO", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "diag", "demografia.md")) },
			"named pipe", "diagnosis.yaml"},
		{"referenced link to /dev/zero", func(t *testing.T, dir string) {
			symlink(t, "/dev/zero", filepath.Join(dir, "diag", "demografia.md"))
		}, "demografia.md", "diagnosis.yaml"},
		{"referenced link to a FIFO inside", func(t *testing.T, dir string) {
			mkfifo(t, filepath.Join(dir, "diag", "potok"))
			symlink(t, "potok", filepath.Join(dir, "diag", "demografia.md"))
		}, "named pipe", "diagnosis.yaml"},
		{"FIFO standard file", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "swot.yaml")) },
			"named pipe", "swot.yaml"},
		{"FIFO map", func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "maps", "m1.png")) },
			"named pipe", "spatial.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "minimal")
			copyDir(t, composeFixture, dir)
			tc.make(t, dir)
			b := New(Options{Out: t.TempDir(), Version: "test", Formats: []string{FormatPDF}})
			r := buildWithin(t, b, dir, 60*time.Second)
			// validate (check.Dir) must agree with build, also within time.
			v := make(chan *check.Result, 1)
			go func() { v <- check.Dir(dir) }()
			var vr *check.Result
			select {
			case vr = <-v:
			case <-time.After(30 * time.Second):
				t.Fatal("validation hangs")
			}
			if tc.want == "" {
				if !r.OK() {
					t.Fatalf("build failed: %v %v", r.Err, r.Diags.Items())
				}
				if !vr.OK() {
					t.Fatalf("validation failed: %v", vr.Diags.Items())
				}
				return
			}
			if r.OK() || r.Err != nil {
				t.Fatalf("want a content error, got ok=%v err=%v", r.OK(), r.Err)
			}
			found := false
			for _, d := range r.Diags.Items() {
				if d.Severity == diag.Error && strings.Contains(d.Msg, tc.want) && strings.HasSuffix(d.Pos.File, tc.wantFile) {
					found = true
				}
			}
			if !found {
				t.Errorf("no error in %s saying %q: %v", tc.wantFile, tc.want, r.Diags.Items())
			}
		})
	}
}

// TestOutputInsidePartnership builds into a folder inside the
// partnership: the outputs are not inputs, so the second build is up to
// date.
func TestOutputInsidePartnership(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	dir := filepath.Join(t.TempDir(), "minimal")
	copyDir(t, composeFixture, dir)
	out := filepath.Join(dir, "dokumenty")
	for i, want := range []bool{false, true} {
		r := New(Options{Out: out, Version: "test", Formats: []string{FormatPDF}}).Partnership(context.Background(), dir)
		if !r.OK() {
			t.Fatalf("build %d: %v %v", i+1, r.Err, r.Diags.Items())
		}
		if r.Skipped != want {
			t.Fatalf("build %d: up to date = %v, want %v", i+1, r.Skipped, want)
		}
	}
}

// TestConcurrentBuildsShareOutput runs pairs of forced builds into one
// output folder at once: the output lock serialises their writes, the
// second reports that it waits, and neither removes the other's files.
func TestConcurrentBuildsShareOutput(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	out := t.TempDir()
	var mu sync.Mutex
	notes := 0
	opt := Options{Out: out, Version: "test", Formats: []string{FormatPDF, FormatDOCX}, Force: true,
		Progress: func(ev Event) {
			if ev.Note != "" {
				mu.Lock()
				notes++
				mu.Unlock()
			}
		}}
	for round := range 3 {
		var wg sync.WaitGroup
		reports := make([]*Report, 2)
		for i := range reports {
			wg.Add(1)
			go func() {
				defer wg.Done()
				reports[i] = New(opt).Partnership(context.Background(), composeFixture)
			}()
		}
		wg.Wait()
		for i, r := range reports {
			if !r.OK() {
				t.Fatalf("round %d, build %d failed: %v", round, i, r.Err)
			}
		}
	}
	if notes == 0 {
		t.Error("no build waited for the other: were they serialised?")
	}
	checkNoTemps(t, out)
}

func checkNoTemps(t *testing.T, out string) {
	t.Helper()
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// TestStaleTempsOfLiveProcessesKept: a build removes the temporary files
// of dead processes only.
func TestStaleTempsOfLiveProcessesKept(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, ".a.pdf.tmp-"+strconv.Itoa(os.Getpid())+"-123")
	dead := filepath.Join(dir, fmt.Sprintf(".a.pdf.tmp-%d-456", 1<<30))
	old := filepath.Join(dir, ".a.pdf.tmp-789")
	for _, p := range []string{mine, dead, old} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleTemps(dir)
	if _, err := os.Stat(mine); err != nil {
		t.Error("removed the temporary file of a live process")
	}
	for _, p := range []string{dead, old} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("kept %s", filepath.Base(p))
		}
	}
}
