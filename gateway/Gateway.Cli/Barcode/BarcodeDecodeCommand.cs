using System.CommandLine;
using Gateway.Barcodes;
using Gateway.Barcodes.Seals;
using Gateway.Contracts.Mapping;
using Gateway.Contracts.V1;
using Gateway.Imaging;
using Gateway.Imaging.Barcodes;
using Google.Protobuf;

namespace Gateway.Cli.Barcode;

/// <summary>
/// <c>gatewayctl barcode decode IMAGE...</c>: finds every barcode in each image and parses its payload, without a
/// running gateway. One JSON line per image with <c>--json</c> (<c>gateway.v1.ImageBarcodes</c>), a table otherwise.
/// </summary>
internal static class BarcodeDecodeCommand
{
    public static Command Create(Console console, Option<string> trustStore)
    {
        var images = new Argument<FileInfo[]>("IMAGE") { Description = "Image files (PNG, JPEG, BMP, TIFF, …).", Arity = ArgumentArity.OneOrMore };
        var budget = new Option<double>("--budget-ms")
        {
            Description = "Time allowed per image, in milliseconds.",
            DefaultValueFactory = _ => 2000,
        };
        var decode = new Command("decode", "Find and decode every barcode in images, and parse their payloads.") { images, budget, trustStore };
        decode.SetAction(async (parse, cancellationToken) =>
        {
            using var store = BarcodeCommand.LoadTrustStore(parse.GetValue(trustStore), console);
            var options = new SealParseOptions { TrustStore = store };
            var decoder = new BarcodeDecoder(new BarcodeDecodeOptions { Budget = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(budget))) });
            var failed = false;
            foreach (var file in parse.GetValue(images)!)
            {
                var report = Decode(decoder, file, options, cancellationToken);
                failed |= report.ErrorCode.Length > 0;
                await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json) ? GlobalOptions.ToJson(report) : Report(report));
            }

            return failed ? 1 : 0;
        });
        return decode;
    }

    private static ImageBarcodes Decode(BarcodeDecoder decoder, FileInfo file, SealParseOptions options, CancellationToken cancellationToken)
    {
        var report = new ImageBarcodes { Source = file.Name };
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            (report.ErrorCode, report.Error) = ("file.unreadable", ex.Message);
            return report;
        }

        try
        {
            var result = decoder.Decode(bytes, cancellationToken);
            report.BudgetExhausted = result.BudgetExhausted;
            report.ElapsedMs = (uint)result.Elapsed.TotalMilliseconds;
            report.Barcodes.AddRange(result.Barcodes.Select(b => ToCapture(b, options)));
        }
        catch (FrameDecodeException ex)
        {
            (report.ErrorCode, report.Error) = (ex.Code, ex.Message);
        }

        return report;
    }

    private static BarcodeCapture ToCapture(DecodedBarcode barcode, SealParseOptions options)
    {
        var capture = new BarcodeCapture
        {
            Symbology = barcode.Symbology,
            AimIdentifier = barcode.AimIdentifier,
            Raw = ByteString.CopyFrom(barcode.Raw.Span),
            Text = barcode.Text,
        };
        capture.Corners.AddRange(barcode.Corners.Select(c => new Contracts.V1.ImagePoint { X = c.X, Y = c.Y }));
        var parsed = PayloadParser.Parse(barcode.Raw.Span, options);
        capture.PayloadType = parsed.PayloadType == PayloadTypes.Unknown ? "text" : parsed.PayloadType;
        if (parsed.PayloadType != PayloadTypes.Unknown)
        {
            capture.Payload = parsed.ToContract();
            foreach (var field in parsed.Fields)
            {
                capture.Fields[field.Key] = field.Value;
            }
        }

        return capture;
    }

    private static string Report(ImageBarcodes report)
    {
        using var text = new StringWriter();
        if (report.ErrorCode.Length > 0)
        {
            text.Write($"{report.Source}: {report.ErrorCode}: {report.Error}");
            return text.ToString();
        }

        text.WriteLine($"{report.Source}: {report.Barcodes.Count} barcode(s) in {report.ElapsedMs} ms{(report.BudgetExhausted ? " (time budget exhausted)" : string.Empty)}");
        Table.Write(text, ["SYMBOLOGY", "AIM", "PAYLOAD", "VALID", "SIGNATURE", "AT", "TEXT"], report.Barcodes.Select(b => (IReadOnlyList<string>)
        [
            b.Symbology,
            b.AimIdentifier,
            b.PayloadType,
            b.Payload is null ? "-" : b.Payload.Valid ? "yes" : "no",
            b.Payload?.Signature is { } signature ? Names.Of(signature.Status) : "-",
            b.Corners.Count > 0 ? $"{b.Corners.Average(c => c.X):0},{b.Corners.Average(c => c.Y):0}" : "-",
            Printable(b.Text),
        ]));
        return text.ToString().TrimEnd();
    }

    private static string Printable(string text)
    {
        var shown = new string(text.Select(c => char.IsControl(c) ? '·' : c).ToArray());
        return shown.Length > 48 ? shown[..47] + "…" : shown;
    }
}
