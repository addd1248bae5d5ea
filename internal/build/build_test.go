package build

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const example = "../../content/ziemia-kolnenska"

// copyDir copies src into dst.
func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

func readAll(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".pdf") || strings.HasSuffix(p, ".docx")) {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = data
		}
		return nil
	})
	return out
}

func TestBuildExample(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	out := t.TempDir()
	b := New(Options{Out: out, Version: "test"})
	r := b.Partnership(context.Background(), example)
	if !r.OK() {
		t.Fatalf("build failed: %v\n%v", r.Err, r.Diags.Items())
	}
	files := readAll(t, out)
	for _, want := range []string{
		"ziemia-kolnenska/ziemia-kolnenska-strategia.pdf",
		"ziemia-kolnenska/ziemia-kolnenska-strategia.docx",
		"ziemia-kolnenska/ziemia-kolnenska-pakiet-projektow.pdf",
		"ziemia-kolnenska/ziemia-kolnenska-pakiet-projektow.docx",
		"ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01.pdf",
		"ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01.docx",
	} {
		if len(files[want]) == 0 {
			t.Errorf("missing %s", want)
		}
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".pdf") && (!bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-32:], []byte("%%EOF"))) {
			t.Errorf("%s is not a complete PDF", name)
		}
	}

	// Every PDF passes qpdf's structural check (where qpdf is installed;
	// .ci/run installs it).
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		for name := range files {
			if !strings.HasSuffix(name, ".pdf") {
				continue
			}
			if out, err := exec.Command(qpdf, "--check", filepath.Join(out, name)).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check %s: %v\n%s", name, err, out)
			}
		}
	}

	checkTagged(t, out, files)

	// Same sources, same bytes: a forced rebuild into another folder.
	out2 := t.TempDir()
	r2 := New(Options{Out: out2, Version: "test", Force: true}).Partnership(context.Background(), example)
	if !r2.OK() {
		t.Fatal(r2.Err)
	}
	files2 := readAll(t, out2)
	for name, data := range files {
		if strings.HasSuffix(name, ".pdf") && !bytes.Equal(data, files2[name]) {
			t.Errorf("%s differs between two builds", name)
		}
		if strings.HasSuffix(name, ".docx") && !bytes.Equal(data, files2[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}

	// Nothing changed: the second build in the same folder skips.
	r3 := b.Partnership(context.Background(), example)
	if !r3.Skipped || len(r3.Written) != 0 {
		t.Errorf("unchanged inputs were rebuilt: skipped=%v written=%d", r3.Skipped, len(r3.Written))
	}
}

// TestFailedBuildKeepsDocuments breaks a copy of the example after a good
// build: the next build reports the error and leaves the documents
// byte-identical; fixing the content rebuilds them.
func TestFailedBuildKeepsDocuments(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	src := filepath.Join(t.TempDir(), "ziemia-kolnenska")
	copyDir(t, example, src)
	out := t.TempDir()
	b := New(Options{Out: out, Version: "test", Formats: []string{FormatPDF}})
	if r := b.Partnership(context.Background(), src); !r.OK() {
		t.Fatalf("first build failed: %v %v", r.Err, r.Diags.Items())
	}
	good := readAll(t, out)

	goals := filepath.Join(src, "goals.yaml")
	orig, err := os.ReadFile(goals)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goals, append(orig, []byte("\nbroken: [\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := b.Partnership(context.Background(), src)
	if r.OK() || !r.Diags.HasErrors() {
		t.Fatal("a broken source built")
	}
	after := readAll(t, out)
	for name, data := range good {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	// The fix builds again (the manifest digest differs from the broken
	// state); a comment changes no document, so the Builder keeps them
	// all as they were (memo).
	if err := os.WriteFile(goals, append(orig, []byte("\n# poprawione\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	r = b.Partnership(context.Background(), src)
	if !r.OK() || r.Skipped || len(r.Unchanged) != len(good) || len(r.Written) != 0 {
		t.Errorf("the fix did not build: ok=%v skipped=%v written=%d unchanged=%d of %d", r.OK(), r.Skipped, len(r.Written), len(r.Unchanged), len(good))
	}
}

func TestCancelledBuildWritesNothing(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := New(Options{Out: out, Version: "test"}).Partnership(ctx, example)
	if r.Err == nil {
		t.Error("a cancelled build reported success")
	}
	if files := readAll(t, out); len(files) != 0 {
		t.Errorf("a cancelled build wrote %d files", len(files))
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a", "x.pdf")
	if err := WriteAtomic(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(p); string(data) != "two" {
		t.Errorf("got %q", data)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "a", ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSourceDate(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	if d, err := SourceDate(example, nil); err != nil || d != "2024-11-25" {
		t.Errorf("SourceDate = %q, %v", d, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if _, err := SourceDate(example, nil); err == nil {
		t.Error("a bad SOURCE_DATE_EPOCH was accepted")
	}
}
