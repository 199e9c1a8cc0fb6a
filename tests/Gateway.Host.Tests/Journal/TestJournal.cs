using System.Security.Cryptography;
using Gateway.Host.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Host.Tests.Journal;

/// <summary>A real journal in its own temporary folder, deleted with it.</summary>
internal sealed class TestJournal : IDisposable
{
    private TestJournal(string folder, byte[] kek, JournalLimits limits, TimeProvider time, ILogger logger)
    {
        Folder = folder;
        Kek = kek;
        Limits = limits;
        Time = time;
        Logger = logger;
        Journal = CaptureJournal.Open(folder, kek, limits, time, logger);
    }

    public string Folder { get; }

    public byte[] Kek { get; }

    public JournalLimits Limits { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public CaptureJournal Journal { get; private set; }

    public string DatabasePath => Path.Combine(Folder, CaptureJournal.FileName);

    public static JournalLimits DefaultLimits(long count = 1000, long bytes = 256L << 20, TimeSpan? retainFor = null, params string[] consumers) =>
        new(count, bytes, retainFor ?? TimeSpan.FromDays(7), TimeSpan.FromDays(30), consumers.ToHashSet(StringComparer.Ordinal));

    public static TestJournal Create(JournalLimits? limits = null, TimeProvider? time = null, ILogger? logger = null) =>
        new(Path.Combine(Path.GetTempPath(), "gateway-journal-tests", Guid.NewGuid().ToString("N")), RandomNumberGenerator.GetBytes(32),
            limits ?? DefaultLimits(), time ?? TimeProvider.System, logger ?? NullLogger.Instance);

    /// <summary>Closes the journal, lets <paramref name="between"/> change its files, and opens it again.</summary>
    public CaptureJournal Reopen(Action? between = null)
    {
        Journal.Dispose();
        between?.Invoke();
        Journal = CaptureJournal.Open(Folder, Kek, Limits, Time, Logger);
        return Journal;
    }

    public void Dispose()
    {
        Journal.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
