using Gateway.Barcodes;
using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;

namespace Gateway.Host.Verification;

/// <summary>
/// Parses a barcode capture's payload (IATA BCBP, AAMVA DL/ID) in lenient mode: fills the parsed payload and fields,
/// and adds the payload's structural checks. A payload of no known type gets no check (nothing could verify it).
/// </summary>
internal sealed class BarcodeVerifier : ICaptureVerifier
{
    public void Verify(Capture capture)
    {
        if (capture.PayloadCase != Capture.PayloadOneofCase.Barcode || capture.Barcode.Raw.IsEmpty)
        {
            return;
        }

        var result = PayloadParser.Parse(capture.Barcode.Raw.Span);
        capture.Barcode.PayloadType = result.PayloadType;
        if (result.PayloadType == PayloadTypes.Unknown)
        {
            return;
        }

        var payload = result.ToContract();
        capture.Barcode.Payload = payload;
        foreach (var field in result.Fields)
        {
            capture.Barcode.Fields[field.Key] = field.Value;
        }

        capture.Checks.Add(new VerificationCheck
        {
            Name = $"barcode.{result.PayloadType}.structure",
            Outcome = result.Valid ? CheckOutcome.Passed : CheckOutcome.Failed,
            Detail = result.Valid ? string.Empty : string.Join("; ", result.Errors.Select(e => $"{e.Code} at {e.Offset}")),
        });
        capture.Checks.AddRange(payload.Checks.Select(c => new VerificationCheck(c) { Name = $"barcode.{result.PayloadType}.{c.Name}" }));
    }
}
