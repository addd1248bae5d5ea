package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/internal/watch"
)

// TestWatchRebuilds runs the real watcher over a copy of the example with
// the real builder: a save rebuilds, a broken save reports a positioned
// error and leaves the last good PDF byte-identical, the fix rebuilds.
func TestWatchRebuilds(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	ws := t.TempDir()
	dir := filepath.Join(ws, "ziemia-kolnenska")
	genPartnership(t, dir, "ziemia-kolnenska", false)
	out := t.TempDir()
	b := New(Options{Out: out, Version: "test", Formats: []string{FormatPDF}})
	if r := b.Partnership(context.Background(), dir); !r.OK() {
		t.Fatal(r.Err, r.Diags.Items())
	}
	pdfPath := filepath.Join(out, "ziemia-kolnenska", "ziemia-kolnenska-strategia.pdf")
	reports := make(chan *Report, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = watch.Run(ctx, []string{ws}, func(ctx context.Context, d string) {
			if r := b.Partnership(ctx, d); ctx.Err() == nil {
				reports <- r
			}
		}, watch.Options{})
	}()
	defer func() { cancel(); <-done }()
	// Let the watches be added (slow under -race on a busy machine).
	time.Sleep(time.Second)
	next := func() *Report {
		t.Helper()
		select {
		case r := <-reports:
			return r
		case <-time.After(60 * time.Second):
			t.Fatal("no rebuild within 60 s")
		}
		return nil
	}
	md := filepath.Join(dir, "diag", "rolnictwo.md")
	orig, _ := os.ReadFile(md)

	// A save rebuilds and changes the PDF.
	before, _ := os.ReadFile(pdfPath)
	write := func(p string, data []byte) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(md, append(orig, "\nNowe zdanie o spółdzielniach mleczarskich.\n"...))
	if r := next(); !r.OK() || len(r.Written) == 0 {
		t.Fatalf("the save did not rebuild: %v %v", r.Err, r.Diags.Items())
	}
	good, _ := os.ReadFile(pdfPath)
	if bytes.Equal(before, good) {
		t.Fatal("the PDF did not change after a save")
	}

	// A broken save reports a positioned error and keeps the PDF.
	goals := filepath.Join(dir, "goals.yaml")
	gorig, _ := os.ReadFile(goals)
	write(goals, []byte(strings.Replace(string(gorig), "strategic_goals:", "strategic_goals:\n  - id: CS9\n    titel: x", 1)))
	r := next()
	if r.OK() {
		t.Fatal("a broken save built")
	}
	positioned := false
	for _, d := range r.Diags.Items() {
		if strings.HasSuffix(d.Pos.File, "goals.yaml") && d.Pos.Line > 0 && d.Pos.Col > 0 {
			positioned = true
		}
	}
	if !positioned {
		t.Errorf("no positioned error in goals.yaml: %v", r.Diags.Items())
	}
	if now, _ := os.ReadFile(pdfPath); !bytes.Equal(now, good) {
		t.Error("a failed rebuild changed the last good PDF")
	}

	// The fix rebuilds. (Restoring the exact last good state would be
	// "up to date": its documents are already there.)
	write(goals, append(gorig, "\n# poprawione\n"...))
	if r := next(); !r.OK() || r.Skipped {
		t.Fatalf("the fix did not rebuild: ok=%v skipped=%v", r.OK(), r.Skipped)
	}
}
