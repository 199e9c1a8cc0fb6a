using System.Text;
using Gateway.Contracts.Mapping;
using Gateway.Mrz;

namespace Gateway.Cli.Mrz;

/// <summary>The readable form of an MRZ result: verdict, fields, checks, tolerances and issues.</summary>
internal static class MrzReport
{
    public static string Format(MrzResult result)
    {
        var text = new StringBuilder();
        var format = MrzMapping.FormatName(result.Format);
        text.AppendLine($"{(format.Length == 0 ? "unknown format" : format)}: {(result.Valid ? "VALID" : "INVALID")}");
        Table.Write(
            new StringWriter(text),
            ["FIELD", "LINE", "COL", "PRINTED", "VALUE"],
            result.Fields.Select(f => (IReadOnlyList<string>)[f.Name.ToString(), $"{f.Line}", $"{f.Column}", f.Raw, f.Value]));
        foreach (var check in result.Checks)
        {
            text.AppendLine($"check {check.Name}: {(check.Passed ? "ok" : "FAILED")} (expected {check.Expected}, found {check.Found}, line {check.Line} column {check.Column})");
        }

        if (result.Tolerances != MrzTolerances.None)
        {
            text.AppendLine($"tolerances: {result.Tolerances}");
        }

        foreach (var correction in result.Corrections)
        {
            text.AppendLine($"corrected line {correction.Line} column {correction.Column}: {correction.From} -> {correction.To}");
        }

        foreach (var issue in result.Issues)
        {
            text.AppendLine($"{issue.Severity.ToString().ToLowerInvariant()} {issue.Code} (line {issue.Line}, column {issue.Column}): {issue.Message}");
        }

        return text.ToString().TrimEnd();
    }
}
