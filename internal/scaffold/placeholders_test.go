package scaffold

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/model"
)

// TestPlaceholdersTwoVoivodeships scaffolds a partnership of gminy of
// powiat namysłowski (opolskie) and powiat kępiński (wielkopolskie): every
// placeholder it writes is a PLH-01 warning and nothing is an error; once
// the placeholders are filled in, it validates with 0 errors and no PLH-01.
func TestPlaceholdersTwoVoivodeships(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "na307")
	codes := []string{"1606023", "1606012", "1606042", "1606052", "3008012", "3008033", "3008063", "3008072"}
	if _, err := Create(dir, Options{Name: "Partnerstwo na 307", Members: codes, Year: 2025}); err != nil {
		t.Fatal(err)
	}
	// the placeholders as written: value lines (not comment-only lines)
	// and Markdown lines carrying the mark
	want := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "schema") {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, ln := range strings.Split(string(b), "\n") {
			if model.HasPlaceholder(ln) && !strings.HasPrefix(strings.TrimSpace(ln), "#") {
				want++
			}
		}
		return nil
	})
	r := check.Dir(dir)
	plh := 0
	for _, d := range r.Diags.Items() {
		if d.Rule == "PLH-01" {
			plh++
		}
	}
	if r.Diags.HasErrors() || plh != want || want < 30 {
		t.Fatalf("before filling: %d PLH-01 warnings for %d placeholders, errors: %v", plh, want, r.Diags.HasErrors())
	}

	// fill every placeholder the way a user would
	str := regexp.MustCompile(`"UZUPEŁNIJ: ([^"]*)"`)
	bare := regexp.MustCompile(`"UZUPEŁNIJ"`)
	comment := regexp.MustCompile(`\s*# UZUPEŁNIJ.*$`)
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "schema") {
			return nil
		}
		b, _ := os.ReadFile(p)
		var out []string
		for _, ln := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(ln), "#") {
				out = append(out, ln)
				continue
			}
			ln = str.ReplaceAllString(ln, `"Uzupełniono: $1"`)
			ln = bare.ReplaceAllString(ln, `"Cel 1.1"`)
			ln = comment.ReplaceAllString(ln, "")
			ln = strings.ReplaceAll(ln, "UZUPEŁNIJ.", "Treść rozdziału opracowana przez partnerstwo.")
			out = append(out, ln)
		}
		return os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644)
	})
	r = check.Dir(dir)
	for _, d := range r.Diags.Items() {
		if d.Rule == "PLH-01" {
			t.Errorf("after filling: %s", d)
		}
	}
	if r.Diags.HasErrors() {
		t.Errorf("after filling: errors %v", r.Diags.Items())
	}
}
