package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/strategia-pl/strategia/internal/compose"
	"github.com/strategia-pl/strategia/internal/load"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/rules"
	"github.com/strategia-pl/strategia/render/pdf"
)

// composeFixture is a small valid partnership whose diag/demografia.md
// the fuzzer replaces.
const composeFixture = "../check/testdata/minimal"

func memFS(tb testing.TB, dir string) fstest.MapFS {
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return fsys
}

// FuzzCompose feeds arbitrary Markdown through the path FuzzLoad stops
// short of: load → rules → compose (Markdown → document IR) → PDF. The
// Markdown is a chapter of the diagnosis of a small valid partnership.
// Whatever the text, nothing may panic or hang; every diagnostic names a
// file; and Markdown that composes without errors must render to a
// complete PDF.
func FuzzCompose(f *testing.F) {
	base := memFS(f, composeFixture)
	seeds, _ := filepath.Glob("../../content/*/diag/*.md")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil && len(data) <= 12<<10 {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"# Nagłówek\n\nAkapit z *kursywą*, **pogrubieniem** i `kodem`.\n",
		"- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g\n              - h\n                - i\n                  - j\n",
		"| a | b |\n|---|--:|\n| 1 | 1 014 824 |\n| x |\n",
		"Tekst[^1].\n\n[^1]: Przypis " + string(bytes.Repeat([]byte("bardzo długi "), 200)) + "\n",
		"<div>surowy HTML</div>\n\n<b>x</b>",
		"![mapa](maps/m1.png)\n\n![brak](maps/brak.png)\n\n![www](https://example.com/a.png)\n",
		"https://example.com/" + string(bytes.Repeat([]byte("a/b-c.d?e&f"), 80)) + "\n",
		string(bytes.Repeat([]byte("Konstantynopolitańczykowianeczka"), 120)) + "\n",
		"{{map:M1}}\n\n{{map:M9}}\n",
		"1. a\n2. b\n\n> cytat\n> > zagnieżdżony\n\n---\n\n```\nkod\n```\n",
		"[link](diag/demografia.md) [www](https://gov.pl) <https://gov.pl>\n",
		"\x00\x01\u200b\ufeff tekst \u00ad\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys["diag/demografia.md"] = &fstest.MapFile{Data: md}
		s, l := load.LoadFS(fsys, "/p")
		x := model.NewIndex(s)
		facts := model.Derive(s, x)
		if len(s.Unreadable) == 0 {
			rules.CheckWith(s, x, facts, nil, l)
		}
		for _, d := range l.Items() {
			if d.Pos.File == "" || d.Rule == "" || d.Msg == "" {
				t.Fatalf("incomplete diagnostic %+v", d)
			}
		}
		if l.HasErrors() {
			return // the Markdown was refused with a diagnostic: fine
		}
		read := func(rel string) ([]byte, error) { return fs.ReadFile(fsys, rel) }
		d, cl := compose.Strategy(s, x, facts, compose.Options{Date: "2024-01-01", ReadFile: read})
		for _, dg := range cl.Items() {
			if dg.Pos.File == "" || dg.Rule == "" || dg.Msg == "" {
				t.Fatalf("incomplete compose diagnostic %+v", dg)
			}
		}
		if cl.HasErrors() || d == nil {
			return
		}
		var buf bytes.Buffer
		if err := pdf.Render(&buf, d, pdf.Options{}); err != nil {
			t.Fatalf("Markdown that composed cleanly does not render: %v", err)
		}
		out := buf.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-32):], []byte("%%EOF")) {
			t.Fatalf("incomplete PDF (%d bytes)", len(out))
		}
	})
}
