package dossier

// doRequestSupplement asks for exactly the papers that are missing and stops the clock
// until they arrive.
func doRequestSupplement(d *Dossier, m *move) error {
	missing, err := cleanList("missing", m.cmd.Missing)
	if err != nil {
		return err
	}
	s := Supplement{RequestedAt: m.now, RequestedBy: m.cmd.Actor.AccountID, Missing: missing,
		ApplicantFault: m.cmd.ApplicantFault, Timely: true}
	if !d.ReplyWithin.IsZero() {
		s.ReplyBy = m.clk.Due(m.now, d.ReplyWithin)
		m.data["reply_by"] = stamp(s.ReplyBy)
	}
	if !d.SupplementBy.IsZero() {
		s.Timely = !m.now.After(m.clk.Due(d.ReceivedAt, d.SupplementBy))
	}
	d.Supplements = append(d.Supplements, s)
	d.Contacts = append(d.Contacts, Contact{At: m.now, Kind: ContactSupplement, ApplicantFault: m.cmd.ApplicantFault})
	d.Pauses = append(d.Pauses, Pause{Start: m.now})
	m.step = len(d.Steps)
	m.data["missing"] = jsonList(missing)
	m.data["applicant_fault"] = boolText(m.cmd.ApplicantFault)
	m.data["timely"] = boolText(s.Timely)
	return nil
}

// doSupplement records the applicant's answer and restarts the clock.
func doSupplement(d *Dossier, m *move) error {
	if n := len(d.Supplements); n > 0 {
		d.Supplements[n-1].AnsweredAt = m.now
	}
	d.endPause(m)
	m.step = len(d.Steps)
	return nil
}

// endPause ends a running clock stop and moves the appointment and the open step's
// deadline later by exactly the working time it lasted, keeping the old appointment.
func (d *Dossier) endPause(m *move) {
	p := d.openPause()
	if p == nil {
		return
	}
	p.End = m.now
	p.Working = m.clk.WorkingBetween(p.Start, m.now)
	m.data["paused"] = p.Working.String()
	if p.Working <= 0 {
		return
	}
	old := d.AppointmentAt
	d.AppointmentAt = shift(m.clk, old, p.Working)
	d.Appointments = append(d.Appointments, Appointment{At: old, ReplacedAt: m.now, Cause: m.cmd.Action})
	if s := d.currentStep(); s != nil {
		s.DueAt = shift(m.clk, s.DueAt, p.Working)
		s.Paused += p.Working
	}
	m.data["previous_appointment"] = stamp(old)
	m.data["appointment"] = stamp(d.AppointmentAt)
}
