package scaletest

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/demo"
)

// checkFleet: each instance lists every process, by its process id and listen address, as
// alive, itself marked, and counts them all in /metrics (so each keeps its share of a
// client's lookup limit). Then the last is killed without a word: the first lists it as not
// answering and counts one fewer within its heartbeats.
func checkFleet(t *testing.T, servers ...*server) {
	t.Helper()
	admin, err := servers[0].Client.Token(context.Background(), "admin", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range servers {
		waitFleet(t, s, admin, servers, nil)
	}
	killed := servers[len(servers)-1]
	killed.kill()
	waitFleet(t, servers[0], admin, servers[:len(servers)-1], []*server{killed})
}

// waitFleet waits until observer lists alive as alive, with their addresses, and dead as
// not answering, and nothing else, and counts len(alive) instances in /metrics.
func waitFleet(t *testing.T, observer *server, admin string, alive, dead []*server) {
	t.Helper()
	ctx := context.Background()
	want := map[int]string{}
	for _, s := range alive {
		want[s.cmd.Process.Pid] = "alive " + strings.TrimPrefix(s.URL, "http://")
	}
	for _, s := range dead {
		want[s.cmd.Process.Pid] = "dead " + strings.TrimPrefix(s.URL, "http://")
	}
	metric := fmt.Sprintf("\nmotcua_instances %d\n", len(alive))
	var last string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("instance %s (pid %d) never listed %v; last:\n%s", observer.name, observer.cmd.Process.Pid, want, last)
		}
		r, err := observer.Client.Expect(ctx, http.StatusOK, "GET", "/api/v1/instances", admin, nil)
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
			state := "dead "
			if in.Alive {
				state = "alive "
			}
			if want[in.PID] == state+in.Addr && in.Self == (in.PID == observer.cmd.Process.Pid) {
				seen++
			}
		}
		m, err := observer.Client.Expect(ctx, http.StatusOK, "GET", "/metrics", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if seen == len(want) && len(v.Instances) == len(want) && strings.Contains(string(m.Body), metric) {
			return
		}
	}
}
