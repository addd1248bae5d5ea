package main

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

var servingRE = regexp.MustCompile(`serving .* on (http://\S+) `)

// TestServeStopsOnCtrlC runs the real `strategia serve` on a free port:
// it prints where it serves, builds with the same per-document lines as
// build, answers on the loopback address, and Ctrl-C ends it within a
// second even while a browser holds an event stream open.
func TestServeStopsOnCtrlC(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs serve")
	}
	bin := strategiaBinary(t)
	ws := t.TempDir()
	example(t, ws)
	out := t.TempDir()
	w := startProc(t, bin, "serve", "-addr", "127.0.0.1:0", "-out", out, "-format", "html", ws)
	i := w.out.wait(0, "serving", 60*time.Second)
	if i < 0 {
		t.Fatalf("serve did not start:\n%s", w.out.text())
	}
	m := servingRE.FindStringSubmatch(strings.Split(w.out.text(), "\n")[i])
	if m == nil || !strings.HasPrefix(m[1], "http://127.0.0.1:") {
		t.Fatalf("serve does not say where it serves on loopback:\n%s", w.out.text())
	}
	url := m[1]
	if w.out.wait(0, "ziemia-kolnenska-strategia/index.html", 60*time.Second) < 0 || w.out.wait(0, "built ziemia-kolnenska", 60*time.Second) < 0 {
		t.Fatalf("no build lines:\n%s", w.out.text())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `href="/ziemia-kolnenska/ziemia-kolnenska-strategia/"`) {
		t.Fatalf("index: %d\n%s", resp.StatusCode, body)
	}
	events, err := http.Get(url + "_strategia/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	w.interrupt(t)
	if w.out.wait(0, "stopped", time.Second) < 0 {
		t.Errorf("serve did not say it stopped:\n%s", w.out.text())
	}
}
