// Package service is motcua's application layer: the use cases that change a dossier and
// everything that must change with it, in one transaction — the dossier and its event,
// the receipt's code number, the e-mail to the applicant, the leaders' figures (package
// report) and the national portal messages (package portal) — and the questions the
// figures answer. It imports the domain packages and the store; it knows no HTTP.
//
// Callers authorise first: the service trusts the account it is given, and web keeps
// its visibility rule, passed in as a check run on the locked dossier. Every use case
// takes its instant as an argument and never reads the clock, so a simulation can drive
// months of history in minutes.
//
// Glossary: move = thao tác trên hồ sơ, figures = số liệu báo cáo, sync = đồng bộ lên Cổng
// Dịch vụ công quốc gia.
package service
