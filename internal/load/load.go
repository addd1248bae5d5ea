package load

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/sourcefs"
	"go.yaml.in/yaml/v3"
)

// Load reads the partnership folder dir. Diagnostics name files by their
// absolute paths (the printer makes them relative to the working
// directory). The returned Strategy is never nil, but it is only complete
// when the list holds no errors.
func Load(dir string) (*model.Strategy, *diag.List) { return LoadCached(dir, nil) }

// LoadCached is Load parsing and validating each YAML file through c (nil
// means no cache): see Cache.
func LoadCached(dir string, c *Cache) (*model.Strategy, *diag.List) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		var l diag.List
		l.Errorf(diag.Pos{File: abs}, RuleFile, "cannot open the partnership folder: %v", unwrapPathError(err))
		return &model.Strategy{Dir: abs}, &l
	}
	defer root.Close()
	ld := &loader{fsys: sourcefs.FS(root), dir: abs, s: &model.Strategy{Dir: abs}, cache: c}
	ld.load()
	return ld.s, &ld.l
}

// LoadFS reads a partnership from fsys (its root is the partnership
// folder); dir is the folder's path used in diagnostics. Every path is
// checked with fs.ValidPath first, so nothing outside fsys is named.
func LoadFS(fsys fs.FS, dir string) (*model.Strategy, *diag.List) {
	ld := &loader{fsys: fsys, dir: dir, s: &model.Strategy{Dir: dir}}
	ld.load()
	return ld.s, &ld.l
}

type loader struct {
	fsys  fs.FS
	dir   string
	s     *model.Strategy
	l     diag.List
	cache *Cache // nil: parse every file
}

// file returns the diagnostic path of a partnership-relative name.
func (ld *loader) file(name string) string { return filepath.Join(ld.dir, filepath.FromSlash(name)) }

func (ld *loader) load() {
	for _, sf := range model.StandardFiles {
		ld.loadStandard(sf.Name, sf.Kind)
	}
	ld.loadProjects()
	ld.loadComments()
	ld.resolveMarkdown()
	sort.Strings(ld.s.Files)
	sort.SliceStable(ld.s.Placeholders, func(i, j int) bool {
		a, b := ld.s.Placeholders[i].Pos, ld.s.Placeholders[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

func (ld *loader) loadStandard(name string, k model.FileKind) {
	data, err := fs.ReadFile(ld.fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ld.l.Errorf(diag.Pos{File: ld.file(name)}, RuleFile, "missing file %s: every partnership folder has it (strategia init creates a skeleton)", name)
		} else {
			ld.l.Errorf(diag.Pos{File: ld.file(name)}, RuleFile, "cannot read %s: %v", name, unwrapPathError(err))
		}
		ld.s.Unreadable = append(ld.s.Unreadable, name)
		return
	}
	s := ld.s
	switch k {
	case model.KindPartnership:
		decodeAs(ld, name, k, data, func(f *model.PartnershipFile) { s.Partnership = f.Partnership })
	case model.KindDiagnosis:
		decodeAs(ld, name, k, data, func(f *model.DiagnosisFile) { s.Diagnosis = f.Diagnosis })
	case model.KindIndicators:
		decodeAs(ld, name, k, data, func(f *model.IndicatorsFile) { s.Indicators = f.Indicators })
	case model.KindSWOT:
		decodeAs(ld, name, k, data, func(f *model.SWOTFile) { s.SWOT = f.SWOT })
	case model.KindGoals:
		decodeAs(ld, name, k, data, func(f *model.GoalsFile) {
			s.Vision, s.Mission, s.StrategicGoals = f.Vision, f.Mission, f.StrategicGoals
		})
	case model.KindSpatial:
		decodeAs(ld, name, k, data, func(f *model.SpatialFile) { s.Spatial = *f })
	case model.KindImplementation:
		decodeAs(ld, name, k, data, func(f *model.ImplementationFile) {
			s.Implementation, s.Participation, s.IntegratedApproach = f.Implementation, f.Participation, f.IntegratedApproach
		})
	case model.KindFinance:
		decodeAs(ld, name, k, data, func(f *model.FinanceFile) { s.Finance = f.FinancialFramework })
	}
}

// decodeAs decodes one file into its file type T and hands it to set when
// anything usable came out.
func decodeAs[T any](ld *loader, name string, k model.FileKind, data []byte, set func(*T)) {
	var f T
	if ld.decode(name, k, data, &f) {
		set(&f)
	}
}

func (ld *loader) loadProjects() {
	ents, err := fs.ReadDir(ld.fsys, model.ProjectsDir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			ld.l.Errorf(diag.Pos{File: ld.file(model.ProjectsDir)}, RuleFile, "cannot read the projects folder: %v", unwrapPathError(err))
		}
		return
	}
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) || strings.HasPrefix(n, ".") || sourcefs.Ignored(n) {
			continue
		}
		name := path.Join(model.ProjectsDir, n)
		data, err := fs.ReadFile(ld.fsys, name)
		if err != nil {
			ld.l.Errorf(diag.Pos{File: ld.file(name)}, RuleFile, "cannot read %s: %v", name, unwrapPathError(err))
			continue
		}
		var f model.ProjectFile
		if !ld.decode(name, model.KindProject, data, &f) {
			continue
		}
		p := f.Project
		p.File = name
		if p.ID != "" && strings.TrimSuffix(strings.TrimSuffix(n, ".yaml"), ".yml") != p.ID {
			ld.l.Warnf(p.At("id"), RuleDuplicate, "project %s is in %s; name the file %s.yaml so fiches and files match", p.ID, name, p.ID)
		}
		ld.s.Projects = append(ld.s.Projects, &p)
	}
}

