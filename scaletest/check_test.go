package scaletest

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"testing"

	"github.com/motcua/motcua/dossier"
	"github.com/motcua/motcua/loadgen"
)

// listedDossier is the part of a queue row the checks read.
type listedDossier struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Status struct {
		Code int `json:"code"`
	} `json:"status"`
}

// listAll pages through every dossier the token's account may see.
func listAll(t *testing.T, c *loadgen.Client, token string) []listedDossier {
	t.Helper()
	var out []listedDossier
	after := ""
	for range 100000 {
		r, err := c.Expect(context.Background(), 200, "GET", "/api/v1/dossiers?limit=200&after="+url.QueryEscape(after), token, nil)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Items []listedDossier `json:"items"`
			Next  string          `json:"next"`
		}
		if err := r.Decode(&page); err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Items...)
		if after = page.Next; after == "" {
			return out
		}
	}
	t.Fatal("listing did not end")
	return nil
}

// checkSequences checks that codes are unique and that each unit's numbers of each day run
// 1, 2, … N without a gap. It returns the number of codes per unit and day.
func checkSequences(t *testing.T, codes []string) map[string]int {
	t.Helper()
	seen := map[string]bool{}
	seqs := map[string][]int{}
	for _, c := range codes {
		if seen[c] {
			t.Errorf("code %s issued twice", c)
			continue
		}
		seen[c] = true
		p, err := dossier.ParseCode(c)
		if err != nil {
			t.Errorf("code %q: %v", c, err)
			continue
		}
		key := p.Unit + " " + p.Day.String()
		seqs[key] = append(seqs[key], p.Seq)
	}
	counts := map[string]int{}
	for key, s := range seqs {
		slices.Sort(s)
		for i, n := range s {
			if n != i+1 {
				t.Errorf("%s: numbers %s…, want 1..%d without gaps", key, short(s), len(s))
				break
			}
		}
		counts[key] = len(s)
	}
	return counts
}

func short(s []int) string {
	if len(s) > 12 {
		return fmt.Sprint(s[:12])
	}
	return fmt.Sprint(s)
}

// dossierDetail is the part of GET /api/v1/dossiers/{id} the checks read.
type dossierDetail struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Status struct {
		Code int `json:"code"`
	} `json:"status"`
	Events []struct {
		Seq    int    `json:"seq"`
		Action string `json:"action"`
		Hash   string `json:"hash"`
	} `json:"events"`
}

// checkReceived checks that dossier id is received under code with its submit and
// receive events in order.
func checkReceived(t *testing.T, c *loadgen.Client, token string, id int64, code string) {
	t.Helper()
	r, err := c.Expect(context.Background(), 200, "GET", fmt.Sprintf("/api/v1/dossiers/%d", id), token, nil)
	if err != nil {
		t.Errorf("dossier %d (%s) acknowledged before the crash: %v", id, code, err)
		return
	}
	var d dossierDetail
	if err := r.Decode(&d); err != nil {
		t.Error(err)
		return
	}
	actions := []string{}
	for i, e := range d.Events {
		if e.Seq != i+1 || e.Hash == "" {
			t.Errorf("dossier %d: event %d has seq %d, hash %q", id, i+1, e.Seq, e.Hash)
		}
		actions = append(actions, e.Action)
	}
	if d.Code != code || d.Status.Code != 2 || !slices.Equal(actions, []string{"submit", "receive"}) {
		t.Errorf("dossier %d acknowledged as %s: now code %q, status %d, events %v", id, code, d.Code, d.Status.Code, actions)
	}
}
