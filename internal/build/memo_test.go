package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/render/doc"
)

// TestRebuildKeepsUnchangedDocuments: after a chapter edit, a rebuild by
// the same Builder writes the documents whose IR changed (the strategy)
// and leaves the others as they were; every document still equals what
// a fresh build writes, the manifest lists them all, and a document
// deleted meanwhile is written again.
func TestRebuildKeepsUnchangedDocuments(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	dir := filepath.Join(t.TempDir(), "p")
	genPartnership(t, dir, "p", false)
	out := t.TempDir()
	formats := []string{FormatPDF, FormatHTML}
	b := New(Options{Out: out, Version: "test", Formats: formats})
	if r := b.Partnership(context.Background(), dir); !r.OK() || len(r.Unchanged) != 0 {
		t.Fatalf("first build: %v %v, unchanged %v", r.Err, r.Diags.Items(), r.Unchanged)
	}
	w := b.With(Options{Out: out, Version: "test", Formats: formats, Latency: true})

	chapter := filepath.Join(dir, "diag", "rolnictwo.md")
	data, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(chapter, append(data, "\nNowy akapit o rolnictwie.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := w.Partnership(context.Background(), dir)
	if !r.OK() {
		t.Fatal(r.Err, r.Diags.Items())
	}
	strategy := filepath.Join(out, "p", "p-strategia.pdf")
	if !slices.Contains(r.Written, strategy) {
		t.Errorf("the edited strategy was not written: %v", r.Written)
	}
	fiche := filepath.Join(out, "p", "fiszki", "p-fiszka-P01.pdf")
	if !slices.Contains(r.Unchanged, fiche) || slices.Contains(r.Written, fiche) {
		t.Errorf("a fiche the edit does not touch was written again: written %v, unchanged %v", r.Written, r.Unchanged)
	}
	if len(r.Written)+len(r.Unchanged) < 20 {
		t.Errorf("only %d documents in all: %v %v", len(r.Written)+len(r.Unchanged), r.Written, r.Unchanged)
	}
	man, _ := os.ReadFile(filepath.Join(out, "p", ".strategia-manifest.json"))
	for _, f := range slices.Concat(r.Written, r.Unchanged) {
		rel, _ := filepath.Rel(filepath.Join(out, "p"), f)
		if !bytes.Contains(man, []byte(`"`+filepath.ToSlash(rel)+`"`)) {
			t.Errorf("manifest does not list %s:\n%s", rel, man)
		}
	}

	// Same bytes as a build from scratch.
	fresh := t.TempDir()
	if r := New(Options{Out: fresh, Version: "test", Formats: formats}).Partnership(context.Background(), dir); !r.OK() {
		t.Fatal(r.Err)
	}
	compareTrees(t, filepath.Join(fresh, "p"), filepath.Join(out, "p"))

	// A deleted document is written again, though its IR did not change.
	if err := os.Remove(fiche); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(chapter, append(data, "\nInny akapit.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r = w.Partnership(context.Background(), dir)
	if !r.OK() || !slices.Contains(r.Written, fiche) {
		t.Errorf("a deleted fiche was not written again: %v %v", r.Err, r.Written)
	}
	if _, err := os.Stat(fiche); err != nil {
		t.Error(err)
	}
}

// compareTrees fails unless every regular file under want has the same
// bytes under got, hidden files (manifest, lock) aside.
func compareTrees(t *testing.T, want, got string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(want, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		rel, _ := filepath.Rel(want, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(got, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs from a fresh build's (%v)", rel, err)
		}
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("compared %d files: %v", n, err)
	}
}

func TestMemoDigest(t *testing.T) {
	m := newMemo()
	para := func(s string) *doc.Document {
		return &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: s}}}}}
	}
	a, b := m.digest(para("ala")), m.digest(para("ala"))
	if a == 0 || a != b {
		t.Errorf("equal documents, digests %x and %x", a, b)
	}
	for name, d := range map[string]any{
		"other text":   para("ola"),
		"other style":  &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{&doc.Text{Text: "ala", Style: doc.Bold}}}}},
		"other type":   &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{&doc.Heading{Text: []doc.Inline{&doc.Text{Text: "ala"}}}}},
		"other meta":   &doc.Document{Meta: doc.Meta{Title: "T", Date: "2024-01-01"}, Blocks: para("ala").Blocks},
		"image byte":   &doc.Document{Blocks: []doc.Block{&doc.Figure{Data: []byte{1, 2}}}},
		"nil vs empty": &doc.Document{Meta: doc.Meta{Title: "T"}, Blocks: []doc.Block{&doc.Paragraph{Inlines: []doc.Inline{}}}},
	} {
		if m.digest(d) == a {
			t.Errorf("%s: same digest", name)
		}
	}
	if m.digest(&doc.Document{Blocks: []doc.Block{&doc.Figure{Data: []byte{1, 2}}}}) == m.digest(&doc.Document{Blocks: []doc.Block{&doc.Figure{Data: []byte{1, 3}}}}) {
		t.Error("figures with other bytes, same digest")
	}
	// Maps: order does not matter, contents do.
	m1 := map[string]int{"a": 1, "b": 2, "c": 3}
	m2 := map[string]int{"c": 3, "b": 2, "a": 1}
	if m.digest(m1) != m.digest(m2) || m.digest(m1) == m.digest(map[string]int{"a": 1, "b": 2, "c": 4}) {
		t.Error("map digests depend on order or ignore values")
	}
	// What cannot be hashed faithfully is never cached.
	type withFunc struct{ F func() }
	if m.digest(withFunc{F: func() {}}) != 0 {
		t.Error("a function hashed")
	}
	type node struct{ Next *node }
	cyc := &node{}
	cyc.Next = cyc
	if m.digest(cyc) != 0 {
		t.Error("a cycle hashed")
	}
}

