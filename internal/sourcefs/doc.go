// Package sourcefs decides which files of a partnership folder strategia
// reads, and reads them without ever blocking or spinning.
//
// It owns two things every stage shares, so that they cannot disagree:
//
//   - Ignored, the one list of names that are never sources: editor lock,
//     swap, backup and autosave files (vim, Emacs, JetBrains, LibreOffice
//     and MS Office, gedit/GNOME) and strategia's own temporary, lock and
//     manifest files. load, the build's manifest digest and watch all use it.
//   - Reading only regular files inside a folder: FS and Walk go through an
//     os.Root (so a symbolic link or a ".." leading out is refused) and
//     stat every file before opening it. A named pipe, a device, a socket
//     or a symbolic link to one is never opened: reading it is an error
//     (ErrNotRegular, which callers report at the place that names the
//     file), and a walk passes over it.
//
// sourcefs imports only the standard library; load, build, watch and
// refdata import it.
package sourcefs
