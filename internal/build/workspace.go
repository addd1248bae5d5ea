package build

import (
	"path/filepath"
	"sort"

	"github.com/strategia-pl/strategia/internal/diag"
)

// RuleDuplicateID: two partnership folders of one workspace have the same
// id, so they would write into the same output folder.
const RuleDuplicateID = "WS-01"

// DuplicateIDs finds the partnerships of dirs that share an output folder
// name (their id, or the folder's name without one) — what copying a
// partnership folder gives. It returns, for each such folder (by absolute
// path), an error at its id naming the other folders; none of them may be
// built, or their documents would mix.
func DuplicateIDs(dirs []string) map[string]*diag.List {
	bySlug := map[string][]entry{}
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			continue
		}
		sl, pos := slugAt(abs)
		if !sameDir(bySlug[sl], abs) {
			bySlug[sl] = append(bySlug[sl], entry{abs, pos})
		}
	}
	out := map[string]*diag.List{}
	for sl, es := range bySlug {
		if len(es) < 2 {
			continue
		}
		sort.Slice(es, func(i, j int) bool { return es[i].dir < es[j].dir })
		for _, e := range es {
			l := &diag.List{}
			var others []string
			for _, o := range es {
				if o.dir != e.dir {
					others = append(others, o.dir)
				}
			}
			d := l.Errorf(e.pos, RuleDuplicateID, "partnership id %q is also the id of %s: both would write into the same output folder %s/, so neither is built; give each partnership its own id (a copied folder keeps the original's)",
				sl, joinDirs(others), sl)
			for _, o := range es {
				if o.dir != e.dir {
					d.With(o.pos, "the same id here")
				}
			}
			out[e.dir] = l
		}
	}
	return out
}

type entry struct {
	dir string
	pos diag.Pos
}

func sameDir(es []entry, dir string) bool {
	for _, e := range es {
		if e.dir == dir {
			return true
		}
	}
	return false
}

func joinDirs(dirs []string) string {
	s := ""
	for i, d := range dirs {
		if i > 0 {
			s += " and "
		}
		s += d
	}
	return s
}
