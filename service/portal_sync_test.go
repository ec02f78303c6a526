package service_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/portal"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
	"github.com/motcua/motcua/sqlstore/sqlstoretest"
)

// Moves queue their portal messages; the worker delivers them through the outbox adapter
// to a fake portal (whose first calls fail), which then holds every numbered dossier as
// it stands; the synced share of the 766 index goes from unmeasured to 100 %.
func TestPortalSyncFeedsTheIndex(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		marchAndApril(w)
		reports := service.Reports{DB: db}
		if x, err := reports.Index766(ctx, march, sqlstore.ReportFilter{}); err != nil || indicator(x, report.KeySynced).Available {
			t.Fatalf("synced share before any sync: %+v, %v", indicator(x, report.KeySynced), err)
		}

		fake := portal.NewFakeServer(portal.FakeOptions{FailFirst: 2})
		srv := httptest.NewServer(fake)
		defer srv.Close()
		worker := &portal.Worker{Outbox: &service.PortalOutbox{DB: db}, Sender: &portal.Client{BaseURL: srv.URL, HTTP: srv.Client()},
			Name: "test", Backoff: func(int) time.Duration { return 0 }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		for range 100 {
			n, err := worker.Poll(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
		if st := worker.Stats(); st.Failed != 0 || st.Retried == 0 || st.Sent == 0 {
			t.Fatalf("worker: %+v", st)
		}
		received, _, err := db.ReportDossiers(ctx, march, sqlstore.ReportFilter{}, sqlstore.DrillReceived, 0, 50)
		if err != nil || len(received) != 4 {
			t.Fatalf("received: %d, %v", len(received), err)
		}
		for _, r := range received {
			held, ok := fake.Dossier(r.Code)
			if !ok {
				t.Fatalf("the portal does not hold %s", r.Code)
			}
			d, err := db.Dossier(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			now, err := w.svc.SyncPayload(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if held.TrangThaiHoSo != now.TrangThaiHoSo || held.TenTTHC != now.TenTTHC || held.MaLinhVuc == "" ||
				held.DonViXuLy != now.DonViXuLy {
				t.Errorf("%s: portal holds %+v, payload now %+v", r.Code, held, now)
			}
		}

		x, err := reports.Index766(ctx, march, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if s := indicator(x, report.KeySynced); !s.Available || s.Numerator != 4 || s.Denominator != 4 || s.Ratio != 1 || s.Points != 6 {
			t.Fatalf("synced share: %+v", s)
		}
		// A later move keeps the dossier synced.
		sum, err := reports.Summary(ctx, march, sqlstore.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		before := sum.Received
		c, err := db.ReportCounters(ctx, march, sqlstore.ReportFilter{})
		if err != nil || c.Synced != before {
			t.Fatalf("synced counter %d of %d, %v", c.Synced, before, err)
		}
	})
}

func indicator(x report.Index766, key string) report.Indicator {
	for _, g := range x.Groups {
		for _, i := range g.Indicators {
			if i.Key == key {
				return i
			}
		}
	}
	return report.Indicator{}
}

// A receipt tells the portal which files the dossier holds at that moment, read in the
// receipt's own transaction: a file uploaded after the draft's first moves is listed, with
// the address the portal fetches it from.
func TestReceiptListsTheFilesForThePortal(t *testing.T) {
	sqlstoretest.EachDB(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		w := newWorld(t, db)
		id := w.file(catalog.ChannelOnline, at(3, 3, 8, 0)) // submitted; the copy is kept
		doc, err := db.AddDocument(ctx, sqlstore.Document{DossierID: id, Slot: 0, SlotName: "Đơn đề nghị",
			Filename: "don.pdf", ContentType: "application/pdf", UploadedAt: at(3, 3, 8, 5),
			UploadedBy: w.who["congdan"].ID}, []byte("%PDF-1.4 đơn đề nghị"))
		if err != nil {
			t.Fatal(err)
		}
		w.do(id, "tiepnhan", at(3, 3, 9, 0), dossier.Command{Action: dossier.Receive})

		fake := portal.NewFakeServer(portal.FakeOptions{})
		srv := httptest.NewServer(fake)
		defer srv.Close()
		worker := &portal.Worker{Outbox: &service.PortalOutbox{DB: db}, Sender: &portal.Client{BaseURL: srv.URL, HTTP: srv.Client()},
			Name: "test", Backoff: func(int) time.Duration { return 0 }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		for range 10 {
			if n, err := worker.Poll(ctx); err != nil {
				t.Fatal(err)
			} else if n == 0 {
				break
			}
		}
		d, err := db.Dossier(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		held, ok := fake.Dossier(d.Code)
		if !ok {
			t.Fatalf("the portal does not hold %s", d.Code)
		}
		want := fmt.Sprintf("https://dvc.example.gov.vn/api/v1/dossiers/%d/documents/%d", id, doc.ID)
		if len(held.TaiLieuNop) != 1 || held.TaiLieuNop[0].TepDinhKemId != doc.SHA256 ||
			held.TaiLieuNop[0].TenTepDinhKem != "Đơn đề nghị" || held.TaiLieuNop[0].DuongDanTaiTepTin != want {
			t.Fatalf("files the portal holds: %+v, want %s at %s", held.TaiLieuNop, doc.SHA256, want)
		}
	})
}
