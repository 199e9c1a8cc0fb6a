namespace Gateway.Mrz.Internal;

/// <summary>
/// Chooses the layout from the line geometry, then checks the document code against it. The geometry decides, because it
/// is what the fields' positions depend on; a document code that belongs to another layout is reported as an error.
/// </summary>
internal static class FormatDetector
{
    public static MrzFormat Detect(ReadOnlySpan<char> buffer, int lineCount, int lineLength, ref IssueBag issues)
    {
        var code = buffer[0];
        switch (lineCount, lineLength)
        {
            case (3, 30):
                ExpectCard(code, "TD1 (3×30)", ref issues);
                return MrzFormat.Td1;
            case (2, 44) when code == 'V':
                return MrzFormat.MrvA;
            case (2, 44):
                if (code != 'P')
                {
                    Mismatch(code, "TD3 (2×44) is the passport layout; document codes start with P (or V for MRV-A)", ref issues);
                }

                return MrzFormat.Td3;
            case (2, 36) when code == 'V':
                return MrzFormat.MrvB;
            case (2, 36) when buffer.StartsWith("IDFRA"):
                return MrzFormat.FrenchIdentityCard;
            default:
                ExpectCard(code, "TD2 (2×36)", ref issues);
                return MrzFormat.Td2;
        }
    }

    /// <summary>TD1 and TD2 carry official travel documents other than passports: codes A, C or I (Doc 9303 Parts 5 and 6).</summary>
    private static void ExpectCard(char code, string layout, ref IssueBag issues)
    {
        if (code is 'A' or 'C' or 'I')
        {
            return;
        }

        var hint = code switch
        {
            'P' => "a passport (P) MRZ has 2 lines of 44; this one has been cut or misread",
            'V' => "a visa (V) MRZ has 2 lines of 44 or 36",
            _ => "document codes in this layout start with A, C or I",
        };
        Mismatch(code, $"{layout}: {hint}", ref issues);
    }

    private static void Mismatch(char code, string detail, ref IssueBag issues) =>
        issues.Error(MrzIssueCode.FormatMismatch, 1, 1, $"Document code '{code}' does not match the line lengths: {detail}.");
}
