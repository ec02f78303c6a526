package web

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/catalog"
	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/org"
)

// forwardChoice is what the forward form offers: the next step of the pinned process, the
// units, and the accounts that could take the step, by unit.
type forwardChoice struct {
	Next        *catalog.InternalStep // nil past the end of the process or without one
	NextNo      int
	NextRole    org.Role
	Units       []org.Unit
	DefaultUnit string
	Groups      []assigneeGroup
}

type assigneeGroup struct {
	UnitName string
	Accounts []org.Account
}

// forwardChoice proposes the unit the process names; when it names none, the unit that
// already holds the dossier if it has someone for the next role, else the first unit
// that does. The officer may pick any other.
func (s *Server) forwardChoice(ctx context.Context, d *dossier.Dossier, units map[string]org.Unit) (*forwardChoice, error) {
	c := &forwardChoice{NextNo: len(d.Steps) + 1}
	role := org.Role("")
	if i := len(d.Steps); i < len(d.Plan) {
		c.Next = &d.Plan[i]
		role = org.Role(c.Next.Role)
		c.NextRole = role
		c.DefaultUnit = c.Next.UnitCode
	}
	accounts, err := s.db.StaffAccounts(ctx)
	if err != nil {
		return nil, err
	}
	byUnit := map[string][]org.Account{}
	for _, a := range accounts {
		if a.Disabled || !worksDossiers(a.Role) || a.UnitCode == "" || role != "" && a.Role != role {
			continue
		}
		byUnit[a.UnitCode] = append(byUnit[a.UnitCode], a)
	}
	for _, u := range units {
		c.Units = append(c.Units, u)
	}
	slices.SortFunc(c.Units, func(a, b org.Unit) int { return strings.Compare(a.Identifier, b.Identifier) })
	if c.DefaultUnit == "" && len(d.Steps) > 0 && len(byUnit[d.Steps[len(d.Steps)-1].UnitCode]) > 0 {
		c.DefaultUnit = d.Steps[len(d.Steps)-1].UnitCode
	}
	for _, u := range c.Units {
		if len(byUnit[u.Code]) == 0 {
			continue
		}
		if c.DefaultUnit == "" {
			c.DefaultUnit = u.Code
		}
		c.Groups = append(c.Groups, assigneeGroup{UnitName: u.Name, Accounts: byUnit[u.Code]})
	}
	return c, nil
}

// forwardUnit checks that the chosen unit exists; none lets the process decide.
func (s *Server) forwardUnit(ctx context.Context, code string) error {
	if code == "" {
		return nil
	}
	units, err := s.unitsByCode(ctx)
	if err != nil {
		return err
	}
	if _, ok := units[code]; !ok {
		return motcua.Invalid("to_unit", "không có đơn vị "+code, "no unit "+code)
	}
	return nil
}

// forwardAssignee fills the command's assignee from the chosen account, which must work
// in the unit the dossier goes to (or gives that unit when none was chosen).
func (s *Server) forwardAssignee(ctx context.Context, cmd *dossier.Command, raw string) error {
	if raw == "" {
		return nil
	}
	bad := motcua.Invalid("assignee_id", "người nhận không hợp lệ", "invalid assignee")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return bad
	}
	a, err := s.db.Account(ctx, id)
	if errors.Is(err, motcua.ErrNotFound) {
		return bad
	}
	if err != nil {
		return err
	}
	if a.Disabled || !worksDossiers(a.Role) {
		return bad
	}
	if cmd.ToUnit == "" {
		cmd.ToUnit = a.UnitCode
	}
	if a.UnitCode != cmd.ToUnit {
		return motcua.Invalid("assignee_id", a.DisplayName+" không thuộc đơn vị nhận hồ sơ",
			a.DisplayName+" does not work in the unit the dossier goes to")
	}
	cmd.AssigneeID, cmd.AssigneeName = a.ID, a.DisplayName
	return nil
}
