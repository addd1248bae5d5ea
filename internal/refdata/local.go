package refdata

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/sourcefs"
)

// The optional data files a user may supply (strategia ships none of
// them, see templates/refdata/PROVENANCE.md). Each is looked up first in
// the partnership folder's data/ and then in the workspace's data/ (the
// folder above the partnership), so one file can serve every partnership
// of a workspace.
const (
	// AdjacencyFile lists pairs of neighbouring units, one pair a line:
	// "2006011;2006032" (TERC codes of gminy or powiaty; "," also separates).
	AdjacencyFile = "adjacency.csv"
	// OZTMFile lists the gminy of the KSRR 2030 delimitation of areas at
	// risk of permanent marginalisation, one TERC code a line (first column).
	OZTMFile = "oztm.csv"
	// MSTFFile lists the medium towns losing socio-economic functions, one
	// TERC code a line (first column; the gmina miejska, or the town part
	// of a gmina miejsko-wiejska).
	MSTFFile = "mstf.csv"
)

// Local is the optional data found for one partnership. A nil set means
// the file was not supplied.
type Local struct {
	Adjacency map[string]map[string]bool
	OZTM      map[string]bool
	MSTF      map[string]bool
	// Files are the paths of the files read, by name.
	Files map[string]string
}

// Adjacent reports whether a and b are neighbours in the adjacency data.
func (l *Local) Adjacent(a, b string) bool { return l.Adjacency[a][b] }

// LoadLocal reads the optional data files for the partnership folder dir.
// Lines that are empty or start with "#" are skipped, as is a first line
// that does not start with a digit (a header). Malformed lines are
// reported in the returned list (rule "DATA").
func LoadLocal(dir string) (*Local, *diag.List) {
	l := &Local{Files: map[string]string{}}
	problems := &diag.List{}
	for _, name := range []string{AdjacencyFile, OZTMFile, MSTFFile} {
		path, b := find(dir, name)
		if b == nil {
			continue
		}
		l.Files[name] = path
		set := map[string]bool{}
		if name == AdjacencyFile {
			l.Adjacency = map[string]map[string]bool{}
		}
		sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
		line := 0
		for sc.Scan() {
			line++
			t := strings.TrimSpace(sc.Text())
			if t == "" || strings.HasPrefix(t, "#") || line == 1 && (t[0] < '0' || t[0] > '9') {
				continue
			}
			f := strings.FieldsFunc(t, func(r rune) bool { return r == ';' || r == ',' || r == '\t' })
			for i := range f {
				f[i] = strings.Trim(strings.TrimSpace(f[i]), `"`)
			}
			if name == AdjacencyFile {
				if len(f) < 2 || !isCode(f[0]) || !isCode(f[1]) {
					problems.Errorf(diag.Pos{File: path, Line: line, Col: 1}, "DATA", "%s: want two TERC codes separated by ';', got %q", name, t)
					continue
				}
				for _, p := range [][2]string{{f[0], f[1]}, {f[1], f[0]}} {
					if l.Adjacency[p[0]] == nil {
						l.Adjacency[p[0]] = map[string]bool{}
					}
					l.Adjacency[p[0]][p[1]] = true
				}
				continue
			}
			if len(f) == 0 || !isCode(f[0]) {
				problems.Errorf(diag.Pos{File: path, Line: line, Col: 1}, "DATA", "%s: want a TERC code in the first column, got %q", name, t)
				continue
			}
			set[f[0]] = true
		}
		switch name {
		case OZTMFile:
			l.OZTM = set
		case MSTFFile:
			l.MSTF = set
		}
	}
	return l, problems
}

func isCode(s string) bool {
	return (len(s) == 2 || len(s) == 4 || len(s) == 7) && strings.Trim(s, "0123456789") == ""
}

func find(dir, name string) (string, []byte) {
	for _, d := range []string{filepath.Join(dir, "data"), filepath.Join(filepath.Dir(filepath.Clean(dir)), "data")} {
		p := filepath.Join(d, name)
		if b, err := sourcefs.ReadFile(p); err == nil {
			return p, b
		}
	}
	return "", nil
}
