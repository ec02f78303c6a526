package dossier

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/motcua/motcua/calendar"
	"github.com/motcua/motcua/catalog"
)

// DraftInput is what an applicant (or an officer at the counter) fills in to start a
// dossier.
type DraftInput struct {
	Procedure      *catalog.Procedure
	Channel        catalog.Channel
	ApplicantType  catalog.ApplicantType
	Applicant      Applicant
	Area           string // where the applicant is, for fees that vary by area
	Summary        string
	OwnerAccountID int64  // 0 for a walk-in filed by an officer
	IdempotencyKey string // from the client, so a retried "create" makes one dossier
}

// NewDraft starts a dossier under the procedure version in force at now and pins it: the
// channel's statutory time, the fees in force that day for this applicant, the internal
// process and the supplement limits are copied in. All input problems are returned
// together, joined.
func NewDraft(in DraftInput, now time.Time) (*Dossier, error) {
	if in.Procedure == nil {
		return nil, invalid("procedure", "cần chọn thủ tục", "a procedure is required")
	}
	// The version in force is chosen at the exact instant: one published earlier in this
	// very second is already in force. The dossier's own times keep whole seconds.
	v := in.Procedure.Current(now)
	now = now.Truncate(time.Second)
	if v == nil {
		return nil, invalid("procedure", "thủ tục chưa công bố hoặc đã bãi bỏ", "the procedure is not published or has been abolished")
	}
	var errs []error
	terms := channelTerms(v, in.Channel)
	if terms == nil {
		errs = append(errs, invalid("channel", fmt.Sprintf("thủ tục không thực hiện qua kênh %d", in.Channel),
			fmt.Sprintf("the procedure is not offered through channel %d", in.Channel)))
	} else if terms.Time.IsZero() {
		errs = append(errs, invalid("channel", "kênh này chưa có thời hạn giải quyết", "this channel has no statutory time"))
	}
	if len(v.ApplicantTypes) > 0 && !slices.Contains(v.ApplicantTypes, in.ApplicantType) {
		errs = append(errs, invalid("applicant_type", "thủ tục không áp dụng cho loại đối tượng này",
			"the procedure does not apply to this type of applicant"))
	}
	a := in.Applicant.Normalize()
	if err := a.Validate(in.ApplicantType); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	d := &Dossier{
		Status:         Draft,
		ProcedureCode:  in.Procedure.Code,
		VersionNumber:  v.Number,
		ProcedureName:  v.Name,
		Channel:        in.Channel,
		FeeSchedule:    slices.Clone(terms.Fees),
		StatutoryTime:  terms.Time,
		Plan:           slices.Clone(v.InternalSteps),
		ReplyWithin:    v.ReplyWithin,
		SupplementBy:   v.SupplementWithin,
		ApplicantType:  in.ApplicantType,
		Applicant:      a,
		Area:           strings.TrimSpace(in.Area),
		Summary:        strings.TrimSpace(in.Summary),
		ResultName:     v.Result.Name,
		OwnerAccountID: in.OwnerAccountID,
		IdempotencyKey: in.IdempotencyKey,
		CreatedAt:      now,
		UpdatedAt:      now,
	}
	d.pinFees(now)
	return d, nil
}

// pinFees takes the fee snapshot for the filing day: provisional on a draft, final when
// the dossier is submitted or filed at the counter.
func (d *Dossier) pinFees(now time.Time) {
	terms := catalog.ChannelTerms{Channel: d.Channel, Fees: d.FeeSchedule}
	d.Fees = terms.FeesAt(calendar.DateOf(now.In(calendar.Vietnam)), d.ApplicantType, d.Area)
}

func channelTerms(v *catalog.Version, ch catalog.Channel) *catalog.ChannelTerms {
	for i := range v.Channels {
		if v.Channels[i].Channel == ch {
			return &v.Channels[i]
		}
	}
	return nil
}
