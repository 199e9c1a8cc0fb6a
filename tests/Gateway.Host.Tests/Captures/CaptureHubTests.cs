using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Tests.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Host.Tests.Captures;

public sealed class CaptureHubTests : IDisposable
{
    private readonly List<TestJournal> _journals = [];

    public void Dispose() => _journals.ForEach(j => j.Dispose());

    private CaptureHub Hub(int buffer = 16, int retain = 100)
    {
        var journal = TestJournal.Create(TestJournal.DefaultLimits(count: retain));
        _journals.Add(journal);
        return new(journal.Journal, TestOptions.Gateway(o => o.Captures = new() { SubscriberBuffer = buffer, RetainCount = retain }), TimeProvider.System, NullLogger<CaptureHub>.Instance);
    }

    private static Capture NewCapture(string device = "reader-1") => new() { Id = Guid.NewGuid().ToString(), DeviceId = device };

    private static async Task<List<ulong>> Take(CaptureSubscription subscription, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var sequences = new List<ulong>();
        await foreach (var capture in subscription.ReadAllAsync(timeout.Token))
        {
            sequences.Add(capture.Sequence);
            if (sequences.Count == count)
            {
                break;
            }
        }

        return sequences;
    }

    [Fact]
    public void Publish_NumbersCapturesInOrder()
    {
        var hub = Hub();
        var first = NewCapture();
        var second = NewCapture();

        hub.Publish(first);
        hub.Publish(second);

        Assert.Equal(1UL, first.Sequence);
        Assert.Equal(2UL, second.Sequence);
        Assert.Equal(2UL, hub.LastSequence);
    }

    [Fact]
    public async Task Publish_FansOutToEverySubscriber()
    {
        var hub = Hub();
        using var a = hub.Subscribe(0);
        using var b = hub.Subscribe(0);

        for (var i = 0; i < 3; i++)
        {
            hub.Publish(NewCapture());
        }

        Assert.Equal([1UL, 2UL, 3UL], await Take(a, 3));
        Assert.Equal([1UL, 2UL, 3UL], await Take(b, 3));
    }

    [Fact]
    public async Task Subscribe_AfterSequence_ReplaysHeldCapturesThenLive()
    {
        var hub = Hub();
        for (var i = 0; i < 5; i++)
        {
            hub.Publish(NewCapture());
        }

        using var subscription = hub.Subscribe(afterSequence: 3);
        hub.Publish(NewCapture());

        Assert.Equal([4UL, 5UL, 6UL], await Take(subscription, 3));
    }

    [Fact]
    public async Task Subscribe_WithDeviceFilter_SkipsOtherDevices()
    {
        var hub = Hub();
        hub.Publish(NewCapture("camera-1"));
        hub.Publish(NewCapture("reader-1"));
        using var subscription = hub.Subscribe(0, ["reader-1"]);
        hub.Publish(NewCapture("camera-1"));
        hub.Publish(NewCapture("reader-1"));

        Assert.Equal([2UL, 4UL], await Take(subscription, 2));
    }

    [Fact]
    public async Task Publish_ToSlowSubscriber_EndsItAsLaggingWithoutBlockingOthers()
    {
        var hub = Hub(buffer: 2);
        using var slow = hub.Subscribe(0);
        using var fast = hub.Subscribe(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var fastReader = fast.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        for (var i = 1UL; i <= 5; i++)
        {
            hub.Publish(NewCapture());
            Assert.True(await fastReader.MoveNextAsync());
            Assert.Equal(i, fastReader.Current.Sequence);
        }

        var delivered = new List<ulong>();
        var lagging = await Assert.ThrowsAsync<SubscriberLaggingException>(async () =>
        {
            await foreach (var capture in slow.ReadAllAsync(timeout.Token))
            {
                delivered.Add(capture.Sequence);
            }
        });
        Assert.Equal([1UL, 2UL], delivered);
        Assert.Equal(2UL, lagging.LastDelivered);
        Assert.Equal(1, hub.SubscriberCount);
    }

    [Fact]
    public async Task Acknowledge_ReleasesCapturesFromReplay()
    {
        var hub = Hub();
        var first = NewCapture();
        hub.Publish(first);
        hub.Publish(NewCapture());

        Assert.Equal(1, hub.Acknowledge([first.Id, "unknown-id"], "local"));
        using var subscription = hub.Subscribe(0);
        hub.Publish(NewCapture());

        Assert.Equal([2UL, 3UL], await Take(subscription, 2));
    }

    [Fact]
    public async Task Publish_BeyondRetention_DropsOldestHeld()
    {
        var hub = Hub(retain: 2);
        for (var i = 0; i < 4; i++)
        {
            hub.Publish(NewCapture());
        }

        // The backlog is read from the journal as the subscriber goes, so it holds what retention kept.
        using var subscription = hub.Subscribe(0);

        Assert.Equal([3UL, 4UL], await Take(subscription, 2));
    }

    [Fact]
    public async Task Publish_OnAFullDisk_DeliversLiveAndRaisesAnErrorIncident()
    {
        using var disk = new TmpfsFolder(megabytes: 2);
        disk.Fill(kilobytes: 1200);
        using var journal = Host.Journal.CaptureJournal.Open(
            Path.Combine(disk.Path, "journal"), new byte[32], TestJournal.DefaultLimits(), TimeProvider.System, NullLogger.Instance);
        var events = new Host.Devices.DeviceEventHub();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var incidents = events.Watch(timeout.Token);
        var hub = new CaptureHub(journal, TestOptions.Gateway(), TimeProvider.System, NullLogger<CaptureHub>.Instance, events);
        using var subscription = hub.Subscribe(0);
        var image = new string('<', 100 * 1024);

        var published = 0;
        while (!incidents.TryPeek(out _) && published < 40)
        {
            hub.Publish(new Capture { Id = Guid.NewGuid().ToString(), DeviceId = "reader-1", Document = new DocumentCapture { Mrz = new MrzResult { RawText = image } } });
            published++;
        }

        var incident = await incidents.ReadAsync(timeout.Token);
        Assert.Equal("reader-1", incident.DeviceId);
        Assert.Equal("journal.write_failed", incident.Incident.Code);
        Assert.Equal(IncidentSeverity.Error, incident.Incident.Severity);
        // Every capture reached the client, the one the journal could not keep too.
        Assert.Equal(Enumerable.Range(1, published).Select(i => (ulong)i), await Take(subscription, published));
    }

    [Fact]
    public void Dispose_FreesTheSubscription()
    {
        var hub = Hub();
        var subscription = hub.Subscribe(0);
        Assert.Equal(1, hub.SubscriberCount);

        subscription.Dispose();

        Assert.Equal(0, hub.SubscriberCount);
    }
}
