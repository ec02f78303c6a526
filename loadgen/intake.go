package loadgen

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// DemoProcedure is a demo-catalog procedure offered online, with an applicant e-mail
// notification on receipt.
const DemoProcedure = "2.000648.000.00.00.H50"

// Receipt is a dossier after the one-stop desk received it.
type Receipt struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Status struct {
		Code int `json:"code"`
	} `json:"status"`
}

// Intake is one dossier's way in, in three requests: the applicant's draft, the
// applicant's submission and the desk officer's receipt (which issues the code, starts
// the clock and queues the "received" e-mail). Clients choose the server of each request,
// so a run can spread one dossier over several instances.
type Intake struct {
	Applicant, Desk string // bearer tokens
	Procedure       string // default DemoProcedure
}

// SignIn makes an Intake whose applicant and desk officer sign in through c with the
// given usernames and password.
func SignIn(ctx context.Context, c *Client, applicant, desk, password string) (Intake, error) {
	a, err := c.Token(ctx, applicant, password)
	if err != nil {
		return Intake{}, err
	}
	d, err := c.Token(ctx, desk, password)
	if err != nil {
		return Intake{}, err
	}
	return Intake{Applicant: a, Desk: d}, nil
}

// Step says which request of an intake is under way: 0 draft, 1 submit, 2 receive.
type Step int

// Run files, submits and receives one dossier. pick returns the client for each step;
// key is the draft's idempotency key. On error, id is the draft's id if one was created.
func (in Intake) Run(ctx context.Context, pick func(Step) *Client, key string) (id int64, r Receipt, err error) {
	proc := in.Procedure
	if proc == "" {
		proc = DemoProcedure
	}
	resp, err := pick(0).Expect(ctx, http.StatusCreated, "POST", "/api/v1/dossiers", in.Applicant,
		map[string]any{"procedure_code": proc, "summary": "Hồ sơ tải thử " + key, "idempotency_key": key})
	if err != nil {
		return 0, r, err
	}
	if id, err = draftID(resp); err != nil {
		return 0, r, err
	}
	if _, err := pick(1).Expect(ctx, http.StatusOK, "POST", fmt.Sprintf("/api/v1/dossiers/%d/submit", id), in.Applicant, nil); err != nil {
		return id, r, err
	}
	resp, err = pick(2).Expect(ctx, http.StatusOK, "POST", fmt.Sprintf("/api/v1/dossiers/%d/receive", id), in.Desk, nil)
	if err != nil {
		return id, r, err
	}
	if err := resp.Decode(&r); err != nil {
		return id, r, err
	}
	if r.Code == "" || r.Status.Code != 2 {
		return id, r, fmt.Errorf("dossier %d received without a code or in status %d", id, r.Status.Code)
	}
	return id, r, nil
}

// draftID reads the new draft's id from the Location the server answers with, without
// decoding the whole dossier it sends back.
func draftID(resp Response) (int64, error) {
	loc := resp.Header.Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/api/v1/dossiers/"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("draft answered without a dossier address: Location %q", loc)
	}
	return id, nil
}
