package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Revision names HEAD's short commit and whether the partnership folder
// has uncommitted changes ("wersja robocza" on the title page).
func TestRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	dir := filepath.Join(repo, "p")
	os.MkdirAll(dir, 0o755)
	if rev, dirty := Revision(dir); rev != "" || dirty {
		t.Errorf("outside git: %q, %v", rev, dirty)
	}
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "partnership.yaml"), []byte("partnership: {}\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "other.txt"), []byte("x\n"), 0o644)
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "first")
	rev, dirty := Revision(dir)
	if len(rev) < 7 || dirty {
		t.Errorf("clean: %q, %v", rev, dirty)
	}
	os.WriteFile(filepath.Join(repo, "other.txt"), []byte("y\n"), 0o644)
	if _, dirty := Revision(dir); dirty {
		t.Error("a change outside the partnership folder makes it dirty")
	}
	os.WriteFile(filepath.Join(dir, "partnership.yaml"), []byte("partnership: {id: p}\n"), 0o644)
	if r, dirty := Revision(dir); r != rev || !dirty {
		t.Errorf("edited: %q, %v; want %q, true", r, dirty, rev)
	}
}