// TestOverlappingRebuilds: watch starts a newer build of a partnership
// without waiting for the stale one to finish its render. Whatever the
// moment of each cancellation, the last build leaves exactly what a
// fresh build of the final sources writes.
func TestOverlappingRebuilds(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	dir := filepath.Join(t.TempDir(), "p")
	genPartnership(t, dir, "p", false)
	out := t.TempDir()
	formats := []string{FormatPDF, FormatHTML}
	b := New(Options{Out: out, Version: "test", Formats: formats})
	if r := b.Partnership(context.Background(), dir); !r.OK() {
		t.Fatal(r.Err, r.Diags.Items())
	}
	w := b.With(Options{Out: out, Version: "test", Formats: formats, Latency: true})
	chapter := filepath.Join(dir, "diag", "rolnictwo.md")
	orig, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var cancelPrev context.CancelFunc
	var last *Report
	for i := range 6 {
		// Saves alternate between two texts, so a stale build may have
		// written the very document a newer build finds unchanged.
		if err := os.WriteFile(chapter, append(orig, fmt.Sprintf("\nZmiana %d.\n", i%2)...), 0o644); err != nil {
			t.Fatal(err)
		}
		if cancelPrev != nil {
			cancelPrev()
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancelPrev = cancel
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := w.Partnership(ctx, dir)
			if i == 5 {
				last = r
			}
		}()
		time.Sleep(time.Duration(i*37%150) * time.Millisecond)
	}
	wg.Wait()
	cancelPrev()
	if !last.OK() {
		t.Fatal(last.Err, last.Diags.Items())
	}
	fresh := t.TempDir()
	if r := New(Options{Out: fresh, Version: "test", Formats: formats}).Partnership(context.Background(), dir); !r.OK() {
		t.Fatal(r.Err)
	}
	compareTrees(t, filepath.Join(fresh, "p"), filepath.Join(out, "p"))
}

// TestWriteFilesKeepsIdenticalFiles: rewriting an HTML edition whose page
// changed leaves its images and stylesheet, byte for byte the same, as
// they were (no new file, same modification time), and writes the page.
func TestWriteFilesKeepsIdenticalFiles(t *testing.T) {
	out := t.TempDir()
	files := []file{
		{path: filepath.Join("e", "img", "M1.png"), data: []byte("png"), edition: "e"},
		{path: filepath.Join("e", "style.css"), data: []byte("css"), edition: "e"},
		{path: filepath.Join("e", "index.html"), data: []byte("<p>1</p>"), edition: "e"},
	}
	if _, err := writeFiles(out, files); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, f := range files {
		if err := os.Chtimes(filepath.Join(out, f.path), old, old); err != nil {
			t.Fatal(err)
		}
	}
	files[2].data = []byte("<p>2</p>") // same size, other bytes
	if _, err := writeFiles(out, files); err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		p := filepath.Join(out, f.path)
		fi, err := os.Stat(p)
		data, _ := os.ReadFile(p)
		if err != nil || !bytes.Equal(data, f.data) {
			t.Fatalf("%s: %q, %v", f.path, data, err)
		}
		if rewritten := !fi.ModTime().Equal(old); rewritten != (i == 2) {
			t.Errorf("%s: rewritten %v", f.path, rewritten)
		}
	}
}
