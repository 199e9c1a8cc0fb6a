using System.Text;
using Gateway.Drivers.Simulated.Internal;

namespace Gateway.Drivers.Simulated;

/// <summary>A hand-held scanner that reads generated IATA boarding passes (PDF417 / Aztec payloads).</summary>
public sealed class SimulatedBarcodeScanner(string deviceId, SimulatedDeviceOptions options)
    : SimulatedDevice(deviceId, options), IBarcodeScanner
{
    /// <inheritdoc />
    public override IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Barcode];

    /// <inheritdoc />
    protected override DeviceIdentity Identity => new("Simulated", "Boarding pass scanner", DeviceId, "1.0");

    /// <inheritdoc />
    protected override CapturePayload Make(CaptureKind kind, DateOnly today)
    {
        var text = SpecimenBoardingPasses.Next(Random, SpecimenTravellers.Next(Random, today), today);
        return new BarcodePayload("PDF417", Encoding.ASCII.GetBytes(text)) { Text = text, AimIdentifier = "]L2" };
    }
}

/// <summary>Makes <see cref="SimulatedBarcodeScanner"/>s: driver name <c>simulated-barcode</c>.</summary>
public sealed class SimulatedBarcodeScannerFactory : DriverFactory<SimulatedDeviceOptions>
{
    /// <inheritdoc />
    public override string Name => "simulated-barcode";

    /// <inheritdoc />
    public override DeviceClass DeviceClass => DeviceClass.BarcodeScanner;

    /// <inheritdoc />
    protected override IDeviceDriver Create(string deviceId, SimulatedDeviceOptions options) =>
        new SimulatedBarcodeScanner(deviceId, options);
}
