using System.Text;
using Gateway.Contracts.V1;
using Gateway.Host.Journal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Host.Tests.Journal;

public sealed class CaptureJournalTests : IDisposable
{
    // ICAO Doc 9303 specimen values, the personal data that must never reach the disk in the clear.
    private const string Surname = "ERIKSSON";
    private const string DocumentNumber = "L898902C3";
    private readonly List<TestJournal> _journals = [];

    public void Dispose() => _journals.ForEach(j => j.Dispose());

    private TestJournal Journal(JournalLimits? limits = null, TimeProvider? time = null)
    {
        var journal = TestJournal.Create(limits, time);
        _journals.Add(journal);
        return journal;
    }

    private static Capture Specimen(ulong sequence, int imageBytes = 1000) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Sequence = sequence,
        DeviceId = "reader-1",
        Kind = CaptureKind.Document,
        Document = new DocumentCapture
        {
            Mrz = new MrzResult
            {
                // The rest of the entry's size stands for the page images.
                RawText = "P<UTOERIKSSON<<ANNA<MARIA" + new string('<', imageBytes),
                Lines = { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10" },
                Summary = new MrzFields { Surname = Surname, GivenNames = "ANNA MARIA", DocumentNumber = DocumentNumber },
            },
        },
    };

    private static List<ulong> Sequences(CaptureJournal journal) => [.. journal.Read(0, ulong.MaxValue).Select(c => c.Sequence)];

    [Fact]
    public void Reopen_ReadsEveryEntryAndKeepsTheLastSequence()
    {
        var journal = Journal();
        var first = Specimen(1);
        Assert.True(journal.Journal.Append(first, out _));
        Assert.True(journal.Journal.Append(Specimen(2), out _));

        var reopened = journal.Reopen();

        Assert.Equal(2UL, reopened.LastSequence);
        Assert.Equal([1UL, 2UL], Sequences(reopened));
        Assert.Equal(first, reopened.Read(0, 1).Single());
    }

    [Fact]
    public void Find_AfterReopen_ReturnsTheHeldCaptureById()
    {
        var journal = Journal();
        var capture = Specimen(1);
        journal.Journal.Append(capture, out _);
        journal.Journal.Append(Specimen(2), out _);

        var reopened = journal.Reopen();

        Assert.Equal(capture, reopened.Find(capture.Id));
        Assert.Null(reopened.Find("unknown"));
    }

    [Fact]
    public void Acknowledge_EveryEntry_KeepsTheSequenceAcrossReopen()
    {
        var journal = Journal();
        var capture = Specimen(7);
        journal.Journal.Append(capture, out _);

        Assert.Equal(1, journal.Journal.Acknowledge([capture.Id, "unknown"], "local"));
        var reopened = journal.Reopen();

        Assert.Equal(0, reopened.Count);
        Assert.Equal(7UL, reopened.LastSequence);
    }

    [Fact]
    public void Acknowledge_WithConsumers_PurgesOnlyWhenEveryConsumerAcknowledged()
    {
        var journal = Journal(TestJournal.DefaultLimits(consumers: ["booth-1", "archive"]));
        var capture = Specimen(1);
        journal.Journal.Append(capture, out _);

        Assert.Equal(0, journal.Journal.Acknowledge([capture.Id], "someone-else"));
        Assert.Equal(1, journal.Journal.Acknowledge([capture.Id], "booth-1"));
        Assert.Equal(0, journal.Journal.Acknowledge([capture.Id], "booth-1"));
        Assert.Equal([1UL], Sequences(journal.Journal));
        Assert.Equal(1, journal.Journal.Acknowledge([capture.Id], "archive"));

        Assert.Empty(Sequences(journal.Reopen()));
    }

    [Fact]
    public void Append_BeyondCountOrSize_PurgesTheOldestUnacknowledged()
    {
        var byCount = Journal(TestJournal.DefaultLimits(count: 3));
        var bySize = Journal(TestJournal.DefaultLimits(bytes: 5000));
        for (var i = 1UL; i <= 5; i++)
        {
            byCount.Journal.Append(Specimen(i), out _);
            bySize.Journal.Append(Specimen(i, imageBytes: 2000), out _);
        }

        Assert.Equal([3UL, 4UL, 5UL], Sequences(byCount.Journal));
        Assert.Equal([4UL, 5UL], Sequences(bySize.Journal));
        Assert.True(bySize.Journal.Bytes <= 5000);
    }

