package scaffold

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/diag"
)

func TestCreateValidates(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nowe")
	notes, err := Create(dir, Options{Name: "Partnerstwo Ziemi Kolneńskiej", Year: 2025,
		Members: []string{"2006011", "2006032", "2006022", "2006042", "2006053", "2006062"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "2006 kolneński") {
		t.Errorf("notes = %q, want the added powiat and the schema folder", notes)
	}
	r := check.Dir(dir)
	var b bytes.Buffer
	diag.Print(&b, r.Diags, diag.PrintOptions{Cwd: dir, Summary: true})
	if r.Diags.HasErrors() {
		t.Fatalf("a new partnership has errors:\n%s", b.String())
	}
	t.Log(b.String())
	p, _ := os.ReadFile(filepath.Join(dir, "partnership.yaml"))
	for _, want := range []string{`name: "Mały Płock"`, "kind: powiat", "gmina_type: 3", "# yaml-language-server: $schema=schema/partnership.schema.json"} {
		if !bytes.Contains(p, []byte(want)) {
			t.Errorf("partnership.yaml lacks %q", want)
		}
	}
	pr, _ := os.ReadFile(filepath.Join(dir, "projects", "P01.yaml"))
	if !bytes.HasPrefix(pr, []byte("# yaml-language-server: $schema=../schema/project.schema.json")) {
		t.Errorf("project modeline: %s", pr[:80])
	}
	if _, err := os.Stat(filepath.Join(dir, "schema", "project.schema.json")); err != nil {
		t.Error(err)
	}
	// Never overwrite.
	var ue *UsageError
	if _, err := Create(dir, Options{Name: "X", Members: []string{"2006011", "2006032"}}); !errors.As(err, &ue) {
		t.Errorf("overwrote an existing folder: %v", err)
	}
}

func TestInsideRepository(t *testing.T) {
	dir := filepath.Join("..", "..", "content", "zz-scaffold-test")
	abs, _ := filepath.Abs(dir)
	sd, write := schemaDirFor(abs)
	if write || filepath.Base(sd) != "schema" {
		t.Fatalf("schemaDirFor(%s) = %s, %v", abs, sd, write)
	}
	files := render(Options{Name: "Partnerstwo X", Year: 2025}, mustResolve(t, "2006011", "2006032"), abs, sd)
	if got := string(files["goals.yaml"]); !strings.HasPrefix(got, "# yaml-language-server: $schema=../../schema/goals.schema.json\n") {
		t.Errorf("modeline in the repository: %q", got[:70])
	}
	if got := string(files["projects/P01.yaml"]); !strings.HasPrefix(got, "# yaml-language-server: $schema=../../../schema/project.schema.json\n") {
		t.Errorf("project modeline in the repository: %q", got[:70])
	}
}

func mustResolve(t *testing.T, codes ...string) []member {
	ms, err := Resolve(codes)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestUnknownCodes(t *testing.T) {
	_, err := Resolve([]string{"2006011", "2006012", "2006034", "Turośl"})
	var ue *UsageError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"2006012 is not in the TERC register", "2006011 Kolno", "2006034", "2006062 Turośl"} {
		if !strings.Contains(ue.Msg, want) {
			t.Errorf("message lacks %q:\n%s", want, ue.Msg)
		}
	}
}
