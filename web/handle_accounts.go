package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/motcua/motcua"
	"github.com/motcua/motcua/org"
)

// newAccount is the input of an account created by a system administrator.
type newAccount struct {
	Username    string   `json:"username"`
	DisplayName string   `json:"display_name"`
	Role        org.Role `json:"role"`
	UnitCode    string   `json:"unit_code"`
	Email       string   `json:"email"`
	Phone       string   `json:"phone"`
	IDNumber    string   `json:"id_number"`
	Password    string   `json:"password"`
}

var usernameShape = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

func (n newAccount) validate() error {
	n.Username = strings.ToLower(strings.TrimSpace(n.Username))
	switch {
	case !usernameShape.MatchString(n.Username):
		return motcua.Invalid("username", "tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, . _ -",
			"username: 3–40 characters, lowercase letters, digits, . _ -")
	case strings.TrimSpace(n.DisplayName) == "":
		return motcua.Invalid("display_name", "cần họ tên", "display name is required")
	case !n.Role.Valid():
		return motcua.Invalid("role", "vai trò không hợp lệ", "unknown role")
	case len(n.Password) < 10:
		return motcua.Invalid("password", "mật khẩu cần ít nhất 10 ký tự", "password needs at least 10 characters")
	}
	return nil
}

func (s *Server) createAccount(r *http.Request, n newAccount) (int64, error) {
	if err := n.validate(); err != nil {
		return 0, err
	}
	if n.Role.IsStaff() {
		if _, err := s.db.Unit(r.Context(), n.UnitCode); err != nil {
			return 0, motcua.Invalid("unit_code", "cán bộ phải thuộc một đơn vị có thật", "a staff account needs an existing unit")
		}
	} else {
		n.UnitCode = ""
	}
	hash, err := org.HashPassword(n.Password)
	if err != nil {
		return 0, err
	}
	id, err := s.db.CreateAccount(r.Context(), org.Account{Username: n.Username, DisplayName: strings.TrimSpace(n.DisplayName),
		Role: n.Role, UnitCode: n.UnitCode, Email: n.Email, Phone: n.Phone, IDNumber: n.IDNumber}, hash)
	if err != nil {
		return 0, err
	}
	return id, s.db.AuditAccountCreated(r.Context(), id, n.Username, *account(r))
}

func (s *Server) apiAccounts(w http.ResponseWriter, r *http.Request) {
	as, err := s.db.Accounts(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": as})
}

func (s *Server) apiCreateAccount(w http.ResponseWriter, r *http.Request) {
	var n newAccount
	if err := decodeJSON(w, r, &n); err != nil {
		s.apiFail(w, r, err)
		return
	}
	id, err := s.createAccount(r, n)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	a, err := s.db.Account(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, a)
}

func (s *Server) apiSetAccountDisabled(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Disabled bool `json:"disabled"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		s.apiFail(w, r, err)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if a := account(r); a.ID == id && in.Disabled {
		s.apiFail(w, r, motcua.Conflict("không thể tự khóa tài khoản của mình", "you cannot disable your own account"))
		return
	}
	if err := s.db.SetAccountDisabled(r.Context(), id, in.Disabled, *account(r)); err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.sessions.forget()
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiUnits(w http.ResponseWriter, r *http.Request) {
	us, err := s.db.Units(r.Context())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": us})
}

type accountsPage struct {
	Accounts []org.Account
	Units    []org.Unit
	Roles    []org.Role
	Form     newAccount
	Error    *motcua.Error
	Done     string
}

func (s *Server) accountsPage(w http.ResponseWriter, r *http.Request, status int, d accountsPage) {
	var err error
	if d.Accounts, err = s.db.Accounts(r.Context()); err != nil {
		s.pageFail(w, r, err)
		return
	}
	if d.Units, err = s.db.Units(r.Context()); err != nil {
		s.pageFail(w, r, err)
		return
	}
	d.Roles = org.Roles
	s.render(w, r, status, "admin_accounts", requestLang(r).S("Tài khoản", "Accounts"), d)
}

func (s *Server) adminAccountsPage(w http.ResponseWriter, r *http.Request) {
	s.accountsPage(w, r, http.StatusOK, accountsPage{Done: r.URL.Query().Get("done")})
}

func (s *Server) adminCreateAccount(w http.ResponseWriter, r *http.Request) {
	n := newAccount{Username: r.PostFormValue("username"), DisplayName: r.PostFormValue("display_name"),
		Role: org.Role(r.PostFormValue("role")), UnitCode: r.PostFormValue("unit_code"), Email: r.PostFormValue("email"),
		Phone: r.PostFormValue("phone"), IDNumber: r.PostFormValue("id_number"), Password: r.PostFormValue("password")}
	if _, err := s.createAccount(r, n); err != nil {
		e, ok := err.(*motcua.Error)
		if !ok {
			s.pageFail(w, r, err)
			return
		}
		n.Password = ""
		s.accountsPage(w, r, http.StatusUnprocessableEntity, accountsPage{Form: n, Error: e})
		return
	}
	http.Redirect(w, r, "/admin/accounts?done=created", http.StatusSeeOther)
}

func (s *Server) adminToggleAccount(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	disable := r.PostFormValue("disabled") == "1"
	if account(r).ID == id && disable {
		s.accountsPage(w, r, http.StatusConflict, accountsPage{Error: motcua.Conflict("không thể tự khóa tài khoản của mình", "you cannot disable your own account")})
		return
	}
	if err := s.db.SetAccountDisabled(r.Context(), id, disable, *account(r)); err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.sessions.forget()
	http.Redirect(w, r, "/admin/accounts?done=updated", http.StatusSeeOther)
}

func (s *Server) adminAuditPage(w http.ResponseWriter, r *http.Request) {
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	entries, err := s.db.Audit(r.Context(), r.URL.Query().Get("object"), before, 100)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_audit", requestLang(r).S("Nhật ký thay đổi", "Audit trail"), entries)
}
