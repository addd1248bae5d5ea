// Package tmpl loads and runs the document templates: the built-in set
// under templates/ (embedded; package templates) and a workspace's
// overrides, which replace built-in files of the same name one by one
// (Hugo's lookup order: the project's file wins over the theme's).
//
// Templates are Go text/template files. Each file is its own namespace
// (its {{define}}s do not leak into other files); a file's output is text
// that compose reads as document blocks (see internal/compose, "template
// output"). The functions available to every template are listed in
// Funcs and documented in README ("Templates").
//
// Problems are positioned diagnostics, never panics:
//
//	TPL-01 error    a template does not parse (syntax, unknown function)
//	TPL-02 error    a template fails while running (unknown field, a function misused)
//	TPL-03 warning  an override was exported from an older built-in version
//	TPL-04 warning  an override names no built-in template (it would never be used)
//
// Exported files start with a stamp comment naming the built-in file's
// version (a digest of its text), which produces no output, so building
// with an exported set is byte-identical to building with the built-in
// one; Stale compares the stamp with the current built-in.
//
// tmpl imports diag, grammar and plfmt; it knows nothing of the model or
// of the document IR (compose gives the data and reads the output).
package tmpl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"

	"github.com/strategia-pl/strategia/internal/diag"
	builtin "github.com/strategia-pl/strategia/templates"
)

// Rule IDs.
const (
	RuleParse    = "TPL-01"
	RuleExec     = "TPL-02"
	RuleStale    = "TPL-03"
	RuleUnknown  = "TPL-04"
	stampPrefix  = "{{- /* strategia built-in "
	stampPattern = `^\{\{- /\* strategia built-in (\S+) version ([0-9a-f]+) \*/ -\}\}\n`
)

var stampRE = regexp.MustCompile(stampPattern)

// File is one template file.
type File struct {
	Name     string // slash path below templates/, e.g. "strategy/title.tmpl"
	Path     string // where it was read from: "templates/strategy/title.tmpl" (built-in) or the override's file path
	Override bool
	Source   string
	tpl      *template.Template
}

// Set is the templates of one build: every built-in file, each replaced
// by the override of the same name when there is one. A Set is read-only
// after Load and safe for concurrent use.
type Set struct {
	files map[string]*File
}

// Version is the version stamp of a built-in file's text.
func Version(src string) string {
	h := sha256.Sum256([]byte(src))
	return hex.EncodeToString(h[:6])
}

// BuiltinNames lists the built-in template files, sorted.
func BuiltinNames() []string {
	var out []string
	_ = fs.WalkDir(builtin.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tmpl") {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// Builtin returns the text of a built-in file.
func Builtin(name string) (string, bool) {
	b, err := builtin.FS.ReadFile(name)
	return string(b), err == nil
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
)

// Default is the built-in set (parsed once; its parse is tested).
func Default() *Set {
	defaultOnce.Do(func() {
		s, l := Load("")
		if l.HasErrors() {
			panic("tmpl: built-in templates do not parse: " + fmt.Sprint(l.Items()))
		}
		defaultSet = s
	})
	return defaultSet
}

// Load reads the built-in set and, when dir is not "", the overrides in
// dir (a folder holding e.g. strategy/title.tmpl). Files that do not
// parse are reported (TPL-01) and the set is unusable for building; an
// empty or missing dir is no override.
func Load(dir string) (*Set, *diag.List) {
	l := &diag.List{}
	s := &Set{files: map[string]*File{}}
	for _, n := range BuiltinNames() {
		src, _ := Builtin(n)
		s.add(l, &File{Name: n, Path: "templates/" + n, Source: src})
	}
	if dir == "" {
		return s, l
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return s, l
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tmpl") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			l.Errorf(diag.Pos{File: p}, RuleParse, "cannot read template: %v", err)
			return nil
		}
		f := &File{Name: name, Path: p, Override: true, Source: strings.ReplaceAll(string(b), "\r\n", "\n")}
		f.Source = strings.TrimPrefix(f.Source, "\ufeff")
		if _, ok := s.files[name]; !ok {
			l.Warnf(diag.Pos{File: p}, RuleUnknown, "%s is not a built-in template, so it is never used; built-in templates: %s%s",
				name, strings.Join(BuiltinNames(), ", "), diag.DidYouMean(name, BuiltinNames()))
			return nil
		}
		s.add(l, f)
		if v, ok := stampOf(f.Source); ok {
			cur, _ := Builtin(name)
			if v != Version(cur) {
				l.Warnf(diag.Pos{File: p, Line: 1, Col: 1}, RuleStale, "this override was exported from an older version of the built-in %s (version %s, now %s); see what changed with: strategia templates diff %s",
					name, v, Version(cur), dir)
			}
		}
		return nil
	})
	l.Sort()
	return s, l
}

