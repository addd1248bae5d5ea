package sourcefs

import "strings"

// Names of the files strategia itself keeps in an output folder.
const (
	// ManifestName records the digest of a partnership's inputs and the
	// documents its last good build wrote.
	ManifestName = ".strategia-manifest.json"
	// LockName is locked while a build writes into an output folder.
	LockName = ".strategia-lock"
	// TempMark is part of the name of every temporary file strategia
	// writes (".<name>.tmp-<pid>-<random>").
	TempMark = ".tmp-"
)

// Ignored reports whether a file name is never a source: an editor's
// lock, swap, backup or autosave file, or one of strategia's own
// temporary, lock and manifest files.
//
//   - vim: .x.swp/.swo/.swx (and any .sw?), x~, the 4913 write probe
//   - Emacs: .#x lock files (often dangling symlinks), #x# autosaves, x~
//   - JetBrains: x___jb_tmp___, x___jb_old___
//   - LibreOffice: .~lock.x#; MS Office: ~$x
//   - gedit/GNOME: .goutputstream-*
//   - others: *.tmp, *.bak, *.orig, *.crdownload, *.part, .DS_Store
func Ignored(name string) bool {
	switch {
	case name == "4913", name == ".DS_Store", name == ManifestName, name == LockName,
		strings.HasSuffix(name, "~"),
		isVimSwap(name),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"),
		strings.HasSuffix(name, ".crdownload"), strings.HasSuffix(name, ".part"),
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock."),
		strings.HasPrefix(name, ".goutputstream-"),
		strings.Contains(name, "___jb_"),
		strings.Contains(name, TempMark):
		return true
	}
	return false
}

// isVimSwap matches vim's swap files: .x.swp, then .x.swo, .x.swn …
// (a swap file in another folder is named x.swp or %path%x.swp).
func isVimSwap(name string) bool {
	if strings.HasSuffix(name, ".swp") {
		return true
	}
	i := strings.LastIndexByte(name, '.')
	return name != "" && name[0] == '.' && i > 0 && len(name)-i == 4 &&
		name[i+1:i+3] == "sw" && name[i+3] >= 'a' && name[i+3] <= 'z'
}
