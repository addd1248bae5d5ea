package fpdf

import "sync"

// strategia patch: page content streams compressed in the background.
//
// With SetCompressFinishedPages(true), a page's content stream is handed to
// a background goroutine as soon as the next page begins, so that it is
// compressed while the caller draws the pages after it; putpages then only
// compresses what is left. Compression is deterministic, so the bytes are
// those of compressing every page at the end. Going back to an earlier page
// (SetPage) or replacing aliases discards the early streams.

// earlyJob is one finished page's content stream.
type earlyJob struct {
	data  []byte
	state int // earlyQueued, earlyRunning, earlyClaimed
	out   *membuffer
	done  chan struct{} // closed when a running job has finished
}

const (
	earlyQueued = iota
	earlyRunning
	earlyClaimed // taken back by putpages or cancelled: never compressed here
)

// earlyPages compresses finished pages in one background goroutine.
type earlyPages struct {
	mu      sync.Mutex
	jobs    map[int]*earlyJob
	queue   []int
	running bool
}

// SetCompressFinishedPages compresses each page's content stream in the
// background once the next page has begun (with compression on). The
// caller must not write to a page after the next one has begun, except
// after SetPage, which turns this off.
func (f *Fpdf) SetCompressFinishedPages(on bool) {
	if !on {
		f.early.stop()
	} else if f.early == nil {
		f.early = &earlyPages{}
	}
	f.compressEarly = on
}

// add queues page n's finished content.
func (e *earlyPages) add(n int, data []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.jobs == nil {
		e.jobs = map[int]*earlyJob{}
	}
	e.jobs[n] = &earlyJob{data: data, done: make(chan struct{})}
	e.queue = append(e.queue, n)
	if !e.running {
		e.running = true
		go e.work()
	}
}

func (e *earlyPages) work() {
	for {
		e.mu.Lock()
		if len(e.queue) == 0 {
			e.running = false
			e.mu.Unlock()
			return
		}
		j := e.jobs[e.queue[0]]
		e.queue = e.queue[1:]
		if j == nil || j.state != earlyQueued { // taken back or cancelled
			e.mu.Unlock()
			continue
		}
		j.state = earlyRunning
		e.mu.Unlock()
		j.out = xmem.compress(j.data)
		close(j.done)
	}
}

// take returns page n's compressed stream if the background goroutine
// has compressed it or is compressing it (waiting for it), else nil: the
// page was never queued, or it is claimed now and the caller compresses it.
func (e *earlyPages) take(n int, size int) *membuffer {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	j := e.jobs[n]
	if j == nil {
		e.mu.Unlock()
		return nil
	}
	delete(e.jobs, n)
	if j.state == earlyQueued {
		j.state = earlyClaimed
		e.mu.Unlock()
		return nil
	}
	e.mu.Unlock()
	<-j.done
	if len(j.data) != size { // cannot happen while the caller keeps the rule
		j.out.release()
		return nil
	}
	return j.out
}

// stop cancels what is queued, waits for what is running and drops
// every early stream.
func (e *earlyPages) stop() {
	if e == nil {
		return
	}
	e.mu.Lock()
	var running []*earlyJob
	for _, j := range e.jobs {
		switch j.state {
		case earlyQueued:
			j.state = earlyClaimed
		case earlyRunning:
			running = append(running, j)
		}
	}
	e.jobs = nil
	e.mu.Unlock()
	for _, j := range running {
		<-j.done
		j.out.release()
	}
}
