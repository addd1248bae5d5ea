package gencache

import "testing"

// TestGenerations: a full generation becomes the older one, a hit there
// moves the entry back, and two generations without a hit drop it.
func TestGenerations(t *testing.T) {
	c := New[int, string](2)
	c.Put(1, "a")
	c.Put(2, "b")
	c.Put(3, "c") // {1, 2} older, {3} newer
	if v, ok := c.Get(1); !ok || v != "a" {
		t.Fatal("an entry of the older generation is lost")
	}
	if _, ok := c.cur[1]; !ok {
		t.Fatal("a hit in the older generation did not move the entry")
	}
	c.Put(1, "a2") // a key already in the newer generation does not turn it
	if c.Len() != 2 {
		t.Fatalf("the newer generation has %d entries, want 2", c.Len())
	}
	c.Put(4, "d") // {3, 1} older, {4} newer
	c.Put(5, "e")
	c.Put(6, "f") // {4, 5} older; 2 gone
	if _, ok := c.Get(2); ok {
		t.Error("an entry unused for two generations is kept")
	}
	if v, _ := c.Get(1); v != "" {
		t.Errorf("1 = %q after two generations unused", v)
	}
}
