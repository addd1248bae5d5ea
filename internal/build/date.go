package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// SourceDate returns the document date (YYYY-MM-DD) for the partnership in
// dir: SOURCE_DATE_EPOCH when set (reproducible builds), else the date of
// the last git commit touching dir, else the newest modification time of
// the given source files. It never uses the clock, so the same sources
// give the same bytes.
func SourceDate(dir string, files []string) (string, error) {
	return sourceDate(dir, files, gitDirty(dir))
}

// sourceDate is SourceDate for a folder whose git state is known: dirty
// (or outside git) means the files' modification times, not the commit.
func sourceDate(dir string, files []string, dirty bool) (string, error) {
	if v, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return "", fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
		}
		return time.Unix(sec, 0).UTC().Format(time.DateOnly), nil
	}
	// While sources are being edited (watch mode) the tree is dirty: ask
	// git for the commit date only when it is clean, one process less per
	// rebuild.
	if !dirty {
		if d := gitDate(dir); d != "" {
			return d, nil
		}
	}
	var newest time.Time
	for _, f := range files {
		if fi, err := os.Stat(filepath.Join(dir, f)); err == nil && fi.ModTime().After(newest) {
			newest = fi.ModTime()
		}
	}
	if newest.IsZero() {
		return "", fmt.Errorf("no source file to date the documents by")
	}
	return newest.UTC().Format(time.DateOnly), nil
}

func gitDate(dir string) string {
	out, err := exec.Command("git", "-C", dir, "log", "-1", "--format=%cs", "--", ".").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// gitDirty reports whether dir has uncommitted changes: then the newest
// file, not the last commit, dates the documents.
func gitDirty(dir string) bool {
	out, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--", ".").Output()
	return err != nil || len(strings.TrimSpace(string(out))) > 0
}

// Revision returns the short commit of HEAD in the git repository holding
// dir and whether dir has uncommitted changes ("wersja robocza"); "" and
// false outside git or without the git command. One git process answers
// both.
func Revision(dir string) (commit string, dirty bool) {
	out, err := exec.Command("git", "-C", dir, "status", "--porcelain=v2", "--branch", "--", ".").Output()
	if err != nil {
		return "", false
	}
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "# branch.oid "):
			commit = strings.TrimPrefix(line, "# branch.oid ")
		case line != "" && !strings.HasPrefix(line, "#"):
			dirty = true
		}
	}
	if len(commit) < 7 || commit == "(initial)" {
		return "", dirty // no commit yet
	}
	return commit[:7], dirty
}
