namespace Gateway.Host.Journal;

/// <summary>
/// The journal's tables. Only what routing needs is in the clear (sequence, capture id, kind, device, times, size);
/// the capture itself is the AES-GCM ciphertext of its protobuf encoding.
/// </summary>
internal static class JournalSchema
{
    // AUTOINCREMENT keeps the highest sequence ever written in sqlite_sequence, so purging every entry never
    // lets a sequence number be given twice.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS entries (
            sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
            capture_id   TEXT    NOT NULL,
            kind         INTEGER NOT NULL,
            device_id    TEXT    NOT NULL,
            captured_at  INTEGER NOT NULL,
            journaled_at INTEGER NOT NULL,
            key_id       INTEGER NOT NULL,
            nonce        BLOB    NOT NULL,
            tag          BLOB    NOT NULL,
            ciphertext   BLOB    NOT NULL,
            size         INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS entries_capture_id ON entries (capture_id);
        CREATE TABLE IF NOT EXISTS acks (
            sequence INTEGER NOT NULL,
            consumer TEXT    NOT NULL,
            PRIMARY KEY (sequence, consumer)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS data_keys (
            id         INTEGER PRIMARY KEY,
            created_at INTEGER NOT NULL,
            wrapped    BLOB    NOT NULL);
        """;

    public const string Insert = """
        INSERT INTO entries (sequence, capture_id, kind, device_id, captured_at, journaled_at, key_id, nonce, tag, ciphertext, size)
        VALUES ($sequence, $id, $kind, $device, $captured, $journaled, $key, $nonce, $tag, $ciphertext, $size)
        """;

    public const string LastSequence = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'entries'), 0)";

    public const string Totals = "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM entries";

    public const string Page = """
        SELECT sequence, capture_id, key_id, nonce, tag, ciphertext FROM entries
        WHERE sequence > $after AND sequence <= $upTo ORDER BY sequence LIMIT $limit
        """;

    public const string Newest = "SELECT sequence, capture_id, key_id, nonce, tag, ciphertext FROM entries ORDER BY sequence DESC LIMIT 1";

    public const string ById = "SELECT sequence, capture_id, key_id, nonce, tag, ciphertext FROM entries WHERE capture_id = $id ORDER BY sequence DESC LIMIT 1";

    public const string DeleteOne = "DELETE FROM entries WHERE sequence = $sequence RETURNING size";

    public const string DeleteAcks = "DELETE FROM acks WHERE sequence = $sequence";

    public const string DeleteOldest = "DELETE FROM entries WHERE sequence = (SELECT MIN(sequence) FROM entries) RETURNING sequence, size";

    public const string DeleteExpired = "DELETE FROM entries WHERE journaled_at < $cutoff RETURNING sequence, size";

    public const string DeleteOrphanAcks = "DELETE FROM acks WHERE sequence NOT IN (SELECT sequence FROM entries)";

    public const string SequencesOf = "SELECT sequence FROM entries WHERE capture_id = $id";

    public const string AddAck = "INSERT OR IGNORE INTO acks (sequence, consumer) VALUES ($sequence, $consumer)";

    public const string AckCount = "SELECT COUNT(*) FROM acks WHERE sequence = $sequence";
}
