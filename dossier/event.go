package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/org"
)

// Event is one entry of a dossier's history. Each event's hash covers its content and the
// previous event's hash, so changing or removing any past entry breaks every later link.
type Event struct {
	Seq         int               `json:"seq"` // 1-based, contiguous per dossier
	At          time.Time         `json:"at"`
	ActorID     int64             `json:"actor_id"`
	ActorName   string            `json:"actor_name"`
	Role        org.Role          `json:"role"`
	UnitCode    string            `json:"unit_code,omitempty"`
	Action      Action            `json:"action"`
	From        Status            `json:"from"`
	To          Status            `json:"to"`
	Note        string            `json:"note,omitempty"`
	Attachments []string          `json:"attachments,omitempty"`
	Step        int               `json:"step,omitempty"` // 1-based internal step concerned
	Data        map[string]string `json:"data,omitempty"` // the action's specifics
	PrevHash    string            `json:"prev_hash"`
	Hash        string            `json:"hash"`
}

// hashVersion names the encoding below; a new encoding gets a new name and old events keep
// verifying under theirs.
const hashVersion = "motcua.dossier.event/v1"

// ComputeHash is the SHA-256 (hex) of the event's canonical encoding: every field but
// Hash, each written as name=length:value on its own line, times in UTC to the
// microsecond, data keys sorted.
func (e Event) ComputeHash() string {
	var b strings.Builder
	b.WriteString(hashVersion)
	b.WriteByte('\n')
	put := func(name, v string) {
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(strconv.Itoa(len(v)))
		b.WriteByte(':')
		b.WriteString(v)
		b.WriteByte('\n')
	}
	put("seq", strconv.Itoa(e.Seq))
	put("at", e.At.UTC().Truncate(time.Microsecond).Format("2006-01-02T15:04:05.000000Z"))
	put("actor_id", strconv.FormatInt(e.ActorID, 10))
	put("actor_name", e.ActorName)
	put("role", string(e.Role))
	put("unit_code", e.UnitCode)
	put("action", string(e.Action))
	put("from", strconv.Itoa(int(e.From)))
	put("to", strconv.Itoa(int(e.To)))
	put("note", e.Note)
	put("attachments", strconv.Itoa(len(e.Attachments)))
	for _, a := range e.Attachments {
		put("attachment", a)
	}
	put("step", strconv.Itoa(e.Step))
	put("data", strconv.Itoa(len(e.Data)))
	for _, k := range slices.Sorted(maps.Keys(e.Data)) {
		put("key", k)
		put("value", e.Data[k])
	}
	put("prev_hash", e.PrevHash)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}
