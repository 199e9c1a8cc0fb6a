using Gateway.Drivers.Conformance;
using Gateway.Imaging.TestMedia.Fingerprints;
using Microsoft.Extensions.Configuration;

namespace Gateway.Drivers.Fingerprint.Libfprint.Tests;

/// <summary>The libfprint driver end to end against libfprint's own virtual_image device (Debian libfprint-2-2).</summary>
public sealed class LibfprintScannerTests : IAsyncLifetime
{
    private readonly VirtualImageDevice _device = new();
    private readonly ConformanceContext _context = new("fp-1");
    private readonly CancellationTokenSource _stop = new();
    private IFingerprintScanner _scanner = null!;
    private Task _run = null!;

    public async Task InitializeAsync()
    {
        _scanner = (IFingerprintScanner)new LibfprintFactory().Create("fp-1", Section(_device.Settings));
        _run = _scanner.RunAsync(_context, _stop.Token);
        Assert.True(await _context.WaitForStateAsync(DeviceState.Ready, TimeSpan.FromSeconds(20)), "The reader did not open.");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(10)));
        await _scanner.DisposeAsync();
        _device.Delete();
    }

    [Fact]
    public async Task Open_ReportsTheVirtualReadersIdentity()
    {
        Assert.Equal("libfprint", _context.Identity?.Vendor);
        Assert.Equal("virtual_image", _context.Identity?.Firmware);
        Assert.Equal([FingerCaptureMode.SingleFlat], _scanner.Capabilities.Modes);
        Assert.Equal(500, _scanner.Capabilities.Ppi);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Capture_ImageSentToTheVirtualDevice_ComesBackAsTheRequestedFinger()
    {
        var print = SyntheticFingerprint.Finger(11, width: 256, height: 360);

        var capture = _scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.LeftIndex]), CancellationToken.None);
        await VirtualImageDevice.WaitForIncidentAsync(_context, FingerprintEvents.PlaceFinger);
        await _device.SendImageAsync(print);
        var data = await capture.WaitAsync(TimeSpan.FromSeconds(20));

        var payload = Assert.IsType<FingerprintPayload>(data.Payload);
        var finger = Assert.Single(payload.Fingers);
        Assert.Equal(FingerPosition.LeftIndex, finger.Position);
        Assert.Equal([FingerPosition.LeftIndex], payload.RequestedPositions);
        Assert.Equal((ImageFormat.Gray8, 256, 360, 500), (finger.Image.Format, finger.Image.Width, finger.Image.Height, finger.Image.Ppi));
        Assert.Equal(print.Pixels.ToArray(), finger.Image.Data.ToArray());
        Assert.Contains(_context.Incidents, i => i.Code == FingerprintEvents.FingerPresent);
    }

    [Fact]
    public async Task Capture_RetryCodes_AreReportedAsReasonsAndTheCaptureGoesOn()
    {
        var capture = _scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), CancellationToken.None);
        (int Code, string Reason)[] retries =
        [
            (1, FingerprintEvents.RetryTooShort), (2, FingerprintEvents.RetryCentreFinger), (3, FingerprintEvents.RetryRemoveFinger), (0, FingerprintEvents.Retry),
        ];
        for (var i = 0; i < retries.Length; i++)
        {
            await VirtualImageDevice.WaitForIncidentAsync(_context, FingerprintEvents.PlaceFinger, i + 1);
            await _device.SendRetryAsync(retries[i].Code);
            await VirtualImageDevice.WaitForIncidentAsync(_context, retries[i].Reason);
        }

        await VirtualImageDevice.WaitForIncidentAsync(_context, FingerprintEvents.PlaceFinger, retries.Length + 1);
        await _device.SendImageAsync(SyntheticFingerprint.Finger(12, width: 256, height: 360));
        var data = await capture.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Single(((FingerprintPayload)data.Payload).Fingers);
        Assert.False(_run.IsCompleted, "A retry must not end the device.");
    }

    [Fact]
    public async Task Capture_DeviceError_FailsTheCaptureAndTheDevice()
    {
        var capture = _scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), CancellationToken.None);
        await VirtualImageDevice.WaitForIncidentAsync(_context, FingerprintEvents.PlaceFinger);
        await _device.SendErrorAsync(0x101); // FP_DEVICE_ERROR_TOO_HOT

        var error = await Assert.ThrowsAsync<DeviceException>(() => capture.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("libfprint.too_hot", error.Code);
        var fault = await Assert.ThrowsAsync<DeviceException>(() => _run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("libfprint.too_hot", fault.Code);
    }

    [Fact]
    public async Task Capture_NoFingerBeforeTheTimeout_IsANoFingerError()
    {
        await using var quick = (IFingerprintScanner)new LibfprintFactory().Create("fp-2", Section(new Dictionary<string, string?>(_device.Settings)
        {
            ["CaptureTimeout"] = "00:00:01",
        }));
        // The fixture's reader holds the socket: stop it first, so this one opens its own.
        await _stop.CancelAsync();
        await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(10)));
        await _scanner.DisposeAsync();
        var context = new ConformanceContext("fp-2");
        using var stop = new CancellationTokenSource();
        var run = quick.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, TimeSpan.FromSeconds(20)));

        var error = await Assert.ThrowsAsync<DeviceException>(() => quick.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), CancellationToken.None));

        Assert.Equal("libfprint.no_finger", error.Code);
        Assert.True(error.IsTransient);
        Assert.False(run.IsCompleted, "No finger is not a device failure.");
        await stop.CancelAsync();
    }

    [Fact]
    public async Task CaptureFingers_Slap_IsRefusedAsNotSupported()
    {
        var error = await Assert.ThrowsAsync<DeviceException>(() =>
            _scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.PlainRightFourFingers]), CancellationToken.None));

        Assert.Equal("libfprint.mode_not_supported", error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Capture_Cancelled_EndsPromptlyAndTheReaderStaysReady()
    {
        using var cancel = new CancellationTokenSource();
        var capture = _scanner.CaptureFingersAsync(new FingerCaptureRequest([FingerPosition.RightIndex]), cancel.Token);
        await VirtualImageDevice.WaitForIncidentAsync(_context, FingerprintEvents.PlaceFinger);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => capture.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(_run.IsCompleted);
    }

    private static IConfigurationSection Section(IReadOnlyDictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Settings:" + s.Key, s.Value)))
            .Build()
            .GetSection("Settings");
}
