package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/strategia-pl/strategia/internal/check"
	"github.com/strategia-pl/strategia/internal/compose"
	"github.com/strategia-pl/strategia/internal/diag"
	"github.com/strategia-pl/strategia/internal/load"
	"github.com/strategia-pl/strategia/internal/model"
	"github.com/strategia-pl/strategia/internal/sourcefs"
	"github.com/strategia-pl/strategia/internal/tmpl"
	"github.com/strategia-pl/strategia/render/doc"
	"github.com/strategia-pl/strategia/render/docx"
	"github.com/strategia-pl/strategia/render/html"
	"github.com/strategia-pl/strategia/render/pdf"
	"go.yaml.in/yaml/v3"
)

// Formats the builder can write.
const (
	FormatPDF  = "pdf"
	FormatDOCX = "docx"
	// FormatHTML writes a folder per document (index.html, style.css, img/).
	FormatHTML = "html"
)

// Options configure a Builder.
type Options struct {
	// Out is the output root; documents go to Out/<slug>/ (default "output").
	Out string
	// Formats to write (default pdf and docx).
	Formats []string
	// Force rebuilds even when the inputs have not changed.
	Force bool
	// Strict treats warnings as errors.
	Strict bool
	// Jobs bounds how many partnerships build at once (default GOMAXPROCS).
	Jobs int
	// Version identifies the tool in the manifest: a change rebuilds all.
	Version string
	// Latency renders the strategy's PDF before the other documents (for
	// watch mode, where the advisor waits for that PDF); otherwise all
	// documents render side by side for the shortest total time.
	Latency bool
	// Templates is the folder of template overrides; "" means the
	// templates/ folder beside the partnership folders, if any.
	Templates string
	// Progress, when set, receives one event per written document.
	Progress func(Event)
}

// Event reports one document written (or skipped).
type Event struct {
	Partnership string // slug
	File        string // path of the written file
	Took        time.Duration
	Skipped     bool
	// Note, when set, is a message about the build in progress (waiting
	// for another build to finish writing into the same folder).
	Note string
}

// Report is the outcome of building one partnership.
type Report struct {
	Dir     string
	Slug    string
	Diags   *diag.List
	Written []string // output files written, in order
	// Unchanged are the documents this Builder wrote earlier and left as
	// they were: their composed IR had not changed (watch and serve
	// rebuilds; see memo).
	Unchanged []string
	Skipped   bool  // inputs unchanged: nothing rewritten
	Err       error // I/O or rendering failure (content errors are in Diags)
	Took      time.Duration
}

// OK reports whether the partnership built (or was up to date).
func (r *Report) OK() bool { return r.Err == nil && !r.Diags.HasErrors() }

// Builder builds partnerships. It is safe for concurrent use.
type Builder struct {
	opt   Options
	slots slots // render slots, shared by every partnership
	// outReal is the output root's real path: never read as a source,
	// even when it lies inside a partnership folder.
	outReal string
	// memo remembers what was rendered from which IR, so a rebuild does
	// not render again a document whose IR has not changed.
	memo *memo
	// writers serialises this process's builds of one output folder
	// (the file lock serialises processes): a newer build of a
	// partnership composes and renders while a stale one finishes, and
	// writes after it.
	writers *dirLocks
	// parsed keeps the YAML files parsed and validated by earlier builds
	// (watch and serve rebuilds, Latency; a one-shot build does not keep
	// them).
	parsed *load.Cache
	// layoutCache keeps the words PDF renders measured and where they
	// broke paragraphs into lines (the strategy and the diagnosis report
	// share chapters; a rebuild does again only what changed).
	layoutCache *pdf.LayoutCache
}

// New returns a Builder.
func New(opt Options) *Builder {
	if opt.Out == "" {
		opt.Out = "output"
	}
	if len(opt.Formats) == 0 {
		opt.Formats = []string{FormatPDF, FormatDOCX}
	}
	// PDF before DOCX: its page numbers pre-fill the DOCX's table of
	// contents. HTML, which needs no page numbers and renders in
	// milliseconds, goes first: `serve` shows it.
	opt.Formats = slices.Clone(opt.Formats)
	slices.SortStableFunc(opt.Formats, func(a, b string) int {
		return formatRank(a) - formatRank(b)
	})
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.GOMAXPROCS(0)
	}
	return &Builder{opt: opt, slots: newSlots(runtime.GOMAXPROCS(0)), outReal: sourcefs.RealPath(opt.Out), memo: newMemo(), writers: &dirLocks{}, parsed: load.NewCache(), layoutCache: pdf.NewLayoutCache()}
}

