package serve

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/strategia-pl/strategia/internal/build"
	"github.com/strategia-pl/strategia/internal/build/buildtest"
)

var screenshot = flag.String("screenshot", "", "write the README's screenshot of the error overlay to `FILE` (PNG)")

// chromium finds Debian's chromium. Without it the browser tests skip,
// except in CI (CI=true), where .ci/run installs it and its absence is a
// failure.
func chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("chromium is not installed, but CI must run the browser tests (.ci/run installs it)")
	}
	tb.Skip("chromium not installed")
	return ""
}

// browser starts a headless chromium with a fresh profile.
func browser(tb testing.TB) context.Context {
	tb.Helper()
	exe := chromium(tb)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1100, 720),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancelC(); cancelA() })
	// The first action starts the browser, with no timeout (a timeout on
	// it would stop the browser).
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// run runs steps, failing the test after 60 s.
func run(tb testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(c, steps...); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a script in the page and decodes its value.
func eval[T any](tb testing.TB, ctx context.Context, what, script string, opts ...chromedp.EvaluateOption) T {
	tb.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, chromedp.Evaluate[T](script, opts...))
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
	return v
}

// waitJS waits until the script's value is truthy (30 s at most).
func waitJS(tb testing.TB, ctx context.Context, what, script string) {
	tb.Helper()
	run(tb, ctx, what, chromedp.Poll[chromedp.Void](script, chromedp.WithPollingTimeout(30*time.Second)))
}

// open loads a served page and waits for its live script to connect.
func open(tb testing.TB, ctx context.Context, url string) {
	tb.Helper()
	run(tb, ctx, "open "+url, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(`html[data-strategia-live]`)))
}

