using System.Text;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Host.Devices;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Makes simulated devices capture on demand for client tests (a kiosk sandbox): a generated specimen, or the MRZ or
/// barcode text the test gives. Refused on every other device, so a real booth cannot be fed made-up captures.
/// </summary>
internal sealed class CaptureInjector(DeviceRegistry registry, DriverCatalog drivers, DiagnosticsTexts texts)
{
    /// <summary>The driver package whose devices may be injected into.</summary>
    public const string SimulatedPackage = "simulated";

    /// <exception cref="DeviceNotFoundException">No device has that id.</exception>
    /// <exception cref="DevicePreconditionException">The device is not simulated, or cannot read the content given.</exception>
    public async Task<Capture> InjectAsync(InjectCaptureRequest request, CancellationToken cancellationToken)
    {
        var device = registry.Get(request.DeviceId);
        if (!IsSimulated(device))
        {
            throw new DevicePreconditionException(texts.Format("Inject_NotSimulated", device.DeviceId));
        }

        if (request.MrzLines.Count > 0)
        {
            return device.DeviceClass == Drivers.DeviceClass.DocumentReader
                ? device.PublishCapture(new CaptureData(new DocumentPayload([.. request.MrzLines])))
                : throw new DevicePreconditionException(texts.Format("Inject_WrongContent", device.DeviceId));
        }

        if (request.BarcodeText.Length > 0)
        {
            return device.DeviceClass is Drivers.DeviceClass.BarcodeScanner or Drivers.DeviceClass.DocumentReader
                ? device.PublishCapture(new CaptureData(new Drivers.BarcodePayload("PDF417", Encoding.UTF8.GetBytes(request.BarcodeText)) { Text = request.BarcodeText }))
                : throw new DevicePreconditionException(texts.Format("Inject_WrongContent", device.DeviceId));
        }

        var kind = request.Kind == Contracts.V1.CaptureKind.Unspecified ? (Drivers.CaptureKind?)null : (Drivers.CaptureKind)request.Kind;
        return await device.TriggerAsync(kind, cancellationToken);
    }

    public bool IsSimulated(DeviceSupervisor device) =>
        drivers.TryGet(device.DriverName, out var factory)
        && drivers.Packages.All.Any(p => p.Id == SimulatedPackage && p.Factories.Contains(factory));
}
