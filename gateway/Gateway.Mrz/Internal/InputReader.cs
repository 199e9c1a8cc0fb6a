using System.Globalization;

namespace Gateway.Mrz.Internal;

/// <summary>
/// Turns free text into MRZ lines: splits on CR, LF or CRLF, drops blank lines and surrounding whitespace, folds lowercase,
/// checks the line count and lengths. Everything it tolerates is reported; it never throws on any input.
/// </summary>
internal static class InputReader
{
    /// <summary>Largest working buffer: 3 lines of 30 plus separators (2 lines of 44 need 89).</summary>
    public const int MaxBuffer = 92;

    private const int MaxInvalidCharacterErrors = 10;

    /// <summary>
    /// Reads <paramref name="text"/> into <paramref name="buffer"/> (lines joined by <c>\n</c>). Returns false, with errors
    /// in <paramref name="issues"/>, when the line count or lengths do not fit any MRZ layout.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<char> text,
        Span<char> buffer,
        out int lineCount,
        out int lineLength,
        ref IssueBag issues,
        ref MrzTolerances tolerances)
    {
        lineLength = 0;
        Span<Range> lines = stackalloc Range[3];
        lineCount = SplitLines(text, lines, out var whitespaceLine, out var whitespaceColumn);
        if (whitespaceLine >= 0)
        {
            tolerances |= MrzTolerances.WhitespaceIgnored;
            issues.Warning(
                MrzIssueCode.SurroundingWhitespace,
                whitespaceLine,
                whitespaceColumn,
                "Whitespace around the MRZ lines (spaces, tabs or blank lines) was ignored.");
        }

        if (lineCount == 0)
        {
            issues.Error(MrzIssueCode.EmptyInput, 0, 0, "The input holds no MRZ characters.");
            return false;
        }

        if (lineCount is not (2 or 3))
        {
            issues.Error(
                MrzIssueCode.WrongLineCount,
                0,
                0,
                string.Create(CultureInfo.InvariantCulture, $"The input has {lineCount} lines; an MRZ has 2 (TD2, TD3, visas, French ID) or 3 (TD1)."));
            return false;
        }

        lineLength = ExpectedLength(text, lines[..lineCount]);
        var ok = true;
        for (var i = 0; i < lineCount; i++)
        {
            var length = lines[i].GetOffsetAndLength(text.Length).Length;
            if (length != lineLength)
            {
                ok = false;
                issues.Error(
                    MrzIssueCode.WrongLineLength,
                    i + 1,
                    Math.Min(length, lineLength) + 1,
                    string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} has {length} characters; expected {lineLength}."));
            }
        }

        if (!ok)
        {
            return false;
        }

        CopyLines(text, lines[..lineCount], lineLength, buffer, ref issues, ref tolerances);
        return true;
    }

    /// <summary>
    /// Records up to three non-blank, trimmed lines and returns how many non-blank lines there are in all. A single final
    /// line terminator is normal and not reported; any other trimmed whitespace is reported once (first place found).
    /// </summary>
    private static int SplitLines(ReadOnlySpan<char> text, Span<Range> lines, out int whitespaceLine, out int whitespaceColumn)
    {
        whitespaceLine = -1;
        whitespaceColumn = 0;
        var count = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var rest = text[start..];
            var end = rest.IndexOfAny('\r', '\n');
            var lineEnd = end < 0 ? text.Length : start + end;
            var line = text[start..lineEnd];
            var leading = line.Length - line.TrimStart().Length;
            var trimmed = line.Trim();
            var isLastLine = end < 0;
            if (trimmed.IsEmpty)
            {
                // "…\n" ends with an empty last line: a normal terminator (and "" is empty input), not whitespace.
                if (!(isLastLine && line.IsEmpty) && whitespaceLine < 0)
                {
                    whitespaceLine = count + 1;
                    whitespaceColumn = 1;
                }
            }
            else
            {
                if (trimmed.Length != line.Length && whitespaceLine < 0)
                {
                    whitespaceLine = count + 1;
                    whitespaceColumn = leading > 0 ? 1 : trimmed.Length + 1;
                }

                if (count < lines.Length)
                {
                    lines[count] = new Range(start + leading, start + leading + trimmed.Length);
                }

                count++;
            }

            if (isLastLine)
            {
                break;
            }

            start = lineEnd + 1;
            if (text[lineEnd] == '\r' && start < text.Length && text[start] == '\n')
            {
                start++;
            }
        }

        return count;
    }

    /// <summary>30 for three lines; for two, the first line length that is a two-line MRZ length (36 or 44), else 44.</summary>
    private static int ExpectedLength(ReadOnlySpan<char> text, ReadOnlySpan<Range> lines)
    {
        if (lines.Length == 3)
        {
            return 30;
        }

        foreach (var line in lines)
        {
            var length = line.GetOffsetAndLength(text.Length).Length;
            if (length is 36 or 44)
            {
                return length;
            }
        }

        return 44;
    }

    private static void CopyLines(
        ReadOnlySpan<char> text,
        ReadOnlySpan<Range> lines,
        int lineLength,
        Span<char> buffer,
        ref IssueBag issues,
        ref MrzTolerances tolerances)
    {
        var invalid = 0;
        var lowercaseReported = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = text[lines[i]];
            var target = buffer.Slice(i * (lineLength + 1), lineLength);
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<')
                {
                    target[j] = c;
                }
                else if (c is >= 'a' and <= 'z')
                {
                    target[j] = (char)(c - ('a' - 'A'));
                    if (!lowercaseReported)
                    {
                        lowercaseReported = true;
                        tolerances |= MrzTolerances.LowercaseFolded;
                        issues.Warning(MrzIssueCode.LowercaseCharacters, i + 1, j + 1, "Lowercase letters were read as uppercase.");
                    }
                }
                else
                {
                    // Kept as read, so the result shows it; it counts as 0 in check digits and makes the MRZ invalid.
                    target[j] = c;
                    invalid++;
                    if (invalid <= MaxInvalidCharacterErrors)
                    {
                        issues.Error(
                            MrzIssueCode.InvalidCharacter,
                            i + 1,
                            j + 1,
                            string.Create(CultureInfo.InvariantCulture, $"Character U+{(int)c:X4} is not allowed in an MRZ (A–Z, 0–9, <)."));
                    }
                }
            }

            if (i + 1 < lines.Length)
            {
                buffer[((i + 1) * (lineLength + 1)) - 1] = '\n';
            }
        }

        if (invalid > MaxInvalidCharacterErrors)
        {
            issues.Error(
                MrzIssueCode.InvalidCharacter,
                0,
                0,
                string.Create(CultureInfo.InvariantCulture, $"{invalid - MaxInvalidCharacterErrors} more characters are not allowed in an MRZ."));
        }
    }
}
