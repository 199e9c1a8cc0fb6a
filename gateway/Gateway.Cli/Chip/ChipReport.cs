using System.Text;
using Gateway.Emrtd;

namespace Gateway.Cli.Chip;

/// <summary>The human-readable report of <c>gatewayctl chip read</c>.</summary>
internal static class ChipReport
{
    public static string Format(ChipReadResult result, string reader, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"Reader:    {reader}");
        text.AppendLine($"Verified:  {(result.Verified ? "yes (passive authentication holds)" : "NO")}");
        text.AppendLine($"Access:    {result.AccessProtocol}{(result.PaceProtocol is { } oid ? $" ({oid})" : string.Empty)}{(result.KeyCorrected ? ", key corrected" : string.Empty)}");
        foreach (var fallback in result.AccessFallbacks)
        {
            text.AppendLine($"Fallback:  {fallback}");
        }

        if (result.Mrz is { } mrz)
        {
            text.AppendLine($"Document:  {mrz.DocumentCode} {mrz.IssuingState} {mrz.DocumentNumber}, {mrz.Surname}, {mrz.GivenNames}");
        }

        if (result.Portrait is { } portrait)
        {
            text.AppendLine($"Portrait:  {portrait.Format} {portrait.Width}x{portrait.Height}, {portrait.Data.Length} bytes");
        }

        text.AppendLine($"Files:     {string.Join(", ", result.DataGroups.Keys.Select(n => n == 0 ? "SOD" : $"DG{n}"))}");
        foreach (var check in result.Checks)
        {
            var mark = check.Status switch { ChipCheckStatus.Passed => "ok  ", ChipCheckStatus.Failed => "FAIL", _ => "n/a " };
            text.AppendLine($"  {mark} {check.Name}: {check.Detail}");
        }

        text.Append($"Read in {elapsed.TotalMilliseconds:F0} ms: {string.Join(", ", result.Timings.Select(t => $"{t.Step} {t.Elapsed.TotalMilliseconds:F0} ms"))}");
        return text.ToString();
    }
}
