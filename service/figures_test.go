package service_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// marchAndApril drives five dossiers through the service:
//
//	A  online, received Mon 2 Mar, result issued Thu 5 Mar (early), returned, rated 5
//	B  at the counter, received Tue 3 Mar 08:31, forwarded, still open: due Tue 31 Mar
//	   08:31, late from then
//	C  online, refused at receipt Wed 4 Mar: never received
//	D  online, received Wed 4 Mar, withdrawn Thu 5 Mar
//	E  at the counter, received Tue 10 Mar, fee asked and paid online, result issued
//	   Wed 15 Apr, after its appointment (late)
func marchAndApril(w *world) {
	a := w.received(catalog.ChannelOnline, at(time.March, 2, 9, 0))
	w.resolve(a, at(time.March, 2, 10, 0), at(time.March, 5, 10, 0))
	w.do(a, "tiepnhan", at(time.March, 5, 15, 0), dossier.Command{Action: dossier.ReturnResult})
	w.do(a, "congdan", at(time.March, 6, 9, 0), dossier.Command{Action: dossier.Rate, Rating: &dossier.Rating{Score: 5}})

	b := w.received(catalog.ChannelCounter, at(time.March, 3, 8, 30))
	w.do(b, "tiepnhan", at(time.March, 3, 9, 0), dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})

	c := w.file(catalog.ChannelOnline, at(time.March, 4, 8, 0))
	w.do(c, "tiepnhan", at(time.March, 4, 9, 0), dossier.Command{Action: dossier.Refuse, Reason: "Không thuộc thẩm quyền"})

	d := w.received(catalog.ChannelOnline, at(time.March, 4, 10, 0))
	w.do(d, "congdan", at(time.March, 5, 9, 0), dossier.Command{Action: dossier.Withdraw, Reason: "Nộp nhầm"})

	e := w.received(catalog.ChannelCounter, at(time.March, 10, 8, 0))
	w.do(e, "tiepnhan", at(time.March, 10, 9, 0), dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})
	w.do(e, "chuyenvien", at(time.March, 10, 10, 0), dossier.Command{Action: dossier.RequestPayment})
	w.do(e, "tiepnhan", at(time.March, 10, 11, 0), dossier.Command{Action: dossier.Pay, Method: "online", Reference: "VNPAY-9"})
	w.do(e, "chuyenvien", at(time.April, 15, 8, 0), dossier.Command{Action: dossier.Forward, ToUnit: "QLTM"})
	w.do(e, "truongphong", at(time.April, 15, 8, 5), dossier.Command{Action: dossier.Forward, ToUnit: "SCT"})
	w.do(e, "lanhdao", at(time.April, 15, 8, 10), dossier.Command{Action: dossier.Approve})
	w.do(e, "lanhdao", at(time.April, 15, 8, 15), dossier.Command{Action: dossier.Forward, ToUnit: "VP"})
	w.do(e, "vanthu", at(time.April, 15, 10, 0), dossier.Command{Action: dossier.IssueResult, ResultNumber: "2/GCN-SCT"})
}

var (
	march = report.Period{From: calendar.D(2026, 3, 1), To: calendar.D(2026, 3, 31)}
	april = report.Period{From: calendar.D(2026, 4, 1), To: calendar.D(2026, 4, 30)}
	// spring spans whole months and edge days: 15 Feb – 20 Apr.
	spring = report.Period{From: calendar.D(2026, 2, 15), To: calendar.D(2026, 4, 20)}
)

