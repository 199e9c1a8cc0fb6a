namespace Gateway.Barcodes.Tests.Bcbp;

/// <summary>
/// Published BCBP examples. Sources: IATA Resolution 792 Attachment B / BCBP Implementation Guide examples, as carried in
/// the public test suites of martinmroz/iata_bcbp (<c>tests/iata_792_b.rs</c>) and KDE KItinerary
/// (<c>autotests/bcbpparsertest.cpp</c>); collected with their field layout in the team's research note
/// (mrz-specimens.md §8). All names are IATA's fictitious example passengers.
/// </summary>
internal static class BcbpVectors
{
    /// <summary>Res. 792 Attachment B example 1: mandatory items only, 60 characters.</summary>
    public const string MandatoryOnly = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100";

    /// <summary>The 100 characters of security data of Attachment B examples 1 and 3 (type 1, length 0x64).</summary>
    public const string SecurityData =
        "GIWVC5EH7JNT684FVNJ91W2QA4DVN5J8K4F0L0GEQ3DF5TGBN8709HKT5D3DW3GBHFCVHMY7J5T6HFR41W2QA4DVN5J8K4F0L0GE";

    /// <summary>Attachment B example 1 with its security section: 164 characters.</summary>
    public const string MandatoryWithSecurity = MandatoryOnly + "^164" + SecurityData;

    /// <summary>Single leg with every conditional item, version 5 (KItinerary; security data shortened to 8 characters).</summary>
    public const string FullSingleLegV5 =
        "M1DESMARAIS/LUC       EAB12C3 YULFRAAC 0834 326J003A0027 167>5321WW1325BAC 0014123456002001412346700100141234789012A"
        + "0141234567890 1AC AC 1234567890123    4PCYLX58Z^108ABCDEFGH";

    /// <summary>Attachment B example 3: two legs, version 6, with security data; 324 characters.</summary>
    public const string TwoLegsV6 =
        "M2DESMARAIS/LUC       EABC123 YULFRAAC 0834 226F001A0025 14D>6181WW6225BAC 00141234560032A0141234567890 1AC AC 1234567890123"
        + "    20KYLX58ZDEF456 FRAGVALH 3664 227C012C0002 12E2A0140987654321 1AC AC 1234567890123    2PCNWQ^164" + SecurityData;

    /// <summary>Attachment B appendix: Lufthansa home-printed pass, version 2 (no fast track; individual use ends in spaces).</summary>
    public const string LufthansaV2 =
        "M1TEST/HIDDEN         E8OQ6FU FRARLGLH 4010 012C004D0001 35C>2180WW6012BLH              2922023642241060 LH     "
        + "                   *30600000K09         ";

    /// <summary>Attachment B appendix: KLM pass, version 5, repeated section only 13 characters.</summary>
    public const string KlmV5 = "M1TEST/PETER          E24Z5RN AMSBRUKL 1733 019M008A0001 316>503  W0D0742497067621";

    /// <summary>Attachment B appendix: United kiosk pass, version 3.</summary>
    public const string UnitedV3 =
        "M1ASKREN/TEST         EA272SL ORDNRTUA 0881 007F002K0303 15C>3180 K6007BUA              2901624760758980 UA UA EY975897"
        + "            *30600    09  UAG    ";

    /// <summary>
    /// KItinerary's "single leg, partial" example: the body is consistent but the security section is malformed ('^1'
    /// then length 0x8A with 7 characters of data), so only lenient parsing accepts it.
    /// </summary>
    public const string PartialWithMalformedSecurity =
        "M1GRANDMAIRE/MELANIE  EABC123 GVACDGAF 0123 339C002F0025 130>5002A0571234567890  AF AF 1234567890123456    Y^18ABCDEFGH";
}
