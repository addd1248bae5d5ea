package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/diag"
)

const secret = "TAJNE-SPOZA-OUTPUT"

// testServer serves a small output folder with a secret file beside it
// and symbolic links from inside pointing at it.
func testServer(t *testing.T) (addr, outside string) {
	t.Helper()
	base := t.TempDir()
	out := filepath.Join(base, "output")
	outside = filepath.Join(base, "secret.txt")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(out, "ziemia", "ziemia-strategia", "img"), 0o755))
	must(os.MkdirAll(filepath.Join(out, "ziemia", "fiszki"), 0o755))
	must(os.WriteFile(outside, []byte(secret), 0o644))
	must(os.WriteFile(filepath.Join(out, "ziemia", "ziemia-strategia", "index.html"), []byte("<!DOCTYPE html>\n<html lang=\"pl\"><head><title>S</title></head><body><main>treść</main></body></html>\n"), 0o644))
	must(os.WriteFile(filepath.Join(out, "ziemia", "ziemia-strategia", "img", "M1.png"), []byte("\x89PNG"), 0o644))
	must(os.WriteFile(filepath.Join(out, "ziemia", "ziemia-strategia.pdf"), []byte("%PDF-1.7"), 0o644))
	must(os.WriteFile(filepath.Join(out, "ziemia", ".strategia-manifest.json"), []byte("{}"), 0o644))
	must(os.WriteFile(filepath.Join(out, ".hidden"), []byte(secret), 0o644))
	must(os.Symlink(outside, filepath.Join(out, "ziemia", "link.pdf")))
	must(os.Symlink(base, filepath.Join(out, "ziemia", "ldir")))
	must(os.Symlink("../../secret.txt", filepath.Join(out, "ziemia", "rel.pdf")))
	root, err := os.OpenRoot(out)
	must(err)
	t.Cleanup(func() { root.Close() })
	st := newState(base, out, DefaultEditor)
	st.done(reportOK(filepath.Join(base, "content", "ziemia"), "ziemia"))
	srv := &server{st: st, root: root, hosts: map[string]bool{"127.0.0.1": true}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(err)
	hs := &http.Server{Handler: srv.handler()}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String(), outside
}

// raw sends a request line exactly as given (no client-side cleaning).
func raw(t *testing.T, addr, target, host string) (int, string, http.Header) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

func TestNothingOutsideOutputIsReadable(t *testing.T) {
	addr, outside := testServer(t)
	abs := filepath.ToSlash(outside)
	for _, target := range []string{
		"/../secret.txt",
		"/ziemia/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E%2Fsecret.txt",
		"/ziemia/..%2f..%2fsecret.txt",
		"/ziemia/%2e%2e/%2e%2e/secret.txt",
		"/ziemia/%252e%252e/%252e%252e/secret.txt",
		"/ziemia\\..\\..\\secret.txt",
		"/ziemia/%5c..%5c..%5csecret.txt",
		"//" + strings.TrimPrefix(abs, "/"),
		abs,
		"/" + abs,
		"/C:/Windows/win.ini",
		"/ziemia/link.pdf",
		"/ziemia/rel.pdf",
		"/ziemia/ldir/secret.txt",
		"/ziemia/ldir/",
		"/.hidden",
		"/ziemia/.strategia-manifest.json",
		"/ziemia/%2estrategia-manifest.json",
		"/_strategia/../../secret.txt",
		"/_strategia/%2e%2e/%2e%2e/secret.txt",
		"/_strategia/..%2f..%2fsecret.txt",
		"/ziemia/ziemia-strategia/img/%00",
		"http://127.0.0.1/../secret.txt",
	} {
		code, body, hdr := raw(t, addr, target, addr)
		if strings.Contains(body, secret) {
			t.Errorf("GET %s: read a file outside output/ (%d)", target, code)
		}
		switch {
		case code == http.StatusOK:
			t.Errorf("GET %s: 200, want a refusal", target)
		case code >= 300 && code < 400:
			// A redirect (ServeMux cleans "/a/../b" to "/b") must stay
			// inside and lead to no secret either.
			loc := hdr.Get("Location")
			if c2, b2, _ := raw(t, addr, loc, addr); c2 == http.StatusOK || strings.Contains(b2, secret) {
				t.Errorf("GET %s → %s: %d", target, loc, c2)
			}
		}
	}
}

