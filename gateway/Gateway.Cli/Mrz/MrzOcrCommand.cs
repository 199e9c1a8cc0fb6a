using System.CommandLine;
using Gateway.Imaging;
using Gateway.MrzOcr;
using Gateway.Mrz;

namespace Gateway.Cli.Mrz;

/// <summary>
/// <c>gatewayctl mrz ocr IMAGE...</c>: finds and reads the MRZ in page scans and camera frames, without a running
/// gateway. One <c>gateway.v1.MrzOcrResult</c> JSON line per image with <c>--json</c>, the <c>mrz parse</c> report
/// otherwise. <c>--debug DIR</c> saves each image's upright crop and segmentation. Exit code 1 when an image had no
/// MRZ or could not be read.
/// </summary>
internal static class MrzOcrCommand
{
    public static Command Create(Console console)
    {
        var images = new Argument<FileInfo[]>("IMAGE") { Description = "Image files (PNG, JPEG, BMP, TIFF, …).", Arity = ArgumentArity.OneOrMore };
        var budget = new Option<double>("--budget-ms") { Description = "Time allowed per image, in milliseconds.", DefaultValueFactory = _ => 1000 };
        var debug = new Option<DirectoryInfo?>("--debug") { Description = "Folder where each image's MRZ crop and segmentation are saved (PNG)." };
        var noCorrection = new Option<bool>("--no-correction") { Description = "Do not let the check digits choose among the recogniser's alternatives." };
        var command = new Command("ocr", "Find and read the MRZ in page or camera images.") { images, budget, debug, noCorrection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(debug);
            folder?.Create();
            var reader = new MrzReader(new MrzReaderOptions
            {
                Budget = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(budget))),
                IncludeDebugImages = folder is not null,
                ParseOptions = new MrzParseOptions { EnableCorrection = !parse.GetValue(noCorrection), TimeProvider = TimeProvider.System },
            });
            var failed = false;
            foreach (var file in parse.GetValue(images)!)
            {
                var result = Read(reader, file, cancellationToken);
                failed |= !result.Found;
                if (folder is not null)
                {
                    Save(folder, file, result);
                }

                var message = result.ToContract(file.Name);
                await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json) ? GlobalOptions.ToJson(message) : Report(file, result));
            }

            return failed ? 1 : 0;
        });
        return command;
    }

    private static MrzOcrResult Read(MrzReader reader, FileInfo file, CancellationToken cancellationToken)
    {
        try
        {
            return reader.Read(File.ReadAllBytes(file.FullName), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new MrzOcrResult { ErrorCode = "file.unreadable", Error = ex.Message };
        }
    }

    private static void Save(DirectoryInfo folder, FileInfo file, MrzOcrResult result)
    {
        var name = Path.GetFileNameWithoutExtension(file.Name);
        foreach (var (suffix, frame) in (ReadOnlySpan<(string, Frame?)>)[("crop", result.Crop), ("segmentation", result.Segmentation)])
        {
            if (frame is not null)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, $"{name}.{suffix}.png"), frame.EncodePng());
            }
        }
    }

    private static string Report(FileInfo file, MrzOcrResult result)
    {
        if (!result.Found)
        {
            return $"{file.Name}: {result.ErrorCode}: {result.Error}";
        }

        var corners = string.Join(' ', result.Quad.Select(p => $"({p.X:0},{p.Y:0})"));
        var lines = string.Join('\n', result.Mrz!.CorrectedLines);
        return $"{file.Name}: MRZ at {corners}, confidence {result.Confidence:0.00}, {result.Elapsed.TotalMilliseconds:0} ms\n{lines}\n{MrzReport.Format(result.Mrz)}";
    }
}
