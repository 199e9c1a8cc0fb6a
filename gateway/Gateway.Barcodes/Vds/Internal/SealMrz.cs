using System.Text;
using Gateway.Barcodes.Internal;
using Gateway.Mrz;

namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// Passes the MRZ stored in a seal through the MRZ engine and adds its fields (group <c>mrz</c>), its check digits
/// (checks <c>mrz.*</c>) and its problems to the result. Seals store the MRZ without line breaks, fillers as C40 spaces;
/// visas leave out the optional data of line 2 (positions 29 onwards), which is put back as fillers before parsing —
/// no check digit covers it in MRV-A or MRV-B.
/// </summary>
internal static class SealMrz
{
    public const string Group = "mrz";

    /// <summary>The MRZ lines the seal text stands for, or null (with the reason) when its length fits no layout.</summary>
    public static string[]? Lines(string text, FeatureCoding coding, out string layout)
    {
        var mrz = text.Replace(' ', '<');
        (int First, int Full)? visa = coding switch
        {
            FeatureCoding.MrvA => (44, 44),
            FeatureCoding.MrvB => (36, 36),
            _ => null,
        };
        if (visa is var (first, full))
        {
            layout = coding == FeatureCoding.MrvA ? "MRV-A" : "MRV-B";
            if (mrz.Length <= first || mrz.Length > first + full)
            {
                return null;
            }

            return [mrz[..first], mrz[first..].PadRight(full, '<')];
        }

        (layout, var lineLength) = mrz.Length switch
        {
            72 => ("2×36", 36),
            88 => ("2×44", 44),
            90 => ("3×30", 30),
            _ => ("2×36, 2×44 or 3×30", 0),
        };
        return lineLength == 0 ? null : mrz.Chunk(lineLength).Select(c => new string(c)).ToArray();
    }

    /// <summary>The MRZ as the seal holds it, one line per row (a visa's second line stays 28 characters).</summary>
    public static string Stored(string text, FeatureCoding coding, string[]? lines)
    {
        var mrz = text.Replace(' ', '<');
        return coding switch
        {
            _ when lines is null => mrz,
            FeatureCoding.MrvA or FeatureCoding.MrvB => $"{lines[0]}\n{mrz[lines[0].Length..]}",
            _ => string.Join('\n', lines),
        };
    }

    public static void Read(ResultBuilder result, string[] lines, string layout, int offset, DateOnly referenceDate)
    {
        var mrz = MrzParser.Parse(lines, new MrzParseOptions { ReferenceDate = referenceDate, EnableCorrection = false });
        foreach (var field in mrz.Fields)
        {
            result.Field(Group, SnakeCase(field.Name.ToString()), field.Raw, "", offset, field.Value);
        }

        foreach (var check in mrz.Checks)
        {
            result.Check($"mrz.{SnakeCase(check.Name.ToString())}", check.Passed ? CheckStatus.Passed : CheckStatus.Failed,
                $"Check digit found '{check.Found}', computed '{check.Expected}'.");
        }

        result.Check("mrz.format", mrz.IsStructurallySound ? CheckStatus.Passed : CheckStatus.Failed,
            $"Seal MRZ of {layout} read as {mrz.Format}.");
        foreach (var issue in mrz.Issues)
        {
            var message = $"MRZ line {issue.Line}, column {issue.Column}: {issue.Message}";
            if (issue.Severity == MrzSeverity.Error)
            {
                result.ContentProblem("mrz_error", offset, message);
            }
            else
            {
                result.Warning("mrz_warning", offset, message);
            }
        }
    }

    /// <summary>PascalCase to snake_case, digits as their own word: <c>OptionalData1</c> → <c>optional_data_1</c>.</summary>
    public static string SnakeCase(string name)
    {
        var output = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && (char.IsAsciiLetterUpper(c) || (char.IsAsciiDigit(c) && !char.IsAsciiDigit(name[i - 1])));
            if (boundary)
            {
                output.Append('_');
            }

            output.Append(char.ToLowerInvariant(c));
        }

        return output.ToString();
    }
}
