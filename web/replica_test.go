package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/sqlstore/sqlstoretest"
	"github.com/motcua/motcua/web"
)

// The leaders' figures come from the replica while it is close behind and from the
// primary once it falls further back; the officers' lists never lag.
func TestFiguresReadFromTheReplica(t *testing.T) {
	if sqlstoretest.ReplicaURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES_REPLICA is not set")
	}
	e := newEnv(t, sqlstoretest.PostgresDSN(t), web.Config{})
	if err := e.db.UseReplica(sqlstoretest.ReplicaURL(), 3*time.Second, 50*time.Millisecond, nil); err != nil {
		t.Fatal(err)
	}
	citizen, desk, leader := e.token("congdan"), e.token("tiepnhan"), e.token("lanhdao")
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format(time.DateOnly)
	received := func() int {
		var sum struct{ Received int }
		r := e.do("GET", "/api/v1/reports/summary?from="+today+"&to="+today, leader, nil)
		if r.status != 200 {
			t.Fatalf("summary: %d %s", r.status, r.body)
		}
		r.json(t, &sum)
		return sum.Received
	}
	listed := func() int {
		var page struct{ Items []struct{ ID int64 } }
		e.do("GET", "/api/v1/dossiers?queue=all", desk, nil).json(t, &page)
		return len(page.Items)
	}
	e.received(citizen, desk)
	sqlstoretest.WaitReplica(t, e.db, true)
	for deadline := time.Now().Add(10 * time.Second); received() != 1; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the replica never showed the first receipt")
		}
	}

	resume := sqlstoretest.PauseReplica(t)
	e.received(citizen, desk)
	if n := received(); n != 1 || !e.db.Replica().Serving {
		t.Errorf("with the replica paused and serving (%+v), the figures count %d receipts, not the replica's 1", e.db.Replica(), n)
	}
	if n := listed(); n != 2 {
		t.Errorf("the desk's list shows %d dossiers, not 2: lists must not lag", n)
	}
	sqlstoretest.WaitReplica(t, e.db, false)
	if n := received(); n != 2 {
		t.Errorf("with the replica too far behind, the figures count %d receipts, not the primary's 2", n)
	}
	resume()
	sqlstoretest.WaitReplica(t, e.db, true)
}

// Only reads may lag: the routes a replica may serve are the figures' and the public
// lookup's, and the lists that follow the browser's own writes; no route that changes
// anything.
func TestOnlyReadsMayLag(t *testing.T) {
	e := newEnv(t, sqlstoretest.SQLiteDSN(t), web.Config{})
	lookups := map[string]bool{"GET /track": true, "POST /track": true, "GET /api/v1/track": true}
	lists := map[string]bool{"GET /office": true, "GET /office/book": true, "GET /my/dossiers": true}
	n := 0
	for _, rt := range e.srv.Routes() {
		if !rt.MayLag {
			continue
		}
		n++
		figures := strings.HasPrefix(rt.Pattern, "GET /api/v1/reports/") || strings.HasPrefix(rt.Pattern, "GET /dashboard")
		switch {
		case rt.UnlessWrote && !lists[rt.Pattern]:
			t.Errorf("%s may be served by a replica when the browser wrote nothing lately", rt.Pattern)
		case !rt.UnlessWrote && !figures && !lookups[rt.Pattern]:
			t.Errorf("%s may be served by a replica", rt.Pattern)
		}
		delete(lists, rt.Pattern)
	}
	if n < 13 || len(lists) > 0 {
		t.Errorf("only %d routes may lag; the lists %v may not", n, lists)
	}
}

// An officer's queue comes from the replica until the officer changes something; from then
// on, for as long as the replica could miss the change, it comes from the primary, so the
// officer sees their own move at once. Another officer's queue stays on the replica.
func TestQueuesFollowOwnWrites(t *testing.T) {
	if sqlstoretest.ReplicaURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES_REPLICA is not set")
	}
	e := newEnv(t, sqlstoretest.PostgresDSN(t), web.Config{})
	if err := e.db.UseReplica(sqlstoretest.ReplicaURL(), 3*time.Second, 50*time.Millisecond, nil); err != nil {
		t.Fatal(err)
	}
	citizen := e.token("congdan")
	first := e.submitted(citizen)
	link := func(d dossierJSON) string { return fmt.Sprintf(`href="/office/dossiers/%d"`, d.ID) }
	mover, watcher := e.browser(), e.browser()
	mover.login("tiepnhan")
	watcher.login("tiepnhan")
	queue := func(b *browser) string { return string(b.officePage(http.StatusOK, "/office?queue=to_receive").body) }
	sqlstoretest.WaitReplica(t, e.db, true)
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(queue(watcher), link(first)); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the replica never showed the first dossier")
		}
	}

	resume := sqlstoretest.PauseReplica(t)
	defer resume()
	second := e.fileDraft(citizen, "")
	submit := e.do("POST", fmt.Sprintf("/api/v1/dossiers/%d/submit", second.ID), citizen, nil)
	if submit.status != http.StatusOK || wroteCookie(submit) != nil {
		t.Fatalf("an API client's submission: %d, marked with %+v; token clients keep no cookies", submit.status, wroteCookie(submit))
	}
	if q := queue(mover); strings.Contains(q, link(second)) || !e.db.Replica().Serving {
		t.Fatalf("before any move, the queue did not come from the paused replica (%+v)", e.db.Replica())
	}
	wrote := wroteCookie(mover.officeMove(first.ID, "receive", nil))
	if wrote == nil || time.Duration(wrote.MaxAge)*time.Second < e.db.ReplicaHorizon() {
		t.Fatalf("the move's answer marks the browser with %+v; the replica's horizon is %s", wrote, e.db.ReplicaHorizon())
	}
	if !e.db.Replica().Serving {
		t.Fatal("the replica stopped serving before the queues were read")
	}
	if q := queue(mover); !strings.Contains(q, link(second)) || strings.Contains(q, link(first)) {
		t.Error("after the officer's move, their queue does not show the primary's: the received dossier is still listed or the new one is missing")
	}
	if q := queue(watcher); strings.Contains(q, link(second)) || !strings.Contains(q, link(first)) {
		t.Error("the other officer's queue did not come from the replica")
	}
	if !e.db.Replica().Serving {
		t.Fatal("the replica stopped serving while the queues were read, so they may all have come from the primary")
	}
}

// wroteCookie is the cookie that marks a browser as having changed something, if r sets it.
func wroteCookie(r response) *http.Cookie {
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == "motcua_wrote" {
			return c
		}
	}
	return nil
}
