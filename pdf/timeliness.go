package pdf

// Timeliness is how a step or a dossier ended against its deadline.
type Timeliness int

// The zero value prints nothing: the step is still running.
const (
	Pending Timeliness = iota
	Early              // trước hạn
	OnTime             // đúng hạn
	Late               // quá hạn
)

// String is the word printed on the forms.
func (t Timeliness) String() string {
	switch t {
	case Early:
		return "Trước hạn"
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Quá hạn"
	}
	return ""
}
