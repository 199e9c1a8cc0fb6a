using Gateway.Barcodes;
using Gateway.Barcodes.Seals;
using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Microsoft.Extensions.Options;
using SignatureStatus = Gateway.Barcodes.Seals.SignatureStatus;

namespace Gateway.Host.Verification;

/// <summary>
/// Parses a barcode capture's payload (IATA BCBP, AAMVA DL/ID, ICAO visible digital seal, VDS-NC) in lenient mode:
/// fills the parsed payload and fields, and adds the payload's structural checks. A seal also gets a
/// <c>barcode.{type}.signature_trusted</c> check that passes only when its signature was verified against the trust store,
/// so an unverifiable seal never makes a verified capture. A payload of no known type gets no check.
/// </summary>
internal sealed class BarcodeVerifier : ICaptureVerifier, IDisposable
{
    private readonly TrustStore? _trustStore;
    private readonly SealParseOptions _options;

    public BarcodeVerifier(IOptions<GatewayOptions> options, TimeProvider time, ILogger<BarcodeVerifier> logger)
    {
        var folder = options.Value.Barcodes.TrustStore;
        if (folder.Length > 0)
        {
            _trustStore = TrustStore.Load(folder);
            Log.TrustStoreLoaded(logger, folder, _trustStore.Cscas.Count, _trustStore.Signers.Count);
            foreach (var problem in _trustStore.Problems)
            {
                Log.TrustStoreProblem(logger, problem.Path, problem.Reason);
            }
        }

        _options = new SealParseOptions { TrustStore = _trustStore, TimeProvider = time };
    }

    public void Dispose() => _trustStore?.Dispose();

    public void Verify(Capture capture)
    {
        if (capture.PayloadCase == Capture.PayloadOneofCase.Barcode)
        {
            Verify(capture.Barcode, "barcode.", capture.Checks);
        }
        else if (capture.PayloadCase == Capture.PayloadOneofCase.Document && capture.Document.Page is { } page)
        {
            // The barcodes found on a document's page images, checked the same way.
            for (var i = 0; i < page.Barcodes.Count; i++)
            {
                Verify(page.Barcodes[i], $"page.barcode.{i}.", capture.Checks);
            }
        }
    }

    private void Verify(BarcodeCapture barcode, string prefix, ICollection<VerificationCheck> checks)
    {
        if (barcode.Raw.IsEmpty)
        {
            return;
        }

        var result = PayloadParser.Parse(barcode.Raw.Span, _options);
        barcode.PayloadType = result.PayloadType;
        if (result.PayloadType == PayloadTypes.Unknown)
        {
            return;
        }

        var payload = result.ToContract();
        barcode.Payload = payload;
        foreach (var field in result.Fields)
        {
            barcode.Fields[field.Key] = field.Value;
        }

        checks.Add(new VerificationCheck
        {
            Name = $"{prefix}{result.PayloadType}.structure",
            Outcome = result.Valid ? CheckOutcome.Passed : CheckOutcome.Failed,
            Detail = result.Valid ? string.Empty : string.Join("; ", result.Errors.Select(e => $"{e.Code} at {e.Offset}")),
        });
        foreach (var check in payload.Checks)
        {
            checks.Add(new VerificationCheck(check) { Name = $"{prefix}{result.PayloadType}.{check.Name}" });
        }

        if (result.Signature is { } signature)
        {
            checks.Add(new VerificationCheck
            {
                Name = $"{prefix}{result.PayloadType}.signature_trusted",
                Outcome = signature.Status == SignatureStatus.Verified ? CheckOutcome.Passed : CheckOutcome.Failed,
                Detail = signature.Detail,
            });
        }
    }
}
