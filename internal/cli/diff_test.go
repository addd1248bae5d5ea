package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func gitOrSkip(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=t@example.org",
		"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// run runs the CLI and returns its exit code, stdout and stderr.
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestDiffBadInput: each bad input is one clear message and exit 1 or 2,
// never a panic.
func TestDiffBadInput(t *testing.T) {
	gitOrSkip(t)
	repo := t.TempDir()
	dir := filepath.Join(repo, "p")
	os.WriteFile(filepath.Join(repo, "README.md"), []byte("x\n"), 0o644)

	// not a repository yet
	os.MkdirAll(dir, 0o755)
	copyTree(t, "../../content/ziemia-kolnenska", dir)
	check := func(name string, wantCode int, wantErr string, args ...string) {
		t.Helper()
		code, _, stderr := run(append([]string{"diff"}, args...)...)
		if code != wantCode || !strings.Contains(stderr, wantErr) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", name, code, stderr, wantCode, wantErr)
		}
	}
	check("not a repository", ExitContent, "not inside a git repository", dir)

	// first commit: only the README; second: the partnership
	git(t, repo, "init", "-q")
	git(t, repo, "add", "README.md")
	git(t, repo, "commit", "-q", "-m", "readme")
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "partnership")
	check("unknown revision", ExitUsage, `unknown revision "v9.9"`, "-from", "v9.9", dir)
	check("option as revision", ExitUsage, `unknown revision "--output=x"`, "-from", "--output=x", dir)
	check("folder missing at the revision", ExitContent, "does not exist at this revision", "-from", "HEAD~1", dir)

	// a revision whose content does not validate: still compared, with a
	// note, exit 1
	goals := filepath.Join(dir, "goals.yaml")
	good, _ := os.ReadFile(goals)
	os.WriteFile(goals, []byte("strategic_goals: [\n"), 0o644)
	git(t, repo, "commit", "-q", "-am", "broken goals")
	os.WriteFile(goals, good, 0o644)
	git(t, repo, "commit", "-q", "-am", "goals fixed")
	code, stdout, stderr := run("diff", "-from", "HEAD~1", dir)
	if code != ExitContent || strings.Contains(stdout, "\nGoals\n") || !strings.Contains(stdout, "goals.yaml could not be read, so what it holds (goals, directions, results and their indicators) was not compared") {
		t.Errorf("invalid revision: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}

	// a shallow clone has no history to compare with
	shallow := filepath.Join(t.TempDir(), "shallow")
	git(t, repo, "clone", "-q", "--depth", "1", "file://"+repo, shallow)
	check("shallow, named revision", ExitUsage, "shallow clone", "-from", "HEAD~1", filepath.Join(shallow, "p"))
	check("shallow, default revision", ExitContent, "shallow clone", filepath.Join(shallow, "p"))

	// no git at all
	t.Setenv("PATH", t.TempDir())
	check("no git", ExitContent, "the git command is not installed", dir)
}

// TestDiffDocuments: diff -out and build -since write the list of changes
// (PDF, DOCX) and the strategy's redline DOCX.
func TestDiffDocuments(t *testing.T) {
	gitOrSkip(t)
	if testing.Short() {
		t.Skip("slow")
	}
	repo := t.TempDir()
	dir := filepath.Join(repo, "ziemia-kolnenska")
	copyTree(t, "../../content/ziemia-kolnenska", dir)
	git(t, repo, "init", "-q")
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "draft")
	git(t, repo, "tag", "v1.0")
	goals := filepath.Join(dir, "goals.yaml")
	data, _ := os.ReadFile(goals)
	os.WriteFile(goals, bytes.Replace(data, []byte(`title: "Przedsiębiorczość i inwestycje"`), []byte(`title: "Przedsiębiorczość, inwestycje i praca"`), 1), 0o644)
	git(t, repo, "commit", "-q", "-am", "after consultation")

	out := t.TempDir()
	code, stdout, stderr := run("diff", "-out", out, dir)
	if code != ExitOK || !strings.Contains(stdout, `CS2.1 renamed: "Przedsiębiorczość i inwestycje" → "Przedsiębiorczość, inwestycje i praca"`) {
		t.Fatalf("diff -out: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	base := filepath.Join(out, "ziemia-kolnenska", "ziemia-kolnenska")
	for _, f := range []string{"-zestawienie-zmian.pdf", "-zestawienie-zmian.docx", "-strategia-zmiany.docx"} {
		if _, err := os.Stat(base + f); err != nil {
			t.Errorf("diff -out wrote no %s: %v", f, err)
		}
	}
	red := docxPart(t, base+"-strategia-zmiany.docx", "word/document.xml")
	for _, want := range []string{`<w:delText xml:space="preserve">Przedsiębiorczość</w:delText>`, `<w:t xml:space="preserve">Przedsiębiorczość,</w:t>`, `w:author="strategia"`} {
		if !strings.Contains(red, want) {
			t.Errorf("redline lacks %s", want)
		}
	}
	list := docxPart(t, base+"-zestawienie-zmian.docx", "word/document.xml")
	for _, want := range []string{"Zestawienie zmian", "zmiana nazwy", "Przedsiębiorczość, inwestycje", "v1.0"} {
		if !strings.Contains(list, want) {
			t.Errorf("list of changes lacks %q", want)
		}
	}

	out2 := t.TempDir()
	code, stdout, stderr = run("build", "-out", out2, "-format", "pdf", "-since", "v1.0", dir)
	base2 := filepath.Join(out2, "ziemia-kolnenska", "ziemia-kolnenska")
	if code != ExitOK {
		t.Fatalf("build -since: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, f := range []string{"-strategia.pdf", "-zestawienie-zmian.pdf", "-zestawienie-zmian.docx", "-strategia-zmiany.docx"} {
		if _, err := os.Stat(base2 + f); err != nil {
			t.Errorf("build -since wrote no %s: %v", f, err)
		}
	}
	code, _, stderr = run("build", "-out", out2, "-since", "v9", dir)
	if code != ExitUsage || !strings.Contains(stderr, `unknown revision "v9"`) {
		t.Errorf("build -since v9: exit %d, %s", code, stderr)
	}
}

func docxPart(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", path, name)
	return ""
}