// With returns a Builder with options opt that shares b's render slots
// and its memory of what it wrote: watch and serve build everything
// once, then rebuild with other options (Latency, no Force) and render
// again only the documents whose IR changed since.
func (b *Builder) With(opt Options) *Builder {
	nb := New(opt)
	nb.slots, nb.memo, nb.writers, nb.parsed, nb.layoutCache = b.slots, b.memo, b.writers, b.parsed, b.layoutCache
	return nb
}

// All builds every partnership of dirs, up to Jobs at a time, and returns
// their reports in the order of dirs. One partnership's errors do not
// stop the others. Once ctx is done no new partnership starts: those
// not started report ErrCanceled.
//
// Partnerships that share an id (DuplicateIDs) are not built: each
// reports the WS-01 error.
func (b *Builder) All(ctx context.Context, dirs []string) []*Report {
	reports := make([]*Report, len(dirs))
	jobs := newSlots(b.opt.Jobs)
	dups := DuplicateIDs(dirs)
	var wg sync.WaitGroup
	for i, d := range dirs {
		if abs, err := filepath.Abs(d); err == nil && dups[abs] != nil {
			reports[i] = &Report{Dir: d, Slug: quickSlug(abs), Diags: dups[abs]}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !jobs.do(ctx, func() { reports[i] = b.Partnership(ctx, d) }) {
				reports[i] = &Report{Dir: d, Slug: quickSlug(d), Diags: &diag.List{}, Err: ErrCanceled}
			}
		}()
	}
	wg.Wait()
	return reports
}

// output is one document to write.
type output struct {
	name string // file path relative to the partnership's output folder, without extension
	doc  *doc.Document
	// tocPages is filled from the PDF render for the DOCX's pre-filled TOC.
	tocPages map[string]int
	// colWidths are the PDF's table columns, for the DOCX's tables.
	colWidths map[*doc.Table][]float64
	// noTitle leaves out the title page: a fiche is a 1–3 page form that
	// starts with its own heading.
	noTitle bool
	// layout holds what the PDF layout had to force (words broken at the
	// measure), reported as warnings once the documents are written.
	layout []pdf.Warning
	// digest is the memo's digest of doc and noTitle, computed once.
	digest     uint64
	digestDone bool
}

// irDigest returns the digest of what o renders from (see memo). The
// formats of one output render one after the other, never at once.
func (o *output) irDigest(m *memo) uint64 {
	if !o.digestDone {
		o.digest = m.digest(struct {
			Doc     any
			NoTitle bool
		}{o.doc, o.noTitle})
		o.digestDone = true
	}
	return o.digest
}

