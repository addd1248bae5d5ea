// Package gitrev reads a partnership folder as it was at a git revision,
// as an in-memory fs.FS the loader reads exactly like a folder on disk
// (load.LoadFS), and answers the few questions `strategia diff` and the
// build ask of git: which revision a name means, the last tag, whether
// the working tree has uncommitted changes.
//
// It runs the git command rather than linking a Go implementation of git
// (github.com/go-git/go-git/v5 was the alternative considered):
//
//   - Whoever keeps the content in git has git: the advisor commits,
//     tags and clones with it. A machine without git has no repository
//     to compare either, and says so in one clear error.
//   - Shallow and partial clones, worktrees, sparse checkouts, SHA-256
//     repositories, alternates, grafts and every revision syntax
//     (v1.0~2, main@{yesterday}, :/message) work exactly as the user's
//     own git understands them; go-git lags behind on several of these
//     (shallow boundaries and partial clones in particular) and would
//     give a second, slightly different meaning to the same revision.
//   - Speed: one `git show` resolves a revision and one `git archive`
//     reads the whole folder at it (about 60 files) in a few
//     milliseconds; the diff of two revisions of the example stays
//     inside its 300 ms budget (BenchmarkDiffExample in internal/versions).
//   - Binary size: go-git and its dependencies (go-billy, gcfg, ssh and
//     crypto packages) would add several megabytes to a tool whose
//     other dependencies are small.
//
// gitrev imports only the standard library; it knows nothing of the
// partnership's content.
package gitrev

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
	"time"
)

// ErrNoGit means the git command is not installed (not on PATH).
var ErrNoGit = errors.New("the git command is not installed (strategia diff reads old versions with git; install git, e.g. apt-get install git)")

// ErrNotRepo means the folder is not inside a git repository.
var ErrNotRepo = errors.New("not inside a git repository")

// Repo is the git repository holding one partnership folder.
type Repo struct {
	git    string // path of the git command
	top    string // the repository's top folder
	prefix string // the partnership folder relative to top, slash-separated, "" for top itself
}

// Open finds the repository holding dir (a folder that exists on disk).
func Open(dir string) (*Repo, error) {
	g, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r := &Repo{git: g}
	out, err := r.run(abs, nil, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, fmt.Errorf("%s: %w", dir, ErrNotRepo)
		}
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] == "" {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotRepo)
	}
	r.top = lines[0]
	if len(lines) > 1 {
		r.prefix = strings.TrimSuffix(lines[1], "/")
	}
	return r, nil
}

// Prefix is the partnership folder's path inside the repository.
func (r *Repo) Prefix() string { return r.prefix }

// Commit is a resolved revision.
type Commit struct {
	Hash    string    // full object name
	Short   string    // abbreviated, as git abbreviates it
	Date    time.Time // committer date
	Subject string
	Name    string // what the user asked for (tag, branch, hash …)
}

// Resolve turns a revision name into a commit. An unknown revision is an
// error that says so; in a shallow clone it adds that history may be
// missing.
func (r *Repo) Resolve(rev string) (Commit, error) {
	if strings.HasPrefix(rev, "-") {
		return Commit{}, fmt.Errorf("unknown revision %q", rev)
	}
	out, err := r.run(r.top, nil, "show", "-s", "--no-notes", "--format=%H%x00%h%x00%ct%x00%s", "--end-of-options", rev+"^{commit}", "--")
	f := strings.SplitN(strings.TrimRight(string(out), "\n"), "\x00", 4)
	if err != nil || len(f) != 4 {
		msg := fmt.Sprintf("unknown revision %q: no commit, tag or branch of that name in %s", rev, r.top)
		if r.Shallow() {
			msg += " (the repository is a shallow clone, so older history is missing: run git fetch --unshallow)"
		}
		return Commit{}, errors.New(msg)
	}
	c := Commit{Hash: f[0], Short: f[1], Subject: f[3], Name: rev}
	if sec, err := strconv.ParseInt(f[2], 10, 64); err == nil {
		c.Date = time.Unix(sec, 0).UTC()
	}
	return c, nil
}

