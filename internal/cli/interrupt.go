package cli

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// stopGrace is how long build and watch may take to wind down after
// Ctrl-C (or SIGTERM) before the command returns anyway. Work in flight
// is abandoned, which is safe: every output is written to a temporary
// file and renamed into place, so nothing half-written is ever seen, and
// the next build removes the temporary files of dead processes.
const stopGrace = 500 * time.Millisecond

// interruptible runs work until it returns or until the process is
// interrupted; after an interrupt, work gets stopGrace to notice its
// cancelled context. It reports whether work finished.
func interruptible(work func(ctx context.Context)) (finished bool) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan struct{})
	go func() {
		defer close(done)
		work(ctx)
	}()
	select {
	case <-done:
		return true
	case <-ctx.Done():
	}
	select {
	case <-done:
		return true
	case <-time.After(stopGrace):
		return false
	}
}
