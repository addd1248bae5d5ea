package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/strategia-pl/strategia/internal/compose"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/rules"
)

const fixture = "../check/testdata/minimal"

// fixtureFS reads the minimal valid partnership into memory.
func fixtureFS(t testing.TB) fstest.MapFS {
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(fixture, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(fixture, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// fuzzFiles are the files a fuzz input may replace.
var fuzzFiles = func() []string {
	var out []string
	for _, f := range model.StandardFiles {
		out = append(out, f.Name)
	}
	return append(out, "projects/P01.yaml", "diag/demografia.md", "consultation/comments.csv", "consultation/comments.yaml")
}()

// FuzzLoad replaces one file of a valid partnership with arbitrary bytes
// and loads it, runs the rules and, when the content is clean, composes
// the documents. Whatever the bytes, nothing may panic, and every
// diagnostic must name a file and, when it has a line, a column.
func FuzzLoad(f *testing.F) {
	base := fixtureFS(f)
	for i, name := range fuzzFiles {
		if mf, ok := base[name]; ok {
			f.Add(uint8(i), mf.Data)
		}
	}
	seeds, _ := filepath.Glob("../../content/*/*.yaml")
	csvs, _ := filepath.Glob("../../content/*/consultation/*")
	seeds = append(seeds, csvs...)
	more, _ := filepath.Glob("../check/testdata/broken/*.txtar")
	for _, p := range append(seeds, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 16<<10 {
			continue // large seeds make minimisation crawl
		}
		for i, name := range fuzzFiles {
			if strings.HasSuffix(p, "/"+name) || strings.HasSuffix(p, ".txtar") && i == 0 {
				f.Add(uint8(i), data)
			}
		}
	}
	f.Add(uint8(4), []byte("a: &a [*a, *a]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"))
	f.Add(uint8(1), []byte("\xef\xbb\xbfdiagnosis:\r\n  reference_year: 2022\r\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[fuzzFiles[int(which)%len(fuzzFiles)]] = &fstest.MapFile{Data: data}
		s, l := LoadFS(fsys, "/p")
		if s == nil {
			t.Fatal("nil strategy")
		}
		// The whole validating pipeline, and compose when the content is
		// clean, as build runs them.
		x := model.NewIndex(s)
		facts := model.Derive(s, x)
		if len(s.Unreadable) == 0 {
			rules.CheckWith(s, x, facts, nil, l)
		}
		if !l.HasErrors() {
			read := func(rel string) ([]byte, error) { return fs.ReadFile(fsys, rel) }
			compose.Strategy(s, x, facts, compose.Options{Date: "2024-01-01", ReadFile: read})
			for _, p := range s.Projects {
				compose.Fiche(s, x, facts, p.ID, compose.Options{Date: "2024-01-01", ReadFile: read})
			}
			s.Partnership.Documents = []string{model.DocDiagnosisReport, model.DocConsultationReport, model.DocResolutions, model.DocProcedureResolutions, model.DocOpinionRequests}
			compose.Procedure(s, x, facts, "p", compose.Options{Date: "2024-01-01", ReadFile: read})
		}
		for _, d := range l.Items() {
			if d.Pos.File == "" || d.Rule == "" || d.Msg == "" {
				t.Fatalf("incomplete diagnostic %+v", d)
			}
			if d.Pos.Line < 0 || d.Pos.Line > 0 && d.Pos.Col < 1 {
				t.Fatalf("bad position in %v", d)
			}
		}
	})
}
