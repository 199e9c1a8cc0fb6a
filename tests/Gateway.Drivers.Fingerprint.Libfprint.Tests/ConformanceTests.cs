using Gateway.Drivers.Conformance;
using Gateway.Imaging.TestMedia.Fingerprints;

namespace Gateway.Drivers.Fingerprint.Libfprint.Tests;

/// <summary>The driver conformance kit against the libfprint driver on libfprint's virtual_image device.</summary>
public sealed class ConformanceTests : DriverConformanceTests, IDisposable
{
    private readonly VirtualImageDevice _device = new();

    protected override IDriverFactory Factory { get; } = new LibfprintFactory();

    protected override IReadOnlyDictionary<string, string?> Settings => _device.Settings;

    protected override IReadOnlyDictionary<string, string?> FailingSettings => new Dictionary<string, string?>
    {
        ["VirtualImageSocket"] = _device.SocketPath,
        ["Driver"] = "no_such_reader",
    };

    protected override async Task<CaptureData> ProvokeCaptureAsync(IDeviceDriver driver, ConformanceContext context, CancellationToken cancellationToken)
    {
        var capture = ((ITriggerableDevice)driver).CaptureAsync(CaptureKind.Fingerprint, cancellationToken);
        await VirtualImageDevice.WaitForIncidentAsync(context, FingerprintEvents.PlaceFinger);
        await _device.SendImageAsync(SyntheticFingerprint.Finger(21, width: 256, height: 360));
        return await capture;
    }

    public void Dispose() => _device.Delete();
}
