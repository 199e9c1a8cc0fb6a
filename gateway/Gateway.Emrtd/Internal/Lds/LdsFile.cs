namespace Gateway.Emrtd.Internal.Lds;

/// <summary>The elementary files of LDS 1 (Doc 9303 Part 10 §4): file id, short tag, and data group number.</summary>
internal static class LdsFile
{
    public const ushort CardAccess = 0x011C;
    public const ushort Com = 0x011E;
    public const ushort Sod = 0x011D;

    /// <summary>The eMRTD application (LDS 1).</summary>
    public static readonly byte[] ApplicationId = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    public static ushort DataGroupFileId(int number) => (ushort)(0x0100 + number);

    /// <summary>The tag of a data group in EF.COM's tag list (Part 10 Table 2).</summary>
    public static int DataGroupTag(int number) => number switch
    {
        1 => 0x61,
        2 => 0x75,
        3 => 0x63,
        4 => 0x76,
        5 => 0x65,
        6 => 0x66,
        7 => 0x67,
        8 => 0x68,
        9 => 0x69,
        10 => 0x6A,
        11 => 0x6B,
        12 => 0x6C,
        13 => 0x6D,
        14 => 0x6E,
        15 => 0x6F,
        16 => 0x70,
        _ => throw new ArgumentOutOfRangeException(nameof(number)),
    };

    public static int? DataGroupFromTag(int tag)
    {
        for (var n = 1; n <= 16; n++)
        {
            if (DataGroupTag(n) == tag)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>EF.COM's data group list (tag 5C inside 60).</summary>
    public static IReadOnlyList<int> ParseCom(byte[] com)
    {
        if (!Tlv.TryFind(com, 0x60, out var body) || !Tlv.TryFind(body, 0x5C, out var list))
        {
            throw new ChipException(ChipErrorKind.Malformed, "EF.COM does not parse.");
        }

        return list.ToArray().Select(t => DataGroupFromTag(t)).OfType<int>().ToList();
    }

    /// <summary>DG1's MRZ text (tag 5F1F inside 61), lines joined as the chip stores them.</summary>
    public static string ParseDg1(byte[] dg1) =>
        Tlv.TryFind(dg1, 0x61, out var body) && Tlv.TryFind(body, 0x5F1F, out var mrz)
            ? System.Text.Encoding.ASCII.GetString(mrz)
            : throw new ChipException(ChipErrorKind.Malformed, "DG1 does not parse.");

    /// <summary>Splits DG1's MRZ into its lines by length: TD1 3×30, TD2 2×36, TD3 2×44.</summary>
    public static string SplitMrzLines(string mrz)
    {
        var width = mrz.Length switch
        {
            90 => 30,
            72 => 36,
            88 => 44,
            _ => mrz.Length,
        };
        return string.Join('\n', Enumerable.Range(0, mrz.Length / width).Select(i => mrz.Substring(i * width, width)));
    }

    /// <summary>DG11/DG12 text fields by tag (Part 10 §4.7.11–12), e.g. 5F0E full name, 5F2B full date of birth.</summary>
    public static IReadOnlyDictionary<int, string> ParseTextFields(byte[] file, int outerTag)
    {
        var fields = new SortedDictionary<int, string>();
        if (!Tlv.TryFind(file, outerTag, out var body))
        {
            throw new ChipException(ChipErrorKind.Malformed, $"Data group {outerTag:X2} does not parse.");
        }

        var position = 0;
        while (Tlv.TryRead(body, ref position, out var tag, out var start, out var length))
        {
            if (tag is not 0x5C and >= 0x5F00)
            {
                fields[tag] = System.Text.Encoding.UTF8.GetString(body.Slice(start, length));
            }
        }

        return fields;
    }
}
