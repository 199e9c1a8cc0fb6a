using Gateway.Barcodes;
using Gateway.Contracts.V1;

namespace Gateway.Contracts.Mapping;

/// <summary>Maps a parsed barcode payload to the public contract.</summary>
public static class BarcodeMapping
{
    /// <summary>The <c>gateway.v1.BarcodePayload</c> of <paramref name="result"/>.</summary>
    public static BarcodePayload ToContract(this PayloadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = new BarcodePayload { PayloadType = result.PayloadType, Mode = result.Mode.ToString(), Valid = result.Valid };
        message.Fields.AddRange(result.Fields.Select(f => new BarcodeField
        {
            Group = f.Group,
            Name = f.Name,
            Value = f.Value,
            Raw = f.Raw,
            Code = f.Code,
            Offset = (uint)Math.Max(f.Offset, 0),
        }));
        message.Checks.AddRange(result.Checks.Select(c => new VerificationCheck
        {
            Name = c.Name,
            Outcome = c.Status switch
            {
                CheckStatus.Passed => CheckOutcome.Passed,
                CheckStatus.Failed => CheckOutcome.Failed,
                _ => CheckOutcome.NotApplicable,
            },
            Detail = c.Detail,
        }));
        message.Issues.AddRange(result.Issues.Select(i => new BarcodeIssue
        {
            Error = i.Severity == IssueSeverity.Error,
            Code = i.Code,
            Offset = (uint)Math.Max(i.Offset, 0),
            Message = i.Message,
        }));
        message.Tolerances.AddRange(result.Tolerances.Select(t => new BarcodeTolerance
        {
            Name = t.Name,
            Offset = (uint)Math.Max(t.Offset, 0),
            Detail = t.Detail,
        }));
        return message;
    }
}
