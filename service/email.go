package service

import (
	"fmt"
	"net/url"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/sqlstore"
)

// emailKinds are the moves the applicant is told about by e-mail.
var emailKinds = map[dossier.Action]notify.Kind{
	dossier.Receive:           notify.KindReceived,
	dossier.RequestSupplement: notify.KindSupplementRequested,
	dossier.RequestPayment:    notify.KindPaymentRequested,
	dossier.IssueResult:       notify.KindResultReady,
	dossier.Apologize:         notify.KindApology,
	dossier.CorrectResult:     notify.KindResultCorrected,
}

// queueEmail queues the e-mail a move owes the applicant, in the move's transaction. The
// dedupe key "<dossier id>:<event seq>:<kind>" names the event, so a move never queues
// it twice. A message the mailer could not send (an address that does not parse) is
// logged and left out rather than blocking the move.
func (s *Dossiers) queueEmail(tx *sqlstore.DossierTx, d *dossier.Dossier, ev dossier.Event) error {
	kind := emailKinds[ev.Action]
	if kind == "" || d.Applicant.Email == "" {
		return nil
	}
	e := notify.Email{To: d.Applicant.Email, Kind: kind, DossierCode: d.Code, Procedure: d.ProcedureName,
		Applicant: d.Applicant.Name, AppointmentAt: d.AppointmentAt}
	if d.Code != "" && s.BaseURL != "" {
		e.TrackingURL = s.BaseURL + "/track?code=" + url.QueryEscape(d.Code)
	}
	switch kind {
	case notify.KindSupplementRequested:
		if k := len(d.Supplements); k > 0 {
			e.Missing, e.ReplyBy = d.Supplements[k-1].Missing, d.Supplements[k-1].ReplyBy
		}
	case notify.KindPaymentRequested:
		if d.Payment != nil {
			e.Amount = d.Payment.Amount
		}
	case notify.KindApology:
		if d.Apology != nil {
			e.Reason, e.OldAppointmentAt = d.Apology.Reason, d.Apology.Previous
		}
	case notify.KindResultCorrected:
		e.Reason, e.ResultNumber = ev.Data["reason"], d.Result.Number
	}
	payload, err := e.Payload()
	if err != nil {
		s.log().Warn("e-mail to the applicant left out", "dossier", d.ID, "kind", kind, "err", err)
		return nil
	}
	return tx.Enqueue(notify.Topic, fmt.Sprintf("%d:%d:%s", d.ID, ev.Seq, kind), payload)
}
