package service

import (
	"context"
	"fmt"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// maxReminded bounds the dossiers one run looks at per kind; the next run goes on.
const maxReminded = 5000

// Remind warns the officers holding open dossiers before the appointment (less than one
// working day left) and again once it has passed, by e-mail from the outbox, and returns
// how many messages it offered. Each officer hears of an appointment once per kind: the
// dedupe key names the dossier, the appointment, the kind and the officer, so any number
// of instances may run it, as often as they like, and a new appointment (after an
// apology) is warned of afresh. Dossiers waiting for the applicant have their clock
// stopped and are not reminded of.
func (s *Dossiers) Remind(ctx context.Context, now time.Time) (int, error) {
	cal := s.clock()
	staff, err := s.DB.StaffAccounts(ctx)
	if err != nil {
		return 0, err
	}
	units, err := s.units(ctx, "")
	if err != nil {
		return 0, err
	}
	unitNames := map[string]string{}
	for _, u := range units {
		unitNames[u.Code] = u.Name
	}
	queued := 0
	for _, k := range []struct {
		queue string
		kind  notify.Kind
	}{{sqlstore.QueueDueSoon, notify.KindDueSoon}, {sqlstore.QueueOverdue, notify.KindOverdue}} {
		f := sqlstore.DossierFilter{Queue: k.queue, Now: now, DueBy: cal.Due(now, calendar.Days(1)),
			Limit: sqlstore.MaxDossierPage}
		for seen := 0; seen < maxReminded; {
			rows, next, err := s.DB.ListDossiers(ctx, f)
			if err != nil {
				return queued, err
			}
			n, err := s.queueReminders(ctx, rows, k.kind, staff, unitNames)
			queued += n
			if err != nil {
				return queued, err
			}
			seen += len(rows)
			if next == "" {
				break
			}
			f.After = next
		}
	}
	return queued, nil
}

// queueReminders writes one page of reminders in one transaction.
func (s *Dossiers) queueReminders(ctx context.Context, rows []sqlstore.DossierRow, kind notify.Kind, staff []org.Account,
	unitNames map[string]string) (int, error) {
	var msgs []sqlstore.OutboxMessage
	for _, row := range rows {
		for _, a := range recipients(row, kind, staff) {
			e := notify.Email{To: a.Email, Kind: kind, DossierCode: row.Code, Procedure: row.ProcedureName,
				Applicant: row.ApplicantName, AppointmentAt: row.AppointmentAt, Officer: a.DisplayName,
				Unit: unitNames[row.StepUnit]}
			if s.BaseURL != "" {
				e.OfficeURL = fmt.Sprintf("%s/office/dossiers/%d", s.BaseURL, row.ID)
			}
			payload, err := e.Payload()
			if err != nil {
				s.log().Warn("reminder left out", "dossier", row.ID, "account", a.ID, "err", err)
				continue
			}
			key := fmt.Sprintf("remind:%s:%d:%d:%d", kind, row.ID, row.AppointmentAt.UnixMilli(), a.ID)
			msgs = append(msgs, sqlstore.OutboxMessage{Topic: notify.Topic, DedupeKey: key, Payload: payload})
		}
	}
	if len(msgs) == 0 {
		return 0, nil
	}
	err := s.DB.InTx(ctx, func(tx *sqlstore.Tx) error { return tx.EnqueueAll(ctx, msgs) })
	return len(msgs), err
}

// recipients are the officers a reminder about row goes to: the one the open step is
// assigned to, or else everyone of the step's unit in the step's role; for an overdue
// dossier also the heads of that unit. Only those with an e-mail address.
func recipients(row sqlstore.DossierRow, kind notify.Kind, staff []org.Account) []org.Account {
	if row.StepUnit == "" || row.Code == "" {
		return nil
	}
	var out []org.Account
	for _, a := range staff {
		if a.Email == "" || a.UnitCode != row.StepUnit {
			continue
		}
		holds := a.Role == org.Role(row.StepRole) && (row.StepAssigneeID == 0 || row.StepAssigneeID == a.ID)
		head := kind == notify.KindOverdue && a.Role == org.RoleHead && org.Role(row.StepRole) != org.RoleHead
		if holds || head {
			out = append(out, a)
		}
	}
	return out
}