    [Fact]
    public void PurgeExpired_DropsEntriesOlderThanTheRetentionAge()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var journal = Journal(TestJournal.DefaultLimits(retainFor: TimeSpan.FromHours(1)), time);
        journal.Journal.Append(Specimen(1), out _);
        time.Advance(TimeSpan.FromMinutes(50));
        journal.Journal.Append(Specimen(2), out _);
        time.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(1, journal.Journal.PurgeExpired());
        Assert.Equal([2UL], Sequences(journal.Journal));
    }

    [Fact]
    public void RotateKey_OldAndNewEntriesStayReadableAfterReopen()
    {
        var journal = Journal();
        journal.Journal.Append(Specimen(1), out _);
        var before = journal.Journal.CurrentKeyId;
        journal.Journal.RotateKey();
        journal.Journal.Append(Specimen(2), out _);

        Assert.NotEqual(before, journal.Journal.CurrentKeyId);
        Assert.Equal([1UL, 2UL], Sequences(journal.Reopen()));
    }

    [Fact]
    public void Open_WithAnotherKeyFile_RefusesWithAClearMessage()
    {
        var journal = Journal();
        journal.Journal.Append(Specimen(1), out _);
        journal.Journal.Dispose();

        var error = Assert.Throws<Host.Configuration.GatewayConfigurationException>(() =>
            CaptureJournal.Open(journal.Folder, new byte[32], journal.Limits, journal.Time, journal.Logger).Dispose());
        Assert.Contains("Gateway:Journal:KeyFile", error.Message, StringComparison.Ordinal);
        journal.Reopen();
    }

    [Fact]
    public void Reopen_WithCorruptedNewestEntry_DropsItAndKeepsTheRest()
    {
        var journal = Journal();
        for (var i = 1UL; i <= 3; i++)
        {
            journal.Journal.Append(Specimen(i), out _);
        }

        var reopened = journal.Reopen(() =>
        {
            using var connection = new SqliteConnection($"Data Source={journal.DatabasePath};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            // One flipped byte in the newest entry's ciphertext, as a torn sector would leave it.
            command.CommandText = "UPDATE entries SET ciphertext = CAST(zeroblob(length(ciphertext)) AS BLOB) WHERE sequence = 3";
            Assert.Equal(1, command.ExecuteNonQuery());
        });

        Assert.Equal([1UL, 2UL], Sequences(reopened));
        Assert.Equal(3UL, reopened.LastSequence);
    }

    [Fact]
    public void Open_CrashImageWithGarbageOrTruncatedWalTail_OpensWithTheCommittedEntries()
    {
        var journal = Journal();
        for (var i = 1UL; i <= 3; i++)
        {
            journal.Journal.Append(Specimen(i), out _);
        }

        // The files as a power cut leaves them: copied while the journal is open, the WAL not yet checkpointed.
        var garbage = CrashImage(journal, "garbage");
        File.AppendAllText(garbage + "-wal", new string('x', 3000));
        var truncated = CrashImage(journal, "truncated");
        using (var wal = new FileStream(truncated + "-wal", FileMode.Open))
        {
            wal.SetLength(wal.Length - 100);
        }

        using var withGarbage = CaptureJournal.Open(Path.GetDirectoryName(garbage)!, journal.Kek, journal.Limits, journal.Time, journal.Logger);
        using var withTornTail = CaptureJournal.Open(Path.GetDirectoryName(truncated)!, journal.Kek, journal.Limits, journal.Time, journal.Logger);

        Assert.Equal([1UL, 2UL, 3UL], Sequences(withGarbage));
        // The last commit's frames are torn: SQLite rolls that transaction back and keeps the ones before it.
        Assert.Equal([1UL, 2UL], Sequences(withTornTail));
    }

    [Fact]
    public void Open_AFileThatIsNoDatabase_MovesItAsideAndStartsAnEmptyJournal()
    {
        var journal = Journal();
        journal.Journal.Append(Specimen(1), out _);

        var reopened = journal.Reopen(() =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(journal.DatabasePath + "-wal");
            File.WriteAllBytes(journal.DatabasePath, Encoding.ASCII.GetBytes(new string('x', 8192)));
        });

        Assert.Empty(Sequences(reopened));
        Assert.True(reopened.Append(Specimen(1), out _));
        Assert.Single(Directory.GetFiles(journal.Folder, "captures.corrupt-*.db"));
    }

    [Fact]
    public void DataFolder_AfterARun_HoldsNoPersonalDataInTheClear()
    {
        var journal = Journal();
        for (var i = 1UL; i <= 5; i++)
        {
            journal.Journal.Append(Specimen(i), out _);
        }

        Assert.Equal(5, journal.Journal.Read(0, ulong.MaxValue).Count(c => c.Document.Mrz.Summary.Surname == Surname));
        AssertNoPlainText(journal.Folder);
        journal.Journal.Dispose();
        AssertNoPlainText(journal.Folder);
        journal.Reopen();
    }

    [Fact]
    public void Append_OnAFullDisk_ReportsTheFailureWithoutThrowingAndRecoversWhenSpaceIsBack()
    {
        using var disk = new TmpfsFolder(megabytes: 2);
        var filler = disk.Fill(kilobytes: 1200);
        using var journal = CaptureJournal.Open(
            Path.Combine(disk.Path, "journal"), new byte[32], TestJournal.DefaultLimits(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var written = new List<ulong>();
        var failedAt = 0UL;
        for (var i = 1UL; i <= 40 && failedAt == 0; i++)
        {
            if (journal.Append(Specimen(i, imageBytes: 100 * 1024), out _))
            {
                written.Add(i);
            }
            else
            {
                failedAt = i;
            }
        }

        Assert.NotEqual(0UL, failedAt);
        Assert.NotEmpty(written);
        Assert.Equal(written, Sequences(journal));
        File.Delete(filler);
        Assert.True(journal.Append(Specimen(failedAt + 1, imageBytes: 100 * 1024), out _));
        Assert.Equal([.. written, failedAt + 1], Sequences(journal));
    }

    private static string CrashImage(TestJournal journal, string name)
    {
        var folder = Path.Combine(journal.Folder, name);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, CaptureJournal.FileName);
        File.Copy(journal.DatabasePath, target);
        File.Copy(journal.DatabasePath + "-wal", target + "-wal");
        return target;
    }

    private static void AssertNoPlainText(string folder)
    {
        // The lock file is empty and held open while the journal is.
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "captures.lock").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var value in new[] { Surname, DocumentNumber, "ANNA MARIA", "UTOERIKSSON" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds '{value}' in the clear");
            }
        }
    }
}
