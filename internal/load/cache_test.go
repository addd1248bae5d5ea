package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestCacheLoadsTheSame: a load through a Cache returns what a load
// without one returns — on the first load, on a load with every file
// unchanged (from the cache), after an edit that breaks a file and after
// the fix — and an edited file is parsed again, not taken from the
// cache.
func TestCacheLoadsTheSame(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "p")
	if err := os.CopyFS(dir, os.DirFS("../../content/ziemia-kolnenska")); err != nil {
		t.Fatal(err)
	}
	c := NewCache()
	same := func(step string) {
		t.Helper()
		want, wl := Load(dir)
		got, gl := LoadCached(dir, c)
		if !reflect.DeepEqual(wl.Items(), gl.Items()) {
			t.Errorf("%s: diagnostics differ:\n%v\n%v", step, wl.Items(), gl.Items())
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: the loaded strategies differ", step)
		}
	}
	same("first load")
	if len(c.m) < 8 {
		t.Fatalf("the cache holds %d files", len(c.m))
	}
	same("unchanged")
	goals := filepath.Join(dir, "goals.yaml")
	orig, err := os.ReadFile(goals)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(orig), "vision:", "vision: [\nwizja:", 1)
	if err := os.WriteFile(goals, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	same("broken")
	if _, l := LoadCached(dir, c); !l.HasErrors() {
		t.Error("the broken goals.yaml loaded without errors through the cache")
	}
	unknown := strings.Replace(string(orig), "vision:", "visionn: x\nvision:", 1)
	if err := os.WriteFile(goals, []byte(unknown), 0o644); err != nil {
		t.Fatal(err)
	}
	same("unknown key")
	if err := os.WriteFile(goals, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	same("fixed")
	if _, l := LoadCached(dir, c); l.HasErrors() {
		t.Errorf("the fixed goals.yaml still has errors: %v", l.Items())
	}
}