func (s *Set) add(l *diag.List, f *File) {
	t := template.New(f.Name).Funcs(funcs).Option("missingkey=error")
	t.Funcs(template.FuncMap{"include": includeFunc(t)})
	if _, err := t.Parse(f.Source); err != nil {
		l.Errorf(errPos(f, err), RuleParse, "%s", errMsg(err))
		return
	}
	f.tpl = t
	s.files[f.Name] = f
}

// Has reports whether the set has a template file name.
func (s *Set) Has(name string) bool { return s.files[name] != nil }

// File returns a template file of the set.
func (s *Set) File(name string) *File { return s.files[name] }

// Overrides lists the overriding files of the set, sorted by name.
func (s *Set) Overrides() []*File {
	var out []*File
	for _, f := range s.files {
		if f.Override {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b *File) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Execute runs the template file name (or the template it defines, when
// define is not "") with data and returns its output. An error is a
// positioned TPL-02 diagnostic added to l; the output is then "".
func (s *Set) Execute(l *diag.List, name, define string, data any) string {
	f := s.files[name]
	if f == nil {
		l.Errorf(diag.Pos{File: "templates/" + name}, RuleExec, "no template %s", name)
		return ""
	}
	var b bytes.Buffer
	t := f.tpl
	if define != "" {
		t = f.tpl.Lookup(define)
		if t == nil {
			l.Errorf(diag.Pos{File: f.Path}, RuleExec, "%s defines no template %q", name, define)
			return ""
		}
	}
	if err := safeExecute(t, &b, data); err != nil {
		l.Errorf(errPos(f, err), RuleExec, "%s", errMsg(err))
		return ""
	}
	return b.String()
}

// Defines reports whether file name defines template define.
func (s *Set) Defines(name, define string) bool {
	f := s.files[name]
	return f != nil && f.tpl.Lookup(define) != nil
}

// maxInclude bounds how deeply include calls nest (a template that
// includes itself would otherwise never end).
const maxInclude = 200

// includeFunc is the function include of the file t: {{include "name"
// DATA}} runs the template name that the file defines and gives its
// output as a string, which a function can then take ({{i (include
// "podstawa" .Evidence)}}); text/template's own {{template}} can only
// print.
func includeFunc(t *template.Template) func(name string, data any) (string, error) {
	var depth atomic.Int32
	return func(name string, data any) (string, error) {
		d := t.Lookup(name)
		if d == nil {
			return "", fmt.Errorf("include: the file defines no template %q", name)
		}
		if depth.Add(1) > maxInclude {
			depth.Add(-1)
			return "", fmt.Errorf("include %q: nested more than %d deep (does it include itself?)", name, maxInclude)
		}
		defer depth.Add(-1)
		var b bytes.Buffer
		if err := d.Execute(&b, data); err != nil {
			return "", err
		}
		return b.String(), nil
	}
}

// safeExecute runs t, turning a panic of a function into an error.
func safeExecute(t *template.Template, b *bytes.Buffer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("template: %s: %v", t.Name(), r)
		}
	}()
	return t.Execute(b, data)
}

var errRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// errPos finds the line and column of a text/template error.
func errPos(f *File, err error) diag.Pos {
	p := diag.Pos{File: f.Path}
	msg := err.Error()
	// exec errors: template: NAME:LINE:COL: executing "NAME" at <…>: …
	if m := errRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		p.Line, _ = strconv.Atoi(m[2])
		p.Col, _ = strconv.Atoi(m[3])
		if p.Col == 0 {
			p.Col = 1
		}
		// text/template gives a byte offset from 0: count characters from 1
		if lines := strings.Split(f.Source, "\n"); m[3] != "" && p.Line >= 1 && p.Line <= len(lines) {
			ln := lines[p.Line-1]
			if c := p.Col; c <= len(ln) {
				p.Col = len([]rune(ln[:c])) + 1
			}
		}
	}
	return p
}

