namespace Gateway.Host.Security;

/// <summary>
/// A log field holding personal data (a name, a document number, an MRZ line, a date of birth). It formats masked —
/// the first three and last two characters of a long value, e.g. <c>L89****C3</c>, nothing of a short one — so
/// whatever sink or level a message reaches, the value is never written out whole. Images are never logged at all.
/// </summary>
internal readonly struct PersonalData(string? value) : ISpanFormattable
{
    /// <summary>The masked form of <paramref name="value"/>.</summary>
    public static string Mask(string? value) =>
        value switch
        {
            null or "" => string.Empty,
            { Length: >= 8 } => string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(value.Length - 2)),
            _ => "****",
        };

    public override string ToString() => Mask(value);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var masked = ToString();
        charsWritten = masked.Length <= destination.Length ? masked.Length : 0;
        return masked.AsSpan().TryCopyTo(destination);
    }
}
