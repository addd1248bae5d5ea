package main

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildLeavesNoTruncatedDocument kills `strategia build` at
// random moments (SIGKILL, no chance to clean up) and checks after each
// kill that every PDF and DOCX in the output folder is complete: outputs
// are written to a temporary file and renamed into place.
func TestKilledBuildLeavesNoTruncatedDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs it 20+ times")
	}
	bin := strategiaBinary(t)
	repo, _ := filepath.Abs("../..")
	example := filepath.Join(repo, "content", "ziemia-kolnenska")
	out := t.TempDir()
	run := func() *exec.Cmd {
		cmd := exec.Command(bin, "build", "-force", "-out", out, example)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1732492800")
		return cmd
	}
	// A complete set first, so every kill has something to damage.
	start := time.Now()
	if b, err := run().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	full := time.Since(start)
	rng := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for i := 0; i < 40 && kills < 25; i++ {
		cmd := run()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		_ = cmd.Wait()
		checkComplete(t, out)
	}
	if kills < 20 {
		t.Fatalf("only %d builds were killed mid-way", kills)
	}
	t.Logf("%d builds killed at random moments within %v; no truncated document", kills, full)
}

func checkComplete(t *testing.T, out string) {
	t.Helper()
	n := 0
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		switch {
		case strings.HasSuffix(p, ".pdf"):
			n++
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-32):], []byte("%%EOF")) {
				t.Errorf("truncated PDF %s (%d bytes)", p, len(data))
			}
		case strings.HasSuffix(p, ".docx"):
			n++
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Errorf("truncated DOCX %s: %v", p, err)
				return nil
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Errorf("%s: %s: %v", p, f.Name, err)
					continue
				}
				rc.Close()
			}
		}
		return nil
	})
	if n == 0 {
		t.Error("no document in the output folder")
	}
}
