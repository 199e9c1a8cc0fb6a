using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>
/// The reader threads a backend starts from the SANE thread, seen through <c>/proc/self/task</c> (a thread inherits its
/// creator's name, <see cref="SaneThread.Name"/>).
/// </summary>
/// <remarks>
/// SANE's sanei_thread stops a backend's reader thread with an asynchronous <c>pthread_cancel</c>: on every
/// <c>sane_cancel</c>, and (in the <c>test</c> backend and others) as soon as the last bytes of a frame are read. If that
/// lands while the reader is inside <c>malloc</c> or <c>free</c> (starting, or freeing its buffer after its last write),
/// the heap arena's lock stays held for good and the next thread given that arena — the next scan's reader, or a thread
/// of the runtime — waits forever: the SANE thread, then the whole process, hangs. So before every SANE call that can
/// cancel a reader the driver waits until no reader thread is running: each has ended, or sleeps in a system call
/// (writing to a full pipe, waiting for the scanner), where a cancellation is harmless.
/// </remarks>
internal static partial class ReaderThreads
{
    /// <summary>How long to wait for the readers to settle before going on regardless.</summary>
    internal static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// On the SANE thread: waits until no other thread of that name is running, for at most <see cref="Limit"/>.
    /// False when the limit was reached (or there is no <c>/proc</c>).
    /// </summary>
    public static bool WaitUntilSettled()
    {
        var self = gettid();
        var since = Stopwatch.GetTimestamp();
        while (AnyRunning(self))
        {
            if (Stopwatch.GetElapsedTime(since) >= Limit)
            {
                return false;
            }

            // A poll, not a hoped-for delay: nothing signals another native thread's scheduling state but /proc. The
            // SANE thread has nothing else to do meanwhile, and the loop is bounded by Limit.
            Thread.Sleep(1);
        }

        return true;
    }

    private static bool AnyRunning(int self)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (int.TryParse(Path.GetFileName(task), out var id) && id != self && IsRunningReader(task))
                {
                    return true;
                }
            }

            return false;
        }
        catch (IOException)
        {
            return false; // no /proc: nothing to wait on
        }
    }

    /// <summary>Whether a task folder is a thread named as the SANE thread that is running (R) or in uninterruptible I/O (D).</summary>
    internal static bool IsRunningReader(string task)
    {
        try
        {
            if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') != SaneThread.Name)
            {
                return false;
            }

            // stat: "tid (comm) S ..."; the name may hold spaces or parentheses, the state follows the last ')'.
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] is 'R' or 'D';
        }
        catch (IOException)
        {
            return false; // the thread ended meanwhile
        }
    }

    [LibraryImport("libc")]
    private static partial int gettid();
}
