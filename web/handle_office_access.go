package web

import (
	"net/http"

	"github.com/motcua/motcua/org"
	"github.com/motcua/motcua/sqlstore"
)

// worksDossiers reports whether the role handles dossiers inside the department: the
// one-stop desk, the divisions, the leaders and the clerks. Applicants and the
// administrators have no console.
func worksDossiers(r org.Role) bool {
	switch r {
	case org.RoleOfficer, org.RoleSpecialist, org.RoleHead, org.RoleLeader, org.RoleClerk:
		return true
	}
	return false
}

// officeOnly answers 404 to accounts without dossier work: for them the console does not
// exist, as a dossier they may not see does not.
func (s *Server) officeOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if a := account(r); a == nil || !worksDossiers(a.Role) {
			s.pageError(w, r, http.StatusNotFound)
			return
		}
		h(w, r)
	}
}

// officeQueues are the queues each role works, first the one it opens on.
var officeQueues = map[org.Role][]string{
	org.RoleOfficer: {sqlstore.QueueToReceive, sqlstore.QueueMySteps, sqlstore.QueueDueSoon,
		sqlstore.QueueOverdue, sqlstore.QueueWaiting, sqlstore.QueueAll},
	org.RoleSpecialist: {sqlstore.QueueMySteps, sqlstore.QueueDueSoon, sqlstore.QueueOverdue,
		sqlstore.QueueWaiting, sqlstore.QueueAll},
	org.RoleHead: {sqlstore.QueueMySteps, sqlstore.QueueDueSoon, sqlstore.QueueOverdue,
		sqlstore.QueueWaiting, sqlstore.QueueAll},
	org.RoleLeader: {sqlstore.QueueMySteps, sqlstore.QueueDueSoon, sqlstore.QueueOverdue, sqlstore.QueueAll},
	org.RoleClerk:  {sqlstore.QueueMySteps, sqlstore.QueueAll},
}

// officeQueueLabels name the queues on the tabs.
var officeQueueLabels = map[string][2]string{
	sqlstore.QueueToReceive: {"Chờ tiếp nhận", "To receive"},
	sqlstore.QueueMySteps:   {"Việc của tôi", "My steps"},
	sqlstore.QueueDueSoon:   {"Sắp đến hạn", "Due soon"},
	sqlstore.QueueOverdue:   {"Quá hạn", "Overdue"},
	sqlstore.QueueWaiting:   {"Chờ bổ sung", "Awaiting supplement"},
	sqlstore.QueueAll:       {"Tất cả", "All"},
}
