using System.CommandLine;
using System.Globalization;
using System.Text;
using Gateway.Barcodes;
using Gateway.Contracts.Mapping;
using Gateway.Pages;
using Gateway.Pages.Mapping;
using PageAnalysis = Gateway.Pages.PageAnalysis;

namespace Gateway.Cli.Page;

/// <summary>
/// <c>gatewayctl page analyse IMAGE [--ir IMAGE] [--uv IMAGE] [--ppi N] [--portrait FILE]</c>: runs the gateway's page
/// pipeline on image files, without a running gateway — the document found, its class, MRZ, barcodes (parsed),
/// portrait and infrared hints. One <c>gateway.v1.PageAnalysis</c> JSON line with <c>--json</c>. Exit code 1 when
/// the images could not be analysed or no valid MRZ was read.
/// </summary>
internal static class PageAnalyseCommand
{
    public static Command Create(Console console)
    {
        var visible = new Argument<FileInfo>("IMAGE") { Description = "The page under white light (PNG, JPEG, BMP, TIFF, …)." };
        var infrared = new Option<FileInfo?>("--ir") { Description = "The same page under infrared light." };
        var ultraviolet = new Option<FileInfo?>("--uv") { Description = "The same page under ultraviolet light (carried, not analysed)." };
        var ppi = new Option<int>("--ppi") { Description = "Resolution of the images, for the document's size (0 = unknown).", DefaultValueFactory = _ => 0 };
        var portrait = new Option<FileInfo?>("--portrait") { Description = "Write the printed portrait found to this PNG file." };
        var command = new Command("analyse", "Analyse a document's page images: document, class, MRZ, barcodes, portrait, infrared hints.") { visible, infrared, ultraviolet, ppi, portrait };
        command.Aliases.Add("analyze");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var resolution = parse.GetValue(ppi);
            var pages = new List<PageImage>();
            foreach (var (file, light) in new[] { (parse.GetValue(visible), PageLight.Visible), (parse.GetValue(infrared), PageLight.Infrared), (parse.GetValue(ultraviolet), PageLight.Ultraviolet) })
            {
                if (file is null)
                {
                    continue;
                }

                try
                {
                    pages.Add(new PageImage(await File.ReadAllBytesAsync(file.FullName, cancellationToken), light, resolution));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await console.Error.WriteLineAsync($"{file.Name}: {ex.Message}");
                    return 1;
                }
            }

            var analysis = new PageAnalyzer().Analyze(pages, cancellationToken);
            var message = analysis.ToContract(parse.GetValue(visible)!.Name);
            foreach (var barcode in message.Barcodes)
            {
                var payload = PayloadParser.Parse(barcode.Raw.Span);
                barcode.PayloadType = payload.PayloadType;
                if (payload.PayloadType != PayloadTypes.Unknown)
                {
                    barcode.Payload = payload.ToContract();
                }
            }

            if (parse.GetValue(portrait) is { } target && analysis.Portrait is { } image)
            {
                await File.WriteAllBytesAsync(target.FullName, image.EncodePng(), cancellationToken);
            }

            await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json) ? GlobalOptions.ToJson(message) : Report(parse.GetValue(visible)!, analysis, message));
            return analysis.ErrorCode is null && analysis.Mrz is { Found: true, Mrz.Valid: true } ? 0 : 1;
        });
        return command;
    }

    private static string Report(FileInfo file, PageAnalysis analysis, Contracts.V1.PageAnalysis message)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        if (analysis.ErrorCode is not null)
        {
            return $"{file.Name}: {analysis.ErrorCode}: {analysis.Error}";
        }

        var size = analysis.WidthMm > 0 ? string.Create(invariant, $" ({analysis.WidthMm:0} × {analysis.HeightMm:0} mm)") : string.Empty;
        text.AppendLine(invariant, $"{file.Name}: {analysis.DocumentClass}{size}, turned {analysis.RotationDegrees:0}°, {analysis.Elapsed.TotalMilliseconds:0} ms");
        if (analysis.Mrz is { Found: true, Mrz: { } mrz })
        {
            text.AppendLine(invariant, $"MRZ ({analysis.MrzLight}): {(mrz.Valid ? "valid" : "INVALID")}, confidence {analysis.Mrz.Confidence:0.00}");
            foreach (var line in mrz.CorrectedLines)
            {
                text.AppendLine("  " + line);
            }
        }
        else
        {
            text.AppendLine(invariant, $"MRZ: {analysis.Mrz?.ErrorCode}: {analysis.Mrz?.Error}");
        }

        foreach (var barcode in message.Barcodes)
        {
            var valid = barcode.Payload is null ? string.Empty : barcode.Payload.Valid ? ", valid" : ", INVALID";
            text.AppendLine(invariant, $"barcode {barcode.Symbology}: {barcode.PayloadType}{valid}, {barcode.Raw.Length} bytes");
        }

        text.AppendLine(analysis.Portrait is { } portrait ? string.Create(invariant, $"portrait: {portrait.Width} × {portrait.Height} pixels") : "portrait: not found");
        foreach (var hint in analysis.Hints)
        {
            text.AppendLine(invariant, $"{hint.Name}: {hint.Outcome} ({hint.Detail}) — a hint, not proof");
        }

        return text.ToString().TrimEnd();
    }
}