// decode parses, validates and decodes one YAML file into out (a pointer
// to a model.*File). It reports whether out holds anything usable.
func (ld *loader) decode(name string, k model.FileKind, data []byte, out any) bool {
	file := ld.file(name)
	ld.s.Files = append(ld.s.Files, name)
	p := ld.cache.parseAndValidate(file, k, data)
	ld.l.Append(p.diags)
	if p.root == nil {
		ld.s.Unreadable = append(ld.s.Unreadable, name)
		return false
	}
	ld.decodeValidated(file, p.root, p.schemaQuiet, out)
	return true
}

// decodeNode validates the tree root of file against kind k's schema and
// decodes it into out, filling the positions of every entity.
func (ld *loader) decodeNode(file string, k model.FileKind, root *yaml.Node, out any) {
	before := ld.l.Len()
	validate(file, k, newTree(root), &ld.l)
	ld.decodeValidated(file, root, ld.l.Len() == before, out)
}

// decodeValidated decodes the tree root of file, already checked against
// its schema, into out, filling the positions of every entity;
// schemaQuiet says the schema pass reported nothing.
func (ld *loader) decodeValidated(file string, root *yaml.Node, schemaQuiet bool, out any) {
	ld.findPlaceholders(file, root)
	if err := root.Decode(out); err != nil && schemaQuiet {
		// The schema should have caught every shape problem; report what
		// the decoder found so nothing passes silently.
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, msg := range te.Errors {
				ld.l.Errorf(lineOf(file, msg), RuleType, "%s", stripLine(msg))
			}
		} else {
			ld.l.Errorf(diag.Pos{File: file}, RuleType, "%v", err)
		}
	}
	fillMeta(out, root, file)
}

var lineRE = regexp.MustCompile(`^line (\d+): `)

func lineOf(file, msg string) diag.Pos {
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return diag.Pos{File: file, Line: n, Col: 1}
	}
	return diag.Pos{File: file}
}

func stripLine(msg string) string { return lineRE.ReplaceAllString(msg, "") }

// unwrapPathError drops the repeated path from *fs.PathError messages.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