func TestServesOutput(t *testing.T) {
	addr, _ := testServer(t)
	for _, tc := range []struct {
		target string
		code   int
		has    string
	}{
		{"/ziemia/ziemia-strategia/", 200, `<script src="/_strategia/live.js" defer></script>`},
		{"/ziemia/ziemia-strategia/img/M1.png", 200, "PNG"},
		{"/ziemia/ziemia-strategia.pdf", 200, "%PDF"},
		{"/ziemia/ziemia-strategia", 301, ""},
		{"/ziemia/ziemia-strategia/index.html", 301, ""},
		{"/ziemia/", 404, ""}, // no folder listings
		{"/ziemia/fiszki/", 404, ""},
		{"/nie-ma.pdf", 404, ""},
		{"/_strategia/live.js", 200, "EventSource"},
		{"/_strategia/nie-ma.js", 404, ""},
		{"/", 200, `href="/ziemia/ziemia-strategia/"`},
		{"/", 200, `href="/ziemia/ziemia-strategia.pdf"`},
		{"/_strategia/state", 200, `"slug":"ziemia"`},
	} {
		code, body, hdr := raw(t, addr, tc.target, addr)
		if code != tc.code || !strings.Contains(body, tc.has) {
			t.Errorf("GET %s: %d, want %d with %q\n%.300s", tc.target, code, tc.code, tc.has, body)
		}
		if code == 200 && strings.HasPrefix(hdr.Get("Content-Type"), "text/html") && !strings.Contains(hdr.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("GET %s: an HTML page without a Content-Security-Policy", tc.target)
		}
	}
}

// TestHostHeader: DNS rebinding gives a hostile page the server's address
// under its own name; the Host header gives it away.
func TestHostHeader(t *testing.T) {
	addr, _ := testServer(t)
	_, port, _ := net.SplitHostPort(addr)
	for host, want := range map[string]int{
		addr:                             200,
		"localhost:" + port:              200,
		"LOCALHOST":                      200,
		"app.localhost:" + port:          200,
		"[::1]:" + port:                  200,
		"192.168.1.20:" + port:           200,
		"evil.example:" + port:           403,
		"evil.example":                   403,
		"127.0.0.1.evil.example":         403,
		"localhost.evil.example:" + port: 403,
		"":                               403,
	} {
		code, _, _ := raw(t, addr, "/ziemia/ziemia-strategia.pdf", host)
		if host == "" {
			// HTTP/1.1 without Host is a 400 from net/http itself.
			if code != 400 && code != 403 {
				t.Errorf("no Host: %d", code)
			}
			continue
		}
		if code != want {
			t.Errorf("Host %q: %d, want %d", host, code, want)
		}
	}
}

func TestEditorURL(t *testing.T) {
	for _, tc := range []struct{ tmpl, path, want string }{
		{DefaultEditor, "/home/ala/content/ziemia/goals.yaml", "vscode://file/home/ala/content/ziemia/goals.yaml:12:5"},
		{DefaultEditor, "/home/ala/moje dokumenty/cele#1.yaml", "vscode://file/home/ala/moje%20dokumenty/cele%231.yaml:12:5"},
		{"idea://open?file={path}&line={line}", "/a/b.md", "idea://open?file=/a/b.md&line=12"},
		{"", "/a/b.md", ""},
	} {
		if got := editorURL(tc.tmpl, tc.path, 12, 5); got != tc.want {
			t.Errorf("editorURL(%q, %q) = %q, want %q", tc.tmpl, tc.path, got, tc.want)
		}
	}
}

func TestCleanPath(t *testing.T) {
	for p, ok := range map[string]bool{
		"/a/b.pdf": true, "/a/b/": true, "/": true,
		"/a/../b": false, "/./a": false, "//a": false, "/a//b": false, "/.x": false, "/a\\b": false,
		"/a\x00": false, "/c:/x": false, "a": false,
	} {
		if _, err := cleanPath(p); (err == nil) != ok {
			t.Errorf("cleanPath(%q): err=%v, want ok=%v", p, err, ok)
		}
	}
}

func reportOK(dir, slug string) *build.Report {
	return &build.Report{Dir: dir, Slug: slug, Diags: &diag.List{}}
}

// TestDiagRelated: a diagnostic's related positions reach the browser
// with their own editor links, paths relative to the working directory.
func TestDiagRelated(t *testing.T) {
	st := newState("/home/ala/strategie", "/home/ala/strategie/output", DefaultEditor)
	var l diag.List
	l.Errorf(diag.Pos{File: "/home/ala/strategie/content/z/goals.yaml", Line: 41, Col: 19}, "REF-01", `goal link "KD1.2" is not defined`).
		With(diag.Pos{File: "/home/ala/strategie/content/z/goals.yaml", Line: 10, Col: 13}, "KD1.1 is defined here")
	d := st.diag(l.Items()[0])
	if d.File != "content/z/goals.yaml" || d.Line != 41 || d.Col != 19 || d.Href != "vscode://file/home/ala/strategie/content/z/goals.yaml:41:19" {
		t.Errorf("diag %+v", d)
	}
	if len(d.Related) != 1 || d.Related[0].Msg != "KD1.1 is defined here" || d.Related[0].Href != "vscode://file/home/ala/strategie/content/z/goals.yaml:10:13" {
		t.Errorf("related %+v", d.Related)
	}
}
