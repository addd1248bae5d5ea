package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/strategia-pl/strategia/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden diagnostics of testdata/broken")

const example = "../../content/ziemia-kolnenska"

// copyTree copies the folder src into dst.
func copyTree(t testing.TB, src, dst string, transform func(name string, data []byte) []byte) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if transform != nil {
			data = transform(rel, data)
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// render prints diagnostics with paths relative to dir.
func render(l *diag.List, dir string) string {
	var b bytes.Buffer
	_ = diag.Print(&b, l, diag.PrintOptions{Cwd: dir, Summary: true})
	return b.String()
}

func TestExampleIsValid(t *testing.T) {
	r := Dir(example)
	if r.Diags.HasErrors() {
		t.Fatalf("the example has errors:\n%s", render(r.Diags, mustAbs(t, example)))
	}
}

// TestBOMAndCRLF checks that a copy of the example saved the Windows way
// (UTF-8 BOM, CRLF line endings) gives exactly the same diagnostics.
func TestBOMAndCRLF(t *testing.T) {
	want := render(Dir(example).Diags, mustAbs(t, example))
	dir := t.TempDir()
	copyTree(t, example, dir, func(name string, data []byte) []byte {
		if !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".md") {
			return data
		}
		data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		return append([]byte("\xef\xbb\xbf"), data...)
	})
	if got := render(Dir(dir).Diags, dir); got != want {
		t.Errorf("BOM+CRLF copy differs:\n got: %s\nwant: %s", got, want)
	}
}

// TestBroken runs every case of testdata/broken: each txtar archive holds
// files laid over a copy of testdata/minimal (a small valid partnership),
// an optional "DELETE" file listing files to remove and "SYMLINK" lines
// "name -> target", and the golden diagnostics in "want".
func TestBroken(t *testing.T) {
	base := filepath.Join("testdata", "minimal")
	if r := Dir(base); r.Diags.Len() != 0 {
		t.Fatalf("testdata/minimal is not clean:\n%s", render(r.Diags, mustAbs(t, base)))
	}
	cases, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.txtar"))
	if len(cases) < 12 {
		t.Fatalf("only %d broken cases", len(cases))
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			copyTree(t, base, dir, nil)
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "want":
					wantIdx = i
				case "DELETE":
					for _, name := range strings.Fields(string(f.Data)) {
						if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
							t.Fatal(err)
						}
					}
				case "SYMLINK":
					for _, ln := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						name, target, _ := strings.Cut(ln, " -> ")
						if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
							t.Fatal(err)
						}
					}
				default:
					p := filepath.Join(dir, f.Name)
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			r := Dir(dir)
			got := render(r.Diags, dir)
			if !r.Diags.HasErrors() {
				t.Errorf("no error reported")
			}
			for _, d := range r.Diags.Items() {
				if d.Pos.File == "" {
					t.Errorf("diagnostic without a file: %v", d)
				}
			}
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("no want section; run go test -update")
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}

func mustAbs(t testing.TB, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// BenchmarkValidate measures one full validation of the example
// partnership: reading every file, the schema pass (schemas compiled once
// per process), decoding, Markdown resolution and the rules.
func BenchmarkValidate(b *testing.B) {
	Dir(example) // compile the schemas outside the timing
	b.ReportAllocs()
	for b.Loop() {
		if r := Dir(example); r.Diags.HasErrors() {
			b.Fatal("the example has errors")
		}
	}
}
