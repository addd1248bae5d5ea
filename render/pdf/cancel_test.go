package pdf

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/strategia-pl/strategia/render/doc/doctest"
)

// TestRenderCancelled: a render whose Context is done stops between its
// stages with the context's error and writes nothing; a live Context
// changes nothing in the output.
func TestRenderCancelled(t *testing.T) {
	d := doctest.Sample(30)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled render: err %v, want context.Canceled", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a cancelled render wrote %d bytes", buf.Len())
	}
	var a, b bytes.Buffer
	if err := Render(&a, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Render(&b, d, Options{Context: context.Background()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a live Context changed the PDF")
	}
}

// TestLayoutStopsWhenCancelled: with its context done, the layout lays
// out at most stopEvery more blocks, not the rest of the document, so
// that Ctrl-C ends a render of a long document within a block or so.
func TestLayoutStopsWhenCancelled(t *testing.T) {
	d := doctest.Sample(120)
	full := func(done <-chan struct{}) int {
		l := testLayout(d)
		l.done = done
		l.flow(d.Blocks, flowCtx{x0: marginL, w: textW})
		return len(l.boxes)
	}
	closed := make(chan struct{})
	close(closed)
	all, stopped := full(nil), full(closed)
	if stopped*20 > all {
		t.Errorf("a cancelled layout made %d of the document's %d boxes", stopped, all)
	}
}
