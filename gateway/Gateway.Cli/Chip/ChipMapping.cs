using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Emrtd;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Cli.Chip;

/// <summary>A chip read as the public contract's <see cref="Capture"/> with its <see cref="ChipCapture"/>.</summary>
internal static class ChipMapping
{
    public static Capture ToCapture(ChipReadResult result, string reader, TimeSpan elapsed, DateTimeOffset at)
    {
        var chip = new ChipCapture
        {
            AccessProtocol = result.AccessProtocol switch
            {
                Emrtd.ChipAccessProtocol.Pace => Contracts.V1.ChipAccessProtocol.Pace,
                Emrtd.ChipAccessProtocol.Bac => Contracts.V1.ChipAccessProtocol.Bac,
                _ => Contracts.V1.ChipAccessProtocol.None,
            },
            PaceProtocol = result.PaceProtocol ?? string.Empty,
            KeyCorrected = result.KeyCorrected,
            Reader = reader,
            ElapsedMs = elapsed.TotalMilliseconds,
        };
        chip.AccessFallbacks.AddRange(result.AccessFallbacks);
        chip.DataGroups.AddRange(result.DataGroups.Keys.Where(n => n > 0).Select(n => (uint)n));
        if (result.Mrz is { } mrz)
        {
            chip.Mrz = mrz.ToContract();
        }

        if (result.Portrait is { } portrait)
        {
            chip.Portrait = new Image
            {
                Data = ByteString.CopyFrom(portrait.Data),
                Format = portrait.Format switch
                {
                    ChipImageFormat.Jpeg => ImageFormat.Jpeg,
                    ChipImageFormat.Jpeg2000 => ImageFormat.Jpeg2000,
                    _ => ImageFormat.Unspecified,
                },
                Width = (uint)portrait.Width,
                Height = (uint)portrait.Height,
            };
        }

        var capture = new Capture
        {
            Id = Guid.CreateVersion7().ToString(),
            Kind = CaptureKind.Chip,
            CapturedAt = Timestamp.FromDateTimeOffset(at),
            Chip = chip,
            Verified = result.Verified,
        };
        capture.Checks.AddRange(result.Checks.Select(c => new VerificationCheck
        {
            Name = c.Name,
            Outcome = c.Status switch
            {
                ChipCheckStatus.Passed => CheckOutcome.Passed,
                ChipCheckStatus.Failed => CheckOutcome.Failed,
                _ => CheckOutcome.NotApplicable,
            },
            Detail = c.Detail,
        }));
        return capture;
    }
}
