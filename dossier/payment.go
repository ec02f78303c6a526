package dossier

import (
	"fmt"
	"strconv"
	"strings"
)

// FeeTotal is what the applicant owes under the fee snapshot taken at filing.
func (d *Dossier) FeeTotal() int64 {
	var sum int64
	for _, f := range d.Fees {
		sum += f.Amount
	}
	return sum
}

// doRequestPayment asks for the fees pinned at filing; the clock keeps running, since
// the law stops it only while the applicant completes the dossier.
func doRequestPayment(d *Dossier, m *move) error {
	d.Payment = &Payment{Amount: d.FeeTotal(), RequestedAt: m.now}
	m.data["amount"] = strconv.FormatInt(d.Payment.Amount, 10)
	return nil
}

func doPay(d *Dossier, m *move) error {
	p := d.Payment
	if m.cmd.Amount != 0 && m.cmd.Amount != p.Amount {
		return invalid("amount", fmt.Sprintf("số tiền phải đúng %d đồng", p.Amount),
			fmt.Sprintf("the amount must be exactly %d đồng", p.Amount))
	}
	p.PaidAt = m.now
	p.Method = strings.TrimSpace(m.cmd.Method)
	p.Reference = strings.TrimSpace(m.cmd.Reference)
	p.RecordedBy = m.cmd.Actor.AccountID
	m.data["amount"] = strconv.FormatInt(p.Amount, 10)
	if p.Method != "" {
		m.data["method"] = p.Method
	}
	if p.Reference != "" {
		m.data["reference"] = p.Reference
	}
	return nil
}
