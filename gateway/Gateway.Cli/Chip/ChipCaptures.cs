using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Emrtd;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Cli.Chip;

/// <summary>A chip read as the public contract's <see cref="Capture"/> with its <see cref="ChipCapture"/>.</summary>
internal static class ChipCaptures
{
    public static Capture ToCapture(ChipReadResult result, string reader, TimeSpan elapsed, DateTimeOffset at)
    {
        var capture = new Capture
        {
            Id = Guid.CreateVersion7().ToString(),
            Kind = CaptureKind.Chip,
            CapturedAt = Timestamp.FromDateTimeOffset(at),
            Chip = result.ToContract(reader, elapsed),
            Verified = result.Verified,
        };
        capture.Checks.AddRange(result.ContractChecks());
        return capture;
    }
}
