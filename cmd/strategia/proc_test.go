package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests in this package that run strategia as a real process (signals,
// kills, timing) share one binary, built once.
var (
	binOnce sync.Once
	binPath string
	binErr  error
	binOut  []byte
)

// strategiaBinary builds the strategia command once per test run and
// returns its path.
func strategiaBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "strategia-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "strategia")
		binOut, binErr = exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	})
	if binErr != nil {
		t.Fatalf("go build: %v\n%s", binErr, binOut)
	}
	return binPath
}

// copyTree copies the folder src to dst (regular files and folders only).
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// example copies the example partnership into a fresh workspace and
// returns the partnership's folder.
func example(t *testing.T, ws string) string {
	t.Helper()
	repo, _ := filepath.Abs("../..")
	dir := filepath.Join(ws, "ziemia-kolnenska")
	copyTree(t, filepath.Join(repo, "content", "ziemia-kolnenska"), dir)
	return dir
}

// lines collects a process's output lines as they come; wait returns
// the first line (from index from on) that contains want.
type lines struct {
	mu   sync.Mutex
	all  []string
	more chan struct{}
}

func collect(r io.Reader) *lines {
	l := &lines{more: make(chan struct{}, 1)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			l.mu.Lock()
			l.all = append(l.all, sc.Text())
			l.mu.Unlock()
			select {
			case l.more <- struct{}{}:
			default:
			}
		}
	}()
	return l
}

func (l *lines) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.all)
}

func (l *lines) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.all, "\n")
}

// wait returns the index of the first line at or after from that
// contains want, or -1 after timeout.
func (l *lines) wait(from int, want string, timeout time.Duration) int {
	deadline := time.After(timeout)
	for {
		l.mu.Lock()
		for i := from; i < len(l.all); i++ {
			if strings.Contains(l.all[i], want) {
				l.mu.Unlock()
				return i
			}
		}
		l.mu.Unlock()
		select {
		case <-l.more:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			return -1
		}
	}
}
