using Gateway.Contracts.V1;
using Gateway.Host.Configuration;
using Gateway.Host.Security;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Gateway.Host.Journal;

/// <summary>
/// The durable capture journal: every capture is written here, encrypted, and committed with an fsync (SQLite in WAL
/// mode, <c>synchronous=FULL</c>) before it is announced; it stays until its consumers acknowledge it or the retention
/// limits (count, size, age) purge it. SQLite's write-ahead log makes a torn write roll back on open; an entry that
/// still fails its AES-GCM tag is dropped with a warning, never fatal. Writes are serialised by the caller
/// (<see cref="Captures.CaptureHub"/>); reads may run on any thread, each on its own pooled connection.
/// </summary>
internal sealed partial class CaptureJournal : IDisposable
{
    /// <summary>The database's file name in the journal folder.</summary>
    public const string FileName = "captures.db";

    private const int PageSize = 32;
    private const int SqliteFull = 13;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insert;
    private readonly FileStream _lock;
    private readonly DataKeys _keys;
    private readonly JournalLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _count;
    private long _bytes;

    private CaptureJournal(
        FileStream lockFile, string connectionString, SqliteConnection writer, DataKeys keys, JournalLimits limits, TimeProvider time, ILogger logger)
    {
        _lock = lockFile;
        _connectionString = connectionString;
        _writer = writer;
        _keys = keys;
        _limits = limits;
        _time = time;
        _logger = logger;
        _insert = writer.CreateCommand();
        _insert.CommandText = JournalSchema.Insert;
        foreach (var name in new[] { "$sequence", "$id", "$kind", "$device", "$captured", "$journaled", "$key", "$nonce", "$tag", "$ciphertext", "$size" })
        {
            _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _insert.Prepare();
        LastSequence = (ulong)Scalar(JournalSchema.LastSequence);
        using var command = Command(JournalSchema.Totals);
        using var totals = command.ExecuteReader();
        totals.Read();
        _count = totals.GetInt64(0);
        _bytes = totals.GetInt64(1);
    }

    /// <summary>The highest sequence ever written, including purged entries; 0 for a new journal.</summary>
    public ulong LastSequence { get; private set; }

    /// <summary>Entries held.</summary>
    public long Count => _count;

    /// <summary>Bytes of ciphertext held.</summary>
    public long Bytes => _bytes;

    /// <summary>The data key new entries are encrypted with.</summary>
    public long CurrentKeyId => _keys.CurrentId;

    /// <summary>Opens (or creates) the journal in <paramref name="folder"/> with the key-encryption key <paramref name="kek"/>.</summary>
    /// <exception cref="GatewayConfigurationException">The key does not open the journal's data keys.</exception>
    public static CaptureJournal Open(string folder, byte[] kek, JournalLimits limits, TimeProvider time, ILogger logger)
    {
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(folder);
        }

        var path = Path.Combine(folder, FileName);
        var lockFile = Lock(folder);
        try
        {
            return Open(folder, path, lockFile, kek, limits, time, logger);
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            lockFile.Dispose();
            throw;
        }
    }

    private static CaptureJournal Open(string folder, string path, FileStream lockFile, byte[] kek, JournalLimits limits, TimeProvider time, ILogger logger)
    {
        SqliteConnection writer;
        try
        {
            writer = OpenWriter(path);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            // A journal SQLite cannot read at all is kept for investigation, never deleted, and a new one started.
            var aside = Path.Combine(folder, $"captures.corrupt-{time.GetUtcNow():yyyyMMddTHHmmss}.db");
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Move(path + suffix, aside + suffix);
                }
            }

            Log.JournalUnreadable(logger, aside, ex.SqliteErrorCode);
            writer = OpenWriter(path);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        DataKeys keys;
        try
        {
            keys = DataKeys.Load(writer, kek);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        var journal = new CaptureJournal(lockFile, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString(), writer, keys, limits, time, logger);
        try
        {
            journal.DropCorruptNewest();
            journal.PurgeExpired();
        }
        catch
        {
            journal.Dispose();
            throw;
        }

        Log.JournalOpened(logger, journal._count, journal.LastSequence);
        return journal;
    }

