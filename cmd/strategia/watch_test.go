package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWatchSurvivesBurstsOfSaves runs the real `strategia watch` process
// over a copy of the example and saves a Markdown file the way editors do
// (write a new file, rename it over the old one): several rounds of quick
// saves, then a later save, whose text must reach the PDF; then Ctrl-C
// (SIGINT) must end the process within a second. Every step has a
// timeout, so a frozen watch fails the test instead of hanging it.
func TestWatchSurvivesBurstsOfSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs watch for ~10 s")
	}
	bin := strategiaBinary(t)
	ws := t.TempDir()
	dir := example(t, ws)
	out := t.TempDir()
	w := startWatch(t, bin, out, ws)
	md := filepath.Join(dir, "diag", "rolnictwo.md")
	orig, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	save := func(extra string) {
		t.Helper()
		tmp := md + ".new"
		if err := os.WriteFile(tmp, append(orig[:len(orig):len(orig)], extra...), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, md); err != nil {
			t.Fatal(err)
		}
	}
	// Rounds of three saves 100 ms apart, then 50 saves 60 ms apart: each
	// save lands while the previous one's build is starting or running.
	for r := range 4 {
		for i := range 3 {
			save(fmt.Sprintf("\nRunda %d, zapis %d.\n", r, i))
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond)
	}
	for i := range 50 {
		save(fmt.Sprintf("\nSeria, zapis %d.\n", i))
		time.Sleep(60 * time.Millisecond)
	}
	time.Sleep(time.Second)

	// A later save must still rebuild, and its text reach the PDF.
	pdfPath := filepath.Join(out, "ziemia-kolnenska", "ziemia-kolnenska-strategia.pdf")
	mark := w.out.len()
	saved := time.Now()
	save("\nOstatni zapis nr 7731.\n")
	if w.out.wait(mark, "rebuilt ziemia-kolnenska", 30*time.Second) < 0 {
		t.Fatalf("watch froze: no rebuild within 30 s of the last save\n%s", w.out.text())
	}
	waitFor(t, 30*time.Second, "the last save's text in the PDF", func() bool {
		fi, err := os.Stat(pdfPath)
		if err != nil || fi.ModTime().Before(saved) {
			return false
		}
		text, ok := pdfText(t, pdfPath)
		return !ok || strings.Contains(strings.Join(strings.Fields(text), " "), "Ostatni zapis nr 7731.")
	})
	w.interrupt(t)
}

// watchProc is a running `strategia watch`.
type watchProc struct {
	cmd  *exec.Cmd
	out  *lines // standard output and error, line by line
	done chan struct{}
	err  error // the process's exit, once done is closed
}

// startWatch starts `strategia watch -format pdf` over roots and waits
// for it to be watching (the first build done).
func startWatch(t *testing.T, bin, out string, roots ...string) *watchProc {
	t.Helper()
	w := startProc(t, bin, append([]string{"watch", "-out", out, "-format", "pdf"}, roots...)...)
	if w.out.wait(0, "watching", 60*time.Second) < 0 {
		t.Fatalf("watch did not start within 60 s:\n%s", w.out.text())
	}
	return w
}

// startProc starts the strategia binary with args (SOURCE_DATE_EPOCH
// fixed), collecting its output line by line; the process is killed at
// the end of the test if it still runs.
func startProc(t *testing.T, bin string, args ...string) *watchProc {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1732492800")
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &watchProc{cmd: cmd, out: collect(pr), done: make(chan struct{})}
	go func() {
		w.err = cmd.Wait()
		pw.Close()
		close(w.done)
	}()
	t.Cleanup(func() {
		select {
		case <-w.done:
		default:
			_ = cmd.Process.Kill()
			<-w.done
		}
	})
	return w
}

// interrupt sends SIGINT and checks that the process ends within a
// second, cleanly.
func (w *watchProc) interrupt(t *testing.T) {
	t.Helper()
	t0 := time.Now()
	if err := w.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.done:
		if took := time.Since(t0); took > time.Second {
			t.Errorf("watch took %v to stop after Ctrl-C (want ≤ 1 s)", took)
		}
		if w.err != nil {
			t.Errorf("watch ended with %v after Ctrl-C\n%s", w.err, w.out.text())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("watch ignored Ctrl-C for 10 s\n%s", w.out.text())
	}
}

// waitFor polls cond until it holds or timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// pdfText extracts a PDF's text with pdftotext; ok is false when poppler
// is not installed (CI installs it).
func pdfText(t *testing.T, path string) (text string, ok bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "", false
	}
	b, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		return "", true
	}
	return string(b), true
}

// TestBuildStopsOnCtrlC interrupts `strategia build -force` while it
// renders: it must end within a second, with exit status 130, and every
// document in the output folder must be complete.
func TestBuildStopsOnCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := strategiaBinary(t)
	ws := t.TempDir()
	example(t, ws)
	out := t.TempDir()
	run := func() *exec.Cmd {
		cmd := exec.Command(bin, "build", "-force", "-out", out, ws)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1732492800")
		return cmd
	}
	if b, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	for _, delay := range []time.Duration{50 * time.Millisecond, 150 * time.Millisecond, 300 * time.Millisecond} {
		cmd := run()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		time.Sleep(delay)
		t0 := time.Now()
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-done:
			if took := time.Since(t0); took > time.Second {
				t.Errorf("build took %v to stop after Ctrl-C (want ≤ 1 s)", took)
			}
			// 130 once the build runs; before its handler is installed
			// (a very early Ctrl-C) the signal ends the process itself.
			var ee *exec.ExitError
			if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 130 && ee.ExitCode() != -1) {
				t.Errorf("interrupted build ended with %v, want exit status 130", err)
			}
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatal("build ignored Ctrl-C for 10 s")
		}
		checkComplete(t, out)
	}
}
