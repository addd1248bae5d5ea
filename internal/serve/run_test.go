package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/internal/build"
)

// example is the example partnership, as an absolute path (the tests
// change into their workspace).
var example, _ = filepath.Abs("../../content/ziemia-kolnenska")

// copyDir copies src into dst.
func copyDir(tb testing.TB, src, dst string) {
	tb.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		tb.Fatal(err)
	}
}

// served is a running `serve` over a temporary copy of the example.
type served struct {
	url  string
	dir  string // the partnership folder
	out  string
	stop func() // cancels Run and waits for it to return
}

// startServe copies the example into a temporary workspace (prepare may
// change the copy first) and runs serve on it until the test ends.
func startServe(tb testing.TB, formats []string, prepare func(dir string)) *served {
	tb.Helper()
	tb.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	ws := tb.TempDir()
	copyDir(tb, example, filepath.Join(ws, "content", "ziemia-kolnenska"))
	// Run in the workspace, as an advisor does: diagnostics then name
	// content/ziemia-kolnenska/….
	tb.Chdir(ws)
	content := "content"
	dir := filepath.Join(ws, content, "ziemia-kolnenska")
	if prepare != nil {
		prepare(dir)
	}
	out := "output"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, []string{content}, []string{dir}, Options{Listener: ln,
			Build: build.Options{Out: out, Formats: formats, Version: "test"},
			Ready: func(u string) { ready <- u }})
	}()
	s := &served{url: <-ready, dir: dir, out: filepath.Join(ws, out)}
	stopped := false
	s.stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				tb.Errorf("serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			tb.Error("serve did not stop within 10 s of its context's cancellation")
		}
	}
	tb.Cleanup(s.stop)
	// The first build is done when the state says so.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st Event
		if resp, err := http.Get(s.url + "_strategia/state"); err == nil {
			_ = json.NewDecoder(resp.Body).Decode(&st)
			resp.Body.Close()
		}
		if len(st.Partnerships) == 1 && st.Partnerships[0].Status == statusOK {
			break
		}
		if len(st.Partnerships) == 1 && st.Partnerships[0].Status != statusBuilding {
			tb.Fatalf("first build: %+v", st.Partnerships[0])
		}
		if time.Now().After(deadline) {
			tb.Fatal("first build did not finish in 60 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s
}

// appendFile appends text to a file of the partnership, as an editor's
// save would.
func appendFile(tb testing.TB, path, text string) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// events reads the server-sent events of s into a channel.
func events(tb testing.TB, s *served) <-chan Event {
	tb.Helper()
	req, _ := http.NewRequest("GET", s.url+"_strategia/events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		tb.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		tb.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan Event, 64)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var e Event
				if json.Unmarshal([]byte(data), &e) == nil {
					ch <- e
				}
			}
		}
	}()
	return ch
}

func next(tb testing.TB, ch <-chan Event, what string, ok func(Event) bool) Event {
	tb.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case e, open := <-ch:
			if !open {
				tb.Fatalf("event stream closed waiting for %s", what)
			}
			if ok(e) {
				return e
			}
		case <-timeout:
			tb.Fatalf("no %s within 30 s", what)
		}
	}
}

// TestServeRebuilds drives serve without a browser: the event stream
// reports the rebuilt page after a save, the diagnostics of broken
// content with editor links, and the fix; the last good page stays
// served throughout; cancelling stops it.
func TestServeRebuilds(t *testing.T) {
	s := startServe(t, []string{build.FormatHTML}, nil)
	page := s.url + "ziemia-kolnenska/ziemia-kolnenska-strategia/"
	get := func(u string) string {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", u, resp.StatusCode)
		}
		return string(b)
	}
	if h := get(page); !strings.Contains(h, "/_strategia/live.js") || !strings.Contains(h, "<main") {
		t.Fatal("the served page lacks the live script or its content")
	}
	ch := events(t, s)
	hello := next(t, ch, "hello", func(e Event) bool { return e.Type == "hello" })
	seq := hello.Docs["/ziemia-kolnenska/ziemia-kolnenska-strategia/"]
	if seq == 0 {
		t.Fatalf("hello names no strategy page: %+v", hello.Docs)
	}

	const para = "Akapit dopisany podczas testu serwera podglądu."
	appendFile(t, filepath.Join(s.dir, "diag", "demografia.md"), "\n"+para+"\n")
	next(t, ch, "building", func(e Event) bool { return e.Type == "building" && e.Slug == "ziemia-kolnenska" })
	d := next(t, ch, "doc", func(e Event) bool { return e.Type == "doc" && e.Doc == "/ziemia-kolnenska/ziemia-kolnenska-strategia/" })
	if d.Seq <= seq {
		t.Errorf("doc seq %d not after %d", d.Seq, seq)
	}
	if d.Fragment == nil || d.Base != seq || !strings.Contains(d.Fragment.HTML, para) || !strings.HasPrefix(d.Fragment.HTML, "<section") {
		t.Errorf("the change within one chapter came without its section: base %d, fragment %+v", d.Base, d.Fragment)
	}
	if !strings.Contains(get(page), para) {
		t.Error("the new paragraph is not in the served page")
	}
	next(t, ch, "done", func(e Event) bool { return e.Type == "done" && e.Partnership.Status == statusOK })

	goals := filepath.Join(s.dir, "goals.yaml")
	good, _ := os.ReadFile(goals)
	lines := strings.SplitAfterN(string(good), "\n", 2)
	if err := os.WriteFile(goals, []byte(lines[0]+"zle_pole: 1\n"+lines[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	e := next(t, ch, "done with errors", func(e Event) bool { return e.Type == "done" && e.Partnership.Status == statusErrors })
	found := false
	for _, dg := range e.Partnership.Diags {
		if strings.HasSuffix(dg.File, "goals.yaml") && dg.Line == 2 && dg.Col == 1 && dg.Severity == "error" {
			found = true
			if want := filepath.ToSlash(goals) + ":2:1"; !strings.HasSuffix(dg.Href, want) || !strings.HasPrefix(dg.Href, "vscode://file/") {
				t.Errorf("editor link %q, want vscode://file/…%s", dg.Href, want)
			}
		}
	}
	if !found {
		t.Errorf("no error at goals.yaml:2:1 in %+v", e.Partnership.Diags)
	}
	if !strings.Contains(get(page), para) {
		t.Error("broken content replaced the last good page")
	}
	if idx := get(s.url); !strings.Contains(idx, "Błędy w treści: 1 błąd") || !strings.Contains(idx, "goals.yaml:2:1") {
		t.Errorf("the index does not show the error:\n%s", idx)
	}
	if err := os.WriteFile(goals, good, 0o644); err != nil {
		t.Fatal(err)
	}
	next(t, ch, "done after the fix", func(e Event) bool { return e.Type == "done" && e.Partnership.Status == statusOK })

	// Ctrl-C: Run returns promptly, open event streams included.
	s.stop()
	if _, err := http.Get(page); err == nil {
		t.Error("the server still answers after stopping")
	}
	// It wrote nothing but output/ (and read nothing but the sources).
	entries, _ := os.ReadDir(filepath.Dir(filepath.Dir(s.dir)))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "content output" {
		t.Errorf("the workspace holds %v, want only content and output", names)
	}
}
