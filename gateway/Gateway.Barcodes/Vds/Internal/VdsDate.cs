namespace Gateway.Barcodes.Vds.Internal;

/// <summary>
/// The 3-byte dates of the VDS header (Doc 9303 Part 13 §2.3): the digits MMDDYYYY read as a decimal number, stored as a
/// 24-bit unsigned big-endian integer (e.g. 03/25/1957 → 3251957 → 0x319EF5).
/// </summary>
internal static class VdsDate
{
    public const int Length = 3;

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out DateOnly date)
    {
        date = default;
        if (bytes.Length != Length)
        {
            return false;
        }

        var value = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
        int month = value / 1_000_000, day = value / 10_000 % 100, year = value % 10_000;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
