// Package versions loads one partnership at two versions — git revisions
// or the working tree — through the same loader, and compares them: it is
// the plumbing behind `strategia diff`, `build -since` and the redline
// DOCX. Old revisions are read from git by internal/gitrev into memory
// (nothing is checked out, the working tree is never touched) and loaded
// with load.LoadFS; the working tree is loaded with load.Load.
//
// versions imports gitrev, load, model and changes; it never imports
// compose or a renderer.
package versions

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/strategia-pl/strategia/internal/changes"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/gitrev"
	"github.com/strategia-pl/strategia/internal/load"
	"github.com/strategia-pl/strategia/internal/model"
)

// WorkTree is the revision name of the working tree (the files on disk).
const WorkTree = ""

// Side is one loaded version.
type Side struct {
	Strategy *model.Strategy
	Diags    *diag.List
	// FS is the partnership folder at this version (for maps and images).
	FS      fs.FS
	Version changes.Version
	close   func() error
}

// UsageError is a revision the user named that does not exist: the
// command line, not the content, is wrong.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Pair is a partnership at two versions.
type Pair struct {
	Old, New *Side
}

// Load loads the partnership folder dir at revisions from and to (to ""
// is the working tree; from "" is the default: see gitrev.DefaultFrom).
func Load(dir, from, to string) (*Pair, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, &UsageError{fmt.Errorf("%s is not a folder", dir)}
	}
	repo, err := gitrev.Open(dir)
	if err != nil {
		return nil, err
	}
	if from == "" {
		if from, err = repo.DefaultFrom(); err != nil {
			return nil, err
		}
	}
	// The two versions load side by side.
	var (
		old    *Side
		oldErr error
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		old, oldErr = loadRev(repo, dir, from)
	}()
	nw, err := loadNew(repo, dir, to)
	<-done
	if oldErr != nil {
		if nw != nil && nw.close != nil {
			nw.close()
		}
		return nil, oldErr
	}
	if err != nil {
		return nil, err
	}
	return &Pair{Old: old, New: nw}, nil
}

func loadNew(repo *gitrev.Repo, dir, to string) (*Side, error) {
	var nw *Side
	var err error
	if to == WorkTree {
		abs, _ := filepath.Abs(dir)
		s, l := load.Load(abs)
		v := changes.Version{Name: "working tree", Version: s.Partnership.Version}
		if c, err := repo.Resolve("HEAD"); err == nil {
			v.Commit = c.Short
		}
		v.Dirty = repo.Dirty()
		root, err := os.OpenRoot(abs)
		if err != nil {
			return nil, err
		}
		// The root stays open until Close: the documents read maps
		// through it.
		nw = &Side{Strategy: s, Diags: l, FS: root.FS(), Version: v, close: root.Close}
	} else if nw, err = loadRev(repo, dir, to); err != nil {
		return nil, err
	}
	return nw, nil
}

func loadRev(repo *gitrev.Repo, dir, rev string) (*Side, error) {
	// Resolving the revision and reading its tree are two git commands,
	// run side by side; a bad revision is reported by Resolve.
	var (
		c    gitrev.Commit
		rerr error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		c, rerr = repo.Resolve(rev)
	}()
	fsys, err := repo.Tree(gitrev.Commit{Hash: rev + "^{commit}", Name: rev})
	<-done
	if rerr != nil {
		return nil, &UsageError{rerr}
	}
	if err != nil {
		if errors.Is(err, gitrev.ErrNoFolder) {
			return nil, fmt.Errorf("%s at %s (%s): %w", cmpOr(repo.Prefix(), "."), rev, c.Short, gitrev.ErrNoFolder)
		}
		return nil, err
	}
	abs, _ := filepath.Abs(dir)
	s, l := load.LoadFS(fsys, abs)
	v := changes.Version{Name: rev, Commit: c.Short, Date: c.Date.Format("2006-01-02"), Version: s.Partnership.Version}
	return &Side{Strategy: s, Diags: l, FS: fsys, Version: v}, nil
}

// Compare lists the changes from p.Old to p.New, saying what could not be
// compared when a version does not load cleanly.
func (p *Pair) Compare() *changes.Report {
	r := &changes.Report{
		Partnership: cmpOr(p.New.Strategy.Partnership.Name, p.Old.Strategy.Partnership.Name),
		From:        p.Old.Version,
		To:          p.New.Version,
		Changes:     changes.Compare(p.Old.Strategy, p.New.Strategy),
	}
	r.Incomplete = append(incomplete(p.Old), incomplete(p.New)...)
	r.Files = fileChanges(p.Old.FS, p.New.FS)
	return r
}

// fileChanges lists the files that differ between two trees (hidden
// files and folders and output/ left out), in path order.
func fileChanges(old, new fs.FS) []changes.FileChange {
	o, n := files(old), files(new)
	var out []changes.FileChange
	for _, p := range n {
		if !slices.Contains(o, p) {
			out = append(out, changes.FileChange{Path: p, Op: changes.Added})
			continue
		}
		a, errA := fs.ReadFile(old, p)
		b, errB := fs.ReadFile(new, p)
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			out = append(out, changes.FileChange{Path: p, Op: changes.Changed})
		}
	}
	for _, p := range o {
		if !slices.Contains(n, p) {
			out = append(out, changes.FileChange{Path: p, Op: changes.Removed})
		}
	}
	slices.SortStableFunc(out, func(a, b changes.FileChange) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func files(fsys fs.FS) []string {
	var out []string
	if fsys == nil {
		return nil
	}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != "." && (strings.HasPrefix(d.Name(), ".") || d.IsDir() && d.Name() == "output") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// incomplete says what of a version could not be compared.
func incomplete(s *Side) []string {
	var out []string
	for _, f := range s.Strategy.Unreadable {
		out = append(out, fmt.Sprintf("%s: %s could not be read, so what it holds (%s) was not compared", s.Version.Name, f, holds(f)))
	}
	var errs []diag.Diagnostic
	for _, d := range s.Diags.Items() {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		first := errs[0]
		where := first.Pos
		if rel, err := filepath.Rel(s.Strategy.Dir, where.File); err == nil {
			where.File = filepath.ToSlash(rel)
		}
		out = append(out, fmt.Sprintf("%s does not validate (%s; first: %s: %s: %s): the values the errors concern may be missing from the comparison",
			s.Version.Name, diag.Plural(len(errs), "error"), where, first.Rule, first.Msg))
	}
	return out
}

// holds names what a content file holds, for "not compared" notes.
func holds(file string) string {
	switch strings.TrimSuffix(file, ".yaml") {
	case "partnership":
		return "members"
	case "goals":
		return "goals, directions, results and their indicators"
	case "finance":
		return "the financial framework"
	case "diagnosis":
		return "the diagnosis chapters"
	}
	if strings.HasPrefix(file, model.ProjectsDir+"/") {
		return "a project"
	}
	return "its part of the document"
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// IsUsage reports whether err is a usage error (exit 2).
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

// Close releases the working tree's folder handle, if one is open.
func (p *Pair) Close() {
	for _, s := range []*Side{p.Old, p.New} {
		if s != nil && s.close != nil {
			s.close()
		}
	}
}
