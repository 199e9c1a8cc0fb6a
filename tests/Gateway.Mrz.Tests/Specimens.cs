namespace Gateway.Mrz.Tests;

/// <summary>ICAO Doc 9303 example MRZs (fictitious State UTO), used where a test needs one inline.</summary>
internal static class Specimens
{
    /// <summary>Doc 9303 Part 4, Appendix A.</summary>
    public const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";

    /// <summary>Doc 9303 Part 4, Appendix A.</summary>
    public const string Td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    public const string Td3 = Td3Line1 + "\n" + Td3Line2;

    /// <summary>Doc 9303 Part 5, Appendix A.</summary>
    public const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    /// <summary>Doc 9303 Part 6, Appendix A.</summary>
    public const string Td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

    /// <summary>Doc 9303 Part 11, Appendix D.2 (long document number D23145890734).</summary>
    public const string Td1Long = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<";

    /// <summary>PRADO BEL-BO-03003: long number whose check digit only matches with the '&lt;' included.</summary>
    public const string Td1LongFillerIncluded = "IDBEL000590240<6013<<<<<<<<<<<\n8512017F1311048BEL851201002007\nREINARTZ<<ULRIKE<KATIA<E<<<<<<";

    /// <summary>French pre-2021 ID specimen "Corinne BERTHIER".</summary>
    public const string French = "IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n8806923102858CORINNE<<<<<<<6512068F6";

    /// <summary>German passport specimen 2017: D&lt;&lt; codes and a filler personal-number check digit.</summary>
    public const string GermanPassport = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4";

    public static readonly DateOnly Reference = new(2025, 6, 1);

    public static MrzParseOptions Options => new() { ReferenceDate = Reference };

    /// <summary>Replaces one character (1-based line and column) of an MRZ text.</summary>
    public static string With(string mrz, int line, int column, char c)
    {
        var lines = mrz.Split('\n');
        var chars = lines[line - 1].ToCharArray();
        chars[column - 1] = c;
        lines[line - 1] = new string(chars);
        return string.Join('\n', lines);
    }
}