// Partnership builds the partnership in dir.
func (b *Builder) Partnership(ctx context.Context, dir string) *Report {
	start := time.Now()
	rep := &Report{Dir: dir, Diags: &diag.List{}}
	defer func() { rep.Took = time.Since(start) }()

	abs, err := filepath.Abs(dir)
	if err != nil {
		rep.Err = err
		return rep
	}
	// The git state (a git process, ~5-50 ms) is asked beside the hashing
	// of the sources and, in watch mode, beside the check, which does not
	// need it; the rest of the build does.
	type gitState struct {
		rev   string
		dirty bool
	}
	gitc := make(chan gitState, 1)
	go func() {
		rev, dirty := Revision(abs)
		gitc <- gitState{rev, dirty}
	}()
	// In watch mode the sources are hashed beside the check too (the
	// check does not need their digest; the up-to-date test does).
	type sourcesState struct {
		digest []byte
		err    error
	}
	srcc := make(chan sourcesState, 1)
	hash := func() {
		d, err := b.sourcesDigest(abs)
		srcc <- sourcesState{d, err}
	}
	var parsed *load.Cache
	var res *check.Result
	if b.opt.Latency {
		go hash()
		parsed = b.parsed
		res = check.DirCached(abs, parsed)
	} else {
		hash()
	}
	src := <-srcc
	srcDigest, err := src.digest, src.err
	g := <-gitc
	rev, dirty := g.rev, g.dirty
	if err != nil {
		rep.Err = err
		return rep
	}
	digest := b.digest(srcDigest, rev, dirty)
	if ctx.Err() != nil {
		rep.Err = ErrCanceled
		return rep
	}
	// Unchanged inputs since the last good build: nothing to do, not even
	// validation in a one-shot build (the manifest is only written after
	// a clean build; watch mode has checked already, while git ran).
	if !b.opt.Force {
		if sl := quickSlug(abs); upToDate(filepath.Join(b.opt.Out, sl), digest) {
			rep.Slug, rep.Skipped = sl, true
			if b.opt.Progress != nil {
				b.opt.Progress(Event{Partnership: sl, Skipped: true})
			}
			return rep
		}
	}
	if res == nil {
		res = check.DirCached(abs, parsed)
	}
	rep.Diags = res.Diags
	// A broken override is an error like broken content: the previous
	// documents stay.
	tset, tl := tmpl.Load(tmpl.OverrideDir(abs, b.opt.Templates))
	rep.Diags.Append(*tl)
	if b.opt.Strict {
		rep.Diags.Strict()
	}
	s := res.Strategy
	rep.Slug = slug(s, abs)
	outDir := filepath.Join(b.opt.Out, rep.Slug)
	if rep.Diags.HasErrors() {
		return rep // the previous documents stay
	}
	if ctx.Err() != nil {
		rep.Err = ErrCanceled
		return rep
	}

	root, err := os.OpenRoot(abs)
	if err != nil {
		rep.Err = err
		return rep
	}
	defer root.Close()
	date, err := sourceDate(abs, s.Files, dirty || rev == "")
	if err != nil {
		rep.Err = err
		return rep
	}
	sources := sourcefs.FS(root)
	copt := compose.Options{Date: date, Templates: tset, Revision: rev, Dirty: dirty, ReadFile: func(rel string) ([]byte, error) {
		return fs.ReadFile(sources, rel)
	}}

	// In watch mode (Latency) the strategy's first format (the PDF, or
	// the HTML under serve), the document the advisor is looking at,
	// starts rendering at once, while the fiches, the package and the
	// procedure documents are composed beside it; it is written only once
	// everything composed without errors. The channel holds the one
	// result, so the render never waits for a reader that has given up.
	type rendered struct {
		files []file
		kept  string // the file left as it was (memo), if any
		err   error
		took  time.Duration
	}
	var early chan rendered
	var first func(*output)
	if b.opt.Latency {
		first = func(o *output) {
			early = make(chan rendered, 1)
			go func() {
				r := rendered{err: ErrCanceled}
				b.slots.do(ctx, func() {
					t0 := time.Now()
					r.files, r.kept, r.err = b.renderUnlessKept(ctx, outDir, o, b.opt.Formats[0])
					r.took = time.Since(t0)
				})
				early <- r
			}()
		}
	}
	outs := composeAll(res, rep.Slug, copt, rep.Diags, first)
	if b.opt.Strict {
		rep.Diags.Strict()
	}
	rep.Diags.Sort()
	if rep.Diags.HasErrors() {
		return rep
	}

	// Documents render in parallel (bounded by the Builder's render slots,
	// shared by all partnerships), each written as soon as it is ready;
	// the strategy comes first, as that is what an advisor watching the
	// PDF waits for. Within a document the PDF goes before the DOCX, which
	// pre-fills its table of contents with the PDF's page numbers. A
	// document whose IR is the one this Builder last wrote it from is
	// neither rendered nor written (memo).
	release, err := b.writers.lock(ctx, outDir)
	if err != nil {
		rep.Err = err
		return rep
	}
	defer release()
	lock, err := lockOutput(ctx, outDir, func() {
		if b.opt.Progress != nil {
			b.opt.Progress(Event{Partnership: rep.Slug, Note: "another strategia is building into " + outDir + "; waiting"})
		}
	})
	if err != nil {
		rep.Err = err
		return rep
	}
	defer lock.unlock()
	removeStaleTemps(outDir)
	removeStaleTemps(filepath.Join(outDir, "fiszki"))
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		firstEr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstEr == nil {
			firstEr = err
		}
		mu.Unlock()
		cancel()
	}
	// done records one document as written (files) or kept, and reports it.
	done := func(o *output, f string, files []file, kept string, took time.Duration) error {
		if kept != "" {
			mu.Lock()
			rep.Unchanged = append(rep.Unchanged, kept)
			mu.Unlock()
			return nil
		}
		path, err := b.write(outDir, o, f, files)
		if err != nil {
			return err
		}
		mu.Lock()
		rep.Written = append(rep.Written, path)
		mu.Unlock()
		if b.opt.Progress != nil {
			b.opt.Progress(Event{Partnership: rep.Slug, File: path, Took: took})
		}
		return nil
	}
	renderOne := func(o *output, formats []string) {
		for _, f := range formats {
			if rctx.Err() != nil {
				return
			}
			t0 := time.Now()
			files, kept, err := b.renderUnlessKept(rctx, outDir, o, f)
			if rctx.Err() != nil {
				return // cancelled, or another document failed
			}
			if err != nil {
				fail(fmt.Errorf("%s.%s: %w", o.name, f, err))
				return
			}
			if rctx.Err() != nil {
				return
			}
			if err := done(o, f, files, kept, time.Since(t0)); err != nil {
				fail(err)
				return
			}
		}
	}
	// In watch mode the strategy's first format was rendered above; a
	// batch build renders everything side by side.
	rest := b.opt.Formats
	if early != nil {
		r := <-early
		if ctx.Err() != nil {
			rep.Err = ErrCanceled
			return rep
		}
		// The memo was asked before the lock: a stale build of this
		// partnership may have written the document since. Ask again.
		if r.err == nil && r.kept != "" {
			if _, ok := b.memo.lookup(memoKey(outDir, outs[0], b.opt.Formats[0]), outs[0].irDigest(b.memo)); !ok {
				t0 := time.Now()
				r.kept = ""
				r.files, r.err = b.render(ctx, outs[0], b.opt.Formats[0])
				r.took = time.Since(t0)
			}
		}
		if r.err == nil {
			r.err = done(outs[0], b.opt.Formats[0], r.files, r.kept, r.took)
		}
		if r.err != nil {
			rep.Err = fmt.Errorf("%s.%s: %w", outs[0].name, b.opt.Formats[0], r.err)
			return rep
		}
		rest = b.opt.Formats[1:]
	}
	for i, o := range outs {
		formats := b.opt.Formats
		if i == 0 {
			if len(rest) == 0 {
				continue
			}
			formats = rest
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.slots.do(rctx, func() { renderOne(o, formats) })
		}()
	}
	wg.Wait()
	sort.Strings(rep.Written)
	sort.Strings(rep.Unchanged)
	for _, o := range outs {
		for _, w := range o.layout {
			rep.Diags.Warnf(diag.Pos{File: filepath.Join(outDir, o.name+".pdf")}, w.Rule, "page %d: %s", w.Page, w.Message)
		}
	}
	if firstEr != nil {
		rep.Err = firstEr
		return rep
	}
	if ctx.Err() != nil {
		rep.Err = ErrCanceled
		return rep
	}
	current := slices.Concat(rep.Written, rep.Unchanged)
	sort.Strings(current)
	b.pruneFiches(outDir, current)
	if err := writeManifest(outDir, digest, current); err != nil {
		rep.Err = err
	}
	return rep
}

