package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Discover returns the partnership folders under paths: a path holding
// partnership.yaml is a partnership; any other folder is a workspace
// searched recursively (hidden folders, output/ and projects/ skipped). A
// folder with no partnership anywhere below is returned as it is, so that
// loading it reports what is missing. Paths that do not exist are errors.
func Discover(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			return nil, &fs.PathError{Op: "open", Path: p, Err: errNotDir}
		}
		if isPartnership(p) {
			add(filepath.Clean(p))
			continue
		}
		var found []string
		_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			name := d.Name()
			if q != p && (strings.HasPrefix(name, ".") || name == "output" || name == "projects" || name == "testdata") {
				return fs.SkipDir
			}
			if q != p && isPartnership(q) {
				found = append(found, filepath.Clean(q))
				return fs.SkipDir
			}
			return nil
		})
		if len(found) == 0 {
			add(filepath.Clean(p))
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return out, nil
}

type notDirError struct{}

func (notDirError) Error() string { return "not a folder" }

var errNotDir error = notDirError{}

func isPartnership(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, "partnership.yaml"))
	return err == nil && fi.Mode().IsRegular()
}
