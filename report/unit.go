package report

import (
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// HandlingUnit is the competent unit of d, the one the figures "by unit" charge it to:
// the unit of the first specialist step actually taken (routing may override the plan);
// before that, the plan's specialist unit; for a procedure without a specialist step,
// the first unit the dossier was forwarded to; failing all, the receiving unit.
//
// The unit can change while the dossier moves (a forward to another division); the
// store then moves the dossier's counters with Diff, like any other change of fact.
func HandlingUnit(d *dossier.Dossier) string {
	for _, s := range d.Steps {
		if s.Role == org.RoleSpecialist && s.UnitCode != "" {
			return s.UnitCode
		}
	}
	for _, p := range d.Plan {
		if org.Role(p.Role) == org.RoleSpecialist && p.UnitCode != "" {
			return p.UnitCode
		}
	}
	if len(d.Steps) > 1 && d.Steps[1].UnitCode != "" {
		return d.Steps[1].UnitCode
	}
	return d.ReceivingUnit
}