// renderUnlessKept renders o in format f, unless this Builder wrote o in
// f from the same IR before and the files are still as it left them: then
// it returns the path of the document's file as kept, and no files.
func (b *Builder) renderUnlessKept(ctx context.Context, outDir string, o *output, f string) (files []file, kept string, err error) {
	if !b.opt.Force {
		if e, ok := b.memo.lookup(memoKey(outDir, o, f), o.irDigest(b.memo)); ok {
			if f == FormatPDF {
				o.layout = e.layout
			}
			return nil, e.files[len(e.files)-1].path, nil
		}
	}
	files, err = b.render(ctx, o, f)
	return files, "", err
}

// write writes the rendered files of o in format f and remembers them
// (memo); it returns the path of the document's file.
func (b *Builder) write(outDir string, o *output, f string, files []file) (string, error) {
	key := memoKey(outDir, o, f)
	path, err := writeFiles(outDir, files)
	if err != nil {
		b.memo.forget(key)
		return "", err
	}
	var layout []pdf.Warning
	if f == FormatPDF {
		layout = o.layout
	}
	b.memo.store(key, o.irDigest(b.memo), outDir, files, layout)
	return path, nil
}

func memoKey(outDir string, o *output, f string) string {
	return filepath.Join(outDir, o.name) + "\x00" + f
}

