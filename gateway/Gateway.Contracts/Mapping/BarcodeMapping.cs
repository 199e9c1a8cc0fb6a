using Gateway.Barcodes;
using Gateway.Contracts.V1;
using SignatureStatus = Gateway.Contracts.V1.SignatureStatus;

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
        if (result.Signature is { } signature)
        {
            message.Signature = signature.ToContract();
        }

        return message;
    }

    /// <summary>The <c>gateway.v1.SealSignature</c> of <paramref name="signature"/>.</summary>
    public static V1.SealSignature ToContract(this Barcodes.Seals.SealSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new V1.SealSignature
        {
            Algorithm = signature.Algorithm,
            Status = signature.Status switch
            {
                Barcodes.Seals.SignatureStatus.Verified => SignatureStatus.Verified,
                Barcodes.Seals.SignatureStatus.Untrusted => SignatureStatus.Untrusted,
                Barcodes.Seals.SignatureStatus.Invalid => SignatureStatus.Invalid,
                _ => SignatureStatus.NotVerified,
            },
            FailedCheck = signature.FailedCheck ?? string.Empty,
            Detail = signature.Detail,
            SignerSubject = signature.SignerSubject ?? string.Empty,
            SignerSerial = signature.SignerSerial ?? string.Empty,
            SignerCountry = signature.SignerCountry ?? string.Empty,
            CertificateReference = signature.CertificateReference ?? string.Empty,
            CscaSubject = signature.CscaSubject ?? string.Empty,
            SignedAt = signature.SignedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}
