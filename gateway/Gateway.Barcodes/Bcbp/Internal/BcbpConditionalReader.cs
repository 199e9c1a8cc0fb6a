using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Bcbp.Internal;

/// <summary>
/// Reads one leg's variable field: on the first leg the version marker, version and unique section; on every leg the
/// repeated section; whatever is left is airline individual use (item 4).
/// </summary>
internal sealed class BcbpConditionalReader(BcbpContext context)
{
    private static readonly BcbpItem VersionNumber = new("version_number", 1, "9");
    private static readonly BcbpItem IndividualUse = new("airline_individual_use", 0, "4", Structured: false);

    private ResultBuilder Result => context.Result;

    public void Read(int leg, int start, int end)
    {
        var group = $"leg_{leg}";
        if (start >= end)
        {
            return;
        }

        var position = start;
        if (leg == 1)
        {
            if (context.Text[start] != '>')
            {
                // Without the marker the structure of the field is unknown; keep it whole rather than guess.
                Result.ContentProblem("missing_version_marker", start,
                    "The first leg's variable data does not start with the version number marker '>'; kept as airline individual use.");
                ReadIndividualUse(group, start, end);
                return;
            }

            position = ReadUnique(start, end);
            if (position < 0)
            {
                return;
            }
        }

        position = ReadRepeated(leg, group, position, end);
        if (position >= 0 && position < end)
        {
            ReadIndividualUse(group, position, end);
        }
    }

    /// <summary>Reads '>', the version, the unique size and the unique items; returns where the repeated section starts, or -1.</summary>
    private int ReadUnique(int start, int end)
    {
        if (start + 4 > end)
        {
            Result.ContentProblem("truncated_conditional", start, "The conditional section ends before its version and unique size.");
            return -1;
        }

        var version = context.ReadItem(VersionNumber, "", start + 1, 1);
        var knownVersion = version.Value.Length == 1 && version.Value[0] is >= '1' and <= '8';
        Result.Check("version_number", knownVersion ? CheckStatus.Passed : CheckStatus.Failed,
            $"Version {PayloadText.Show(version.Value.FirstOrDefault())}; versions 1 to 8 are known.");
        if (!knownVersion)
        {
            Result.Warning("unknown_version", start + 1, "Unknown BCBP version; read with the latest layout.");
        }

        if (!context.TryHex(start + 2, 2, "10", "field size of following structured message - unique", out var size))
        {
            return -1;
        }

        var sectionStart = start + 4;
        var sectionEnd = Bound("unique_size", "10", "unique section", sectionStart - 2, sectionStart, size, end);
        context.ReadItems(BcbpItem.Unique, "", sectionStart, sectionEnd);
        return sectionEnd;
    }

    /// <summary>Reads the repeated size and items; returns where airline individual use starts, or -1.</summary>
    private int ReadRepeated(int leg, string group, int start, int end)
    {
        if (start >= end)
        {
            return end;
        }

        if (start + 2 > end)
        {
            Result.ContentProblem("truncated_conditional", start, $"The variable data of leg {leg} ends inside its repeated section size.");
            return -1;
        }

        if (!context.TryHex(start, 2, "17", "field size of following structured message - repeated", out var size))
        {
            return -1;
        }

        var sectionStart = start + 2;
        var sectionEnd = Bound($"repeated_size_leg_{leg}", "17", $"repeated section of leg {leg}", start, sectionStart, size, end);
        context.ReadItems(BcbpItem.Repeated, group, sectionStart, sectionEnd);
        return sectionEnd;
    }

    /// <summary>Checks a section size against the room its leg leaves; a section that overruns is cut to fit.</summary>
    private int Bound(string check, string code, string what, int sizeOffset, int sectionStart, int size, int end)
    {
        var room = end - sectionStart;
        if (size <= room)
        {
            Result.Check(check, CheckStatus.Passed, $"The {what} declares {size} characters; they fit.");
            return sectionStart + size;
        }

        Result.Check(check, CheckStatus.Failed, $"The {what} declares {size} characters; only {Math.Max(room, 0)} remain.");
        Result.Deviation("conditional_size_mismatch", sizeOffset,
            $"Item {code}: the {what} declares {size} characters but only {Math.Max(room, 0)} remain; read those.");
        return Math.Max(end, sectionStart);
    }

    private void ReadIndividualUse(string group, int start, int end) =>
        context.ReadItem(IndividualUse, group, start, end - start);
}
