package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/diag"
)

// Partnership statuses.
const (
	statusBuilding = "building"
	statusOK       = "ok"
	statusErrors   = "errors" // the content has errors: the last good documents stay
	statusFailed   = "failed" // the build failed for another reason (I/O, rendering)
)

// Diag is a diagnostic as the browser shows it: the position relative to
// the working directory, and the editor link made from the template.
type Diag struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule,omitempty"`
	Msg      string `json:"msg"`
	Href     string `json:"href,omitempty"`
	// Related are the positions that explain it ("defined here: …").
	Related []Diag `json:"related,omitempty"`
}

// partnership is what the server knows of one partnership.
type partnership struct {
	Slug     string `json:"slug"`
	Dir      string `json:"-"`
	Status   string `json:"status"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Diags    []Diag `json:"diags,omitempty"`
}

// Event is one server-sent event.
type Event struct {
	Type string `json:"type"` // "hello", "building", "doc", "done"
	// Slug names the partnership (building, doc, done).
	Slug string `json:"slug,omitempty"`
	// Doc is the URL path of a rewritten HTML page ("doc") and Seq its
	// new sequence number.
	Doc string `json:"doc,omitempty"`
	Seq int64  `json:"seq,omitempty"`
	// Base and Fragment: a page at sequence number Base becomes the page
	// at Seq by replacing one section with Fragment ("doc", when the
	// change lies within one section).
	Base     int64     `json:"base,omitempty"`
	Fragment *Fragment `json:"fragment,omitempty"`
	// Partnership is the state after a build ("done").
	Partnership *partnership `json:"partnership,omitempty"`
	// Changed reports that the build wrote documents ("done").
	Changed bool `json:"changed,omitempty"`
	// Partnerships and Docs are the whole state ("hello", sent first on
	// every stream): a page loaded with an older sequence number than
	// Docs holds for it refreshes at once.
	Partnerships []*partnership   `json:"partnerships,omitempty"`
	Docs         map[string]int64 `json:"docs,omitempty"`
}

// state holds the partnerships and the event subscribers.
type state struct {
	cwd    string
	out    string // absolute output folder
	editor string // editor URL template

	mu    sync.Mutex
	parts map[string]*partnership // by folder
	docs  map[string]int64        // HTML page URL path → sequence number of its last write
	pages map[string][]byte       // HTML page URL path → its last bytes, for fragments
	seq   int64
	subs  map[chan []byte]bool
}

func newState(cwd, out, editor string) *state {
	return &state{cwd: cwd, out: out, editor: editor, parts: map[string]*partnership{},
		docs: map[string]int64{}, pages: map[string][]byte{}, subs: map[chan []byte]bool{}}
}

// subscribe returns a channel of encoded events, the first being hello.
func (s *state) subscribe() chan []byte {
	ch := make(chan []byte, 256)
	s.mu.Lock()
	defer s.mu.Unlock()
	hello := Event{Type: "hello", Partnerships: s.list(), Docs: map[string]int64{}}
	for k, v := range s.docs {
		hello.Docs[k] = v
	}
	ch <- encode(hello)
	s.subs[ch] = true
	return ch
}

func (s *state) unsubscribe(ch chan []byte) {
	s.mu.Lock()
	delete(s.subs, ch)
	s.mu.Unlock()
}

// broadcast sends e to every subscriber; s.mu must be held. A subscriber
// too slow to take it misses it (its page refreshes from hello when it
// reconnects).
func (s *state) broadcast(e Event) {
	data := encode(e)
	for ch := range s.subs {
		select {
		case ch <- data:
		default:
		}
	}
}

func encode(e Event) []byte {
	data, _ := json.Marshal(e)
	return data
}

// list returns the partnerships sorted by slug; s.mu must be held.
func (s *state) list() []*partnership {
	ps := make([]*partnership, 0, len(s.parts))
	for _, p := range s.parts {
		c := *p
		ps = append(ps, &c)
	}
	sort.Slice(ps, func(i, j int) bool {
		return ps[i].Slug < ps[j].Slug || ps[i].Slug == ps[j].Slug && ps[i].Dir < ps[j].Dir
	})
	return ps
}

func (s *state) partnership(dir string) *partnership {
	p := s.parts[dir]
	if p == nil {
		p = &partnership{Dir: dir, Slug: filepath.Base(dir)}
		s.parts[dir] = p
	}
	return p
}

// building marks the partnership in dir as rebuilding.
func (s *state) building(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partnership(dir)
	p.Status = statusBuilding
	s.broadcast(Event{Type: "building", Slug: p.Slug})
}

// written notes a file a build wrote; an HTML page gets a new sequence
// number and its readers are told at once, before the rest of the
// partnership's documents are written.
func (s *state) written(ev build.Event) {
	if ev.Skipped || filepath.Base(ev.File) != "index.html" {
		return
	}
	abs, err := filepath.Abs(ev.File)
	if err != nil {
		return
	}
	rel, err := filepath.Rel(s.out, filepath.Dir(abs))
	if err != nil || strings.HasPrefix(rel, "..") {
		return
	}
	url := "/" + filepath.ToSlash(rel) + "/"
	data, err := os.ReadFile(abs)
	if err != nil {
		data = nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := Event{Type: "doc", Slug: ev.Partnership, Doc: url}
	if f, ok := fragment(s.pages[url], data); ok && s.docs[url] > 0 {
		e.Base, e.Fragment = s.docs[url], &f
	}
	s.pages[url] = data
	s.seq++
	s.docs[url] = s.seq
	e.Seq = s.seq
	s.broadcast(e)
}

// done records a finished build.
func (s *state) done(r *build.Report) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partnership(r.Dir)
	if r.Slug != "" {
		p.Slug = r.Slug
	}
	p.Errors, p.Warnings = r.Diags.Count()
	p.Diags = p.Diags[:0]
	for _, d := range r.Diags.Items() {
		p.Diags = append(p.Diags, s.diag(d))
	}
	switch {
	case r.Err != nil:
		p.Status = statusFailed
		p.Diags = append(p.Diags, Diag{Severity: "error", Msg: "build failed: " + r.Err.Error()})
	case r.Diags.HasErrors():
		p.Status = statusErrors
	default:
		p.Status = statusOK
	}
	c := *p
	s.broadcast(Event{Type: "done", Slug: p.Slug, Partnership: &c, Changed: len(r.Written) > 0})
}

func (s *state) diag(d diag.Diagnostic) Diag {
	out := Diag{Severity: d.Severity.String(), Rule: d.Rule, Msg: d.Msg}
	s.position(&out, d.Pos)
	for _, r := range d.Related {
		rd := Diag{Msg: r.Msg}
		s.position(&rd, r.Pos)
		out.Related = append(out.Related, rd)
	}
	return out
}

// position fills a Diag's file, line, column and editor link.
func (s *state) position(out *Diag, p diag.Pos) {
	out.Line, out.Col = p.Line, p.Col
	if p.File == "" {
		return
	}
	abs := p.File
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(s.cwd, abs)
	}
	out.File = diag.RelPath(s.cwd, abs)
	out.Href = editorURL(s.editor, abs, p.Line, p.Col)
}

// editorURL fills the template's {path}, {line} and {col}; the path is
// absolute, with forward slashes, each segment escaped for a URL.
func editorURL(tmpl, abs string, line, col int) string {
	if tmpl == "" {
		return ""
	}
	p := filepath.ToSlash(abs)
	segs := strings.Split(p, "/")
	for i, sg := range segs {
		segs[i] = escapeSegment(sg)
	}
	p = strings.Join(segs, "/")
	// vscode://file/{path} wants /home/a.yaml as file/home/a.yaml (the
	// URI's path) and C:/a.yaml as file/C:/a.yaml.
	if strings.Contains(tmpl, "/{path}") {
		p = strings.TrimPrefix(p, "/")
	}
	return strings.NewReplacer("{path}", p, "{line}", strconv.Itoa(max(line, 1)), "{col}", strconv.Itoa(max(col, 1))).Replace(tmpl)
}

// escapeSegment percent-encodes what a URL path segment cannot hold
// (spaces, '%', '#', '?'), keeping letters such as ą readable.
func escapeSegment(s string) string {
	var sb strings.Builder
	for _, c := range s {
		switch {
		case c == ' ' || c == '%' || c == '#' || c == '?' || c == '"' || c == '<' || c == '>' || c < 0x20:
			for _, b := range []byte(string(c)) {
				sb.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(b)+0x100, 16)[1:]))
			}
		default:
			sb.WriteRune(c)
		}
	}
	return sb.String()
}
