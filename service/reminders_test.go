package service_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// TestReminders: the officer holding a dossier hears, once, that less than a working day
// is left, then that it is overdue; a dossier moved to a division reaches its specialist
// and, when late, the division's head. Running again queues nothing new.
func TestReminders(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		// Received Tuesday 3 March 08:31: due Tuesday 31 March 08:31.
		id := w.received(catalog.ChannelCounter, at(3, 3, 8, 30))
		run := func(now time.Time) map[string]notify.Email {
			t.Helper()
			if _, err := w.svc.Remind(ctx, now); err != nil {
				t.Fatal(err)
			}
			return reminders(t, db)
		}
		if got := run(at(3, 27, 9, 0)); len(got) != 0 {
			t.Fatalf("reminded with two working days left: %v", got)
		}
		got := run(at(3, 30, 9, 0))
		soon, ok := got["due_soon tiepnhan@sct.example.vn"]
		if len(got) != 1 || !ok || soon.AppointmentAt.IsZero() || soon.OfficeURL == "" || soon.Officer == "" {
			t.Fatalf("due soon: %+v", got)
		}
		if _, err := w.svc.Remind(ctx, at(3, 30, 10, 0)); err != nil {
			t.Fatal(err)
		}
		if n := len(reminderItems(t, db)); n != 1 {
			t.Fatalf("a second run queued again: %d reminders", n)
		}
		w.do(id, "tiepnhan", at(3, 31, 8, 0), dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})
		got = run(at(4, 1, 9, 0))
		for _, k := range []string{"overdue chuyenvien@sct.example.vn", "overdue truongphong@sct.example.vn"} {
			if _, ok := got[k]; !ok {
				t.Fatalf("no %s: %v", k, got)
			}
		}
		if _, ok := got["overdue tiepnhan@sct.example.vn"]; ok || len(got) != 3 {
			t.Fatalf("the desk, which no longer holds it, was told it is late: %v", got)
		}
	})
}

// reminders are the reminder e-mails in the outbox, by "kind address".
func reminders(t *testing.T, db *sqlstore.DB) map[string]notify.Email {
	t.Helper()
	out := map[string]notify.Email{}
	for _, e := range reminderItems(t, db) {
		out[string(e.Kind)+" "+e.To] = e
	}
	return out
}

// reminderItems are the reminder e-mails in the outbox, one per message.
func reminderItems(t *testing.T, db *sqlstore.DB) []notify.Email {
	t.Helper()
	items, err := db.ClaimOutbox(context.Background(), notify.Topic, "test", 1000, time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	var out []notify.Email
	for _, it := range items {
		var e notify.Email
		if err := json.Unmarshal(it.Payload, &e); err != nil {
			t.Fatal(err)
		}
		if e.Kind == notify.KindDueSoon || e.Kind == notify.KindOverdue {
			out = append(out, e)
		}
	}
	return out
}
