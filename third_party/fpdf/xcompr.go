// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"fmt"
	"github.com/klauspost/compress/zlib"
	"sync"
)

var xmem = xmempool{
	Pool: sync.Pool{
		New: func() any {
			var m membuffer
			return &m
		},
	},
}

type xmempool struct{ sync.Pool }

// zwFree holds idle zlib writers (strategia patch). It is a channel, not
// a sync.Pool, because a pool is emptied by every garbage collection, and a
// render collects garbage a few times: each writer is ~1 MB of state to
// allocate and clear again.
var zwFree = make(chan *zlib.Writer, 8)

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.Get().(*membuffer)
	buf := &mem.buf
	// strategia patch: room for what content streams compress to (about
	// a quarter), not for the uncompressed data
	buf.Grow(len(data)/4 + 1024)

	// strategia patch: reuse zlib writers (each holds ~1 MB of state).
	var zw *zlib.Writer
	select {
	case zw = <-zwFree:
		zw.Reset(buf)
	default:
		var err error
		zw, err = zlib.NewWriterLevel(buf, zlib.BestSpeed)
		if err != nil {
			panic(fmt.Errorf("could not create zlib writer: %w", err))
		}
	}
	defer func() {
		select {
		case zwFree <- zw:
		default:
		}
	}()
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	return mem
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.Get().(*membuffer)
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf bytes.Buffer
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	xmem.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