    /// <summary>
    /// Encrypts and commits <paramref name="capture"/> (its sequence already set) and applies the count and size limits.
    /// Returns false when the write failed (disk full, I/O error): that is logged, and the capture is not durable.
    /// </summary>
    public bool Append(Capture capture, out int purged)
    {
        purged = 0;
        var now = _time.GetUtcNow();
        try
        {
            var (keyId, key) = _keys.Current(_writer, now, _limits.RotateKeyAfter);
            var (nonce, tag, ciphertext) = EntryCipher.Encrypt(key, keyId, capture.Sequence, capture.Id, capture.ToByteArray());
            var p = _insert.Parameters;
            p[0].Value = (long)capture.Sequence;
            p[1].Value = capture.Id;
            p[2].Value = (int)capture.Kind;
            p[3].Value = capture.DeviceId;
            p[4].Value = capture.CapturedAt?.ToDateTimeOffset().ToUnixTimeMilliseconds() ?? now.ToUnixTimeMilliseconds();
            p[5].Value = now.ToUnixTimeMilliseconds();
            p[6].Value = keyId;
            p[7].Value = nonce;
            p[8].Value = tag;
            p[9].Value = ciphertext;
            p[10].Value = ciphertext.Length;
            _insert.ExecuteNonQuery();
            LastSequence = Math.Max(LastSequence, capture.Sequence);
            _count++;
            _bytes += ciphertext.Length;
            while (_count > 1 && (_count > _limits.MaxCount || _bytes > _limits.MaxBytes))
            {
                using var command = Command(JournalSchema.DeleteOldest);
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    break;
                }

                Removed(reader.GetInt64(1));
                purged++;
            }

            if (purged > 0)
            {
                NonQuery(JournalSchema.DeleteOrphanAcks);
            }

            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteFull or SqliteIoError)
        {
            Log.JournalWriteFailed(_logger, capture.Id, capture.Sequence, ex.SqliteErrorCode, ex.SqliteExtendedErrorCode);
            return false;
        }
    }

    /// <summary>
    /// Records that <paramref name="consumer"/> processed these captures; an entry is purged once every configured
    /// consumer has (or at the first acknowledgement when none is configured). Returns how many were held and released.
    /// </summary>
    public int Acknowledge(IEnumerable<string> captureIds, string consumer)
    {
        var consumers = _limits.Consumers;
        if (consumers.Count > 0 && !consumers.Contains(consumer))
        {
            return 0;
        }

        var released = 0;
        // One transaction, so a batch of acknowledgements costs one fsync.
        NonQuery("BEGIN IMMEDIATE");
        try
        {
            foreach (var id in captureIds)
            {
                released += Acknowledge(id, consumer, consumers);
            }

            NonQuery("COMMIT");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteFull or SqliteIoError)
        {
            // Even a delete needs room in the write-ahead log: the entries stay until retention or a later acknowledgement.
            Rollback();
            Log.JournalWriteFailed(_logger, string.Empty, 0, ex.SqliteErrorCode, ex.SqliteExtendedErrorCode);
            return 0;
        }
        catch
        {
            Rollback();
            throw;
        }

        return released;
    }

    private int Acknowledge(string id, string consumer, IReadOnlySet<string> consumers)
    {
        var released = 0;
        var sequences = new List<long>();
        using (var find = Command(JournalSchema.SequencesOf, ("$id", id)))
        using (var reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                sequences.Add(reader.GetInt64(0));
            }
        }

        foreach (var sequence in sequences)
        {
            if (consumers.Count > 0)
            {
                if (NonQuery(JournalSchema.AddAck, ("$sequence", sequence), ("$consumer", consumer)) == 0)
                {
                    continue;
                }

                released++;
                if (Scalar(JournalSchema.AckCount, ("$sequence", sequence)) < consumers.Count)
                {
                    continue;
                }
            }
            else
            {
                released++;
            }

            Delete(sequence);
        }

        return released;
    }

    /// <summary>Purges the unacknowledged entries older than the retention age; returns how many.</summary>
    public int PurgeExpired()
    {
        var cutoff = _time.GetUtcNow() - _limits.RetainFor;
        var purged = 0;
        try
        {
            using (var command = Command(JournalSchema.DeleteExpired, ("$cutoff", cutoff.ToUnixTimeMilliseconds())))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    Removed(reader.GetInt64(1));
                    purged++;
                }
            }

            if (purged > 0)
            {
                NonQuery(JournalSchema.DeleteOrphanAcks);
                Log.JournalExpired(_logger, purged, _limits.RetainFor);
            }

            _keys.Retire(_writer);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteFull or SqliteIoError)
        {
            Log.JournalWriteFailed(_logger, string.Empty, 0, ex.SqliteErrorCode, ex.SqliteExtendedErrorCode);
        }

        return purged;
    }

    /// <summary>Makes a new data key for the entries from now on; the entries already written stay readable.</summary>
    public void RotateKey() => _keys.Rotate(_writer, _time.GetUtcNow());

    /// <summary>
    /// The held entries with a sequence above <paramref name="after"/> and up to <paramref name="upTo"/>, in order,
    /// read a page at a time as the caller goes. An entry that fails its tag is dropped with a warning.
    /// </summary>
    public IEnumerable<Capture> Read(ulong after, ulong upTo)
    {
        var last = (long)after;
        while (true)
        {
            var page = ReadPage(JournalSchema.Page, ("$after", last), ("$upTo", (long)Math.Min(upTo, long.MaxValue)), ("$limit", PageSize));
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var (sequence, capture) in page)
            {
                last = sequence;
                if (capture is not null)
                {
                    yield return capture;
                }
            }
        }
    }

    /// <summary>The held capture with this id (the newest when written twice), or null.</summary>
    public Capture? Find(string captureId) =>
        ReadPage(JournalSchema.ById, ("$id", captureId)).Select(e => e.Capture).FirstOrDefault();

    public void Dispose()
    {
        _insert.Dispose();
        _writer.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        _lock.Dispose();
    }

    /// <summary>
    /// One gateway per journal: two writing the same sequence numbers would collide. The lock is the operating
    /// system's, so a killed gateway never leaves it behind.
    /// </summary>
    private static FileStream Lock(string folder)
    {
        var path = Path.Combine(folder, "captures.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new GatewayConfigurationException($"Gateway:Journal:Folder: '{folder}' is in use by another running gateway.", ex);
        }
    }

    private static SqliteConnection OpenWriter(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // WAL + FULL: every commit is fsynced to the write-ahead log before it returns.
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; " + JournalSchema.Create;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private List<(long Sequence, Capture? Capture)> ReadPage(string sql, params (string Name, object Value)[] parameters)
    {
        var rows = new List<(long Sequence, string Id, long KeyId, byte[] Nonce, byte[] Tag, byte[] Ciphertext)>();
        using (var connection = new SqliteConnection(_connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), (byte[])reader[3], (byte[])reader[4], (byte[])reader[5]));
            }
        }

        return rows.Select(r => (r.Sequence, Decrypt(r.Sequence, r.Id, r.KeyId, r.Nonce, r.Tag, r.Ciphertext))).ToList();
    }

    private Capture? Decrypt(long sequence, string id, long keyId, byte[] nonce, byte[] tag, byte[] ciphertext)
    {
        var plaintext = _keys.Get(keyId) is { } key ? EntryCipher.TryDecrypt(key, keyId, (ulong)sequence, id, nonce, tag, ciphertext) : null;
        if (plaintext is not null)
        {
            return Capture.Parser.ParseFrom(plaintext);
        }

        Log.JournalEntryCorrupt(_logger, sequence, id);
        return null;
    }

    /// <summary>A torn or corrupted newest entry (power lost mid-write on a disk that lies about fsync) is dropped on open.</summary>
    private void DropCorruptNewest()
    {
        while (ReadPage(JournalSchema.Newest) is [{ Capture: null, Sequence: var sequence }])
        {
            Delete(sequence);
            Log.JournalEntryDropped(_logger, sequence);
        }
    }

    private void Delete(long sequence)
    {
        NonQuery(JournalSchema.DeleteAcks, ("$sequence", sequence));
        using var command = Command(JournalSchema.DeleteOne, ("$sequence", sequence));
        if (command.ExecuteScalar() is long size)
        {
            Removed(size);
        }
    }

    private void Removed(long size)
    {
        _count--;
        _bytes -= size;
    }

    private void Rollback()
    {
        try
        {
            NonQuery("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite rolls back by itself after some errors (a full disk among them): nothing left to undo.
        }
    }

    private long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private int NonQuery(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
