// Package portal synchronises dossiers with the National Public Service Portal (Cổng Dịch
// vụ công quốc gia, DVCQG): the payloads it expects, a client that logs in and sends them,
// a worker that drains a durable outbox, and a fake portal for tests and demos.
//
// The official integration specification was not available. Everything here — service
// names, field names, the code lists, the login and the error codes — is inferred from
// public vendor code that talks to the portal, and marked as such where it matters. Keep
// the guesses in this package so a later correction touches one place.
//
// Delivery is at least once. A message is built once, when the change that causes it is
// committed, and re-sent byte for byte until the portal accepts it; the portal's "already
// exists" answer to a re-sent creation counts as success, so re-sending is harmless.
//
// Glossary: portal = Cổng DVCQG, sync = đồng bộ, dossier record = hồ sơ đồng bộ
// (DongBoHoSoMC), progress record = tiến độ xử lý (CapNhatTienDoHoSoMC), session = phiên
// đăng nhập, unit identifier = mã định danh đơn vị (madonvi).
package portal
