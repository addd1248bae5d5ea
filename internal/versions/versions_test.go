package versions

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/changes"
)

const example = "../../content/ziemia-kolnenska"

// gitOrSkip skips tests that need the git command.
func gitOrSkip(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

// git runs git in dir, failing the test on error.
func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.org",
		"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE=2024-05-01T12:00:00Z", "GIT_AUTHOR_DATE=2024-05-01T12:00:00Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// copyDir copies the folder src to dst.
func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// newRepo makes a git repository holding a copy of the example in
// content/ziemia-kolnenska, committed and tagged v1.0; it returns the
// repository and the partnership folder.
func newRepo(t testing.TB) (repo, dir string) {
	t.Helper()
	gitOrSkip(t)
	repo = t.TempDir()
	dir = filepath.Join(repo, "content", "ziemia-kolnenska")
	copyDir(t, example, dir)
	os.WriteFile(filepath.Join(repo, "README.md"), []byte("test\n"), 0o644)
	git(t, repo, "init", "-q")
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "consultation draft")
	git(t, repo, "tag", "v1.0")
	return repo, dir
}

// edit replaces the only occurrence of old in file by new.
func edit(t testing.TB, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte(old)); n != 1 {
		t.Fatalf("%s: %q occurs %d times", file, old, n)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cut removes the text from the line starting with from up to (not
// including) the line starting with to, and returns it.
func cut(t testing.TB, dir, file, from, to string) string {
	t.Helper()
	p := filepath.Join(dir, file)
	data, _ := os.ReadFile(p)
	s := string(data)
	i := strings.Index(s, from)
	j := strings.Index(s[i+1:], to)
	if i < 0 || j < 0 {
		t.Fatalf("%s: block %q … %q not found", file, from, to)
	}
	j += i + 1
	block := s[i:j]
	os.WriteFile(p, []byte(s[:i]+s[j:]), 0o644)
	return block
}

// changeEverything edits the example in every way `strategia diff`
// reports, and returns the changes it must list, as signatures.
func changeEverything(t testing.TB, dir string) []string {
	// members: Turośl leaves, a gmina of another powiat joins
	edit(t, dir, "partnership.yaml", `    - teryt: "2006062"`, `    - teryt: "2007042"`)
	// goals: one renamed
	edit(t, dir, "goals.yaml", `title: "Przedsiębiorczość i inwestycje"`, `title: "Przedsiębiorczość, inwestycje i praca"`)
	// directions: KD1.1.2 moves from CS1.1 to CS1.2; KD2.1.2 renamed; a new KD1.3.2
	block := cut(t, dir, "goals.yaml", "          - id: KD1.1.2\n", "      - id: CS1.2\n")
	edit(t, dir, "goals.yaml", "          - id: KD1.2.2\n", block+"          - id: KD1.2.2\n")
	edit(t, dir, "goals.yaml", `title: "Wsparcie zakładania i rozwoju firm"`, `title: "Wsparcie zakładania, rozwoju i przejmowania firm"`)
	edit(t, dir, "goals.yaml", "\n  # ---------------------------------------------------------------------------------------\n  - id: CS2\n", `          - id: KD1.3.2
            title: "Aktywność obywatelska młodzieży"
            results:
              - id: R1.3.2a
                text: "Więcej młodzieży działa w organizacjach pozarządowych"

  # ---------------------------------------------------------------------------------------
  - id: CS2
`)
	// results: R1.1.2b removed; R2.1.2b renamed; R2.1.2a moved to KD2.1.1
	cut(t, dir, "goals.yaml", "              - id: R1.1.2b\n", "          - id: KD1.2.2\n")
	edit(t, dir, "goals.yaml", `text: "Spadek udziału bezrobotnych w ludności w wieku produkcyjnym"`, `text: "Mniej bezrobotnych w wieku produkcyjnym"`)
	r := cut(t, dir, "goals.yaml", "              - id: R2.1.2a\n", "              - id: R2.1.2b\n")
	edit(t, dir, "goals.yaml", "          - id: KD2.1.2\n", r+"          - id: KD2.1.2\n")
	// goals: CS2.2 removed with its directions (KD2.2.1, KD2.2.2), their
	// results and indicators; CS2.3 moved from CS2 to CS3; a new CS3.3
	sep := "\n  # ---------------------------------------------------------------------------------------\n"
	cut(t, dir, "goals.yaml", "      - id: CS2.2\n", "      - id: CS2.3\n")
	cs23 := cut(t, dir, "goals.yaml", "      - id: CS2.3\n", sep+"  - id: CS3\n")
	edit(t, dir, "goals.yaml", "      - id: CS3.1\n", cs23+`      - id: CS3.3
        title: "Bezpieczeństwo powodziowe doliny Pisy"
        directions:
          - id: KD3.3.1
            title: "Mała retencja i ochrona przed podtopieniami"
            results:
              - id: R3.3.1a
                text: "Mniej podtopień zabudowy w dolinie Pisy"
      - id: CS3.1
`)
	// indicators: a baseline value and year, a target value and year
	edit(t, dir, "goals.yaml", `{indicator: tourism_nights, baseline: {year: 2022, value: 152.4}, target: {year: 2030, value: 260.0}}`,
		`{indicator: tourism_nights, baseline: {year: 2023, value: 152.4}, target: {year: 2030, value: 280.0}}`)
	edit(t, dir, "goals.yaml", `{indicator: vocational_internships, baseline: {year: 2022, value: 86}, target: {year: 2030, value: 220}}`,
		`{indicator: vocational_internships, baseline: {year: 2022, value: 92}, target: {year: 2029, value: 220}}`)
	// projects: P09 removed, P10 added; P03's budget, sources, leader,
	// partners, status and dates changed
	p09, _ := os.ReadFile(filepath.Join(dir, "projects", "P09.yaml"))
	os.Remove(filepath.Join(dir, "projects", "P09.yaml"))
	os.WriteFile(filepath.Join(dir, "projects", "P10.yaml"), bytes.ReplaceAll(p09, []byte("P09"), []byte("P10")), 0o644)
	os.Rename(filepath.Join(dir, "projects", "P09.md"), filepath.Join(dir, "projects", "P10.md"))
	edit(t, dir, "projects/P03.yaml", "    total: 26500000\n", "    total: 27000000\n")
	edit(t, dir, "projects/P03.yaml", "      - {source: budzet_jst, amount: 5450000}", "      - {source: budzet_jst, amount: 5950000}")
	edit(t, dir, "projects/P03.yaml", `  leader: {member: "2006053"}`, `  leader: {member: "2006011"}`)
	edit(t, dir, "projects/P03.yaml", "  status: in_preparation", "  status: submitted")
	edit(t, dir, "projects/P03.yaml", "    start: 2024-06\n    end: 2028-06\n", "    start: 2024-09\n    end: 2028-12\n")
	edit(t, dir, "projects/P03.yaml", `    - {member: "2006011", role: "Uzbrojenie`, `    - {member: "2006053", role: "Uzbrojenie`)
	// finance: by goal, by source, by year and the total
	edit(t, dir, "finance.yaml", "    - {goal: CS2, amount: 57000000}", "    - {goal: CS2, amount: 60000000}")
	edit(t, dir, "finance.yaml", "    - {source: kpo, amount: 3000000}", "    - {source: kpo, amount: 6000000}")
	edit(t, dir, "finance.yaml", "    - {year: 2026, amount: 55000000}", "    - {year: 2026, amount: 58000000}")
	edit(t, dir, "finance.yaml", "  total: 215000000", "  total: 218000000")
	// prose: in D6 one paragraph added, one removed, one changed
	edit(t, dir, "diag/finanse.md", "## Dochody\n\n", "## Dochody\n\nNowy akapit o dochodach.\n\n")
	edit(t, dir, "diag/finanse.md", "Strategia ponadlokalna musi określać ramy finansowe", "Strategia ponadlokalna powinna określać ramy finansowe")
	removeParagraph(t, dir, "diag/demografia.md", "Liczba ludności partnerstwa (stan na 31 XII 2022 r.)")
	return []string{
		"members added 2007042",
		"members removed 2006062",
		"goals renamed CS2.1",
		"goals removed CS2.2",
		"goals moved CS2.3 CS2→CS3",
		"goals added CS3.3 under CS3",
		"directions added KD3.3.1 under CS3.3",
		"directions removed KD2.2.1",
		"directions removed KD2.2.2",
		"results added R3.3.1a under KD3.3.1",
		"results removed R2.2.1a",
		"results removed R2.2.2a",
		"indicators removed R2.2.1a local_products",
		"indicators removed R2.2.2a farm_advice",
		"indicators changed R2.3.1a tourism_nights baseline.year 2022→2023",
		"indicators changed R2.3.1a tourism_nights target.value 260→280",
		"prose changed goals +0 -2 ~0", // the two removed directions' descriptions; CS2.3's only moved
		"directions added KD1.3.2 under CS1.3",
		"directions moved KD1.1.2 CS1.1→CS1.2",
		"directions renamed KD2.1.2",
		"results added R1.3.2a under KD1.3.2",
		"results moved R2.1.2a KD2.1.2→KD2.1.1",
		"results renamed R2.1.2b",
		"results removed R1.1.2b",
		"indicators removed R1.1.2b exam8",
		"indicators changed R1.1.1a vocational_internships baseline.value 86→92",
		"indicators changed R1.1.1a vocational_internships target.year 2030→2029",
		"projects changed P03 budget 26500000→27000000",
		"projects changed P03 sources budzet_jst 5450000→budzet_jst 5950000",
		"projects changed P03 leader 2006053→2006011",
		"projects changed P03 partners 2006011→2006053",
		"projects changed P03 status in_preparation→submitted",
		"projects changed P03 start 2024-06→2024-09",
		"projects changed P03 end 2028-06→2028-12",
		"projects added P10",
		"projects removed P09",
		"finance changed total 215000000→218000000",
		"finance changed goal CS2 57000000→60000000",
		"finance changed source kpo 3000000→6000000",
		"finance changed year 2026 55000000→58000000",
		"prose changed diagnosis D1 +0 -1 ~0",
		"prose changed diagnosis D6 +1 -0 ~1",
		"prose changed project P10 +N",
		"prose changed project P09 -N",
	}
}

func removeParagraph(t testing.TB, dir, file, start string) {
	p := filepath.Join(dir, file)
	data, _ := os.ReadFile(p)
	s := string(data)
	i := strings.Index(s, start)
	j := strings.Index(s[i:], "\n\n")
	if i < 0 || j < 0 {
		t.Fatalf("%s: no paragraph %q", file, start)
	}
	os.WriteFile(p, []byte(s[:i]+s[i+j+2:]), 0o644)
}

// signature is a change as the test lists it.
func signature(c changes.Change) string {
	s := fmt.Sprintf("%s %s %s", c.Area, c.Op, c.ID)
	if c.Field != "" && c.Area != changes.AreaFinance || c.Area == changes.AreaFinance && c.Field == "total" && c.ID != "total" {
		s += " " + c.Field
	}
	switch {
	case c.Paragraphs != nil:
		p := c.Paragraphs
		if strings.HasPrefix(c.ID, "project ") {
			if p.Added > 0 && p.Removed == 0 && p.Changed == 0 {
				return s + " +N"
			}
			if p.Removed > 0 && p.Added == 0 && p.Changed == 0 {
				return s + " -N"
			}
		}
		return fmt.Sprintf("%s +%d -%d ~%d", s, p.Added, p.Removed, p.Changed)
	case c.Op == changes.Added && c.New != "":
		return s + " under " + c.New
	case c.Op == changes.Moved || c.Op == changes.Changed:
		return s + " " + c.Old + "→" + c.New
	}
	return s
}

func TestDiffListsExactlyTheChanges(t *testing.T) {
	repo, dir := newRepo(t)
	want := changeEverything(t, dir)
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "after consultation")

	for _, to := range []string{"HEAD", WorkTree} {
		p, err := Load(dir, "v1.0", to)
		if err != nil {
			t.Fatal(err)
		}
		r := p.Compare()
		p.Close()
		var got []string
		for _, c := range r.Changes {
			got = append(got, signature(c))
		}
		slices.Sort(got)
		w := slices.Clone(want)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("to %q: changes differ\n got: %s\nwant: %s", to, strings.Join(got, "\n      "), strings.Join(w, "\n      "))
		}
		if len(r.Incomplete) > 0 {
			t.Errorf("to %q: incomplete: %q", to, r.Incomplete)
		}
		var files []string
		for _, f := range r.Files {
			files = append(files, string(f.Op)+" "+f.Path)
		}
		wantFiles := []string{"changed diag/demografia.md", "changed diag/finanse.md", "changed finance.yaml", "changed goals.yaml",
			"changed partnership.yaml", "changed projects/P03.yaml", "removed projects/P09.md", "removed projects/P09.yaml",
			"added projects/P10.md", "added projects/P10.yaml"}
		if !slices.Equal(files, wantFiles) {
			t.Errorf("to %q: files %q, want %q", to, files, wantFiles)
		}
		if r.From.Name != "v1.0" || r.From.Commit == "" || r.From.Date != "2024-05-01" {
			t.Errorf("from = %+v", r.From)
		}
	}
}

// BenchmarkDiffExample measures `strategia diff` of two revisions of the
// example (both read from git, loaded, compared). Target: ≤ 300 ms.
func BenchmarkDiffExample(b *testing.B) {
	repo, dir := newRepo(b)
	changeEverything(b, dir)
	git(b, repo, "add", "-A")
	git(b, repo, "commit", "-q", "-m", "after consultation")
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		p, err := Load(dir, "v1.0", "HEAD")
		if err != nil {
			b.Fatal(err)
		}
		if r := p.Compare(); len(r.Changes) == 0 {
			b.Fatal("no changes")
		}
		p.Close()
		n++
	}
	// CPU time of the process and its git children: on a loaded machine
	// it says more than the wall time.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(n), "cpu-ms/op")
}
