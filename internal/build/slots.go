package build

import "context"

// slots bounds how many things run at once. A slot is taken and given
// back only by do, around the function it runs, so no path — cancelled,
// failed or panicking — can keep one.
type slots chan struct{}

func newSlots(n int) slots { return make(slots, max(n, 1)) }

// do waits for a free slot, runs f in it and gives the slot back. It
// returns false, without running f, when ctx is done before a slot is
// free (or already done when one is).
func (s slots) do(ctx context.Context, f func()) bool {
	select {
	case s <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	defer func() { <-s }()
	if ctx.Err() != nil {
		return false
	}
	f()
	return true
}
