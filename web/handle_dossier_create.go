package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// draftRequest starts a dossier. The idempotency key (or the Idempotency-Key header) makes
// a retried request return the draft it already created.
type draftRequest struct {
	ProcedureCode  string                `json:"procedure_code"`
	Channel        catalog.Channel       `json:"channel"`
	ApplicantType  catalog.ApplicantType `json:"applicant_type"`
	Applicant      dossier.Applicant     `json:"applicant"`
	Area           string                `json:"area"`
	Summary        string                `json:"summary"`
	IdempotencyKey string                `json:"idempotency_key"`
}

// apiFileDossier lets an applicant start an online dossier of their own. Blank contact
// fields are taken from the account.
func (s *Server) apiFileDossier(w http.ResponseWriter, r *http.Request) {
	s.createDraft(w, r, func(in *draftRequest, a *org.Account) error {
		if in.Channel == 0 {
			in.Channel = catalog.ChannelOnline
		}
		if in.Channel != catalog.ChannelOnline {
			return motcua.Invalid("channel", "người nộp tự nộp hồ sơ qua kênh trực tuyến (2)",
				"applicants file through the online channel (2)")
		}
		if in.ApplicantType == 0 {
			in.ApplicantType = catalog.Citizen
			if a.Role == org.RoleBusiness {
				in.ApplicantType = catalog.Business
			}
		}
		ap := &in.Applicant
		fill(&ap.Name, a.DisplayName)
		fill(&ap.Phone, a.Phone)
		fill(&ap.Email, a.Email)
		if in.ApplicantType == catalog.Business {
			fill(&ap.Organisation, a.DisplayName)
			fill(&ap.TaxCode, a.IDNumber)
		} else {
			fill(&ap.IDNumber, a.IDNumber)
		}
		return nil
	}, true)
}

// apiFileAtDesk lets a one-stop officer file a walk-in or postal dossier for an applicant
// who has no account here; the draft has no owner and is received next.
func (s *Server) apiFileAtDesk(w http.ResponseWriter, r *http.Request) {
	s.createDraft(w, r, func(in *draftRequest, a *org.Account) error {
		if in.Channel == 0 {
			in.Channel = catalog.ChannelCounter
		}
		if in.Channel != catalog.ChannelCounter && in.Channel != catalog.ChannelPostal {
			return motcua.Invalid("channel", "tại Bộ phận Một cửa chỉ nhận hồ sơ trực tiếp (1) hoặc qua bưu chính (3)",
				"the desk files counter (1) or postal (3) dossiers only")
		}
		return nil
	}, false)
}

func fill(field *string, v string) {
	if strings.TrimSpace(*field) == "" {
		*field = v
	}
}

func (s *Server) createDraft(w http.ResponseWriter, r *http.Request, prepare func(*draftRequest, *org.Account) error, owned bool) {
	a := account(r)
	var in draftRequest
	if err := decodeJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if in.IdempotencyKey == "" {
		in.IdempotencyKey = r.Header.Get("Idempotency-Key")
	}
	if err := checkIdempotencyKey(in.IdempotencyKey); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := prepare(&in, a); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if strings.TrimSpace(in.ProcedureCode) == "" {
		s.apiFail(w, r, motcua.Invalid("procedure_code", "cần chọn thủ tục", "a procedure is required"))
		return
	}
	p, err := s.catalog.procedure(r.Context(), strings.TrimSpace(in.ProcedureCode))
	if errors.Is(err, motcua.ErrNotFound) {
		s.apiFail(w, r, motcua.Invalid("procedure_code", "không có thủ tục "+in.ProcedureCode, "no procedure "+in.ProcedureCode))
		return
	} else if err != nil {
		s.apiFail(w, r, err)
		return
	}
	owner := int64(0)
	if owned {
		owner = a.ID
	}
	d, err := dossier.NewDraft(dossier.DraftInput{Procedure: p, Channel: in.Channel, ApplicantType: in.ApplicantType,
		Applicant: in.Applicant, Area: in.Area, Summary: in.Summary, OwnerAccountID: owner,
		IdempotencyKey: in.IdempotencyKey}, s.cfg.Now())
	if err != nil {
		s.dossierFail(w, r, err)
		return
	}
	id, existed, err := s.db.CreateDossierDraft(r.Context(), d, a.ID)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/dossiers/%d", id))
	if !existed {
		// A new draft has no history and no documents yet: nothing to read back.
		state := s.stateOf(r, d)
		s.writeStored(w, http.StatusCreated, d, func(d *dossier.Dossier) any {
			state.Dossier = d
			return dossierView{dossierState: state, Events: []dossier.Event{}, Documents: []sqlstore.Document{}}
		})
		return
	}
	if d, err = s.db.Dossier(r.Context(), id); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.writeDossier(w, r, http.StatusOK, d)
}
