package service

import (
	"context"
	"fmt"

	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/portal"
	"github.com/motcua/motcua/report"
	"github.com/motcua/motcua/sqlstore"
)

// syncInputs is what the national portal wants about a dossier that the dossier does not
// hold, read from the catalog, the organisation, the accounts and the document store.
type syncInputs struct {
	version *catalog.Version
	agency  string
	units   map[string]string
	// identifiers are the units' official identifiers, for a receipt's code.
	identifiers map[string]string
	people      map[int64]string
	files       []portal.SubmittedFile
}

// syncInputs reads them for d, all but the files (see portalFiles); by, when set, is the
// account about to act (it may ask for a supplement, and the portal wants its name).
func (s *Dossiers) syncInputs(ctx context.Context, d *dossier.Dossier, by *org.Account) (syncInputs, error) {
	var in syncInputs
	var err error
	if in.version, err = s.version(ctx, d.ProcedureCode, d.VersionNumber); err != nil {
		return in, err
	}
	want := ""
	if by != nil {
		want = by.UnitCode
	}
	units, err := s.units(ctx, want)
	if err != nil {
		return in, err
	}
	in.units = make(map[string]string, len(units))
	in.identifiers = make(map[string]string, len(units))
	for _, u := range units {
		in.units[u.Code] = u.Name
		in.identifiers[u.Code] = u.Identifier
		if u.Kind == org.UnitDepartment && in.agency == "" {
			in.agency = u.Name
		}
	}
	if in.version != nil && in.version.Agency != "" {
		in.agency = in.version.Agency
	}
	in.people = map[int64]string{}
	if by != nil {
		in.people[by.ID] = by.DisplayName
	}
	for _, sp := range d.Supplements {
		if _, ok := in.people[sp.RequestedBy]; ok || sp.RequestedBy == 0 {
			continue
		}
		a, err := s.DB.Account(ctx, sp.RequestedBy)
		if err != nil {
			return in, err
		}
		in.people[a.ID] = a.DisplayName
	}
	return in, nil
}

// portalFiles is the list of d's files as the portal wants it.
func (s *Dossiers) portalFiles(d *dossier.Dossier, docs []sqlstore.Document) []portal.SubmittedFile {
	var files []portal.SubmittedFile
	for _, doc := range docs {
		name := doc.SlotName
		if name == "" {
			name = doc.Filename
		}
		f := portal.SubmittedFile{TepDinhKemId: doc.SHA256, TenTepDinhKem: name, IsDeleted: portal.No,
			// A file the applicant did not upload was scanned by the office: digitised.
			DuocSoHoa:     flag(doc.UploadedBy != d.OwnerAccountID),
			DuocTaiSuDung: portal.No, DuocLayTuKhoDMQG: portal.No}
		if s.BaseURL != "" {
			f.DuongDanTaiTepTin = fmt.Sprintf("%s/api/v1/dossiers/%d/documents/%d", s.BaseURL, d.ID, doc.ID)
		}
		files = append(files, f)
	}
	return files
}

// context is the portal's DossierContext for d as it stands.
func (in syncInputs) context(d *dossier.Dossier) portal.DossierContext {
	c := portal.DossierContext{AgencyName: in.agency, UnitNames: in.units, People: in.people, Documents: in.files,
		PaidOnline: d.Payment != nil && !d.Payment.PaidAt.IsZero() && report.OnlineMethod(d.Payment.Method)}
	if v := in.version; v != nil {
		c.ProcedureName, c.Field = v.Name, v.Field
	}
	return c
}

// queuePortal queues the portal messages of the event ev just applied to d
// (portal.Messages), in the move's transaction.
func queuePortal(tx *sqlstore.DossierTx, d *dossier.Dossier, ev dossier.Event, c portal.DossierContext) error {
	msgs, err := portal.Messages(d, ev, c)
	if err != nil {
		return err
	}
	for _, m := range msgs {
		if err := tx.Enqueue(portal.Topic, m.DedupeKey, m.Payload); err != nil {
			return err
		}
	}
	return nil
}

// SyncPayload is the DongBoHoSoMC record of d as it would be sent now.
func (s *Dossiers) SyncPayload(ctx context.Context, d *dossier.Dossier) (portal.DossierRecord, error) {
	in, err := s.syncInputs(ctx, d, nil)
	if err != nil {
		return portal.DossierRecord{}, err
	}
	docs, err := s.DB.Documents(ctx, d.ID)
	if err != nil {
		return portal.DossierRecord{}, err
	}
	in.files = s.portalFiles(d, docs)
	return portal.DossierPayload(d, in.context(d)), nil
}

func flag(b bool) string {
	if b {
		return portal.Yes
	}
	return portal.No
}