// Shallow reports whether the repository is a shallow clone.
func (r *Repo) Shallow() bool {
	out, err := r.run(r.top, nil, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// Dirty reports whether the partnership folder has uncommitted changes
// (modified, added, deleted or untracked files).
func (r *Repo) Dirty() bool {
	out, err := r.run(r.top, nil, "status", "--porcelain", "--untracked-files=all", "--", r.pathspec())
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

func (r *Repo) pathspec() string {
	if r.prefix == "" {
		return "."
	}
	return r.prefix
}

// DefaultFrom is the revision `strategia diff` compares against when none
// is given: the newest tag reachable from HEAD; without tags, HEAD when the
// folder has uncommitted changes (so the diff shows them), else the commit
// before the last one that changed the folder (so the diff shows that
// last change).
func (r *Repo) DefaultFrom() (string, error) {
	if out, err := r.run(r.top, nil, "describe", "--tags", "--abbrev=0", "HEAD"); err == nil {
		if t := strings.TrimSpace(string(out)); t != "" {
			return t, nil
		}
	}
	if _, err := r.Resolve("HEAD"); err != nil {
		return "", errors.New("the repository has no commits yet: nothing to compare with")
	}
	if r.Dirty() {
		return "HEAD", nil
	}
	out, err := r.run(r.top, nil, "log", "-2", "--format=%h", "--", r.pathspec())
	if err != nil {
		return "", err
	}
	hs := strings.Fields(string(out))
	switch {
	case len(hs) == 0:
		return "", fmt.Errorf("no commit has ever changed %s: nothing to compare with", r.pathspec())
	case len(hs) == 1:
		// The folder's first commit: compare with its parent when there is
		// one (the folder did not exist there, which Tree reports).
		if _, err := r.Resolve(hs[0] + "^"); err == nil {
			return hs[0] + "^", nil
		}
		if r.Shallow() {
			return "", fmt.Errorf("only one commit of %s is in this shallow clone: name the revision to compare with (-from), or run git fetch --unshallow", r.pathspec())
		}
		return "", fmt.Errorf("%s has only one version (commit %.7s): nothing to compare with", r.pathspec(), hs[0])
	}
	return hs[1], nil
}

// ErrNoFolder means the partnership folder did not exist at a revision.
var ErrNoFolder = errors.New("the partnership folder does not exist at this revision")

// describe is "v1.0 (3f2a1c9)", or the name alone when unresolved.
func (c Commit) describe() string {
	if c.Short == "" || c.Short == c.Name {
		return c.Name
	}
	return c.Name + " (" + c.Short + ")"
}

// Tree returns the partnership folder as it was at commit c (c.Hash may
// be any revision naming a commit, such as "v1.0^{commit}"): every
// regular file below it, read into memory from one `git archive`.
// Symbolic links and submodules are left out (the loader refuses links
// anyway).
func (r *Repo) Tree(c Commit) (fs.FS, error) {
	args := []string{"archive", "--format=tar", c.Hash}
	if r.prefix != "" {
		args = append(args, "--", r.prefix+"/")
	}
	out, err := r.run(r.top, nil, args...)
	if err != nil {
		if strings.Contains(err.Error(), "did not match any files") {
			return nil, fmt.Errorf("%s at %s: %w", r.pathspec(), c.describe(), ErrNoFolder)
		}
		return nil, err
	}
	m := fstest.MapFS{}
	tr := tar.NewReader(bytes.NewReader(out))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("git archive: %v", err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := h.Name
		if r.prefix != "" {
			name = strings.TrimPrefix(name, r.prefix+"/")
		}
		if !fs.ValidPath(name) || name == "." {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("git archive: %v", err)
		}
		m[path.Clean(name)] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: h.ModTime}
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s at %s: %w", r.pathspec(), c.describe(), ErrNoFolder)
	}
	return m, nil
}

// run runs git with args in dir and returns its standard output; the
// error carries git's first line of complaint.
func (r *Repo) run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command(r.git, append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i > 0 {
			msg = msg[:i]
		}
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, "fatal: "), "error: ")
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}