// TestBrowser opens the served example in chromium: headings, a table
// and a map; a paragraph appended to a chapter appears without a reload
// while the reader stays on their section; a broken YAML file shows the
// overlay with its file:line above the last good document; the fix
// removes it.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	axe, err := os.ReadFile(filepath.Join("testdata", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	s := startServe(t, []string{build.FormatHTML, build.FormatPDF}, nil)

	// The index links every document.
	open(t, ctx, s.url)
	links := eval[[]string](t, ctx, "index", `Array.from(document.querySelectorAll("main a")).map(a => a.getAttribute("href"))`)
	for _, want := range []string{"/ziemia-kolnenska/ziemia-kolnenska-strategia/", "/ziemia-kolnenska/ziemia-kolnenska-strategia.pdf", "/ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01/"} {
		if !slices.Contains(links, want) {
			t.Errorf("the index does not link %s: %v", want, links)
		}
	}

	page := s.url + "ziemia-kolnenska/ziemia-kolnenska-strategia/"
	open(t, ctx, page)
	waitJS(t, ctx, "images", `Array.from(document.images).every(i => i.complete)`)
	type pageFacts struct {
		Lang      string
		H1        string
		Levels    []int
		Chapters  []string
		Tables    int
		Captioned int
		ColTH     int
		Maps      []struct {
			Alt   string
			Width int
		}
		Nav int
	}
	facts := eval[pageFacts](t, ctx, "read the strategy", `({
		Lang: document.documentElement.lang,
		H1: document.querySelector("h1").textContent,
		Levels: Array.from(document.querySelectorAll("h1,h2,h3,h4,h5,h6")).map(h => Number(h.tagName[1])),
		Chapters: Array.from(document.querySelectorAll("main > section > h2")).map(h => h.textContent),
		Tables: document.querySelectorAll("table").length,
		Captioned: document.querySelectorAll("table > caption").length,
		ColTH: document.querySelectorAll("thead th[scope=col], thead th[scope=colgroup]").length,
		Maps: Array.from(document.querySelectorAll("figure img")).map(i => ({Alt: i.alt, Width: i.naturalWidth})),
		Nav: document.querySelectorAll("nav a[href^='#']").length,
	})`)
	if facts.Lang != "pl" {
		t.Errorf("lang %q", facts.Lang)
	}
	if !strings.Contains(facts.H1, "Strategia rozwoju ponadlokalnego") {
		t.Errorf("h1 %q", facts.H1)
	}
	for i := 1; i < len(facts.Levels); i++ {
		if facts.Levels[i] > facts.Levels[i-1]+1 {
			t.Errorf("heading %d: h%d after h%d", i, facts.Levels[i], facts.Levels[i-1])
			break
		}
	}
	if len(facts.Chapters) < 5 || !slices.ContainsFunc(facts.Chapters, func(c string) bool { return strings.HasPrefix(c, "2. Diagnoza") }) {
		t.Errorf("chapters %q", facts.Chapters)
	}
	if facts.Tables < 10 || facts.Captioned < 5 || facts.ColTH < 10 {
		t.Errorf("tables %d, captioned %d, column headers %d", facts.Tables, facts.Captioned, facts.ColTH)
	}
	if len(facts.Maps) == 0 {
		t.Error("no map")
	}
	for _, m := range facts.Maps {
		if m.Alt == "" || m.Width == 0 {
			t.Errorf("map %+v: no alt text or not loaded", m)
		}
	}
	if facts.Nav < 20 {
		t.Errorf("the table of contents has %d links", facts.Nav)
	}

	// Save → the paragraph appears; the reader stays on their section.
	const section = "czynnik ubytku ludności"
	before := eval[float64](t, ctx, "scroll to a section", `(() => {
		const h = Array.from(document.querySelectorAll("h3,h4")).find(h => h.textContent.includes(`+"`"+section+"`"+`));
		h.scrollIntoView(); window.scrollBy(0, -40);
		return h.getBoundingClientRect().top;
	})()`)
	// The "budowanie…" indicator shows while the rebuild runs.
	eval[chromedp.Void](t, ctx, "watch the indicator", `(() => {
		const busy = document.querySelector("#strategia-live .sl-busy");
		window.sawBusy = "";
		new MutationObserver(() => { if (!busy.hidden) window.sawBusy = busy.textContent }).observe(busy, {attributes: true});
	})()`)
	fetches := `performance.getEntriesByType("resource").filter(r => r.initiatorType === "fetch").length`
	fetched := eval[int](t, ctx, "fetches before", fetches)
	const para = "Akapit dopisany podczas testu przeglądarki."
	appendFile(t, filepath.Join(s.dir, "diag", "demografia.md"), "\n"+para+"\n")
	waitJS(t, ctx, "wait for the appended paragraph", `document.body.textContent.includes(`+"`"+para+"`"+`)`)
	after := eval[float64](t, ctx, "reading position", `Array.from(document.querySelectorAll("h3,h4")).find(h => h.textContent.includes(`+"`"+section+"`"+`)).getBoundingClientRect().top`)
	if d := after - before; d < -2 || d > 2 {
		t.Errorf("the section moved by %.0f px on reload", d)
	}
	// A change within one chapter arrives as that section alone: the
	// browser does not fetch the page again.
	if n := eval[int](t, ctx, "fetches after", fetches); n != fetched {
		t.Errorf("the page was fetched again (%d fetches) for a change within one section", n-fetched)
	}
	if saw := eval[string](t, ctx, "indicator", `window.sawBusy`); saw != "budowanie…" {
		t.Errorf("the indicator showed %q during the rebuild, want budowanie…", saw)
	}
	waitJS(t, ctx, "indicator hidden after the build", `document.querySelector("#strategia-live .sl-busy").hidden`)

	// Broken YAML → overlay with the position, the document underneath.
	goals := filepath.Join(s.dir, "goals.yaml")
	good, _ := os.ReadFile(goals)
	lines := strings.SplitAfterN(string(good), "\n", 2)
	if err := os.WriteFile(goals, []byte(lines[0]+"zle_pole: 1\n"+lines[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "wait for the overlay", chromedp.WaitVisible(chromedp.CSS(`#strategia-live .sl-overlay`)))
	type overlay struct {
		Text, Href, H1 string
	}
	ov := eval[overlay](t, ctx, "read the overlay", `({
		Text: document.querySelector("#strategia-live .sl-overlay").textContent,
		Href: document.querySelector("#strategia-live .sl-overlay a").href,
		H1: document.querySelector("main, header") && document.querySelector("h1").textContent,
	})`)
	if !strings.Contains(ov.Text, "goals.yaml:2:1") || !strings.Contains(ov.Text, "SCH-01") {
		t.Errorf("overlay: %q", ov.Text)
	}
	if want := filepath.ToSlash(goals) + ":2:1"; !strings.HasPrefix(ov.Href, "vscode://file/") || !strings.HasSuffix(ov.Href, want) {
		t.Errorf("overlay link %q, want vscode://file/…%s", ov.Href, want)
	}
	if !strings.Contains(ov.H1, "Strategia") {
		t.Error("the last good document is not under the overlay")
	}
	// The overlay is accessible too (on the small fiche page, for speed).
	fiche := s.url + "ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01/"
	open(t, ctx, fiche)
	run(t, ctx, "the fiche's overlay", chromedp.WaitVisible(chromedp.CSS(`#strategia-live .sl-overlay`)))
	reportViolations(t, axeRun(t, ctx, axe))
	open(t, ctx, page)
	run(t, ctx, "the overlay again", chromedp.WaitVisible(chromedp.CSS(`#strategia-live .sl-overlay`)))
	if *screenshot != "" {
		eval[chromedp.Void](t, ctx, "scroll up", `window.scrollTo(0, 0)`)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(goals, good, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "wait for the overlay to go", chromedp.WaitNotVisible(chromedp.CSS(`#strategia-live .sl-overlay`)))
}

// TestPrint prints the package's HTML edition as chromium does from its
// print dialog: A4 pages with "Strona X z Y" at the foot, no skip link
// and no live-reload interface; the title page has no footer.
func TestPrint(t *testing.T) {
	ctx := browser(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	s := startServe(t, []string{build.FormatHTML}, nil)
	open(t, ctx, s.url+"ziemia-kolnenska/ziemia-kolnenska-pakiet-projektow/")
	yes := true
	pdf, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		r, err := cdp.Call(ctx, tg, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PreferCSSPageSize: &yes})
		return r.Data, err
	})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "druk.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("printed %d pages", len(pages))
	}
	for i, p := range pages[1:] { // the title page has no footer
		if want := fmt.Sprintf("Strona %d z %d", i+2, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	if strings.Contains(pages[0], "Strona 1") {
		t.Error("the title page has a page number")
	}
	for _, bad := range []string{"Przejdź do treści", "budowanie…", "Ukryj"} {
		if strings.Contains(string(text), bad) {
			t.Errorf("the print shows %q", bad)
		}
	}
	if info, err := exec.Command("pdfinfo", file).Output(); err == nil && !strings.Contains(string(info), "(A4)") {
		t.Errorf("not A4:\n%s", info)
	}
}

// axeResult is what axe-core reports of one violated rule.
type axeResult struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Tags  []string `json:"tags"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core over the served strategy, package, a
// fiche and the index: no violation of the WCAG 2.1 A and AA rules.
func TestAccessibility(t *testing.T) {
	ctx := browser(t)
	axe, err := os.ReadFile(filepath.Join("testdata", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	s := startServe(t, []string{build.FormatHTML}, nil)
	violations := func(t *testing.T) []axeResult { return axeRun(t, ctx, axe) }
	for _, p := range []string{
		"ziemia-kolnenska/ziemia-kolnenska-strategia/",
		"ziemia-kolnenska/ziemia-kolnenska-pakiet-projektow/",
		"ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01/",
		"",
	} {
		name := strings.Trim(p, "/")
		if name == "" {
			name = "index"
		}
		t.Run(name, func(t *testing.T) {
			open(t, ctx, s.url+p)
			reportViolations(t, violations(t))
		})
	}
	// The judge itself: a picture without alt text and a skipped heading
	// level in a fiche must be found.
	t.Run("axe-finds-faults", func(t *testing.T) {
		open(t, ctx, s.url+"ziemia-kolnenska/fiszki/ziemia-kolnenska-fiszka-P01/")
		eval[chromedp.Void](t, ctx, "spoil", `document.querySelector("main").prepend(Object.assign(document.createElement("img"), {src: "nie-ma.png"}))`)
		var ids []string
		for _, v := range violations(t) {
			ids = append(ids, v.ID)
		}
		if !slices.Contains(ids, "image-alt") {
			t.Errorf("axe did not report an image without alt text: %v", ids)
		}
	})
}

// axeRun runs axe-core's WCAG 2.1 A and AA rules over the page.
func axeRun(tb testing.TB, ctx context.Context, axe []byte) []axeResult {
	tb.Helper()
	eval[chromedp.Void](tb, ctx, "load axe", string(axe))
	return eval[[]axeResult](tb, ctx, "axe",
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise)
}

func reportViolations(tb testing.TB, vs []axeResult) {
	tb.Helper()
	for _, v := range vs {
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, fmt.Sprintf("… %d more", len(v.Nodes)-3))
				break
			}
			where = append(where, fmt.Sprintf("%v %.120s", n.Target, n.HTML))
		}
		tb.Errorf("%s (%s): %s\n\t%s", v.ID, strings.Join(v.Tags, ","), v.Help, strings.Join(where, "\n\t"))
	}
}

// BenchmarkSaveToDOM measures save → updated DOM in the browser for the
// 177-page strategy of build's BenchmarkSaveToPDF (the example with its
// diagnosis grown to about 120 pages): a paragraph is appended to a
// chapter, and the time runs until the browser's DOM holds it. The
// median is reported as ms/save-median (target ≤ 150 ms), and the
// browser's share of it (fetch, parse and swap of the page) as
// ms/browser-median.
func BenchmarkSaveToDOM(b *testing.B) {
	// The collector as `strategia serve` sets it (internal/cli tuneGC),
	// as build's SaveToPDF does.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	ctx := browser(b)
	s := startServe(b, []string{build.FormatHTML, build.FormatPDF, build.FormatDOCX}, growDiagnosis(b))
	open(b, ctx, s.url+"ziemia-kolnenska/ziemia-kolnenska-strategia/")
	chapter := filepath.Join(s.dir, "diag", "rolnictwo.md")
	var times []time.Duration
	var inBrowser []float64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		text := fmt.Sprintf("Akapit pomiarowy numer %d.", i+1)
		eval[chromedp.Void](b, ctx, "arm", `window.__saved = new Promise(res => {
			const want = `+"`"+text+"`"+`;
			const obs = new MutationObserver(() => { if (document.body.textContent.includes(want)) { obs.disconnect(); res(true) } });
			obs.observe(document.body, {childList: true, subtree: true});
		}); true`)
		t0 := time.Now()
		appendFile(b, chapter, "\n"+text+"\n")
		eval[bool](b, ctx, "wait", `window.__saved`, chromedp.EvalAwaitPromise)
		times = append(times, time.Since(t0))
		inBrowser = append(inBrowser, eval[float64](b, ctx, "refresh time", `window.strategiaRefreshMs`))
		// Let the rest of the partnership (PDF, DOCX, fiches) finish, as
		// between an advisor's saves.
		b.StopTimer()
		waitIdle(b, s)
		b.StartTimer()
	}
	slices.Sort(times)
	slices.Sort(inBrowser)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms/save-median")
	b.ReportMetric(inBrowser[len(inBrowser)/2], "ms/browser-median")
}

// waitIdle waits until no build runs.
func waitIdle(tb testing.TB, s *served) {
	tb.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		resp, err := httpGet(s.url + "_strategia/state")
		if err == nil && !strings.Contains(resp, `"status":"building"`) {
			return
		}
	}
	tb.Fatal("the build did not finish in 60 s")
}

// growDiagnosis makes the example's strategy about 177 pages long, the
// document of build's BenchmarkSaveToPDF (buildtest.GrowDiagnosis).
func growDiagnosis(tb testing.TB) func(dir string) {
	return func(dir string) {
		if err := buildtest.GrowDiagnosis(dir); err != nil {
			tb.Fatal(err)
		}
	}
}

func httpGet(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return string(data), err
}
