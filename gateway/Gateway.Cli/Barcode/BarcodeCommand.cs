using System.CommandLine;
using Gateway.Barcodes;
using Gateway.Barcodes.Aamva;
using Gateway.Barcodes.Bcbp;
using Gateway.Barcodes.Seals;
using Gateway.Barcodes.Vds;
using Gateway.Barcodes.VdsNc;
using Gateway.Contracts.Mapping;

namespace Gateway.Cli.Barcode;

/// <summary>
/// <c>gatewayctl barcode parse</c> (a payload given on stdin, without an image) and <c>gatewayctl barcode decode</c>
/// (every barcode in image files).
/// </summary>
internal static class BarcodeCommand
{
    public static Command Create(Console console)
    {
        var type = new Option<string>("--type")
        {
            Description = "Payload type: aamva, bcbp, vds, vdsnc or auto (detected from how the payload starts).",
            DefaultValueFactory = _ => "auto",
        };
        type.AcceptOnlyFromAmong("auto", "aamva", "bcbp", "vds", "vdsnc");
        var trustStore = new Option<string>("--trust-store")
        {
            Description = "Folder of CSCA and signer certificates to verify seal signatures against ($GATEWAY_TRUST_STORE).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GATEWAY_TRUST_STORE") ?? string.Empty,
        };
        var hex = new Option<bool>("--hex") { Description = "The input is hexadecimal (for binary payloads)." };
        var strict = new Option<bool>("--strict") { Description = "Treat the known real-world quirks as errors." };
        var parse = new Command("parse", "Parse a barcode payload from standard input.") { type, hex, strict, trustStore };
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
            using var store = LoadTrustStore(result.GetValue(trustStore), console);
            var options = new SealParseOptions { TrustStore = store, Mode = mode };
            var parsed = result.GetValue(type) switch
            {
                "aamva" => AamvaParser.Parse(bytes, mode),
                "bcbp" => BcbpParser.Parse(bytes, mode),
                "vds" => VdsParser.Parse(bytes, options),
                "vdsnc" => VdsNcParser.Parse(bytes, options),
                _ => PayloadParser.Parse(bytes, options),
            };
            await console.Out.WriteLineAsync(result.GetValue(GlobalOptions.Json) ? GlobalOptions.ToJson(parsed.ToContract()) : Report(parsed));
            return 0;
        });
        return new Command("barcode", "Decode barcodes from images and parse travel-document payloads (IATA BCBP, AAMVA DL/ID, ICAO VDS, VDS-NC).")
        {
            parse,
            BarcodeDecodeCommand.Create(console, trustStore),
        };
    }

    /// <summary>The trust store in <paramref name="folder"/>, or null when none is given; problems go to stderr.</summary>
    public static TrustStore? LoadTrustStore(string? folder, Console console)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        var store = TrustStore.Load(folder);
        foreach (var problem in store.Problems)
        {
            console.Error.WriteLine($"gatewayctl: trust store: {problem.Path}: {problem.Reason}");
        }

        return store;
    }

    private static string Report(PayloadResult result)
    {
        using var text = new StringWriter();
        text.WriteLine($"{result.PayloadType} ({result.Mode}): {(result.Valid ? "VALID" : "INVALID")}");
        if (result.Signature is { } signature)
        {
            text.WriteLine($"signature {signature.Algorithm}: {signature.Status} {signature.FailedCheck} {signature.Detail}".TrimEnd());
        }

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
