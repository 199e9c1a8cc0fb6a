namespace Gateway.Mrz.Internal;

/// <summary>What <see cref="FieldValidator"/> read besides the issues it reported.</summary>
internal struct FieldFacts
{
    public MrzDate DateOfBirth;
    public MrzDate DateOfExpiry;
    public MrzSex Sex;
    public bool NameTruncated;
}
