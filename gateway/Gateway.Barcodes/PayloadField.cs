namespace Gateway.Barcodes;

/// <summary>One item read from a payload.</summary>
/// <param name="Group">
/// Where the item sits: empty for payload-wide items, <c>leg_1</c>…<c>leg_4</c> for BCBP legs, the lowercase subfile
/// type (<c>dl</c>, <c>id</c>, <c>zv</c>…) for AAMVA elements; for seals <c>message</c>, <c>mrz</c> and <c>signature</c>
/// (VDS) or the JSON object path such as <c>pid</c>, <c>ve_1.vd_2</c> (VDS-NC).
/// </param>
/// <param name="Name">A stable snake_case name, e.g. <c>passenger_name</c>, <c>from_airport</c>, <c>date_of_birth</c>.</param>
/// <param name="Value">
/// The value for programs: padding spaces trimmed, dates as ISO 8601 (<c>yyyy-MM-dd</c>) where the format defines
/// a full date, sex as M, F or X.
/// </param>
/// <param name="Raw">
/// The characters exactly as they stand in the payload (after lenient lowercase folding, if any); for a binary VDS the
/// field's bytes one to one as Latin-1, for a seal's MRZ the MRZ characters.
/// </param>
/// <param name="Code">The standard's own identifier: the IATA item number (e.g. <c>26</c>) or the AAMVA element ID (e.g. <c>DBB</c>).</param>
/// <param name="Offset">0-based offset of <paramref name="Raw"/> in the input (as <see cref="PayloadIssue.Offset"/>).</param>
public readonly record struct PayloadField(string Group, string Name, string Value, string Raw, string Code, int Offset)
{
    /// <summary><c>group.name</c>, or just the name for payload-wide items: unique within a result, handy for display.</summary>
    public string Key => Group.Length == 0 ? Name : $"{Group}.{Name}";
}