func TestFiguresFollowTheMoves(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		marchAndApril(w)
		reports := service.Reports{DB: db}
		now := at(time.May, 4, 9, 0)
		facts := w.facts(now)

		// Hand-checked figures.
		m, err := reports.Summary(ctx, march, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if m.Received != 4 || m.ReceivedOnline != 2 || m.ReceivedCounter != 2 || m.Refused != 1 || m.Withdrawn != 1 ||
			m.ResolvedEarly != 1 || m.Resolved != 1 || m.InProgress != 2 || m.InProgressLate != 1 || m.CarriedOver != 0 {
			t.Errorf("March: %+v", m)
		}
		if m.Rated != 1 || m.Satisfaction.Percent != 100 || m.PaidOnlineShare.Numerator != 1 {
			t.Errorf("March ratings and payments: %+v %+v", m.Satisfaction, m.PaidOnlineShare)
		}
		// Late rate: 1 late in progress of 4 to process.
		if m.LateRate.Percent != 25 || m.OnTimeRate.Percent != 75 {
			t.Errorf("March rates: late %+v, on time %+v", m.LateRate, m.OnTimeRate)
		}
		a, err := reports.Summary(ctx, april, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if a.CarriedOver != 2 || a.Received != 0 || a.ResolvedLate != 1 || a.InProgress != 1 || a.InProgressLate != 1 {
			t.Errorf("April: %+v", a)
		}

		// The store agrees with the facts recomputed from the dossiers, whatever the period
		// and the filter.
		cat, err := db.CatalogStats(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []report.Period{march, april, spring, {From: calendar.D(2026, 3, 4), To: calendar.D(2026, 3, 4)}} {
			got, err := reports.Summary(ctx, p, sqlstore.ReportFilter{})
			if err != nil {
				t.Fatal(err)
			}
			want := reference(facts, p, report.CatalogStatsOf(nil, now))
			got.Catalog, want.Catalog = cat, cat
			if !equalJSON(got, want) {
				t.Errorf("%v–%v:\n got %+v\nwant %+v", p.From, p.To, got, want)
			}
		}
		dash, err := reports.Dashboard(ctx, spring, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		sum, _ := reports.Summary(ctx, spring, sqlstore.ReportFilter{})
		idx, _ := reports.Index766(ctx, spring, sqlstore.ReportFilter{})
		trend, _ := db.ReportMonths(ctx, spring, sqlstore.ReportFilter{})
		units, _ := db.ReportBreakdown(ctx, spring, sqlstore.ReportFilter{}, report.ByUnit)
		if !equalJSON(dash.Summary, sum) || !equalJSON(dash.Index766, idx) || !equalJSON(dash.Trend, trend) ||
			!equalJSON(dash.ByUnit, units) || len(dash.Trend) != 3 || len(dash.ByUnit) != 3 {
			t.Errorf("dashboard disagrees with the single answers: %+v", dash)
		}
		byUnit, err := db.ReportBreakdown(ctx, spring, sqlstore.ReportFilter{}, report.ByUnit)
		if err != nil {
			t.Fatal(err)
		}
		// C was refused before any unit had it; D was withdrawn while at the desk.
		if len(byUnit) != 3 || byUnit[0].Value != "" || byUnit[0].Summary.Refused != 1 || byUnit[1].Value != "MC" ||
			byUnit[1].Summary.Withdrawn != 1 || byUnit[2].Value != "QLTM" || byUnit[2].Summary.Received != 3 ||
			byUnit[2].Summary.InProgressLate != 1 {
			t.Errorf("by unit: %+v", byUnit)
		}
		months, err := db.ReportMonths(ctx, spring, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(months) != 3 || months[1].Counters.Received != 4 || months[1].OpenAtEnd != 2 || months[2].OpenAtEnd != 1 {
			t.Errorf("months: %+v", months)
		}
		late, _, err := db.ReportDossiers(ctx, april, sqlstore.ReportFilter{}, sqlstore.DrillLateOpen, 0, 10)
		if err != nil || len(late) != 1 || late[0].LateFrom.IsZero() {
			t.Errorf("late open in April: %+v, %v", late, err)
		}
		steps, err := db.ReportBottlenecks(ctx, spring, "")
		if err != nil || len(steps) == 0 {
			t.Errorf("bottlenecks: %+v, %v", steps, err)
		}
	})
}

// Paging a drill-down by key returns every dossier once.
func TestDrillDownPages(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		w := newWorld(t, db)
		marchAndApril(w)
		seen := map[int64]bool{}
		var after int64
		for {
			page, next, err := db.ReportDossiers(context.Background(), march, sqlstore.ReportFilter{}, sqlstore.DrillReceived, after, 3)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range page {
				if seen[d.ID] {
					t.Fatalf("dossier %d twice", d.ID)
				}
				seen[d.ID] = true
			}
			if next == 0 {
				break
			}
			after = next
		}
		if len(seen) != 4 {
			t.Fatalf("%d received dossiers listed, want 4", len(seen))
		}
	})
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// Dossiers stored before the figures existed are recorded by Backfill, to the same sums.
func TestBackfillRecordsUnreportedDossiers(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		marchAndApril(w)
		reports := service.Reports{DB: db}
		want, err := reports.Summary(ctx, spring, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		err = db.InTx(ctx, func(tx *sqlstore.Tx) error {
			for _, q := range []string{`DELETE FROM report_days`, `DELETE FROM report_months`, `DELETE FROM report_steps`,
				`UPDATE dossiers SET report_fact = NULL, report_class = '', late_from = NULL`} {
				if _, err := tx.Exec(ctx, q); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		n, err := w.svc.Backfill(ctx, at(time.May, 4, 9, 0), 0)
		if err != nil || n != 5 {
			t.Fatalf("backfilled %d, %v", n, err)
		}
		got, err := reports.Summary(ctx, spring, sqlstore.ReportFilter{})
		if err != nil || !equalJSON(got, want) {
			t.Fatalf("after backfill:\n got %+v\nwant %+v", got, want)
		}
		if n, err := w.svc.Backfill(ctx, at(time.May, 4, 9, 0), 0); err != nil || n != 0 {
			t.Fatalf("second backfill: %d, %v", n, err)
		}
	})
}
