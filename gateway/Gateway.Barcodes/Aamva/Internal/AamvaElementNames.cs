namespace Gateway.Barcodes.Aamva.Internal;

/// <summary>
/// Field names for AAMVA element IDs (D20 data dictionary as used by the card design standard). IDs not listed keep
/// their own lowercase ID as name (<c>zva</c>), so every element is still shown and names stay stable.
/// </summary>
internal static class AamvaElementNames
{
    private static readonly Dictionary<string, string> Current = new(StringComparer.Ordinal)
    {
        ["DAQ"] = "document_number",
        ["DCS"] = "family_name",
        ["DAC"] = "first_name",
        ["DCT"] = "given_names",
        ["DAD"] = "middle_name",
        ["DCU"] = "name_suffix",
        ["DAA"] = "full_name",
        ["DBB"] = "date_of_birth",
        ["DBA"] = "date_of_expiry",
        ["DBD"] = "date_of_issue",
        ["DBC"] = "sex",
        ["DAU"] = "height",
        ["DAW"] = "weight_pounds",
        ["DAX"] = "weight_kilograms",
        ["DCE"] = "weight_range",
        ["DAY"] = "eye_colour",
        ["DAZ"] = "hair_colour",
        ["DAG"] = "street",
        ["DAH"] = "street_2",
        ["DAI"] = "city",
        ["DAJ"] = "jurisdiction",
        ["DAK"] = "postal_code",
        ["DCG"] = "country",
        ["DCA"] = "vehicle_class",
        ["DCB"] = "restrictions",
        ["DCD"] = "endorsements",
        ["DCF"] = "document_discriminator",
        ["DCH"] = "federal_commercial_vehicle_codes",
        ["DCI"] = "place_of_birth",
        ["DCJ"] = "audit_information",
        ["DCK"] = "inventory_control_number",
        ["DCL"] = "race_ethnicity",
        ["DCM"] = "standard_vehicle_classification",
        ["DCN"] = "standard_endorsement_code",
        ["DCO"] = "standard_restriction_code",
        ["DCP"] = "vehicle_class_description",
        ["DCQ"] = "endorsement_description",
        ["DCR"] = "restriction_description",
        ["DDA"] = "compliance_type",
        ["DDB"] = "card_revision_date",
        ["DDC"] = "hazmat_endorsement_expiry",
        ["DDD"] = "limited_duration_document",
        ["DDE"] = "family_name_truncation",
        ["DDF"] = "first_name_truncation",
        ["DDG"] = "middle_name_truncation",
        ["DDH"] = "under_18_until",
        ["DDI"] = "under_19_until",
        ["DDJ"] = "under_21_until",
        ["DDK"] = "organ_donor",
        ["DDL"] = "veteran",
        ["DBN"] = "alias_family_name",
        ["DBG"] = "alias_given_name",
        ["DBS"] = "alias_suffix",
    };

    // AAMVA DL/ID-2000 (version 1) used some IDs differently before the 2003 revision reassigned them.
    private static readonly Dictionary<string, string> Version1 = new(StringComparer.Ordinal)
    {
        ["DAB"] = "family_name",
        ["DAE"] = "name_suffix",
        ["DAL"] = "residence_street",
        ["DAM"] = "residence_street_2",
        ["DAN"] = "residence_city",
        ["DAO"] = "residence_jurisdiction",
        ["DAP"] = "residence_postal_code",
        ["DAR"] = "vehicle_class",
        ["DAS"] = "restrictions",
        ["DAT"] = "endorsements",
        ["DBG"] = "medical_indicator",
        ["DBH"] = "organ_donor",
        ["DBN"] = "alias_full_name",
        ["DBS"] = "alias_name_prefix",
    };

    /// <summary>Element IDs whose values are full dates (MMDDCCYY or CCYYMMDD by country and version).</summary>
    public static readonly HashSet<string> Dates = new(StringComparer.Ordinal)
    {
        "DBA", "DBB", "DBD", "DDB", "DDC", "DDH", "DDI", "DDJ",
    };

    public static string NameOf(string id, int version)
    {
        if (version <= 1 && Version1.TryGetValue(id, out var old))
        {
            return old;
        }

        return Current.TryGetValue(id, out var name) || Version1.TryGetValue(id, out name) ? name : id.ToLowerInvariant();
    }
}
