package build

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strategia-pl/strategia/internal/pdfua"
)

// checkTagged requires every PDF of a build to be a tagged PDF (pdfinfo
// says "Tagged: yes", where poppler is installed) that passes the PDF/UA
// checker.
func checkTagged(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	pdfinfo, _ := exec.LookPath("pdfinfo")
	n := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".pdf") {
			continue
		}
		n++
		if pdfinfo != "" {
			out, err := exec.Command(pdfinfo, filepath.Join(dir, name)).Output()
			if err != nil {
				t.Errorf("pdfinfo %s: %v", name, err)
			} else if !strings.Contains(string(out), "Tagged:          yes") {
				t.Errorf("pdfinfo %s: not tagged", name)
			}
		}
		ps, err := pdfua.Check(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, p := range ps {
			t.Errorf("%s: PDF/UA: %s", name, p)
		}
	}
	if n == 0 {
		t.Error("no PDF checked")
	}
}
