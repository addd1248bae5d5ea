// Package gencache is a map that forgets what is no longer used, for the
// caches a long-running process (strategia watch, serve) keeps from one
// build to the next: parsed Markdown (internal/compose), measured words
// and line breaks (render/pdf).
//
// It has two generations. A lookup that finds a key in the older one
// moves it to the newer; when the newer one is full, it becomes the older
// one and the previous older one is dropped. What a build still uses so
// stays, whatever it was used for a thousand builds ago goes, and the
// cache never holds more than twice its bound. It is safe for concurrent
// use.
//
// It imports nothing of strategia.
package gencache

import "sync"

// Cache maps keys to values in two generations of at most max entries.
type Cache[K comparable, V any] struct {
	mu        sync.Mutex
	cur, prev map[K]V
	max       int
}

// New returns an empty cache whose generations hold max entries each.
func New[K comparable, V any](max int) *Cache[K, V] {
	return &Cache[K, V]{cur: map[K]V{}, max: max}
}

// Get returns the value of k, if the cache has it.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.prev[k]
	if ok {
		c.put(k, v)
	}
	return v, ok
}

// Put sets the value of k.
func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	c.put(k, v)
	c.mu.Unlock()
}

func (c *Cache[K, V]) put(k K, v V) {
	if _, ok := c.cur[k]; !ok && len(c.cur) >= c.max {
		c.prev, c.cur = c.cur, map[K]V{}
	}
	c.cur[k] = v
}

// Len returns the number of entries of the newer generation.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur)
}
