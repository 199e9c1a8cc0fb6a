using System.Text;

namespace Gateway.Mrz.Internal;

/// <summary>Reads MRZ name fields: surname and given names split at the first <c>&lt;&lt;</c>, fillers as spaces.</summary>
internal static class NameReader
{
    /// <summary>Length of the primary identifier: up to the first <c>&lt;&lt;</c>, or the whole field when there is none.</summary>
    public static int SurnameLength(ReadOnlySpan<char> field)
    {
        var separator = field.IndexOf("<<");
        return separator < 0 ? field.Length : separator;
    }

    /// <summary>Where the secondary identifier starts (after the <c>&lt;&lt;</c>), or the field length when there is none.</summary>
    public static int GivenNamesStart(ReadOnlySpan<char> field)
    {
        var separator = field.IndexOf("<<");
        return separator < 0 ? field.Length : separator + 2;
    }

    /// <summary>A name part as people write it: each run of fillers becomes one space, fillers at either end are dropped.</summary>
    public static string Normalize(ReadOnlySpan<char> part)
    {
        part = part.Trim('<');
        if (part.IsEmpty)
        {
            return string.Empty;
        }

        if (!part.Contains('<'))
        {
            return new string(part);
        }

        var builder = new StringBuilder(part.Length);
        var previousFiller = false;
        foreach (var c in part)
        {
            if (c == '<')
            {
                if (!previousFiller)
                {
                    builder.Append(' ');
                }

                previousFiller = true;
            }
            else
            {
                builder.Append(c);
                previousFiller = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>A name field whose last character is not a filler may have been cut to fit.</summary>
    public static bool FillsField(ReadOnlySpan<char> field) => !field.IsEmpty && field[^1] != '<';
}
