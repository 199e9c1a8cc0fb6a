using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Gateway.Drivers.Conformance;

/// <summary>
/// The behaviours every driver must have, whatever its device class. Derive a test class from this one in your
/// driver's test project, give it your factory and the settings of a device your fixture provides (a simulator, a
/// virtual port, a recorded file), and every test below runs against your driver.
/// </summary>
/// <remarks>
/// The bounds are generous (seconds): they catch a driver that ignores cancellation or blocks its caller, not a slow one.
/// </remarks>
public abstract class DriverConformanceTests
{
    /// <summary>The factory under test.</summary>
    protected abstract IDriverFactory Factory { get; }

    /// <summary>The <c>Settings</c> of a device that works in the test fixture.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The <c>Settings</c> of a device that fails at start or soon after (a port that does not exist, an injected fault).</summary>
    protected abstract IReadOnlyDictionary<string, string?> FailingSettings { get; }

    /// <summary>How long any single step may take. Default 10 s.</summary>
    protected virtual TimeSpan Bound => TimeSpan.FromSeconds(10);

    /// <summary>
    /// Makes the running device deliver a capture and returns it. The default asks a triggerable device for its first
    /// kind, else waits for a capture the driver publishes by itself. Override to feed the fixture (write a frame to a
    /// virtual port, show a face to a virtual camera).
    /// </summary>
    protected virtual async Task<CaptureData> ProvokeCaptureAsync(IDeviceDriver driver, ConformanceContext context, CancellationToken cancellationToken)
    {
        if (driver is ITriggerableDevice triggerable)
        {
            return await triggerable.CaptureAsync(triggerable.TriggerKinds[0], cancellationToken);
        }

        return await context.Published.Reader.ReadAsync(cancellationToken);
    }

    /// <summary>
    /// Puts a card on a card reader (<see cref="ICardReaderDevice"/>, the running <paramref name="driver"/>), which captures
    /// nothing by itself: the gateway reads the card through it. Dispose the result to take the card off. Card reader
    /// fixtures must override it.
    /// </summary>
    protected virtual Task<IAsyncDisposable> PlaceCardAsync(IDeviceDriver driver, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A card reader's conformance tests must override PlaceCardAsync.");

    /// <summary>The settings as the gateway hands them to the factory: a configuration section.</summary>
    protected static IConfigurationSection Section(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Settings:" + s.Key, s.Value)))
            .Build()
            .GetSection("Settings");

    /// <summary>The factory names itself and its device class.</summary>
    [Fact]
    public void Factory_HasANameAndADeviceClass()
    {
        Assert.Matches("^[a-z0-9][a-z0-9._-]*$", Factory.Name);
        Assert.True(Enum.IsDefined(Factory.DeviceClass), $"{Factory.DeviceClass} is not a device class.");
    }

    /// <summary>The fixture's settings are valid, and a setting the driver does not know is an error naming the key.</summary>
    [Fact]
    public void Validate_KnownSettingsPass_UnknownKeyIsNamed()
    {
        Assert.Empty(Factory.Validate(Section(Settings)));
        var typo = new Dictionary<string, string?>(Settings) { ["NoSuchSettingXyz"] = "1" };
        var error = Assert.Single(Factory.Validate(Section(typo)));
        Assert.Contains("NoSuchSettingXyz", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>RunAsync returns its task at once: the device's work runs on its own, not on the caller's thread.</summary>
    [Fact]
    public async Task RunAsync_ReturnsToTheCallerAtOnce_ThenReportsReady()
    {
        await using var driver = Factory.Create("conformance-1", Section(Settings));
        var context = new ConformanceContext("conformance-1");
        using var stop = new CancellationTokenSource();

        var watch = Stopwatch.StartNew();
        var run = driver.RunAsync(context, stop.Token);
        var returnedAfter = watch.Elapsed;

        Assert.True(returnedAfter < TimeSpan.FromSeconds(1), $"RunAsync held its caller for {returnedAfter.TotalMilliseconds:0} ms.");
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, Bound), "The driver did not report Ready.");
        Assert.False(run.IsCompleted, "RunAsync ended while the device should be running.");
        await StopAsync(run, stop);
        Assert.Empty(context.Violations);
    }

    /// <summary>Cancelling the token ends RunAsync within the bound, by returning or with an OperationCanceledException.</summary>
    [Fact]
    public async Task RunAsync_Cancelled_EndsWithinTheBound()
    {
        await using var driver = Factory.Create("conformance-1", Section(Settings));
        var context = new ConformanceContext("conformance-1");
        using var stop = new CancellationTokenSource();
        var run = driver.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, Bound), "The driver did not report Ready.");

        await StopAsync(run, stop);
    }

    /// <summary>A device that fails ends RunAsync's task with a DeviceException carrying a stable code, and never reports Faulted itself.</summary>
    [Fact]
    public async Task RunAsync_DeviceFails_EndsTheTaskWithADeviceException()
    {
        await using var driver = Factory.Create("conformance-1", Section(FailingSettings));
        var context = new ConformanceContext("conformance-1");
        using var stop = new CancellationTokenSource(Bound * 3);

        Task run;
        try
        {
            run = driver.RunAsync(context, stop.Token);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"RunAsync threw on the caller's thread instead of returning a faulted task: {ex.GetType().Name}.");
        }

        // A driver that captures by itself may need a capture before its fault shows (an injected fault after N captures).
        if (driver is ITriggerableDevice triggerable && await context.WaitForStateAsync(DeviceState.Ready, TimeSpan.FromSeconds(1)))
        {
            for (var i = 0; i < 10 && !run.IsCompleted; i++)
            {
                try
                {
                    await triggerable.CaptureAsync(triggerable.TriggerKinds[0], stop.Token);
                }
                catch (DeviceException)
                {
                }
            }
        }

