using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>
/// The one thread that makes every SANE call of this process (SANE is not thread-safe), and the owner of SANE's
/// process-wide start: <c>sane_init</c> when the first device opens, <c>sane_exit</c> when the last one closes. A long
/// scan therefore holds up other SANE devices of the same gateway (a booth has one).
/// </summary>
internal sealed class SaneThread
{
    /// <summary>The thread's name; threads a backend starts from it inherit it (see <see cref="ReaderThreads"/>).</summary>
    internal const string Name = "sane";

    private static readonly Lazy<SaneThread> Instance = new(() => new SaneThread());
    private readonly BlockingCollection<Action> _work = [];
    private int _users;

    private SaneThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = Name };
        thread.Start();
    }

    public static SaneThread Shared => Instance.Value;

    /// <summary>The SANE version, once started.</summary>
    public string Version { get; private set; } = string.Empty;

    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        return done.Task;
    }

    public Task InvokeAsync(Action work) => InvokeAsync(() =>
    {
        work();
        return true;
    });

    /// <summary>On the SANE thread: starts SANE for one more user (the first one's configuration folder applies).</summary>
    public void Acquire(string configDirectory)
    {
        if (_users == 0)
        {
            if (Probe(Native.Library) is { } missing)
            {
                throw missing;
            }

            if (configDirectory.Length > 0)
            {
                // Read by SANE's configuration code when it starts; native getenv does not see .NET's environment.
                Native.setenv("SANE_CONFIG_DIR", configDirectory, 1);
            }

            SaneErrors.ThrowIfFailed(Native.sane_init(out var version, 0), "start");
            Version = $"{(version >> 24) & 0xFF}.{(version >> 16) & 0xFF}.{version & 0xFFFF}";
        }

        _users++;
    }

    /// <summary>Null when the native library loads; else the error that tells the technician what to install.</summary>
    internal static DeviceException? Probe(string library)
    {
        if (!NativeLibrary.TryLoad(library, typeof(SaneThread).Assembly, null, out var handle))
        {
            return SaneErrors.LibraryMissing();
        }

        NativeLibrary.Free(handle);
        return null;
    }

    /// <summary>On the SANE thread: one user less; SANE stops with the last.</summary>
    public void Release()
    {
        if (_users > 0 && --_users == 0)
        {
            Native.sane_exit();
        }
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
