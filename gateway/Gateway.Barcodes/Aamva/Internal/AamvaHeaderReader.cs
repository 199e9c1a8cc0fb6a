using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Aamva.Internal;

/// <summary>
/// Reads the file header: '@', the three separators, "ANSI ", IIN, version, jurisdiction version (from version 2), number
/// of entries, and the subfile designators. The header is found by its file type rather than at a fixed place, because
/// scanners add a byte-order mark, drop the record separator, or turn LF into CRLF before it.
/// </summary>
internal sealed class AamvaHeaderReader(string text, ResultBuilder result)
{
    private const string Separators = "@\n\u001e\r";
    private const int SearchWindow = 32;

    public AamvaHeader? Read()
    {
        var start = PayloadText.ByteOrderMarkLength(text);
        if (start > 0)
        {
            result.Deviation("byte_order_mark", 0, "A byte-order mark precedes the payload; skipped.");
        }

        if (start >= text.Length)
        {
            result.Error("empty", 0, "The payload is empty.");
            return null;
        }

        var window = text.AsSpan(start, Math.Min(SearchWindow, text.Length - start));
        var fileType = window.IndexOf("ANSI ", StringComparison.Ordinal);
        if (fileType < 0)
        {
            result.Check("file_type", CheckStatus.Failed, "An AAMVA file starts with '@', three separators and \"ANSI \".");
            result.Error("not_aamva", start, "No AAMVA header (\"ANSI \" near the start): not an AAMVA DL/ID payload.");
            return null;
        }

        fileType += start;
        result.Check("file_type", CheckStatus.Passed, "File type \"ANSI \".");
        var fileStart = CheckSeparators(start, fileType);
        return ReadNumbers(fileStart, fileType + 5);
    }

    /// <summary>Checks what stands between the start and "ANSI "; returns the offset designator offsets count from.</summary>
    private int CheckSeparators(int start, int fileType)
    {
        var prefix = text.AsSpan(start, fileType - start);
        if (prefix.SequenceEqual(Separators))
        {
            result.Check("header_separators", CheckStatus.Passed, "'@', LF, RS, CR before the file type.");
            return start;
        }

        var at = prefix.IndexOf('@');
        var shown = string.Join(" ", prefix.ToArray().Select(PayloadText.Show));
        result.Check("header_separators", CheckStatus.Failed, $"Expected '@' LF RS CR before the file type; found {shown}.");
        if (at < 0)
        {
            result.Deviation("missing_compliance_indicator", start, "No '@' compliance indicator before the file type.");
            return fileType - Separators.Length;
        }

        if (at > 0)
        {
            result.Deviation("leading_data", start, $"{at} character(s) precede the '@' compliance indicator; skipped.");
        }

        result.Deviation("header_separators", start + at, $"Header separators are {shown} instead of '@' LF RS CR.");
        return start + at;
    }

    private AamvaHeader? ReadNumbers(int fileStart, int position)
    {
        if (!Digits(position, 6, "iin", "issuer identification number", out _)
            || !Digits(position + 6, 2, "aamva_version", "AAMVA version number", out var version))
        {
            return null;
        }

        position += 8;
        CheckVersion(version, position - 2);

        // The jurisdiction version arrived with version 2; some version 1 cards carry it anyway, so let the designators decide.
        var hasJurisdictionVersion = version >= 2 || (!IsDesignator(position + 2) && IsDesignator(position + 4));
        if (hasJurisdictionVersion)
        {
            if (!Digits(position, 2, "jurisdiction_version", "jurisdiction version number", out _))
            {
                return null;
            }

            position += 2;
        }

        if (!Digits(position, 2, "number_of_entries", "number of entries", out var entries))
        {
            return null;
        }

        position += 2;
        var designators = new List<AamvaDesignator>();
        for (var i = 0; i < entries; i++, position += 10)
        {
            if (!IsDesignator(position))
            {
                var what = position + 10 > text.Length ? "The payload ends inside" : "Malformed";
                result.Error("bad_designator", Math.Min(position, text.Length), $"{what} subfile designator {i + 1} of {entries}.");
                break;
            }

            PayloadText.TryParseDigits(text, position + 2, 4, out var offset);
            PayloadText.TryParseDigits(text, position + 6, 4, out var length);
            result.Field("", $"subfile_{i + 1}", text.Substring(position, 10), "", position, text.Substring(position, 2));
            designators.Add(new AamvaDesignator(text.Substring(position, 2), offset, length, position));
        }

        return new AamvaHeader(fileStart, version, designators, position);
    }

    private void CheckVersion(int version, int offset)
    {
        var known = version is >= 1 and <= 10;
        result.Check("aamva_version", known ? CheckStatus.Passed : CheckStatus.Failed,
            known ? $"Version {version}." : $"Version {version}; versions 1 to 10 are known.");
        if (version == 0)
        {
            result.Warning("pre_standard_version", offset, "Version 0 predates AAMVA DL/ID-2000; read with the version 1 rules.");
        }
        else if (!known)
        {
            result.Warning("newer_version", offset, $"Version {version} is newer than this parser knows; read with the version 10 rules.");
        }
    }

    private bool Digits(int start, int length, string name, string what, out int value)
    {
        if (PayloadText.TryParseDigits(text, start, length, out value))
        {
            result.Field("", name, text.Substring(start, length), "", start, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        var problem = start + length > text.Length ? "The payload ends inside" : "Not digits:";
        result.Error("bad_header", Math.Min(start, text.Length), $"{problem} the {what} ({length} digits).");
        return false;
    }

    private bool IsDesignator(int position) =>
        position + 10 <= text.Length
        && char.IsAsciiLetterOrDigit(text[position])
        && char.IsAsciiLetterOrDigit(text[position + 1])
        && PayloadText.TryParseDigits(text, position + 2, 8, out _);
}
