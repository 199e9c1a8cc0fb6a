namespace Gateway.Barcodes.Vds.Internal;

/// <summary>How a feature's value is written.</summary>
internal enum FeatureCoding
{
    /// <summary>C40 text.</summary>
    C40,

    /// <summary>A C40 MRZ whose layout follows from its length: 2×36 (TD2-size), 2×44 (TD3-size) or 3×30 (TD1-size).</summary>
    Mrz,

    /// <summary>Visa MRZ, format A: line 1 (44) and the first 28 characters of line 2 (optional data omitted).</summary>
    MrvA,

    /// <summary>Visa MRZ, format B: line 1 (36) and the first 28 characters of line 2 (optional data omitted).</summary>
    MrvB,

    /// <summary>UTF-8 text.</summary>
    Utf8,

    /// <summary>One unsigned byte, shown as a number.</summary>
    Number,

    /// <summary>Visa duration of stay: three bytes, days, months and years.</summary>
    DurationOfStay,

    /// <summary>Bytes without a text form, shown as hex.</summary>
    Binary,
}

/// <summary>One feature of a document type's message zone.</summary>
/// <param name="Tag">The tag byte.</param>
/// <param name="Name">The stable field name.</param>
/// <param name="Coding">How the value is written.</param>
/// <param name="MinBytes">Fewest value bytes the profile allows.</param>
/// <param name="MaxBytes">Most value bytes the profile allows.</param>
/// <param name="Required">Whether the profile requires the feature.</param>
internal sealed record VdsFeature(byte Tag, string Name, FeatureCoding Coding, int MinBytes, int MaxBytes, bool Required);

/// <summary>A document type: its feature definition reference and category (as one number), its name and its features.</summary>
/// <param name="Code">Feature definition reference × 256 + document type category, e.g. 0x5D01.</param>
/// <param name="Name">The stable name shown in the <c>document_type</c> field.</param>
/// <param name="Features">The features the profile defines; other tags are kept as hex fields.</param>
internal sealed record VdsDocumentType(int Code, string Name, VdsFeature[] Features)
{
    public VdsFeature? Feature(byte tag) => Array.Find(Features, f => f.Tag == tag);
}

/// <summary>
/// The document types whose features are sourced: ICAO Doc 9303 Part 13 (visa 0x5D01, emergency travel document 0x5E03)
/// and BSI TR-03137 Part 1 (the German profiles), with tags, codings and lengths as tabulated there and in the
/// tsenger/vdstools profile table (<c>VdsDocumentTypes.json</c>, Apache-2.0) that implements them.
/// </summary>
internal static class VdsDocumentTypes
{
    private static readonly VdsFeature[] AddressSticker =
    [
        new(1, "document_number", FeatureCoding.C40, 6, 6, true),
        new(2, "official_municipality_code", FeatureCoding.C40, 6, 6, true),
        new(3, "address", FeatureCoding.C40, 6, 18, true),
    ];

    private static readonly VdsDocumentType[] Types =
    [
        new(0x5D01, "visa",
        [
            new(1, "mrz_mrv_a", FeatureCoding.MrvA, 48, 48, false),
            new(2, "mrz_mrv_b", FeatureCoding.MrvB, 44, 44, false),
            new(3, "number_of_entries", FeatureCoding.Number, 1, 1, false),
            new(4, "duration_of_stay", FeatureCoding.DurationOfStay, 3, 3, true),
            new(5, "passport_number", FeatureCoding.C40, 6, 6, true),
            new(6, "visa_type", FeatureCoding.Binary, 1, 4, false),
            new(7, "additional_features", FeatureCoding.Binary, 0, 254, false),
        ]),
        new(0x5E03, "emergency_travel_document", [new(2, "mrz", FeatureCoding.Mrz, 48, 48, true)]),
        new(0xFB06, "residence_permit",
        [
            new(2, "mrz", FeatureCoding.Mrz, 48, 48, true),
            new(3, "passport_number", FeatureCoding.C40, 6, 6, true),
        ]),
        new(0xFA06, "supplementary_sheet",
        [
            new(4, "mrz", FeatureCoding.Mrz, 48, 48, true),
            new(5, "sheet_number", FeatureCoding.C40, 6, 6, true),
        ]),
        new(0xFD02, "arrival_attestation",
        [
            new(2, "mrz", FeatureCoding.Mrz, 48, 48, true),
            new(3, "azr_number", FeatureCoding.C40, 8, 8, true),
        ]),
        new(0xFC04, "social_insurance_card",
        [
            new(1, "social_insurance_number", FeatureCoding.C40, 8, 8, true),
            new(2, "surname", FeatureCoding.Utf8, 1, 90, true),
            new(3, "first_name", FeatureCoding.Utf8, 1, 90, true),
            new(4, "birth_name", FeatureCoding.Utf8, 1, 90, false),
        ]),
        new(0xF908, "address_sticker_identity_card", AddressSticker),
        new(0xF90C, "address_sticker_residence_permit", AddressSticker),
        new(0xF80A, "address_sticker_passport",
        [
            new(1, "document_number", FeatureCoding.C40, 6, 6, true),
            new(2, "official_municipality_code", FeatureCoding.C40, 6, 6, true),
            new(3, "postal_code", FeatureCoding.C40, 4, 4, true),
        ]),
    ];

    public static VdsDocumentType? Find(int code) => Array.Find(Types, t => t.Code == code);
}
