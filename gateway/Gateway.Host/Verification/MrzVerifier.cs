using System.Globalization;
using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Host.Captures;
using Gateway.Mrz;

namespace Gateway.Host.Verification;

/// <summary>
/// Parses a document capture's MRZ with the MRZ engine: fills the parsed fields and the full result, and adds the
/// structure check and one check per check digit. Details name positions and digits only, never personal data.
/// </summary>
internal sealed class MrzVerifier : ICaptureVerifier
{
    public void Verify(Capture capture)
    {
        if (capture.PayloadCase != Capture.PayloadOneofCase.Document || capture.Document.MrzLines.Count == 0)
        {
            return;
        }

        var referenceDate = DateOnly.FromDateTime(capture.CapturedAt.ToDateTime());
        var result = MrzParser.Parse(capture.Document.MrzLines, new MrzParseOptions { ReferenceDate = referenceDate });
        var mrz = result.ToContract();
        capture.Document.Mrz = mrz;
        capture.Document.Fields = mrz.Summary;

        var errors = result.Errors.Where(e => e.Code != MrzIssueCode.CheckDigitMismatch).ToList();
        capture.Checks.Add(new VerificationCheck
        {
            Name = "mrz.structure",
            Outcome = result.IsStructurallySound ? CheckOutcome.Passed : CheckOutcome.Failed,
            Detail = result.IsStructurallySound
                ? MrzMapping.FormatName(result.Format)
                : errors.Count > 0 ? $"{errors[0].Code} at line {errors[0].Line}, column {errors[0].Column}" : "not a recognised MRZ",
        });
        foreach (var check in result.Checks)
        {
            capture.Checks.Add(new VerificationCheck
            {
                Name = $"mrz.check_digit.{SnakeCase(check.Name.ToString())}",
                Outcome = check.Passed ? CheckOutcome.Passed : CheckOutcome.Failed,
                Detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"line {check.Line}, column {check.Column}: expected {check.Expected}, found {check.Found}"),
            });
        }
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
