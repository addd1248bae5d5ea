//go:build !unix

package versions

import "time"

// cpuTime is not measured outside unix: the metric reads 0.
func cpuTime() time.Duration { return 0 }
