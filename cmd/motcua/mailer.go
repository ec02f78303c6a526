package main

import (
	"log/slog"
	"os"

	"github.com/motcua/motcua/notify"
	"github.com/motcua/motcua/notify/sqloutbox"
	"github.com/motcua/motcua/smtp"
	"github.com/motcua/motcua/sqlstore"
)

// newMailer builds the worker that sends queued e-mail. Without MOTCUA_SMTP_ADDR the
// messages are written to the log instead (subject and masked recipient only), which suits
// the demo; with it they go to that SMTP server.
func newMailer(db *sqlstore.DB, log *slog.Logger) (*notify.Worker, error) {
	var sender notify.Sender = notify.LogSender{Log: log}
	s, err := smtp.FromEnv(os.Getenv)
	if err != nil {
		return nil, err
	}
	if s != nil {
		sender = s
		log.Info("e-mail via SMTP", "smtp", s)
	} else {
		log.Info("e-mail written to the log: MOTCUA_SMTP_ADDR is not set")
	}
	from := env("MOTCUA_SMTP_FROM", "Sở Công Thương <noreply@motcua.local>")
	w := notify.NewWorker(sqloutbox.Outbox{DB: db}, sender, from)
	w.Log = log
	return w, nil
}
