using System.CommandLine;
using Gateway.Contracts.Mapping;
using Gateway.Mrz;

namespace Gateway.Cli.Mrz;

/// <summary>
/// <c>gatewayctl mrz parse [FILE…]</c>: reads MRZ text from the files or stdin — the lines of one document are
/// consecutive, documents are separated by an empty line — and prints one result per document. Exit code 0 even when
/// documents are invalid (validity is data); 2 for usage errors such as a missing file.
/// </summary>
internal static class MrzParseCommand
{
    public static Command Create(Console console)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Files to read (default: standard input).", Arity = ArgumentArity.ZeroOrMore };
        var noCorrection = new Option<bool>("--no-correction") { Description = "Do not try OCR corrections guided by the check digits." };
        var command = new Command("parse", "Parse and check MRZs from files or standard input.") { files, noCorrection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = parse.GetValue(files) ?? [];
            var missing = inputs.FirstOrDefault(f => !f.Exists);
            if (missing is not null)
            {
                await console.Error.WriteLineAsync($"gatewayctl: no such file: {missing.FullName}");
                return 2;
            }

            var options = new MrzParseOptions { EnableCorrection = !parse.GetValue(noCorrection), TimeProvider = TimeProvider.System };
            var json = parse.GetValue(GlobalOptions.Json);
            var texts = inputs.Length == 0 ? [await console.In.ReadToEndAsync(cancellationToken)] : inputs.Select(f => File.ReadAllText(f.FullName));
            foreach (var document in texts.SelectMany(Documents))
            {
                var result = MrzParser.Parse(document, options);
                await console.Out.WriteLineAsync(json ? GlobalOptions.ToJson(result.ToContract()) : MrzReport.Format(result));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Splits text into documents at empty (or blank) lines.</summary>
    internal static IEnumerable<string> Documents(string text)
    {
        var current = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    yield return string.Join('\n', current);
                    current.Clear();
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            yield return string.Join('\n', current);
        }
    }
}
