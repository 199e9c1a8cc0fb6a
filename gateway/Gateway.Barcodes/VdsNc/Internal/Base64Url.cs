namespace Gateway.Barcodes.VdsNc.Internal;

/// <summary>
/// Base64url (RFC 4648 §5), as VDS-NC writes <c>cer</c> and <c>sigvl</c>; '=' padding is accepted. Some issuers write the
/// standard alphabet ('+', '/') instead, which the caller may tolerate.
/// </summary>
internal static class Base64Url
{
    /// <summary>Decodes; on failure returns false with the index of the offending character.</summary>
    public static bool TryDecode(string text, out byte[] bytes, out int errorIndex, out bool standardAlphabet)
    {
        bytes = [];
        errorIndex = -1;
        standardAlphabet = false;
        var end = text.Length;
        while (end > 0 && text[end - 1] == '=' && text.Length - end < 2)
        {
            end--;
        }

        var buffer = new char[(end + 3) / 4 * 4];
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (c is '+' or '/')
            {
                standardAlphabet = true;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                errorIndex = i;
                return false;
            }

            buffer[i] = c switch { '-' => '+', '_' => '/', _ => c };
        }

        if (end % 4 == 1)
        {
            errorIndex = end - 1;
            return false;
        }

        buffer.AsSpan(end).Fill('=');
        try
        {
            bytes = Convert.FromBase64CharArray(buffer, 0, buffer.Length);
            return true;
        }
        catch (FormatException)
        {
            errorIndex = Math.Max(end - 1, 0);
            return false;
        }
    }
}
