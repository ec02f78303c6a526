package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/motcua/motcua/portal"
	"github.com/motcua/motcua/service"
	"github.com/motcua/motcua/sqlstore"
)

// startPortalWorker starts the national portal sync (SPEC §6) when MOTCUA_PORTAL_URL is
// set: a worker drains the portal messages every move queues, and marks each dossier the
// portal accepts as synced for the 766 index. Without it the messages stay queued, to be
// sent once the portal is configured.
func startPortalWorker(ctx context.Context, db *sqlstore.DB, log *slog.Logger) error {
	client, ok, err := portal.ClientFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	if !ok {
		log.Info("national portal sync off: " + portal.EnvURL + " is not set; portal messages stay queued")
		return nil
	}
	w := &portal.Worker{Outbox: &service.PortalOutbox{DB: db}, Sender: client, Log: log}
	log.Info("national portal sync on", "url", client.BaseURL)
	go func() {
		// A failed login is not fatal: the client logs in again before each call and
		// the messages wait in the outbox.
		if err := client.Login(ctx); err != nil {
			log.Warn("national portal login failed; will retry", "err", err)
		}
		w.Run(ctx)
	}()
	return nil
}
