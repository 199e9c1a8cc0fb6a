using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Bcbp.Internal;

/// <summary>Reads what follows the last leg: the security section ('^', type, 2-hex length, data), or nothing.</summary>
internal sealed class BcbpSecurityReader(BcbpContext context)
{
    private static readonly BcbpItem SecurityType = new("security_data_type", 1, "28");
    private static readonly BcbpItem SecurityData = new("security_data", 0, "30", Structured: false);

    private ResultBuilder Result => context.Result;

    /// <summary>
    /// The start of a security section whose declared length ends exactly at the end of the payload, searching from
    /// <paramref name="start"/>; null when there is none. Such a match is strong evidence of where the legs really end.
    /// </summary>
    public static int? FindExactSecurity(string text, int start)
    {
        for (var i = text.IndexOf('^', start); i >= 0; i = text.IndexOf('^', i + 1))
        {
            if (PayloadText.TryParseHex(text, i + 2, 2, out var length) && i + 4 + length == text.Length)
            {
                return i;
            }
        }

        return null;
    }

    public void ReadTail(int position)
    {
        var text = context.Text;
        if (position >= text.Length)
        {
            return;
        }

        if (text[position] == '^')
        {
            ReadSecurity(position);
            return;
        }

        if (BcbpReader.IsWhitespace(text.AsSpan(position)))
        {
            Result.Deviation("trailing_whitespace", position, "Whitespace follows the last item (a scanner suffix); ignored.");
            return;
        }

        Result.Error("unexpected_data", position, "Data follows the last leg but does not start a security section ('^').");
    }

    private void ReadSecurity(int start)
    {
        var text = context.Text;
        if (start + 4 > text.Length)
        {
            Result.Error("truncated", text.Length, "The payload ends inside the security section header.");
            return;
        }

        context.ReadItem(SecurityType, "", start + 1, 1);
        if (!context.TryHex(start + 2, 2, "29", "length of security data", out var declared))
        {
            return;
        }

        var dataStart = start + 4;
        var available = text.Length - dataStart;
        var length = declared;
        if (declared == available)
        {
            Result.Check("security_size", CheckStatus.Passed, $"Declares {declared} characters of security data; they fit.");
        }
        else if (declared < available && BcbpReader.IsWhitespace(text.AsSpan(dataStart + declared)))
        {
            Result.Check("security_size", CheckStatus.Passed, $"Declares {declared} characters of security data; they fit.");
            Result.Deviation("trailing_whitespace", dataStart + declared, "Whitespace follows the security data (a scanner suffix); ignored.");
        }
        else
        {
            // The data present is all there is to keep; its length is the honest one.
            length = available;
            Result.Check("security_size", CheckStatus.Failed, $"Declares {declared} characters of security data; {available} present.");
            Result.Deviation("security_size_mismatch", start + 2,
                $"The security section declares {declared} characters but {available} are present; read those.");
        }

        context.ReadItem(SecurityData, "", dataStart, length);
    }
}