// errMsg drops text/template's "template: name:line:col:" prefix and
// the "executing … at <…>:" middle part, which the position says.
func errMsg(err error) string {
	msg := err.Error()
	if m := errRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
		msg = m[4]
	}
	if strings.HasPrefix(msg, "executing \"") {
		if i, j := strings.Index(msg, " at <"), strings.Index(msg, ">: "); i > 0 && j > i {
			msg = "at " + msg[i+4:j+1] + ": " + msg[j+3:]
		}
	}
	msg = strings.TrimPrefix(msg, "error calling ")
	return msg
}

// stampOf reads the version stamp of an exported file.
func stampOf(src string) (string, bool) {
	m := stampRE.FindStringSubmatch(src)
	if m == nil {
		return "", false
	}
	return m[2], true
}

// Stamp is the first line Export writes into an exported copy of name:
// a comment that produces no output.
func Stamp(name string) string {
	src, _ := Builtin(name)
	return stampPrefix + name + " version " + Version(src) + " */ -}}\n"
}

// Export writes the built-in set into dir (dir/strategy/title.tmpl, …),
// each file starting with its version stamp. Existing files are
// overwritten; it returns the paths written.
func Export(dir string) ([]string, error) {
	var out []string
	for _, n := range BuiltinNames() {
		src, _ := Builtin(n)
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return out, err
		}
		if err := os.WriteFile(p, []byte(Stamp(n)+src), 0o644); err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Diff describes, for every override in dir, how it differs from the
// current built-in file (a unified line diff, the stamp left out), and
// whether the built-in changed since the override was exported.
func Diff(dir string) (string, error) {
	s, l := Load(dir)
	var b strings.Builder
	for _, d := range l.Items() {
		if d.Rule == RuleParse {
			return "", fmt.Errorf("%s", d.String())
		}
	}
	for _, f := range s.Overrides() {
		cur, _ := Builtin(f.Name)
		body := stampRE.ReplaceAllString(f.Source, "")
		v, stamped := stampOf(f.Source)
		switch {
		case !stamped:
			fmt.Fprintf(&b, "%s: no version stamp (not made by strategia templates export)\n", f.Path)
		case v != Version(cur):
			fmt.Fprintf(&b, "%s: exported from built-in version %s; the built-in is now version %s\n", f.Path, v, Version(cur))
		default:
			fmt.Fprintf(&b, "%s: made from the current built-in (version %s)\n", f.Path, v)
		}
		if body == cur {
			b.WriteString("  (same text as the built-in)\n")
			continue
		}
		b.WriteString(unified("built-in "+path.Join("templates", f.Name), f.Path, cur, body))
	}
	if b.Len() == 0 {
		b.WriteString("no overrides in " + dir + "\n")
	}
	return b.String(), nil
}

// OverrideDir is the folder of template overrides for the partnership in
// dir: flag when given, else the templates/ folder beside the partnership
// folders (in the workspace, dir's parent) when there is one, else "".
func OverrideDir(dir, flag string) string {
	if flag != "" {
		return flag
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	cand := filepath.Join(filepath.Dir(abs), "templates")
	if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
		return cand
	}
	return ""
}

// Names lists the template files of the set, sorted.
func (s *Set) Names() []string {
	var out []string
	for n := range s.files {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
