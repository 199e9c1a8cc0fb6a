using Gateway.Contracts.V1;
using Gateway.Drivers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using BarcodePayload = Gateway.Drivers.BarcodePayload;
using CheckOutcome = Gateway.Contracts.V1.CheckOutcome;
using ContractImage = Gateway.Contracts.V1.Image;
using DriverFingerImage = Gateway.Drivers.FingerImage;

namespace Gateway.Host.Captures;

/// <summary>Turns what a driver captured into a verified <see cref="Capture"/> of the public contract.</summary>
internal sealed class CaptureFactory(
    IEnumerable<ICaptureVerifier> verifiers, TimeProvider time, CameraTexts? feedback = null, Telemetry.GatewayTelemetry? telemetry = null)
{
    private readonly ICaptureVerifier[] _verifiers = [.. verifiers];

    public Capture Create(string deviceId, Drivers.DeviceClass deviceClass, CaptureData data, string? triggerId = null)
    {
        var capture = new Capture
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()).ToString(),
            DeviceId = deviceId,
            DeviceClass = (Contracts.V1.DeviceClass)deviceClass,
            Kind = (Contracts.V1.CaptureKind)data.Payload.Kind,
            CapturedAt = Timestamp.FromDateTimeOffset(data.CapturedAt ?? time.GetUtcNow()),
            TriggerId = triggerId ?? string.Empty,
        };
        SetPayload(capture, data.Payload);
        if (data.Payload is PortraitPayload { FeedbackCode: { } code })
        {
            capture.Portrait.FeedbackCode = code;
            capture.Portrait.Feedback = feedback?.Instruction(code) ?? code;
        }

        capture.Checks.AddRange(data.Checks.Select(c => new VerificationCheck
        {
            Name = c.Name,
            Outcome = (CheckOutcome)c.Outcome,
            Detail = c.Detail,
        }));
        using var verification = Telemetry.GatewayTelemetry.StartVerification();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var verifier in _verifiers)
        {
            try
            {
                verifier.Verify(capture);
            }
            catch (Exception ex)
            {
                // A verifier bug must cost a check, never the capture.
                capture.Checks.Add(new VerificationCheck
                {
                    Name = $"verifier.{verifier.GetType().Name}",
                    Outcome = CheckOutcome.Failed,
                    Detail = ex.GetType().Name,
                });
            }
        }

        capture.Verified = capture.Checks.Count > 0 && capture.Checks.All(c => c.Outcome != CheckOutcome.Failed);
        telemetry?.Verified(capture.Kind, started);
        return capture;
    }

    private static void SetPayload(Capture capture, CapturePayload payload)
    {
        switch (payload)
        {
            case DocumentPayload document:
                capture.Document = new DocumentCapture();
                capture.Document.MrzLines.AddRange(document.MrzLines);
                capture.Document.Pages.AddRange(document.Pages.Select(ToContract));
                break;
            case BarcodePayload barcode:
                capture.Barcode = new BarcodeCapture
                {
                    Symbology = barcode.Symbology,
                    AimIdentifier = barcode.AimIdentifier ?? string.Empty,
                    Raw = ByteString.CopyFrom(barcode.Raw.Span),
                    Text = barcode.Text ?? string.Empty,
                };
                break;
            case ImagePayload image:
                capture.Image = new ImageCapture();
                capture.Image.Images.AddRange(image.Images.Select(ToContract));
                break;
            case PortraitPayload portrait:
                capture.Portrait = new PortraitCapture { Image = ToContract(portrait.Image) };
                break;
            case FingerprintPayload fingerprint:
                capture.Fingerprints = new FingerprintCapture { Impression = (Contracts.V1.FingerImpression)fingerprint.Impression };
                capture.Fingerprints.Fingers.AddRange(fingerprint.Fingers.Select(ToContract));
                capture.Fingerprints.RequestedPositions.AddRange(fingerprint.RequestedPositions.Select(p => (Contracts.V1.FingerPosition)p));
                break;
            default:
                throw new ArgumentException($"Unknown payload type {payload.GetType().Name}.", nameof(payload));
        }
    }

    private static Contracts.V1.FingerImage ToContract(DriverFingerImage finger) => new()
    {
        Position = (Contracts.V1.FingerPosition)finger.Position,
        Image = ToContract(finger.Image),
    };

    private static ContractImage ToContract(CapturedImage image) => new()
    {
        Data = ByteString.CopyFrom(image.Data.Span),
        Format = (Contracts.V1.ImageFormat)image.Format,
        Width = (uint)image.Width,
        Height = (uint)image.Height,
        Light = (Contracts.V1.LightSource)image.Light,
        Ppi = (uint)image.Ppi,
    };
}
