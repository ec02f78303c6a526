package scaletest

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
)

// checkFleet: each instance lists both processes, by their process ids and listen
// addresses, as alive, itself marked, and counts two in /metrics (so each keeps half of a
// client's lookup limit).
func checkFleet(t *testing.T, servers ...*server) {
	t.Helper()
	ctx := context.Background()
	admin, err := servers[0].Client.Token(ctx, "admin", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	for _, s := range servers {
		want[s.cmd.Process.Pid] = strings.TrimPrefix(s.URL, "http://")
	}
	for _, s := range servers {
		var last string
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("instance %s (pid %d) never listed the fleet %v; last:\n%s", s.name, s.cmd.Process.Pid, want, last)
			}
			r, err := s.Client.Expect(ctx, http.StatusOK, "GET", "/api/v1/instances", admin, nil)
			if err != nil {
				t.Fatal(err)
			}
			last = string(r.Body)
			var v struct {
				Instances []struct {
					PID         int
					Addr        string
					Alive, Self bool
				}
			}
			if err := r.Decode(&v); err != nil {
				t.Fatal(err)
			}
			seen := 0
			for _, in := range v.Instances {
				if in.Alive && want[in.PID] == in.Addr && in.Self == (in.PID == s.cmd.Process.Pid) {
					seen++
				}
			}
			m, err := s.Client.Expect(ctx, http.StatusOK, "GET", "/metrics", "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if seen == len(servers) && len(v.Instances) == len(servers) &&
				strings.Contains(string(m.Body), "\nmotcua_instances 2\n") {
				break
			}
		}
	}
}
