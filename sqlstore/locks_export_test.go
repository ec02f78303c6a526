package sqlstore

// JobLockForTest is the advisory lock's two keys that Alone takes for job.
func JobLockForTest(job string) (class, key int32) { return jobLock(job) }

// MigrationLockForTest is the migration lock's key.
const MigrationLockForTest = migrationLock