// composeAll composes every document of the checked partnership res into
// the IR, adding compose's diagnostics to l. first, when set (watch
// mode), receives the strategy as soon as it composed cleanly, to render
// it at once; the other documents are then composed beside it, on
// another goroutine, so that what the advisor waits for (the strategy
// written once everything composed) waits for the longer of the two, not
// their sum.
func composeAll(res *check.Result, slug string, copt compose.Options, l *diag.List, first func(*output)) []*output {
	s := res.Strategy
	var (
		strategy *output
		sl       diag.List
	)
	composeStrategy := func() {
		d, dl := compose.Strategy(s, res.Index, res.Facts, copt)
		if dl != nil {
			sl.Append(*dl)
		}
		if d == nil {
			return
		}
		strategy = &output{name: slug + "-strategia", doc: d}
		if first != nil && !sl.HasErrors() {
			first(strategy)
		}
	}
	var others []*output
	var ol diag.List
	add := func(name string, d *doc.Document, dl *diag.List) {
		if dl != nil {
			ol.Append(*dl)
		}
		if d != nil {
			others = append(others, &output{name: name, doc: d, noTitle: strings.HasPrefix(name, "fiszki")})
		}
	}
	composeOthers := func() {
		if len(s.Projects) > 0 {
			d, dl := compose.Package(s, res.Index, res.Facts, copt)
			add(slug+"-pakiet-projektow", d, dl)
			for _, p := range s.Projects {
				d, dl = compose.Fiche(s, res.Index, res.Facts, p.ID, copt)
				add(filepath.Join("fiszki", slug+"-fiszka-"+p.ID), d, dl)
			}
		}
		procDocs, dl := compose.Procedure(s, res.Index, res.Facts, slug, copt)
		ol.Append(*dl)
		for _, pd := range procDocs {
			others = append(others, &output{name: pd.Name, doc: pd.Doc, noTitle: pd.NoTitlePage})
		}
	}
	if first != nil {
		done := make(chan struct{})
		go func() {
			defer close(done)
			composeStrategy()
		}()
		composeOthers()
		<-done
	} else {
		composeStrategy()
		composeOthers()
	}
	l.Append(sl)
	l.Append(ol)
	var outs []*output
	if strategy != nil {
		outs = append(outs, strategy)
	}
	return append(outs, others...)
}

// Check runs everything a build runs on the partnership in dir except
// rendering and writing: load, schema and rules (check.Dir), the template
// overrides (templates as Options.Templates) and composing every
// document, which finds what only composing can — raw HTML in Markdown
// (MD-01), an image that is missing or not PNG/JPEG (FILE-04), template
// errors (TPL-*). `strategia validate` runs it, so validate fails exactly
// when build would (rendering itself reports nothing but warnings).
func Check(dir, templates string) *check.Result {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	res := check.Dir(abs)
	tset, tl := tmpl.Load(tmpl.OverrideDir(abs, templates))
	res.Diags.Append(*tl)
	if res.Diags.HasErrors() {
		res.Diags.Sort()
		return res
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: abs}, "FILE-01", "cannot open the partnership folder: %v", err)
		return res
	}
	defer root.Close()
	sources := sourcefs.FS(root)
	// The date only fills the title page: any date composes the same way.
	copt := compose.Options{Date: "2000-01-01", Templates: tset, ReadFile: func(rel string) ([]byte, error) {
		return fs.ReadFile(sources, rel)
	}}
	composeAll(res, slug(res.Strategy, abs), copt, res.Diags, nil)
	res.Diags.Sort()
	return res
}

// file is one rendered file, its path relative to the partnership's
// output folder.
type file struct {
	path string
	data []byte
	// edition is the folder of an HTML edition the file belongs to; the
	// edition owns it, so files it no longer has are removed.
	edition string
}

