using System.Threading.Channels;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Host.Captures;
using Gateway.Host.Devices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using DeviceState = Gateway.Contracts.V1.DeviceState;

namespace Gateway.Host.Tests.Devices;

public sealed class DeviceSupervisorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly DeviceEventHub _events = new();
    private readonly CaptureHub _hub;
    private readonly Journal.TestJournal _journal = Journal.TestJournal.Create();
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(20));
    private readonly ChannelReader<DeviceEvent> _watch;

    public DeviceSupervisorTests()
    {
        _hub = new CaptureHub(_journal.Journal, TestOptions.Gateway(), TimeProvider.System, NullLogger<CaptureHub>.Instance);
        _watch = _events.Watch(_timeout.Token);
    }

    private DeviceSupervisor Supervisor(IDriverFactory factory, string language = "en", int disableAfter = 10)
    {
        var options = TestOptions.Gateway(o => o.Language = language, ("Gateway:Devices:0:Id", "reader-1"), ("Gateway:Devices:0:Driver", factory.Name));
        options.Value.Supervisor = new()
        {
            InitialBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            DisableAfterFailures = disableAfter,
            StopTimeout = TimeSpan.FromSeconds(2),
        };
        return new DeviceSupervisor(
            options.Value.Devices[0],
            factory,
            options.Value.Supervisor,
            new CaptureFactory([], _time),
            _hub,
            _events,
            new Texts(options),
            _time,
            NullLogger.Instance);
    }

    private async Task<Device> Next(DeviceState state)
    {
        await foreach (var e in _watch.ReadAllAsync(_timeout.Token))
        {
            if (e.StateChanged?.Device.State == state)
            {
                return e.StateChanged.Device;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    [Fact]
    public async Task WaitUntilReadyAsync_DeviceStillStarting_CompletesWhenReady()
    {
        var gate = new TaskCompletionSource();
        var factory = new ScriptedDriverFactory(_ => new GatedReadyDriver(gate.Task));
        var supervisor = Supervisor(factory);
        var run = supervisor.RunAsync(_stop.Token);

        var waiting = supervisor.WaitUntilReadyAsync(TimeSpan.FromMinutes(1), _timeout.Token);
        Assert.False(waiting.IsCompleted);
        gate.SetResult();

        Assert.True(await waiting);
        Assert.True(await supervisor.WaitUntilReadyAsync(TimeSpan.Zero, _timeout.Token));
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_FailsTooOften_IsOutOfServiceUntilEnabled()
    {
        var factory = new ScriptedDriverFactory(n => n <= 2 ? new FailingDriver() : new ReadyDriver());
        var supervisor = Supervisor(factory, disableAfter: 2);
        var run = supervisor.RunAsync(_stop.Token);

        await Next(DeviceState.Faulted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var disabled = await Next(DeviceState.Malfunctioned);
        Assert.Equal("device.disabled", disabled.ReasonCode);
        Assert.Contains("gatewayctl devices enable reader-1", disabled.Reason, StringComparison.Ordinal);

        // Out of service: no restart however long we wait.
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, factory.Created);

        Assert.Equal(DeviceState.Starting, supervisor.Enable().State);
        await Next(DeviceState.Ready);
        Assert.Equal(3, factory.Created);
        Assert.Throws<DevicePreconditionException>(() => supervisor.Enable());
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_DriverDoesNotStopInTime_IsOutOfService()
    {
        var factory = new ScriptedDriverFactory(_ => new HangingOnDisposeDriver());
        var run = Supervisor(factory).RunAsync(_stop.Token);

        await Next(DeviceState.Ready);
        // The stop timer starts once the driver has failed, a moment after Ready: move the clock until it has run out.
        var malfunctioned = Next(DeviceState.Malfunctioned);
        while (!malfunctioned.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(malfunctioned, Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System));
        }

        var stuck = await malfunctioned;

        Assert.Equal("driver.stop_timeout", stuck.ReasonCode);
        Assert.Equal(1, factory.Created);
        await _stop.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData("en", "A document was read only in part")]
    [InlineData("fr", "Un document n'a été lu qu'en partie")]
    public async Task ReportIncident_KnownAndUnknownCodes_SendsEventsWithLocalisedTextOrDetail(string language, string expected)
    {
        var factory = new ScriptedDriverFactory(_ => new IncidentDriver(
            new Drivers.DeviceIncident("frame.incomplete", "Port closed after 41 bytes of a frame.", Drivers.IncidentSeverity.Error),
            new Drivers.DeviceIncident("vendor.odd", "Status byte 0x7F.")));
        var run = Supervisor(factory, language).RunAsync(_stop.Token);

        var incidents = new List<Contracts.V1.DeviceIncident>();
        await foreach (var e in _watch.ReadAllAsync(_timeout.Token))
        {
            if (e.Incident is { } incident)
            {
                Assert.Equal("reader-1", e.DeviceId);
                incidents.Add(incident);
            }
            else if (e.StateChanged.Device.State == DeviceState.Ready)
            {
                break;
            }
        }

        Assert.Equal(2, incidents.Count);
        Assert.Equal("frame.incomplete", incidents[0].Code);
        Assert.StartsWith(expected, incidents[0].Message, StringComparison.Ordinal);
        Assert.Equal("Port closed after 41 bytes of a frame.", incidents[0].Detail);
        Assert.Equal(Contracts.V1.IncidentSeverity.Error, incidents[0].Severity);
        Assert.Equal("Status byte 0x7F.", incidents[1].Message);
        Assert.Equal(Contracts.V1.IncidentSeverity.Warning, incidents[1].Severity);
        await _stop.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData("en", "sane.library_missing", "SANE is not installed: install the package libsane1")]
    [InlineData("fr", "sane.library_missing", "SANE n'est pas installé : installez le paquet libsane1")]
    [InlineData("fr", "sane.os_not_supported", "Les scanners SANE ne fonctionnent que sous Linux")]
    public async Task RunAsync_DriverFailsWithAKnownCode_ReportsFaultedWithTheLocalisedText(string language, string code, string expected)
    {
        var factory = new ScriptedDriverFactory(n => n == 1 ? new FailingDriver(code: code) : new ReadyDriver());
        var run = Supervisor(factory, language).RunAsync(_stop.Token);

        var faulted = await Next(DeviceState.Faulted);

        Assert.Equal(code, faulted.ReasonCode);
        Assert.Contains(expected, faulted.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("The test device is broken.", faulted.Reason, StringComparison.Ordinal);
        await _stop.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_DriverFails_ReportsFaultedAndRestartsAfterBackoff(bool synchronously)
    {
        var factory = new ScriptedDriverFactory(n => n == 1 ? new FailingDriver(synchronously) : new ReadyDriver());
        var supervisor = Supervisor(factory);
        var run = supervisor.RunAsync(_stop.Token);

        var faulted = await Next(DeviceState.Faulted);
        Assert.Equal("test.broken", faulted.ReasonCode);
        Assert.Contains("The test device is broken.", faulted.Reason, StringComparison.Ordinal);
        Assert.Equal(1u, faulted.Restarts);
        Assert.Equal(1, factory.Created);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Next(DeviceState.Ready);
        Assert.Equal(2, factory.Created);

        await _stop.CancelAsync();
        await run;
        Assert.Equal(DeviceState.Stopped, supervisor.Snapshot().State);
    }

    [Fact]
    public async Task RunAsync_RepeatedFailures_DoubleTheBackoff()
    {
        var factory = new ScriptedDriverFactory(_ => new FailingDriver());
        var supervisor = Supervisor(factory);
        var run = supervisor.RunAsync(_stop.Token);

        Assert.Contains("1 s", (await Next(DeviceState.Faulted)).Reason, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("2 s", (await Next(DeviceState.Faulted)).Reason, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromSeconds(2));
        var third = await Next(DeviceState.Faulted);
        Assert.Contains("4 s", third.Reason, StringComparison.Ordinal);
        Assert.Equal(3u, third.Restarts);

        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_DriverReturns_ReportsSourceEndedWithoutRestart()
    {
        var factory = new ScriptedDriverFactory(_ => new EndingDriver());
        var supervisor = Supervisor(factory);

        await supervisor.RunAsync(_stop.Token);

        Assert.Equal(DeviceState.Stopped, supervisor.Snapshot().State);
        Assert.Equal("device.source_ended", supervisor.Snapshot().ReasonCode);
        Assert.Equal(1, factory.Created);
    }

    [Fact]
    public async Task RunAsync_Stopping_DisposesTheDriver()
    {
        var driver = new ReadyDriver();
        var supervisor = Supervisor(new ScriptedDriverFactory(_ => driver));
        var run = supervisor.RunAsync(_stop.Token);
        await Next(DeviceState.Ready);

        await _stop.CancelAsync();
        await run;

        Assert.True(driver.Disposed);
        Assert.Equal("gateway.stopping", supervisor.Snapshot().ReasonCode);
    }

    [Fact]
    public async Task TriggerAsync_ReadyDevice_PublishesTheCaptureWithTriggerId()
    {
        var supervisor = Supervisor(new ScriptedDriverFactory(_ => new ReadyDriver()));
        var run = supervisor.RunAsync(_stop.Token);
        await Next(DeviceState.Ready);
        using var subscription = _hub.Subscribe(0);

        var capture = await supervisor.TriggerAsync(null, _timeout.Token);

        Assert.Equal("reader-1", capture.DeviceId);
        Assert.Equal(Contracts.V1.CaptureKind.Document, capture.Kind);
        Assert.NotEmpty(capture.TriggerId);
        await foreach (var published in subscription.ReadAllAsync(_timeout.Token))
        {
            Assert.Equal(capture.Id, published.Id);
            break;
        }

        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task TriggerAsync_UnsupportedKind_IsAPreconditionFailure()
    {
        var supervisor = Supervisor(new ScriptedDriverFactory(_ => new ReadyDriver()));
        var run = supervisor.RunAsync(_stop.Token);
        await Next(DeviceState.Ready);

        await Assert.ThrowsAsync<DevicePreconditionException>(() => supervisor.TriggerAsync(Drivers.CaptureKind.Portrait, _timeout.Token));

        await _stop.CancelAsync();
        await run;
    }

    public void Dispose()
    {
        _stop.Dispose();
        _timeout.Dispose();
        _journal.Dispose();
    }
}
