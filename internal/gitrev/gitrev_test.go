package gitrev

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(rel, s string) {
		p := filepath.Join(repo, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(s), 0o644)
	}
	write("README.md", "x\n")
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "readme")
	write("treści/gmina łąka/partnership.yaml", "v1\n")
	write("treści/gmina łąka/diag/rozdział 1.md", "# Diagnoza\n")
	write("treści/gmina łąka-2/partnership.yaml", "other\n")
	os.Symlink("/etc/passwd", filepath.Join(repo, "treści/gmina łąka/link.md"))
	git("add", "-A")
	git("commit", "-q", "-m", "partnership")
	write("treści/gmina łąka/partnership.yaml", "v2\n")

	r, err := Open(filepath.Join(repo, "treści", "gmina łąka"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Prefix() != "treści/gmina łąka" {
		t.Errorf("prefix %q", r.Prefix())
	}
	if !r.Dirty() {
		t.Error("an edited file does not make the folder dirty")
	}
	c, err := r.Resolve("HEAD")
	if err != nil || len(c.Short) < 7 || c.Subject != "partnership" {
		t.Fatalf("Resolve(HEAD) = %+v, %v", c, err)
	}
	fsys, err := r.Tree(c)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if got := strings.Join(names, ","); got != "diag/rozdział 1.md,partnership.yaml" {
		t.Errorf("files %s (the sibling folder and the symbolic link must be left out)", got)
	}
	if b, _ := fs.ReadFile(fsys, "partnership.yaml"); string(b) != "v1\n" {
		t.Errorf("partnership.yaml at HEAD = %q, want the committed v1", b)
	}
	if from, err := r.DefaultFrom(); err != nil || from != "HEAD" {
		t.Errorf("DefaultFrom with uncommitted changes = %q, %v; want HEAD", from, err)
	}
	first, _ := r.Resolve("HEAD~1")
	if _, err := r.Tree(first); !errors.Is(err, ErrNoFolder) {
		t.Errorf("Tree before the folder existed: %v, want ErrNoFolder", err)
	}
	if _, err := r.Resolve("no-such-tag"); err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-tag"`) {
		t.Errorf("Resolve(no-such-tag): %v", err)
	}
}
