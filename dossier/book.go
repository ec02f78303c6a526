package dossier

import "time"

// BookEntry is one dossier as the tracking book (sổ theo dõi hồ sơ, form 07 of Circular
// 01/2018/TT-VPCP) lists it; the printed and the spreadsheet book share it.
type BookEntry struct {
	Code          string
	Procedure     string
	Applicant     string
	Contact       string // address and phone number
	Sets          int
	ReceivedAt    time.Time
	AppointmentAt time.Time
	SentTo        string    // body the dossier was passed to for processing
	ResultAt      time.Time // when the result, or a request to supplement, came back
	Note          string
}
