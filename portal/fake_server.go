package portal

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"time"
)

// Failure modes of the fake portal for its first FailFirst service calls.
const (
	FailUnavailable = "503"     // answer HTTP 503 without touching anything
	FailTimeout     = "timeout" // apply the call, then stall so the reply is lost
	FailBusy        = "busy"    // answer error_code CodeBusy without touching anything
)

// FakeOptions configure a FakeServer.
type FakeOptions struct {
	Username, Password string        // accepted credentials; empty accepts any
	FailFirst          int           // how many service calls fail first
	FailMode           string        // FailUnavailable (default), FailTimeout or FailBusy
	Delay              time.Duration // before every reply
	// Stall is how long a FailTimeout call hangs at most; it also ends when the client
	// gives up. Default one minute.
	Stall  time.Duration
	Record io.Writer // when set, every request is written to it as a JSON line
}

// FakeServer is a stand-in for the national portal, for tests and demos. It speaks the
// login and service shapes Client uses, checks payloads against the field list known from
// vendor code, keeps dossiers by MaHoSo and processing steps by content (a step sent twice
// is kept once), and remembers every request. Routes: POST /login, POST /service,
// GET /records.
type FakeServer struct {
	opts FakeOptions
	mux  *http.ServeMux

	mu       sync.Mutex
	sessions map[string]bool
	calls    int
	requests []FakeRequest
	dossiers map[string]DossierRecord
	writes   map[string]int // accepted creations and updates per MaHoSo
	progress map[string][]ProgressRecord
	seen     map[string]bool // progress records kept, by their JSON
}

// FakeRequest is one service call as the fake received and answered it.
type FakeRequest struct {
	At         time.Time       `json:"at"`
	Service    string          `json:"service"`
	IsUpdating *bool           `json:"is_updating,omitempty"`
	Dossiers   []string        `json:"dossiers,omitempty"` // MaHoSo of the records sent
	Status     int             `json:"status"`
	ErrorCode  Code            `json:"error_code,omitempty"`
	Message    string          `json:"message,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
}

// NewFakeServer starts an empty fake portal.
func NewFakeServer(opts FakeOptions) *FakeServer {
	if opts.FailMode == "" {
		opts.FailMode = FailUnavailable
	}
	if opts.Stall <= 0 {
		opts.Stall = time.Minute
	}
	s := &FakeServer{opts: opts, mux: http.NewServeMux(), sessions: map[string]bool{},
		dossiers: map[string]DossierRecord{}, writes: map[string]int{},
		progress: map[string][]ProgressRecord{}, seen: map[string]bool{}}
	s.mux.HandleFunc("POST /login", s.handleLogin)
	s.mux.HandleFunc("POST /service", s.handleService)
	s.mux.HandleFunc("GET /records", s.handleRecords)
	return s
}

func (s *FakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *FakeServer) handleLogin(w http.ResponseWriter, r *http.Request) {
	var in struct{ Username, Password string }
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&in); err != nil {
		writeReply(w, http.StatusBadRequest, Reply{ErrorCode: CodeInvalid, Message: "Yêu cầu đăng nhập không hợp lệ"})
		return
	}
	if (s.opts.Username != "" && in.Username != s.opts.Username) || (s.opts.Password != "" && in.Password != s.opts.Password) {
		writeReply(w, http.StatusOK, Reply{ErrorCode: CodeInvalid, Message: "Sai tên đăng nhập hoặc mật khẩu"})
		return
	}
	b := make([]byte, 16)
	rand.Read(b)
	token := hex.EncodeToString(b)
	s.mu.Lock()
	s.sessions[token] = true
	s.mu.Unlock()
	writeReply(w, http.StatusOK, Reply{ErrorCode: CodeOK, Message: "Đăng nhập thành công", Session: token})
}

// ExpireSessions ends every session, as the portal does from time to time.
func (s *FakeServer) ExpireSessions() {
	s.mu.Lock()
	clear(s.sessions)
	s.mu.Unlock()
}

// Requests is every service call received, oldest first.
func (s *FakeServer) Requests() []FakeRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]FakeRequest(nil), s.requests...)
}

// Dossier is the record kept for a MaHoSo.
func (s *FakeServer) Dossier(code string) (DossierRecord, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.dossiers[code]
	return d, ok
}

// Writes counts the creations and updates accepted for a MaHoSo.
func (s *FakeServer) Writes(code string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes[code]
}

// Progress is the processing steps kept for a MaHoSo, in arrival order.
func (s *FakeServer) Progress(code string) []ProgressRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ProgressRecord(nil), s.progress[code]...)
}

// FakeRecords is what GET /records answers.
type FakeRecords struct {
	Requests []FakeRequest               `json:"requests"`
	Dossiers map[string]DossierRecord    `json:"dossiers"`
	Writes   map[string]int              `json:"writes"`
	Progress map[string][]ProgressRecord `json:"progress"`
}

func (s *FakeServer) handleRecords(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	out := FakeRecords{Requests: append([]FakeRequest{}, s.requests...), Dossiers: s.dossiers,
		Writes: s.writes, Progress: s.progress}
	b, err := json.MarshalIndent(out, "", "  ")
	s.mu.Unlock()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

func writeReply(w http.ResponseWriter, status int, r Reply) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(r)
}
