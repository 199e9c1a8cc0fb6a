using System.Collections.Concurrent;

namespace Gateway.Drivers.Fingerprint.Libfprint.Internal;

/// <summary>
/// The one thread that makes every libfprint call of this process: libfprint's *_sync calls run GLib's default main
/// context, and two threads running it at once steal each other's events. Only <c>g_cancellable_cancel</c> is called
/// from elsewhere. A long capture therefore holds up other libfprint devices of the same gateway (a booth has one).
/// </summary>
internal sealed class LibfprintThread
{
    private static readonly Lazy<LibfprintThread> Instance = new(() => new LibfprintThread());
    private readonly BlockingCollection<Action> _work = [];

    private LibfprintThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "libfprint" };
        thread.Start();
    }

    public static LibfprintThread Shared => Instance.Value;

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

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
