package notify

import "time"

// Backoff is the default wait before retrying after the given attempt (1 for the first):
// 30 s, doubling, at most an hour.
func Backoff(attempt int) time.Duration {
	const first, most = 30 * time.Second, time.Hour
	d := first
	for i := 1; i < attempt && d < most; i++ {
		d *= 2
	}
	return min(d, most)
}