        var error = await Assert.ThrowsAsync<DeviceException>(() => run.WaitAsync(Bound * 2));
        Assert.Matches(@"^[a-z0-9_]+(\.[a-z0-9_]+)+$", error.Code);
        Assert.Empty(context.Violations);
    }

    /// <summary>A capture carries the payload of the device's class, with non-empty, sized images.</summary>
    [Fact]
    public async Task Capture_IsWellFormed()
    {
        await using var driver = Factory.Create("conformance-1", Section(Settings));
        var context = new ConformanceContext("conformance-1");
        using var stop = new CancellationTokenSource();
        var run = driver.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, Bound), "The driver did not report Ready.");

        using var timeout = new CancellationTokenSource(Bound);
        if (driver is ICardReaderDevice reader and not ITriggerableDevice)
        {
            await CardIsReachableAsync(driver, reader, context, timeout.Token);
            await StopAsync(run, stop);
            return;
        }

        var capture = await ProvokeCaptureAsync(driver, context, timeout.Token);

        Assert.Contains(capture.Payload.Kind, KindsOf(Factory.DeviceClass));
        foreach (var image in ImagesOf(capture.Payload))
        {
            Assert.False(image.Data.IsEmpty, "An image has no data.");
            Assert.True(image.Width > 0 && image.Height > 0, "An image has no size.");
        }

        switch (capture.Payload)
        {
            case DocumentPayload document:
                Assert.True(document.MrzLines.Count > 0 || document.Pages.Count > 0, "A document has neither MRZ lines nor pages.");
                break;
            case BarcodePayload barcode:
                Assert.False(barcode.Raw.IsEmpty, "A barcode has no bytes.");
                Assert.False(string.IsNullOrWhiteSpace(barcode.Symbology), "A barcode has no symbology.");
                break;
            case FingerprintPayload fingers:
                Assert.NotEmpty(fingers.Fingers);
                break;
        }

        await StopAsync(run, stop);
    }

    /// <summary>After a stop and dispose, a new driver from the same factory starts again (the gateway's restart).</summary>
    [Fact]
    public async Task Restart_NewDriverAfterStop_ReportsReadyAgain()
    {
        for (var round = 0; round < 2; round++)
        {
            await using var driver = Factory.Create("conformance-1", Section(Settings));
            var context = new ConformanceContext("conformance-1");
            using var stop = new CancellationTokenSource();
            var run = driver.RunAsync(context, stop.Token);
            Assert.True(await context.WaitForStateAsync(DeviceState.Ready, Bound), $"Round {round + 1}: the driver did not report Ready.");
            await StopAsync(run, stop);
        }
    }

    /// <summary>Disposing twice, or without running, throws nothing and ends within the bound.</summary>
    [Fact]
    public async Task DisposeAsync_IsIdempotent()
    {
        var idle = Factory.Create("conformance-1", Section(Settings));
        await idle.DisposeAsync().AsTask().WaitAsync(Bound);
        await idle.DisposeAsync().AsTask().WaitAsync(Bound);

        var driver = Factory.Create("conformance-1", Section(Settings));
        var context = new ConformanceContext("conformance-1");
        using var stop = new CancellationTokenSource();
        var run = driver.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, Bound), "The driver did not report Ready.");
        await StopAsync(run, stop);
        await driver.DisposeAsync().AsTask().WaitAsync(Bound);
        await driver.DisposeAsync().AsTask().WaitAsync(Bound);
    }

    /// <summary>A card reader reports a card placed, carries an APDU to it and back, and reports it taken off.</summary>
    private async Task CardIsReachableAsync(IDeviceDriver driver, ICardReaderDevice reader, ConformanceContext context, CancellationToken cancellationToken)
    {
        await using (await PlaceCardAsync(driver, cancellationToken))
        {
            Assert.True(await context.Presence.Reader.ReadAsync(cancellationToken), "The card reader did not report the card placed.");
            Assert.True(reader.CardPresent, "The card reader reported the card placed but CardPresent is false.");
            using var connection = await reader.ConnectCardAsync(cancellationToken);
            Assert.False(string.IsNullOrWhiteSpace(connection.Reader), "The connection names no reader.");

            // SELECT the eMRTD application (ICAO Doc 9303 Part 10): any card answers with at least a status word.
            byte[] select = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];
            var response = await connection.TransmitAsync(select, cancellationToken);
            Assert.True(response.Length >= 2, "The response carries no status word.");
        }

        Assert.False(await context.Presence.Reader.ReadAsync(cancellationToken), "The card reader did not report the card taken off.");
        Assert.False(reader.CardPresent, "The card was taken off but CardPresent is still true.");
    }

    private async Task StopAsync(Task run, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(Bound);
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"RunAsync did not end within {Bound.TotalSeconds} s of cancellation.");
        }
    }

    private static CaptureKind[] KindsOf(DeviceClass deviceClass) => deviceClass switch
    {
        DeviceClass.DocumentReader => [CaptureKind.Document, CaptureKind.Barcode, CaptureKind.Image],
        DeviceClass.Camera => [CaptureKind.Portrait, CaptureKind.Image, CaptureKind.Document, CaptureKind.Barcode],
        DeviceClass.FingerprintScanner => [CaptureKind.Fingerprint],
        DeviceClass.BarcodeScanner => [CaptureKind.Barcode],
        _ => [],
    };

    private static IEnumerable<CapturedImage> ImagesOf(CapturePayload payload) => payload switch
    {
        DocumentPayload document => document.Pages,
        ImagePayload images => images.Images,
        PortraitPayload portrait => [portrait.Image],
        FingerprintPayload fingers => fingers.Fingers.Select(f => f.Image),
        _ => [],
    };
}
