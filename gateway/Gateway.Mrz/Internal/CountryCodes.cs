namespace Gateway.Mrz.Internal;

/// <summary>
/// Issuing State / nationality codes: ISO 3166-1 alpha-3 plus the codes Doc 9303 Part 3 adds. Looked up in a 26³-bit map,
/// so a lookup neither allocates nor hashes.
/// </summary>
internal static class CountryCodes
{
    /// <summary>ISO 3166-1 alpha-3 (249 codes, TWN included).</summary>
    private const string Iso3166 =
        "AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN BOL BES BIH " +
        "BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK CRI CIV HRV CUB CUW " +
        "CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC " +
        "GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ " +
        "KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM " +
        "MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY " +
        "PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK " +
        "SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA " +
        "UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE";

    /// <summary>
    /// Doc 9303 Part 3 codes outside ISO 3166-1: British nationality classes, EU, UN bodies and UNMIK Kosovo, other issuing
    /// organisations, no-defined-nationality codes, deprecated codes still printed on valid documents, the fictitious
    /// Utopia of the specimens, and RKS (printed on Kosovo passports).
    /// </summary>
    private const string Icao =
        "GBD GBN GBO GBP GBS EUE UNO UNA UNK XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC XXA XXB XXC XXX ANT NTZ UTO RKS";

    private static readonly ulong[] Known = Build();

    /// <summary>Whether a printed three-character code is known; Germany's <c>D&lt;&lt;</c> is.</summary>
    public static bool IsKnown(ReadOnlySpan<char> code)
    {
        if (IsGermany(code))
        {
            return true;
        }

        var index = Index(code);
        return index >= 0 && (Known[index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>Germany prints <c>D</c> padded with fillers instead of <c>DEU</c>.</summary>
    public static bool IsGermany(ReadOnlySpan<char> code) => code is "D<<";

    /// <summary>A code with fillers trimmed, Germany's <c>D</c> as <c>DEU</c>.</summary>
    public static string Normalize(string code) => code == "D" ? "DEU" : code;

    private static int Index(ReadOnlySpan<char> code)
    {
        if (code.Length != 3 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]) || !char.IsAsciiLetterUpper(code[2]))
        {
            return -1;
        }

        return ((code[0] - 'A') * 26 * 26) + ((code[1] - 'A') * 26) + (code[2] - 'A');
    }

    private static ulong[] Build()
    {
        var bits = new ulong[((26 * 26 * 26) + 63) / 64];
        foreach (var list in (ReadOnlySpan<string>)[Iso3166, Icao])
        {
            foreach (var range in list.AsSpan().Split(' '))
            {
                var index = Index(list.AsSpan()[range]);
                bits[index >> 6] |= 1UL << (index & 63);
            }
        }

        return bits;
    }
}