// writeFiles writes files in order, each atomically, and returns the path
// of the last: the document itself (an HTML edition's page comes after
// its images and stylesheet, so a reader never sees it without them).
// A file that already holds exactly these bytes (an edition's maps and
// stylesheet, on almost every rebuild) is left as it is: each atomic
// write syncs the disk twice, and those waits were on the path to the
// page the advisor is looking at. Then it removes what an edition's
// folder holds beyond its files (the image of a removed map); hidden
// files (temporaries) are left alone.
func writeFiles(outDir string, files []file) (string, error) {
	path := ""
	keep := map[string]bool{}
	for _, f := range files {
		path = filepath.Join(outDir, f.path)
		if !sameContent(path, f.data) {
			if err := WriteAtomic(path, f.data); err != nil {
				return "", err
			}
		}
		keep[path] = true
	}
	if len(files) > 0 && files[0].edition != "" {
		_ = filepath.WalkDir(filepath.Join(outDir, files[0].edition), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") && !keep[p] {
				os.Remove(p)
			}
			return nil
		})
	}
	return path, nil
}

// render renders one document in format f; a PDF render stops early
// (returning ctx's error) once ctx is done.
func (b *Builder) render(ctx context.Context, o *output, f string) ([]file, error) {
	if f == FormatHTML {
		hs, err := html.Render(o.doc, html.Options{NoTitlePage: o.noTitle})
		files := make([]file, len(hs))
		for i, h := range hs {
			files[i] = file{path: filepath.Join(o.name, filepath.FromSlash(h.Name)), data: h.Data, edition: o.name}
		}
		return files, err
	}
	data, err := b.renderBytes(ctx, o, f)
	return []file{{path: o.name + "." + f, data: data}}, err
}

