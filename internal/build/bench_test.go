package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/strategia-pl/strategia/internal/build/buildtest"
	"github.com/strategia-pl/strategia/internal/watch"
)

// genPartnership writes a copy of the example into dir with the given
// slug. With bigDiagnosis, the first diagnosis chapter grows by the text
// of all chapters, repeated (footnotes and {{…}} references removed), so
// the diagnosis alone runs to about 120 pages.
func genPartnership(tb testing.TB, dir, slug string, bigDiagnosis bool) {
	tb.Helper()
	copyDir(tb, example, dir)
	p := filepath.Join(dir, "partnership.yaml")
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "id: ziemia-kolnenska", "id: "+slug, 1))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	if !bigDiagnosis {
		return
	}
	if err := buildtest.GrowDiagnosis(dir); err != nil {
		tb.Fatal(err)
	}
}

func genWorkspace(tb testing.TB, n int) (string, []string) {
	ws := tb.TempDir()
	var dirs []string
	for i := range n {
		slug := fmt.Sprintf("partnerstwo-%02d", i+1)
		d := filepath.Join(ws, slug)
		genPartnership(tb, d, slug, false)
		dirs = append(dirs, d)
	}
	return ws, dirs
}

// BenchmarkWorkspace40 builds a workspace of 40 partnerships (each a copy
// of the example: strategy, package and 9 fiches, PDF and DOCX) from
// scratch, GOMAXPROCS at a time. Target: ≤ 10 s on 2 cores.
func BenchmarkWorkspace40(b *testing.B) {
	defer gcLikeCLI()()
	b.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	_, dirs := genWorkspace(b, 40)
	b.ResetTimer()
	for b.Loop() {
		out := b.TempDir()
		for _, r := range New(Options{Out: out, Version: "bench", Force: true}).All(context.Background(), dirs) {
			if !r.OK() {
				b.Fatal(r.Err, r.Diags.Items())
			}
		}
	}
}

// BenchmarkWorkspace40Unchanged rebuilds the 40-partnership workspace
// with nothing changed: every partnership is found up to date. Target:
// ≤ 300 ms.
func BenchmarkWorkspace40Unchanged(b *testing.B) {
	defer gcLikeCLI()()
	b.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	_, dirs := genWorkspace(b, 40)
	out := b.TempDir()
	bl := New(Options{Out: out, Version: "bench"})
	bl.All(context.Background(), dirs)
	b.ResetTimer()
	for b.Loop() {
		for _, r := range bl.All(context.Background(), dirs) {
			if !r.Skipped {
				b.Fatalf("%s rebuilt", r.Slug)
			}
		}
	}
}

// BenchmarkSaveToPDF measures, in watch mode, the time from saving a
// Markdown file of the example (with a 120-page diagnosis) to the rename
// of the strategy's new PDF. It reports the median as ms/save. Target:
// median ≤ 150 ms.
func BenchmarkSaveToPDF(b *testing.B) {
	defer gcLikeCLI()()
	b.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	ws := b.TempDir()
	dir := filepath.Join(ws, "duza")
	genPartnership(b, dir, "duza", true)
	out := b.TempDir()
	pdfs := make(chan time.Time, 16)
	bl := New(Options{Out: out, Version: "bench", Formats: []string{FormatPDF}, Latency: true, Progress: func(ev Event) {
		if strings.HasSuffix(ev.File, "-strategia.pdf") {
			pdfs <- time.Now()
		}
	}})
	if r := bl.Partnership(context.Background(), dir); !r.OK() {
		b.Fatal(r.Err, r.Diags.Items())
	}
	<-pdfs
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = watch.Run(ctx, []string{ws}, func(ctx context.Context, d string) { bl.Partnership(ctx, d) }, watch.Options{})
	}()
	time.Sleep(200 * time.Millisecond)
	target := filepath.Join(dir, "diag", "rolnictwo.md")
	orig, _ := os.ReadFile(target)
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		if err := os.WriteFile(target, append(orig, fmt.Sprintf("\nZmiana %d.\n", i)...), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case t1 := <-pdfs:
			lat = append(lat, t1.Sub(t0))
		case <-time.After(10 * time.Second):
			b.Fatal("no rebuild")
		}
		time.Sleep(100 * time.Millisecond) // let the remaining outputs finish
	}
	b.StopTimer()
	cancel()
	<-done
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms/save(median)")
	b.ReportMetric(0, "ns/op")
	_ = runtime.NumCPU
}

// gcLikeCLI sets the collector as `strategia build` and `watch` do
// (internal/cli: GOGC=400) and returns the function that restores it.
func gcLikeCLI() func() {
	old := debug.SetGCPercent(400)
	return func() { debug.SetGCPercent(old) }
}

func TestGeneratedPartnershipsAreValid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "duza")
	genPartnership(t, dir, "duza", true)
	r := New(Options{Out: t.TempDir(), Version: "test", Formats: []string{FormatPDF}}).Partnership(context.Background(), dir)
	if !r.OK() {
		t.Fatalf("generated partnership does not build: %v %v", r.Err, r.Diags.Items())
	}
}

// BenchmarkExampleSet builds the example's whole document set (strategy,
// package and 9 fiches) as PDF only, as the build command does: documents
// render in parallel on GOMAXPROCS cores. Target: ≤ 100 ms. The process-
// wide caches (font subsets, parsed Markdown) are warm after the first
// iteration, as in a workspace build; each iteration has a new Builder,
// so no line breaks are kept.
func BenchmarkExampleSet(b *testing.B) {
	defer gcLikeCLI()()
	b.Setenv("SOURCE_DATE_EPOCH", "1732492800")
	b.ReportAllocs()
	for b.Loop() {
		r := New(Options{Out: b.TempDir(), Version: "bench", Force: true, Formats: []string{FormatPDF}}).Partnership(context.Background(), example)
		if !r.OK() {
			b.Fatal(r.Err)
		}
	}
}
