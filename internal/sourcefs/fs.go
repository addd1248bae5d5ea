package sourcefs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// ErrNotRegular is what reading a named pipe, a device, a socket or a
// symbolic link to one gives (wrapped in a *NotRegularError, which says
// which it is).
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError says what kind of non-regular file was refused.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	return Kind(e.Mode) + ", not a regular file: strategia never opens it"
}

func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// Kind names a file mode's type in words.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	}
	return "an irregular file"
}

// FS returns the files of root as an fs.FS that opens only regular files
// and folders: anything else is refused (with a *NotRegularError) before
// it is opened. Symbolic links are followed only while they stay inside
// root.
func FS(root *os.Root) fs.FS { return rootFS{root} }

type rootFS struct{ root *os.Root }

func (f rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	fi, err := f.root.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regularOrDir(fi); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	// O_NONBLOCK: should the file be swapped for a FIFO between the stat
	// and the open, opening it still returns at once, and the second
	// check below refuses it.
	file, err := f.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if fi, err = file.Stat(); err == nil {
		err = regularOrDir(fi)
	}
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return file, nil
}

func (f rootFS) ReadFile(name string) ([]byte, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if fi, err := file.Stat(); err == nil && fi.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a folder")}
	}
	return io.ReadAll(file)
}

func (f rootFS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return f.root.Stat(name)
}

func (f rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(f.root.FS(), name)
}

func regularOrDir(fi fs.FileInfo) error {
	if fi.Mode().IsRegular() || fi.IsDir() {
		return nil
	}
	return &NotRegularError{Mode: fi.Mode()}
}

// ReadFile reads the file at path if it is a regular file (following
// symbolic links); anything else is refused before it is opened. It is
// for the few files read outside a partnership folder (the workspace's
// data/ folder).
func ReadFile(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: &NotRegularError{Mode: fi.Mode()}}
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return io.ReadAll(f)
}

// Walk calls fn, in lexical order, for every source file under root: the
// regular files (or symbolic links to one inside root), leaving out
// Ignored names and the folders that are never sources — hidden ones,
// "output", and those skipDir reports (paths relative to root, with
// slashes; skipDir may be nil). Anything unreadable is passed over: a
// file that content refers to is reported when it is read.
func Walk(root *os.Root, skipDir func(rel string) bool, fn func(rel string, fi fs.FileInfo) error) error {
	return fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			return nil // vanished or unreadable while walking
		}
		if d.IsDir() {
			if p != "." && (SkipFolder(d.Name()) || skipDir != nil && skipDir(p)) {
				return fs.SkipDir
			}
			return nil
		}
		if Ignored(d.Name()) {
			return nil
		}
		fi, err := root.Stat(p)
		if err != nil || !fi.Mode().IsRegular() {
			return nil
		}
		return fn(p, fi)
	})
}

// SkipFolder reports whether a folder name is never a source folder:
// hidden folders (.git, editors' state) and "output".
func SkipFolder(name string) bool {
	return strings.HasPrefix(name, ".") || name == "output"
}

// Rel returns target relative to base, with slashes, if target is inside
// base (both absolute and clean); ok is false otherwise.
func Rel(base, target string) (rel string, ok bool) {
	if target == base {
		return ".", true
	}
	prefix := base
	if !strings.HasSuffix(prefix, string(os.PathSeparator)) {
		prefix += string(os.PathSeparator)
	}
	if !strings.HasPrefix(target, prefix) {
		return "", false
	}
	return path.Clean(strings.ReplaceAll(target[len(prefix):], string(os.PathSeparator), "/")), true
}

// RealPath returns the absolute path of p with every symbolic link
// resolved, so that two names of one folder compare equal. The part of p
// that does not exist yet (an output folder before the first build) is
// kept as written below its nearest existing ancestor.
func RealPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := abs; ; {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}
