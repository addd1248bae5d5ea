package serve

import (
	"bytes"
	"embed"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

//go:embed assets
var assets embed.FS

// assetPrefix is the URL prefix of serve's own files; nothing of the
// output folder is reachable under it.
const assetPrefix = "/_strategia/"

// server answers HTTP requests from the output folder and serve's state.
type server struct {
	st    *state
	root  *os.Root // the output folder
	hosts map[string]bool
}

// handler returns the server's handler, Host check first.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET "+assetPrefix+"events", s.events)
	mux.HandleFunc("GET "+assetPrefix+"state", s.stateJSON)
	mux.HandleFunc("GET "+assetPrefix+"{name}", s.asset)
	mux.HandleFunc("GET /", s.file)
	return s.checkHost(mux)
}

// checkHost refuses requests whose Host header names a host the server
// was not asked to answer for: a page on evil.example whose name was
// rebound to 127.0.0.1 sends "Host: evil.example" and gets 403.
func (s *server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.allowedHost(r.Host) {
			http.Error(w, "403 forbidden: unknown Host header (strategia serve answers only for localhost or an IP address)", http.StatusForbidden)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *server) allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	switch {
	case host == "":
		return false
	case host == "localhost", strings.HasSuffix(host, ".localhost"), s.hosts[host]:
		return true
	}
	// An IP literal cannot be rebound.
	return net.ParseIP(host) != nil
}

func (s *server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := assets.ReadFile("assets/" + name)
	if err != nil || strings.HasPrefix(name, ".") {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// pageCSP is the Content-Security-Policy of the HTML pages serve sends:
// scripts only from serve itself (its live.js), nothing from elsewhere.
const pageCSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// errBadPath is a request path that could name something outside the
// output folder or a hidden file.
var errBadPath = errors.New("bad path")

// cleanPath turns a request's (decoded) URL path into a path relative to
// the output folder. It refuses rather than repairs: "..", "." and empty
// segments, backslashes, NUL, colons (drive letters) and hidden names.
func cleanPath(p string) (string, error) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00:") {
		return "", errBadPath
	}
	rel := strings.TrimPrefix(p, "/")
	rel = strings.TrimSuffix(rel, "/")
	if rel == "" {
		return ".", nil
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.HasPrefix(seg, ".") {
			return "", errBadPath
		}
	}
	if !fs.ValidPath(rel) {
		return "", errBadPath
	}
	return rel, nil
}

// file serves a file of the output folder: an HTML page with the live
// script, anything else as it is. Folders are not listed; a folder with
// an index.html serves it (after a redirect to the trailing slash, so the
// page's relative links resolve).
func (s *server) file(w http.ResponseWriter, r *http.Request) {
	// r.URL.Path is decoded: %2e%2e and %2f arrive here as ".." and "/".
	// The raw path is checked too, for encodings net/http keeps.
	if strings.Contains(strings.ToLower(r.URL.RawPath), "%2f") || strings.Contains(strings.ToLower(r.URL.RawPath), "%5c") {
		http.Error(w, "400 bad request: bad path", http.StatusBadRequest)
		return
	}
	rel, err := cleanPath(r.URL.Path)
	if err != nil || rel == "." {
		http.NotFound(w, r)
		return
	}
	f, err := s.root.Open(rel)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	page := path.Base(rel) == "index.html"
	if fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		idx, err := s.root.Open(rel + "/index.html")
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer idx.Close()
		if fi, err = idx.Stat(); err != nil || !fi.Mode().IsRegular() {
			http.NotFound(w, r)
			return
		}
		f, page = idx, true
	} else if page {
		// index.html is served at its folder's URL only.
		http.Redirect(w, r, strings.TrimSuffix(r.URL.Path, "index.html"), http.StatusMovedPermanently)
		return
	}
	if !fi.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	if !page {
		http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
		return
	}
	data, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "500 read error", http.StatusInternalServerError)
		return
	}
	url := "/" + strings.TrimSuffix(rel, "index.html")
	if !strings.HasSuffix(url, "/") {
		url += "/"
	}
	s.st.mu.Lock()
	seq := s.st.docs[url]
	s.st.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", pageCSP)
	_, _ = w.Write(inject(data, seq))
}

// inject adds the live-reload script and stylesheet to a page, with the
// sequence number of the build it comes from.
func inject(page []byte, seq int64) []byte {
	tag := `<meta name="strategia-seq" content="` + strconv.FormatInt(seq, 10) + `">` +
		`<link rel="stylesheet" href="` + assetPrefix + `live.css"><script src="` + assetPrefix + `live.js" defer></script>` + "\n"
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams server-sent events until the client goes or the server
// stops.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "500 streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := s.st.subscribe()
	defer s.st.unsubscribe(ch)
	_, _ = io.WriteString(w, "retry: 500\n\n")
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			_, _ = io.WriteString(w, ": ping\n\n")
		case data := <-ch:
			_, _ = io.WriteString(w, "data: ")
			_, _ = w.Write(data)
			_, _ = io.WriteString(w, "\n\n")
		}
		fl.Flush()
	}
}

// stateJSON returns the partnerships' state (for scripts and tests).
func (s *server) stateJSON(w http.ResponseWriter, r *http.Request) {
	s.st.mu.Lock()
	data := encode(Event{Type: "hello", Partnerships: s.st.list(), Docs: s.st.docs})
	s.st.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}
