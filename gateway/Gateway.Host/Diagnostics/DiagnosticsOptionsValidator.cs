using System.Net;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Checks <c>Gateway:Diagnostics</c> at start: the page's URL must be an http URL on a loopback address unless
/// <c>AllowRemote</c> says otherwise, so the page is never reachable from the network by accident.
/// </summary>
internal sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options)
    {
        var errors = new List<string>();
        if (options.Url.Length > 0)
        {
            if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
            {
                errors.Add($"{DiagnosticsOptions.Section}:Url: '{options.Url}' is not an http URL such as http://127.0.0.1:5081 (empty turns the page off).");
            }
            else if (!options.AllowRemote && !IsLoopback(url))
            {
                errors.Add($"{DiagnosticsOptions.Section}:Url: '{options.Url}' is not a loopback address; set {DiagnosticsOptions.Section}:AllowRemote to true to serve the page to the network.");
            }
        }

        if (options.StatisticsPath.Length == 0)
        {
            errors.Add($"{DiagnosticsOptions.Section}:StatisticsPath: must not be empty.");
        }

        if (options.CheckTimeout <= TimeSpan.Zero || options.InteractiveTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{DiagnosticsOptions.Section}: CheckTimeout and InteractiveTimeout must be positive.");
        }

        if (options.LogLines is < 10 or > 1_000_000)
        {
            errors.Add($"{DiagnosticsOptions.Section}:LogLines: must be between 10 and 1000000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
