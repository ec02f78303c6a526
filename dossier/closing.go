package dossier

import "strings"

// doWithdraw ends the dossier at the applicant's request; a reason is welcome, not needed.
func doWithdraw(d *Dossier, m *move) error {
	d.close(m, "")
	return nil
}

// doStop ends processing with a written notice (Form 05) that says why.
func doStop(d *Dossier, m *move) error {
	if err := requireText("reason", m.cmd.Reason, "cần nêu rõ lý do dừng xử lý", "a reason for stopping is required"); err != nil {
		return err
	}
	d.close(m, strings.TrimSpace(m.cmd.Notice))
	return nil
}