// renderBytes renders one document as a single file in format f.
func (b *Builder) renderBytes(ctx context.Context, o *output, f string) ([]byte, error) {
	var buf bytes.Buffer
	switch f {
	case FormatPDF:
		err := pdf.Render(&buf, o.doc, pdf.Options{Context: ctx, Cache: b.layoutCache, NoTitlePage: o.noTitle, AnchorPages: func(m map[string]int) { o.tocPages = m },
			TableColumns: func(m map[*doc.Table][]float64) { o.colWidths = m },
			Warnings:     func(ws []pdf.Warning) { o.layout = ws }})
		return buf.Bytes(), err
	case FormatDOCX:
		if o.tocPages == nil {
			// No PDF requested: lay it out anyway for the page numbers.
			if err := pdf.Render(io.Discard, o.doc, pdf.Options{Context: ctx, Cache: b.layoutCache, NoTitlePage: o.noTitle, AnchorPages: func(m map[string]int) { o.tocPages = m },
				TableColumns: func(m map[*doc.Table][]float64) { o.colWidths = m }}); err != nil && ctx.Err() != nil {
				return nil, err
			}
		}
		err := docx.Render(&buf, o.doc, docx.Options{NoTitlePage: o.noTitle, TOCPages: o.tocPages, ColumnWidths: o.colWidths})
		return buf.Bytes(), err
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

// pruneFiches removes fiches of projects that no longer exist (files,
// and the folders of their HTML editions).
func (b *Builder) pruneFiches(outDir string, written []string) {
	matches, _ := filepath.Glob(filepath.Join(outDir, "fiszki", "*"))
	for _, m := range matches {
		if slices.Contains(written, m) {
			continue
		}
		if fi, err := os.Lstat(m); err == nil && fi.IsDir() {
			if !slices.ContainsFunc(written, func(w string) bool { return strings.HasPrefix(w, m+string(filepath.Separator)) }) {
				os.RemoveAll(m)
			}
			continue
		}
		os.Remove(m)
	}
}

// quickSlug reads only the partnership's id, to find its output folder
// before anything is validated.
func quickSlug(dir string) string {
	sl, _ := slugAt(dir)
	return sl
}

// slugAt returns the name of dir's output folder (its id, or the folder's
// name when it has none) and the position of the id in partnership.yaml.
func slugAt(dir string) (string, diag.Pos) {
	file := filepath.Join(dir, "partnership.yaml")
	pos := diag.Pos{File: file}
	s := &model.Strategy{}
	if data, err := sourcefs.ReadFile(file); err == nil {
		var root yaml.Node
		if yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &root) == nil {
			if n := mapValue(mapValue(&root, "partnership"), "id"); n != nil && n.Kind == yaml.ScalarNode {
				s.Partnership.ID = n.Value
				pos.Line, pos.Col = n.Line, n.Column
			}
		}
	}
	return slug(s, dir), pos
}

// mapValue returns the value of key in the mapping n (or in the document
// n holds), or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func slug(s *model.Strategy, dir string) string {
	if id := s.Partnership.ID; id != "" && !strings.ContainsAny(id, `/\`) && id != "." && id != ".." {
		return id
	}
	return filepath.Base(dir)
}

// ---- skipping unchanged work ----

type manifest struct {
	Digest string   `json:"digest"`
	Files  []string `json:"files"`
}

// digest hashes everything a build depends on: the sources (the
// sourcesDigest of the partnership folder), the tool version, the
// revision and the options that change the output.
func (b *Builder) digest(sources []byte, rev string, dirty bool) string {
	h := sha256.New()
	fmt.Fprintf(h, "strategia %s\nformats %s\nstrict %v\nsde %s\nrevision %s %v\nsources %x\n", b.opt.Version,
		strings.Join(b.opt.Formats, ","), b.opt.Strict, os.Getenv("SOURCE_DATE_EPOCH"), rev, dirty, sources)
	return hex.EncodeToString(h.Sum(nil))
}

// sourcesDigest hashes every source file of the partnership folder dir
// (names and bytes; sourcefs decides what is a source, and the output
// folder never is, wherever it lies) and the workspace's template
// overrides.
func (b *Builder) sourcesDigest(dir string) ([]byte, error) {
	h := sha256.New()
	if err := b.hashSources(h, dir); err != nil {
		return nil, err
	}
	// the workspace's template overrides are inputs too
	if td := tmpl.OverrideDir(dir, b.opt.Templates); td != "" {
		fmt.Fprintf(h, "templates %s\n", td)
		if err := b.hashSources(h, td); err != nil {
			return nil, err
		}
	}
	return h.Sum(nil), nil
}

// hashSources writes the names and bytes of dir's source files to h.
func (b *Builder) hashSources(h io.Writer, dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	outRel, outInside := sourcefs.Rel(sourcefs.RealPath(dir), b.outReal)
	skip := func(rel string) bool {
		return outInside && (rel == outRel || strings.HasPrefix(rel, outRel+"/"))
	}
	sources := sourcefs.FS(root)
	return sourcefs.Walk(root, skip, func(rel string, _ fs.FileInfo) error {
		f, err := sources.Open(rel)
		if err != nil {
			// Gone, or no longer a regular file, since the walk saw it:
			// hash the fact, the content check reports it if it matters.
			fmt.Fprintf(h, "%s\n!unreadable\n", rel)
			return nil
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\n", rel)
		_, err = io.Copy(h, f)
		return err
	})
}

func upToDate(outDir, digest string) bool {
	data, err := os.ReadFile(filepath.Join(outDir, sourcefs.ManifestName))
	if err != nil {
		return false
	}
	var m manifest
	if json.Unmarshal(data, &m) != nil || m.Digest != digest || len(m.Files) == 0 {
		return false
	}
	for _, f := range m.Files {
		if _, err := os.Stat(filepath.Join(outDir, filepath.FromSlash(f))); err != nil {
			return false
		}
	}
	return true
}

func writeManifest(outDir, digest string, written []string) error {
	m := manifest{Digest: digest}
	for _, w := range written {
		rel, err := filepath.Rel(outDir, w)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, filepath.ToSlash(rel))
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return WriteAtomic(filepath.Join(outDir, sourcefs.ManifestName), append(data, '\n'))
}

// ErrCanceled is returned in Report.Err when a build was cancelled.
var ErrCanceled = errors.New("build cancelled")

// formatRank orders formats for rendering: html, pdf, docx.
func formatRank(f string) int {
	switch f {
	case FormatHTML:
		return 0
	case FormatPDF:
		return 1
	}
	return 2
}

// CheckFormats validates a list of format names.
func CheckFormats(fs []string) error {
	for _, f := range fs {
		if f != FormatPDF && f != FormatDOCX && f != FormatHTML {
			return fmt.Errorf("unknown format %q: use pdf, docx, html or a list such as pdf,docx,html", f)
		}
	}
	return nil
}
