using System.CommandLine;
using Gateway.Barcodes;
using Gateway.Barcodes.Aamva;
using Gateway.Barcodes.Bcbp;
using Gateway.Contracts.Mapping;

namespace Gateway.Cli.Barcode;

/// <summary><c>gatewayctl barcode parse</c>: parses a barcode payload given on stdin, without an image.</summary>
internal static class BarcodeCommand
{
    public static Command Create(Console console)
    {
        var type = new Option<string>("--type")
        {
            Description = "Payload type: aamva, bcbp or auto (detected from how the payload starts).",
            DefaultValueFactory = _ => "auto",
        };
        type.AcceptOnlyFromAmong("auto", "aamva", "bcbp");
        var hex = new Option<bool>("--hex") { Description = "The input is hexadecimal (for binary payloads)." };
        var strict = new Option<bool>("--strict") { Description = "Treat the known real-world quirks as errors." };
        var parse = new Command("parse", "Parse a barcode payload from standard input.") { type, hex, strict };
        parse.SetAction(async (result, cancellationToken) =>
        {
            var input = await console.In.ReadToEndAsync(cancellationToken);
            byte[] bytes;
            if (result.GetValue(hex))
            {
                try
                {
                    bytes = Convert.FromHexString(string.Concat(input.Where(c => !char.IsWhiteSpace(c))));
                }
                catch (FormatException)
                {
                    await console.Error.WriteLineAsync("gatewayctl: the input is not hexadecimal.");
                    return 2;
                }
            }
            else
            {
                bytes = System.Text.Encoding.Latin1.GetBytes(input.TrimEnd('\r', '\n'));
            }

            var mode = result.GetValue(strict) ? ParseMode.Strict : ParseMode.Lenient;
            var parsed = result.GetValue(type) switch
            {
                "aamva" => AamvaParser.Parse(bytes, mode),
                "bcbp" => BcbpParser.Parse(bytes, mode),
                _ => PayloadParser.Parse(bytes, mode),
            };
            await console.Out.WriteLineAsync(result.GetValue(GlobalOptions.Json) ? GlobalOptions.ToJson(parsed.ToContract()) : Report(parsed));
            return 0;
        });
        return new Command("barcode", "Parse travel-document barcode payloads (IATA BCBP, AAMVA DL/ID).") { parse };
    }

    private static string Report(PayloadResult result)
    {
        using var text = new StringWriter();
        text.WriteLine($"{result.PayloadType} ({result.Mode}): {(result.Valid ? "VALID" : "INVALID")}");
        Table.Write(text, ["GROUP", "FIELD", "VALUE"], result.Fields.Select(f => (IReadOnlyList<string>)[f.Group, f.Name, f.Value]));
        foreach (var check in result.Checks)
        {
            text.WriteLine($"check {check.Name}: {check.Status} {check.Detail}".TrimEnd());
        }

        foreach (var tolerance in result.Tolerances)
        {
            text.WriteLine($"tolerance {tolerance.Name} at {tolerance.Offset}: {tolerance.Detail}");
        }

        foreach (var issue in result.Issues)
        {
            text.WriteLine($"{issue.Severity.ToString().ToLowerInvariant()} {issue.Code} at {issue.Offset}: {issue.Message}");
        }

        return text.ToString().TrimEnd();
    }
}
