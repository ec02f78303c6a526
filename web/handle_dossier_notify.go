package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/sqlstore"
)

// Notification kinds sent to the applicant by email.
const (
	notifyReceived            = "received"
	notifySupplementRequested = "supplement_requested"
	notifyPaymentRequested    = "payment_requested"
	notifyResultReady         = "result_ready"
	notifyApology             = "apology"
)

// notifyTopic is the outbox topic the mail worker reads.
const notifyTopic = "email"

var notifyKinds = map[dossier.Action]string{
	dossier.Receive:           notifyReceived,
	dossier.RequestSupplement: notifySupplementRequested,
	dossier.RequestPayment:    notifyPaymentRequested,
	dossier.IssueResult:       notifyResultReady,
	dossier.Apologize:         notifyApology,
}

// notification is the outbox payload of an email to the applicant. The worker renders the
// message from it; it carries everything the message needs so that the worker never reads
// the dossier.
type notification struct {
	To             string         `json:"to"`
	Name           string         `json:"name"`
	Kind           string         `json:"kind"`
	DossierID      int64          `json:"dossier_id"`
	DossierCode    string         `json:"dossier_code"`
	ProcedureName  string         `json:"procedure_name"`
	Status         dossier.Status `json:"status"`
	Appointment    *time.Time     `json:"appointment,omitempty"`
	OldAppointment *time.Time     `json:"previous_appointment,omitempty"`
	Missing        []string       `json:"missing,omitempty"`
	ReplyBy        *time.Time     `json:"reply_by,omitempty"`
	Amount         int64          `json:"amount,omitempty"`
	Reason         string         `json:"reason,omitempty"`
	ResultName     string         `json:"result_name,omitempty"`
	ResultNumber   string         `json:"result_number,omitempty"`
	TrackURL       string         `json:"track_url,omitempty"`
	At             time.Time      `json:"at"`
}

// notify queues the email a move owes the applicant, in the move's transaction. The dedupe
// key names the event, so a message is never queued twice for one move.
func (s *Server) notify(tx *sqlstore.DossierTx, d *dossier.Dossier, ev dossier.Event) error {
	kind := notifyKinds[ev.Action]
	if kind == "" || d.Applicant.Email == "" {
		return nil
	}
	n := notification{To: d.Applicant.Email, Name: d.Applicant.Name, Kind: kind, DossierID: d.ID,
		DossierCode: d.Code, ProcedureName: d.ProcedureName, Status: d.Status, At: ev.At,
		Appointment: timePtr(d.AppointmentAt)}
	if d.Code != "" {
		n.TrackURL = s.trackURL(d.Code)
	}
	switch kind {
	case notifySupplementRequested:
		if k := len(d.Supplements); k > 0 {
			n.Missing, n.ReplyBy = d.Supplements[k-1].Missing, timePtr(d.Supplements[k-1].ReplyBy)
		}
	case notifyPaymentRequested:
		n.Amount = d.Payment.Amount
	case notifyResultReady:
		n.ResultName, n.ResultNumber = d.ResultName, d.Result.Number
	case notifyApology:
		n.Reason, n.OldAppointment = d.Apology.Reason, timePtr(d.Apology.Previous)
	}
	payload, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return tx.Enqueue(notifyTopic, fmt.Sprintf("%d:%d:%s", d.ID, ev.Seq, kind), payload)
}

// trackURL is the public tracking address printed on the receipt and sent by email.
func (s *Server) trackURL(code string) string {
	return s.cfg.BaseURL + "/track?code=" + url.QueryEscape(code)
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
