package portal

import (
	"strconv"
	"strings"

	"github.com/motcua/motcua/dossier"
)

// StepPayloads turns a dossier's events into CapNhatTienDoHoSoMC records, one per event
// the portal can see: events that leave the dossier a draft never leave the system, and
// a rating is not a processing step. The step dates are read from d, so d should be the
// dossier as it stood right after the last of events (a later clock stop moves a step's
// deadline).
func StepPayloads(d *dossier.Dossier, events []dossier.Event, c DossierContext) []ProgressRecord {
	out := make([]ProgressRecord, 0, len(events))
	for _, ev := range events {
		if p, ok := StepPayload(d, ev, c); ok {
			out = append(out, p)
		}
	}
	return out
}

// StepPayload is the record of one event; ok is false for events the portal does not see.
func StepPayload(d *dossier.Dossier, ev dossier.Event, c DossierContext) (ProgressRecord, bool) {
	if ev.To == dossier.Draft || ev.Action == dossier.Rate {
		return ProgressRecord{}, false
	}
	p := ProgressRecord{
		MaHoSo:       d.Code,
		NguoiXuLy:    ev.ActorName,
		ChucDanh:     c.title(ev.Role),
		ThoiDiemXuLy: FormatTime(ev.At),
		NoiDungXuLy:  stepText(ev),
		TrangThai:    strconv.Itoa(int(ev.To)),
	}
	if ev.UnitCode != "" {
		p.PhongBanXuLy = c.unitName(ev.UnitCode)
	}
	if ev.Step > 0 && ev.Step <= len(d.Steps) {
		s := d.Steps[ev.Step-1]
		p.NgayBatDau = FormatTime(s.StartedAt)
		p.NgayKetThucTheoQuyDinh = FormatTime(s.DueAt)
	}
	return p, true
}

// stepText is the action's Vietnamese name with the reason and note given, if any.
func stepText(ev dossier.Event) string {
	parts := []string{ev.Action.Label()}
	if r := ev.Data["reason"]; r != "" {
		parts = append(parts, "Lý do: "+r)
	}
	if ev.Note != "" {
		parts = append(parts, ev.Note)
	}
	return strings.Join(parts, ". ")
}
