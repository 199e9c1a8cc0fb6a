using Gateway.Contracts.V1;
using Gateway.Emrtd;
using Google.Protobuf;

namespace Gateway.Contracts.Mapping;

/// <summary>Maps the eMRTD library's chip read to the public contract: the <see cref="ChipCapture"/> and its checks.</summary>
public static class ChipMapping
{
    /// <summary>The <c>gateway.v1.ChipCapture</c> of <paramref name="result"/>.</summary>
    /// <param name="result">The chip read.</param>
    /// <param name="reader">The reader the chip was on.</param>
    /// <param name="elapsed">How long the whole read took.</param>
    /// <returns>The contract message.</returns>
    public static ChipCapture ToContract(this ChipReadResult result, string reader, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chip = new ChipCapture
        {
            AccessProtocol = result.AccessProtocol switch
            {
                Emrtd.ChipAccessProtocol.Pace => V1.ChipAccessProtocol.Pace,
                Emrtd.ChipAccessProtocol.Bac => V1.ChipAccessProtocol.Bac,
                _ => V1.ChipAccessProtocol.None,
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
            chip.Portrait = new V1.Image
            {
                Data = ByteString.CopyFrom(portrait.Data),
                Format = portrait.Format switch
                {
                    ChipImageFormat.Jpeg => V1.ImageFormat.Jpeg,
                    ChipImageFormat.Jpeg2000 => V1.ImageFormat.Jpeg2000,
                    _ => V1.ImageFormat.Unspecified,
                },
                Width = (uint)portrait.Width,
                Height = (uint)portrait.Height,
            };
        }

        return chip;
    }

    /// <summary>One <c>gateway.v1.VerificationCheck</c> per step of the read (a step not performed is not applicable).</summary>
    /// <param name="result">The chip read.</param>
    /// <returns>The checks, in the order the read made them.</returns>
    public static IEnumerable<VerificationCheck> ContractChecks(this ChipReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Checks.Select(c => new VerificationCheck
        {
            Name = c.Name,
            Outcome = c.Status switch
            {
                ChipCheckStatus.Passed => CheckOutcome.Passed,
                ChipCheckStatus.Failed => CheckOutcome.Failed,
                _ => CheckOutcome.NotApplicable,
            },
            Detail = c.Detail,
        });
    }
}
